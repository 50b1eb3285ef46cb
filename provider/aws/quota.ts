// A client-side pacer per request-rate quota, per provider process. Cognito's quotas are per
// account and Region, shared by every operation of a category and not adjustable for the
// user-pool categories; a `pulumi` command runs every dynamic resource of the stack in one
// provider process, so pacing here paces the stack. Without it, Pulumi's parallel steps send
// bursts the service answers with 429 TooManyRequestsException ("Rate exceeded"): each 429 is a
// wasted request, and the SDK's backoff (adaptive mode, aws/clients.ts) then leaves the quota
// partly unused. With it, requests leave at the quota's rate and the SDK's retry is left for
// the traffic of other callers in the account.
//
// Sources (the same table models AWS in test/harness/faultProxy.ts):
//   Cognito: "Amazon Cognito user pools API operation categories and request rate quotas",
//   https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations
//   (UserPoolRead 15, UserPoolUpdate 15, UserPoolResourceRead 20, UserPoolResourceUpdate 15
//   requests/s); the API reference's own limits: TagResource and UntagResource "up to 5 times per
//   second, per account" (API_TagResource.html, API_UntagResource.html).
//   IAM: no published per-operation rates; 20 reads/s and 10 writes/s are assumptions.
//
// COGNITO_MFA_QUOTA_SHARE (0 < share <= 1, default 1) gives this process that share of each
// quota, for stacks of one account and Region run at the same time (e.g. 0.25 for four);
// COGNITO_MFA_QUOTA_SHARE=off turns the pacer off.

export interface Quota {
    name: string;
    /** Requests per second per account and Region. */
    rps: number;
    ops: readonly string[];
}

export const QUOTAS: readonly Quota[] = [
    { name: "UserPoolRead", rps: 15, ops: ["DescribeUserPool", "GetUserPoolMfaConfig", "ListUserPools"] },
    { name: "UserPoolUpdate", rps: 15, ops: ["SetUserPoolMfaConfig"] },
    { name: "UserPoolResourceUpdate", rps: 15, ops: ["TagResource", "UntagResource"] },
    { name: "TagResource", rps: 5, ops: ["TagResource"] },
    { name: "UntagResource", rps: 5, ops: ["UntagResource"] },
    {
        name: "IAM read (assumed)",
        rps: 20,
        ops: [
            "GetRole",
            "GetRolePolicy",
            "GetPolicy",
            "GetPolicyVersion",
            "ListRolePolicies",
            "ListAttachedRolePolicies",
            "ListInstanceProfilesForRole",
        ],
    },
    {
        name: "IAM write (assumed)",
        rps: 10,
        ops: [
            "CreateRole",
            "DeleteRole",
            "PutRolePolicy",
            "DeleteRolePolicy",
            "TagRole",
            "UntagRole",
            "UpdateRole",
            "UpdateAssumeRolePolicy",
            "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary",
        ],
    },
];

export interface PacerClock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)) };

/**
 * A token bucket at `rps` holding half a second's worth (at least 1): under the rate a request
 * leaves at once, above it `take()` books the next free slot and waits for it. Half, not the
 * service's whole second: requests paced at exactly the rate leave the service's bucket as full
 * as the pacer left it, and a reserve there absorbs the jitter between leaving here and arriving
 * there (with none, every late request lets two arrive together and the second gets a 429).
 */
export class Pacer {
    /** The theoretical arrival time of the next request (GCRA): a full bucket is `tat <= now`. */
    private tat = -Infinity;
    readonly burst: number;
    constructor(
        readonly rps: number,
        private readonly clock: PacerClock = realClock,
    ) {
        this.burst = Math.max(1, Math.floor(rps / 2));
    }

    async take(): Promise<void> {
        const now = this.clock.now();
        const interval = 1000 / this.rps;
        const tat = Math.max(this.tat, now);
        const at = Math.max(now, tat - (this.burst - 1) * interval);
        this.tat = tat + interval;
        // (a float margin: k intervals back from k intervals ahead is not always exactly now)
        if (at - now > 1e-6) await this.clock.sleep(at - now);
    }
}

export function quotaShare(value: string | undefined = process.env.COGNITO_MFA_QUOTA_SHARE): number | undefined {
    if (value === undefined || value === "") return 1;
    if (value === "off") return undefined;
    const share = Number(value);
    return share > 0 && share <= 1 ? share : 1;
}

/** The pacers of one process, one per quota. */
export class Pacers {
    private readonly byQuota = new Map<string, Pacer>();
    constructor(
        /** The share of each quota this process takes; undefined: no pacing. */
        private readonly share: number | undefined,
        private readonly clock: PacerClock = realClock,
        private readonly quotas: readonly Quota[] = QUOTAS,
    ) {}

    /** Waits for a slot in every quota `operation` counts against (none for an unknown operation). */
    async pace(operation: string): Promise<void> {
        if (this.share === undefined) return;
        for (const q of this.quotas) {
            if (!q.ops.includes(operation)) continue;
            let p = this.byQuota.get(q.name);
            if (!p) this.byQuota.set(q.name, (p = new Pacer(q.rps * this.share, this.clock)));
            await p.take();
        }
    }
}

let processPacers: Pacers | undefined;

/** The process's pacers (built on first use, so the environment of the provider process counts). */
export function pace(operation: string): Promise<void> {
    return (processPacers ??= new Pacers(quotaShare())).pace(operation);
}
