// The account walk: every user pool of the named Regions (ListUserPools, paginated), and for each
// what the rules need: DescribeUserPool, GetUserPoolMfaConfig, the SMS role (IAM GetRole and its
// permission policies, as the pre-flight reads it) and the account's SMS sending state in the
// Region it sends from (Amazon SNS or End User Messaging SMS). Read-only, through the gateway in
// aws/; at most `concurrency` pools at a time, each role and each SMS path and Region read once
// per run. A read that fails is kept in the facts (the rules report it) and never stops the walk;
// only a Region whose pools cannot be listed does.
import { findUserPool } from "../aws/cognito";
import { readMfaConfig } from "../userPoolMfaConfig/live";
import { listUserPools, ListedPool } from "../aws/cognito";
import { isAccessDenied } from "../aws/errors";
import { findRole, findRolePermissionPolicies } from "../aws/iam";
import { errorName } from "../aws/retry";
import { accountOf, roleNameOf } from "../common/arn";
import { normalize } from "../userPoolMfaConfig/model";
import { readSmsSendingState, skippedText, SmsSendingRead, smsReadKey, smsSendingTarget } from "../userPoolMfaConfig/smsDeliveryPreflight";
import type { FailedRead, PoolFacts, RoleFacts } from "./facts";
import { mapLimit } from "./limit";
import { smsRoleOf } from "./postureRules";

export const DEFAULT_CONCURRENCY = 4;

export interface WalkOptions {
    regions: string[];
    concurrency?: number;
    /** Told after each pool is read. */
    progress?: (p: { region: string; done: number; total: number }) => void;
    log?: (message: string) => void;
}

export interface WalkResult {
    facts: PoolFacts[];
    /** What the endpoint could not answer at all (an emulator without an operation), once each. */
    notes: string[];
}

/** ListUserPools failed: the account cannot be audited in this Region. */
export class AccountUnreadable extends Error {
    constructor(
        readonly region: string,
        readonly action: string,
        cause: unknown,
    ) {
        const denied = isAccessDenied(cause);
        const msg = cause instanceof Error ? cause.message : String(cause);
        super(
            denied
                ? `cannot list the user pools in ${region}: the caller may not call ${action} (${(cause as { awsErrorName?: string }).awsErrorName}). Grant the auditing identity ${action} (it has no resource-level scoping), then run the audit again.`
                : `cannot list the user pools in ${region}: ${msg}`,
        );
        this.name = "AccountUnreadable";
    }
}

function failedRead(service: string, err: unknown): FailedRead {
    const op = (err as { operation?: string }).operation ?? "unknown";
    return {
        action: `${service}:${op}`,
        errorName: (err as { awsErrorName?: string }).awsErrorName ?? errorName(err),
        message: err instanceof Error ? err.message : String(err),
        accessDenied: isAccessDenied(err),
    };
}

async function readRole(arn: string, region: string, poolAccount: string | undefined, log?: (m: string) => void): Promise<RoleFacts> {
    const roleAccount = accountOf(arn)?.accountId;
    if (poolAccount && roleAccount && roleAccount !== poolAccount) return { arn, otherAccount: roleAccount };
    const name = roleNameOf(arn);
    if (!name) return { arn, missing: true };
    let role;
    try {
        role = await findRole(name, { region, log });
    } catch (err) {
        return { arn, error: failedRead("iam", err) };
    }
    if (!role) return { arn, missing: true };
    const readAccount = accountOf(role.arn)?.accountId;
    if (roleAccount && readAccount && readAccount !== roleAccount) return { arn, otherAccount: roleAccount };
    try {
        return { arn, trustPolicy: role.trustPolicy, permissionPolicies: await findRolePermissionPolicies(name, { region, log }) };
    } catch (err) {
        return { arn, trustPolicy: role.trustPolicy, policiesError: failedRead("iam", err) };
    }
}

async function readPool(p: ListedPool, region: string, shared: Shared, log?: (m: string) => void): Promise<PoolFacts> {
    const facts: PoolFacts = { userPoolId: p.id, name: p.name, region };
    try {
        const pool = await findUserPool(p.id, { region, log });
        if (pool) facts.pool = pool;
    } catch (err) {
        facts.poolError = failedRead("cognito-idp", err);
    }
    try {
        const read = await readMfaConfig(p.id, { region, log });
        if (read) facts.mfa = read.config;
        else
            facts.mfaError = {
                action: "cognito-idp:GetUserPoolMfaConfig",
                errorName: "ResourceNotFoundException",
                message: `user pool ${p.id} was deleted during the audit`,
                accessDenied: false,
            };
    } catch (err) {
        facts.mfaError = failedRead("cognito-idp", err);
    }
    if (!facts.mfa) return facts;
    const target = smsRoleOf(facts.mfa);
    if (target) {
        const key = target.arn;
        let role = shared.roles.get(key);
        if (!role) {
            role = readRole(target.arn, region, accountOf(facts.pool?.Arn)?.accountId, log);
            shared.roles.set(key, role);
        }
        facts.role = await role;
    }
    const sending = smsSendingTarget({ userPoolId: p.id, ...normalize(facts.mfa) }, region);
    if (sending) {
        const key = smsReadKey(sending);
        let sms = shared.sms.get(key);
        if (!sms) {
            sms = readSmsSendingState(sending.region, { log, path: sending.path, eums: sending.eums });
            shared.sms.set(key, sms);
        }
        facts.sms = await sms;
    }
    return facts;
}

interface Shared {
    roles: Map<string, Promise<RoleFacts>>;
    sms: Map<string, Promise<SmsSendingRead>>;
}

/** Reads every pool of every Region named. Throws AccountUnreadable when a Region's pools cannot be listed. */
export async function walkAccount(opts: WalkOptions): Promise<WalkResult> {
    const shared: Shared = { roles: new Map(), sms: new Map() };
    const facts: PoolFacts[] = [];
    for (const region of opts.regions) {
        let pools: ListedPool[];
        try {
            pools = await listUserPools({ region, log: opts.log });
        } catch (err) {
            throw new AccountUnreadable(region, "cognito-idp:ListUserPools", err);
        }
        let done = 0;
        const read = await mapLimit(pools, opts.concurrency ?? DEFAULT_CONCURRENCY, async (p) => {
            const f = await readPool(p, region, shared, opts.log);
            opts.progress?.({ region, done: ++done, total: pools.length });
            return f;
        });
        facts.push(...read);
    }
    // One read per path, Region and named resources: the same unsupported account read can show in several.
    const notes = new Set<string>();
    for (const read of shared.sms.values()) {
        const { state, skipped } = await read;
        for (const s of skipped) if (s.unsupported) notes.add(skippedText(s, state.region, ""));
    }
    return { facts, notes: [...notes] };
}
