// A fault-injecting HTTP proxy on a free loopback port in front of moto (which has no fault
// injection of its own, see shared/reference/moto.md §3). The provider under test reaches it
// through AWS_ENDPOINT_URL (awsEnv(proxy.endpoint)), exactly as it would reach AWS, so every
// retry it makes is the provider's (or the SDK's) own.
//
// It parses each request's operation (Cognito: `X-Amz-Target:
// AWSCognitoIdentityProviderService.<Op>`; IAM and other query services: `Action=<Op>` in the
// form body), records every request, and answers some of them with a fault chosen by rules:
//
//   const proxy = await startFaultProxy(moto.endpoint);
//   proxy.addRule({ op: "*", service: "cognito-idp", fault: { kind: "throttle" }, rps: 15 });
//   proxy.addRule({ op: "*", fault: { kind: "status", status: 503 }, rate: 0.2 });
//   proxy.addRule({ op: "SetUserPoolMfaConfig", fault: { kind: "iamPropagation", windowMs: 5000 } });
//   ... run pulumi with awsEnv(proxy.endpoint) ...
//   proxy.count("SetUserPoolMfaConfig"); proxy.count("SetUserPoolMfaConfig", { injected: true });
//
// cognito-idp tagging (TagResource, UntagResource, ListTagsForResource and DescribeUserPool's
// UserPoolTags) is the emulator's (tools/moto-ext, docs/emulator.md): the proxy forwards it.
//
// API (kept stable: benchmarks use it too): startFaultProxy(target, opts?) -> FaultProxy with
// endpoint, addRule, clearRules, requests, count, stats, reset, stop.
import { createServer, IncomingMessage, request as httpRequest, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";

export type Service = "cognito-idp" | "iam" | "sts" | "unknown";

/** What the proxy answers instead of (or before) forwarding. */
export type Fault =
    /** Cognito: HTTP 429 TooManyRequestsException; IAM: HTTP 400 `Throttling` (query XML). */
    | { kind: "throttle" }
    /** HTTP 500 InternalErrorException / 503 ServiceUnavailable (JSON for Cognito, XML for IAM). */
    | { kind: "status"; status: 500 | 502 | 503 | 504 }
    /** Destroys the client's socket without an answer (the SDK sees ECONNRESET / socket hang up). */
    | { kind: "reset" }
    /** Waits `ms`, then forwards the request (not counted as an error). */
    | { kind: "delay"; ms: number }
    /** HTTP 400 ConcurrentModificationException (IAM: `ConcurrentModification`). */
    | { kind: "concurrentModification" }
    /** Any error: HTTP `status` with `code` and `message` in the service's error shape. */
    | { kind: "error"; status: number; code: string; message: string }
    /**
     * IAM eventual consistency: SetUserPoolMfaConfig (or any op the rule names) carrying an
     * SmsConfiguration whose role was created through this proxy (CreateRole) less than
     * `windowMs` ago (by the proxy's clock) gets HTTP 400 InvalidSmsRoleTrustRelationshipException.
     * Requests for roles the proxy did not see created are forwarded.
     */
    | { kind: "iamPropagation"; windowMs: number };

export interface FaultRule {
    /** Operation name (e.g. "SetUserPoolMfaConfig", "CreateRole") or "*" for every operation. */
    op: string;
    /** With op "*": only these operations (a quota category). */
    ops?: readonly string[];
    /** Only requests to this service; default any. */
    service?: Service;
    fault: Fault;
    /**
     * Probability (0..1) that a matching request is hit; default 1. With `rps`, applies to
     * the requests above the rate.
     */
    rate?: number;
    /**
     * Token bucket: the fault hits only requests above `rps` requests per second (the bucket
     * holds `burst` tokens, default `rps`, refilled at `rps` per second; one bucket per rule,
     * shared by every operation the rule matches, like an AWS quota category).
     */
    rps?: number;
    burst?: number;
    /** Stop injecting after this many hits. */
    max?: number;
    /**
     * Hit the same request (same operation and body, i.e. an SDK retry of one call) at most
     * this many times: a transient fault that a bounded retry always gets past.
     */
    maxPerRequest?: number;
    /** Only requests whose body this accepts (e.g. forUserPools below); default every request. */
    match?: (body: string) => boolean;
}

export interface RecordedRequest {
    op: string;
    service: Service;
    /** ms since epoch (proxy clock) when the request arrived. */
    time: number;
    /** HTTP status sent to the client; 0 when the connection was reset. */
    status: number;
    /** The fault kind when the proxy answered (or delayed) this request itself. */
    injected?: Fault["kind"];
    /** ms from arrival to the end of the answer. */
    durationMs: number;
}

export interface OpStats {
    requests: number;
    /** Requests the proxy answered with a fault (delays not counted). */
    injected: number;
    /** Status -> count, as the client saw them (0 = reset). */
    statuses: Record<string, number>;
}

export interface FaultProxy {
    /** http://127.0.0.1:PORT, for awsEnv(). */
    readonly endpoint: string;
    /** Adds a rule; rules are tried in order and the first that hits decides. Returns the rule's id. */
    addRule(rule: FaultRule): number;
    removeRule(id: number): void;
    clearRules(): void;
    /** Every request so far, in arrival order (a copy). */
    requests(): RecordedRequest[];
    /**
     * How many requests for `op` ("*" or undefined = all) were seen; with `injected: true` only
     * those the proxy answered with a fault, with `injected: false` only those forwarded.
     */
    count(op?: string, filter?: { injected?: boolean; status?: number }): number;
    /** Per-operation totals. */
    stats(): Record<string, OpStats>;
    /** Forgets the recorded requests and the roles seen created (rules stay). */
    reset(): void;
    stop(): Promise<void>;
}

export interface FaultProxyOptions {
    /** The proxy's clock (for iamPropagation and the token buckets); default Date.now. */
    now?: () => number;
    /** Random source for `rate`; default Math.random. */
    random?: () => number;
}

/** The operation and service of an AWS request, from its target header or form body. */
export function parseOperation(headers: IncomingMessage["headers"], body: string): { op: string; service: Service } {
    const target = headers["x-amz-target"];
    if (typeof target === "string" && target.includes(".")) {
        const [prefix, op] = target.split(".", 2);
        return { op, service: prefix === "AWSCognitoIdentityProviderService" ? "cognito-idp" : "unknown" };
    }
    const ct = String(headers["content-type"] ?? "");
    if (ct.includes("x-www-form-urlencoded") || body.includes("Action=")) {
        const form = new URLSearchParams(body);
        const op = form.get("Action") ?? "unknown";
        const auth = String(headers["authorization"] ?? "");
        const service: Service = /\/sts\/aws4_request/.test(auth) ? "sts" : "iam";
        return { op, service };
    }
    return { op: "unknown", service: "unknown" };
}

function jsonError(res: ServerResponse, status: number, code: string, message: string): void {
    const body = JSON.stringify({ __type: code, message });
    res.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-errortype": code,
        "x-amzn-requestid": `fault-${Date.now()}`,
        "content-length": Buffer.byteLength(body),
    });
    res.end(body);
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
    const type = status >= 500 ? "Receiver" : "Sender";
    const body =
        `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${type}</Type>` +
        `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-${Date.now()}</RequestId></ErrorResponse>`;
    res.writeHead(status, { "content-type": "text/xml", "content-length": Buffer.byteLength(body) });
    res.end(body);
}

interface LiveRule {
    id: number;
    rule: FaultRule;
    tokens: number;
    refilledAt: number;
    hits: number;
    perRequest: Map<string, number>;
}

// ---------------------------------------------------------------------------------------------
// AWS's documented request-rate quotas, per account and Region, as throttle rules (quotaRules).
//
// Cognito user pools: "Amazon Cognito user pools API operation categories and request rate quotas"
// in https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations:
// UserPoolRead 15 RPS, UserPoolUpdate 15 RPS, UserPoolResourceRead 20 RPS, UserPoolResourceUpdate
// 15 RPS (none adjustable; Service Quotas codes L-CFFBE34A, L-60A0B411, L-A01C9633). The API
// reference adds per-operation limits: TagResource and UntagResource "up to 5 times per second,
// per account" (API_TagResource.html, API_UntagResource.html), ListTagsForResource 10
// (API_ListTagsForResource.html). Which category holds the tagging operations is not spelled out
// beside those limits: they are modelled as UserPoolResource* (the category of a pool's
// sub-resources) and their own per-operation bucket, a request passing both.
// IAM publishes no per-operation request rates: the figures below are ASSUMPTIONS (IAM is a
// global, control-plane service that throttles with `Throttling`; 20 reads/s and 10 writes/s per
// account are chosen as conservative round figures, not measured on AWS).

export interface QuotaCategory {
    service: Service;
    /** The quota's name (Cognito's category, or our label for an assumed IAM figure). */
    name: string;
    rps: number;
    ops: readonly string[];
    /** Where the figure comes from. */
    source: string;
    /** True when no AWS document gives the figure. */
    assumed?: boolean;
}

const COGNITO_QUOTAS_PAGE = "docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations";

// Written out here, not imported from provider/aws/quota.ts: the proxy stands for AWS, and a
// pacer checked against its own table would pass whatever mistake the table holds.
export const AWS_QUOTAS: readonly QuotaCategory[] = [
    {
        service: "cognito-idp",
        name: "UserPoolRead",
        rps: 15,
        ops: ["DescribeUserPool", "GetUserPoolMfaConfig", "ListUserPools"],
        source: COGNITO_QUOTAS_PAGE,
    },
    {
        service: "cognito-idp",
        name: "UserPoolUpdate",
        rps: 15,
        ops: ["SetUserPoolMfaConfig", "UpdateUserPool", "CreateUserPool", "DeleteUserPool"],
        source: COGNITO_QUOTAS_PAGE,
    },
    { service: "cognito-idp", name: "UserPoolResourceRead", rps: 20, ops: ["ListTagsForResource"], source: COGNITO_QUOTAS_PAGE },
    { service: "cognito-idp", name: "UserPoolResourceUpdate", rps: 15, ops: ["TagResource", "UntagResource"], source: COGNITO_QUOTAS_PAGE },
    {
        service: "cognito-idp",
        name: "TagResource",
        rps: 5,
        ops: ["TagResource"],
        source: "docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TagResource.html",
    },
    {
        service: "cognito-idp",
        name: "UntagResource",
        rps: 5,
        ops: ["UntagResource"],
        source: "docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UntagResource.html",
    },
    {
        service: "cognito-idp",
        name: "ListTagsForResource",
        rps: 10,
        ops: ["ListTagsForResource"],
        source: "docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListTagsForResource.html",
    },
    {
        service: "iam",
        name: "IAM read (assumed)",
        rps: 20,
        ops: [
            "GetRole",
            "GetRolePolicy",
            "GetPolicy",
            "GetPolicyVersion",
            "ListRoleTags",
            "ListRolePolicies",
            "ListAttachedRolePolicies",
            "ListInstanceProfilesForRole",
        ],
        source: "assumption: IAM publishes no request rates",
        assumed: true,
    },
    {
        service: "iam",
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
        source: "assumption: IAM publishes no request rates",
        assumed: true,
    },
];

/** The quotas a request of `op` counts against (Cognito: its category and any per-operation limit). */
export function quotasOf(service: Service, op: string): QuotaCategory[] {
    return AWS_QUOTAS.filter((q) => q.service === service && q.ops.includes(op));
}

/**
 * One throttle rule per quota (token bucket at its rate, burst one second's worth), answering
 * above it as the service does (Cognito: 429 TooManyRequestsException; IAM: 400 Throttling).
 * `scale` multiplies every rate (e.g. to model a quota increase).
 */
export function quotaRules(scale = 1): FaultRule[] {
    return AWS_QUOTAS.map((q) => ({
        op: "*",
        ops: q.ops,
        service: q.service,
        fault: { kind: "throttle" },
        rps: q.rps * scale,
        burst: q.rps * scale,
    }));
}

/** Starts the proxy on a free 127.0.0.1 port, forwarding to `target` (moto's endpoint). */
export async function startFaultProxy(target: string, opts: FaultProxyOptions = {}): Promise<FaultProxy> {
    const now = opts.now ?? Date.now;
    const random = opts.random ?? Math.random;
    const upstream = new URL(target);
    let rules: LiveRule[] = [];
    let nextId = 1;
    let log: RecordedRequest[] = [];
    /** Role name -> time CreateRole was seen. */
    let rolesCreated = new Map<string, number>();
    /** The first rule that hits this request, consuming a token / counting the hit. */
    function pick(op: string, service: Service, body: string): Fault | undefined {
        for (const r of rules) {
            const { rule } = r;
            if (rule.op !== "*" && rule.op !== op) continue;
            if (rule.ops && !rule.ops.includes(op)) continue;
            if (rule.service && rule.service !== service) continue;
            if (rule.match && !rule.match(body)) continue;
            if (rule.max !== undefined && r.hits >= rule.max) continue;
            if (rule.fault.kind === "iamPropagation") {
                if (!recentRole(body, rule.fault.windowMs)) continue;
            }
            if (rule.rps !== undefined) {
                const t = now();
                const burst = rule.burst ?? rule.rps;
                r.tokens = Math.min(burst, r.tokens + ((t - r.refilledAt) / 1000) * rule.rps);
                r.refilledAt = t;
                if (r.tokens >= 1) {
                    r.tokens -= 1;
                    continue; // under the rate: no fault
                }
            }
            const key = `${op}\n${body}`;
            if (rule.maxPerRequest !== undefined && (r.perRequest.get(key) ?? 0) >= rule.maxPerRequest) continue;
            if (rule.rate !== undefined && random() >= rule.rate) continue;
            r.hits++;
            if (rule.maxPerRequest !== undefined) r.perRequest.set(key, (r.perRequest.get(key) ?? 0) + 1);
            return rule.fault;
        }
        return undefined;
    }

    function recentRole(body: string, windowMs: number): boolean {
        let arn: unknown;
        try {
            const req = JSON.parse(body) as {
                SmsMfaConfiguration?: { SmsConfiguration?: { SnsCallerArn?: string } };
                SmsConfiguration?: { SnsCallerArn?: string };
            } | null;
            arn = req?.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn ?? req?.SmsConfiguration?.SnsCallerArn;
        } catch {
            return false;
        }
        if (typeof arn !== "string") return false;
        const name = arn.split("/").pop()!;
        const created = rolesCreated.get(name);
        return created !== undefined && now() - created < windowMs;
    }

    function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, done: (status: number) => void): void {
        const up = httpRequest(
            {
                hostname: upstream.hostname,
                port: upstream.port,
                method: req.method,
                path: req.url,
                headers: { ...req.headers, host: upstream.host },
            },
            (ures) => {
                const status = ures.statusCode ?? 502;
                res.writeHead(status, ures.headers);
                ures.pipe(res);
                ures.on("end", () => done(status));
            },
        );
        up.on("error", (e) => {
            if (!res.headersSent) jsonError(res, 502, "ProxyUpstreamError", e.message);
            done(502);
        });
        up.end(body);
    }

    const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            const text = body.toString("utf8");
            const { op, service } = parseOperation(req.headers, text);
            const t0 = now();
            const started = Date.now();
            const entry: RecordedRequest = { op, service, time: t0, status: 0, durationMs: 0 };
            log.push(entry);
            if (service === "iam" && op === "CreateRole") {
                const name = new URLSearchParams(text).get("RoleName");
                if (name) rolesCreated.set(name, t0);
            }
            const finish = (status: number) => {
                entry.status = status;
                entry.durationMs = Date.now() - started;
            };
            const fault = pick(op, service, text);
            const json = service !== "iam" && service !== "sts";
            const fail = (status: number, code: string, message: string) => {
                (json ? jsonError : xmlError)(res, status, code, message);
                finish(status);
            };
            if (fault) entry.injected = fault.kind;
            const pass = () => forward(req, body, res, finish);
            switch (fault?.kind) {
                case undefined:
                    return pass();
                case "delay":
                    setTimeout(pass, fault.ms);
                    return;
                case "throttle":
                    return json ? fail(429, "TooManyRequestsException", "Rate exceeded") : fail(400, "Throttling", "Rate exceeded");
                case "status":
                    return json
                        ? fail(
                              fault.status,
                              fault.status === 500 ? "InternalErrorException" : "ServiceUnavailable",
                              "Injected server error",
                          )
                        : fail(fault.status, fault.status === 500 ? "ServiceFailure" : "ServiceUnavailable", "Injected server error");
                case "reset":
                    req.socket.destroy();
                    finish(0);
                    return;
                case "concurrentModification":
                    return json
                        ? fail(400, "ConcurrentModificationException", "A concurrent modification is in progress")
                        : fail(409, "ConcurrentModification", "A concurrent modification is in progress");
                case "error":
                    return fail(fault.status, fault.code, fault.message);
                case "iamPropagation":
                    return fail(
                        400,
                        "InvalidSmsRoleTrustRelationshipException",
                        "Role does not have a trust relationship allowing Cognito to assume the role",
                    );
            }
        });
    });
    // Sockets, so stop() does not wait for idle keep-alive connections.
    const sockets = new Set<import("node:net").Socket>();
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((ok, fail) => {
        server.once("error", fail);
        server.listen(0, "127.0.0.1", () => ok());
    });
    const { port } = server.address() as AddressInfo;

    const matches = (r: RecordedRequest, op: string | undefined, f: { injected?: boolean; status?: number }) =>
        (op === undefined || op === "*" || r.op === op) &&
        (f.injected === undefined || f.injected === (r.injected !== undefined && r.injected !== "delay")) &&
        (f.status === undefined || r.status === f.status);

    return {
        endpoint: `http://127.0.0.1:${port}`,
        addRule(rule) {
            const id = nextId++;
            rules.push({ id, rule, tokens: rule.burst ?? rule.rps ?? 0, refilledAt: now(), hits: 0, perRequest: new Map() });
            return id;
        },
        removeRule(id) {
            rules = rules.filter((r) => r.id !== id);
        },
        clearRules() {
            rules = [];
        },
        requests: () => log.map((r) => ({ ...r })),
        count: (op, filter = {}) => log.filter((r) => matches(r, op, filter)).length,
        stats() {
            const out: Record<string, OpStats> = {};
            for (const r of log) {
                const s = (out[r.op] ??= { requests: 0, injected: 0, statuses: {} });
                s.requests++;
                if (r.injected && r.injected !== "delay") s.injected++;
                s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1;
            }
            return out;
        },
        reset() {
            log = [];
            rolesCreated = new Map();
        },
        async stop() {
            for (const s of sockets) s.destroy();
            await new Promise<void>((ok) => server.close(() => ok()));
        },
    };
}

/** A FaultRule `match` for Cognito requests about these user pools (their JSON body's UserPoolId). */
export function forUserPools(ids: Iterable<string>): (body: string) => boolean {
    const wanted = new Set(ids);
    return (body) => {
        try {
            const id = (JSON.parse(body) as { UserPoolId?: unknown } | null)?.UserPoolId;
            return typeof id === "string" && wanted.has(id);
        } catch {
            return false;
        }
    };
}
