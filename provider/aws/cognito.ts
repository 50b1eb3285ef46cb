// The only place that calls Cognito; it takes and returns the SDK's shapes. The client is the
// process's shared one (clients.ts), and every call goes through awsCall (call.ts). Verbs:
// find… reads (undefined when the pool does not exist), put… writes, reset… removes; every other
// AWS error is an AwsCallError.
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    GetUserPoolMfaConfigResponse,
    ListUserPoolsCommand,
    SetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigRequest,
    SetUserPoolMfaConfigResponse,
    TagResourceCommand,
    UntagResourceCommand,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { OWNER_TAG_KEY } from "../common/tags";
import { awsCall, Call, CallOptions } from "./call";
import { cognitoClient } from "./clients";
import { AwsCallError, failedWith } from "./errors";
import { RetryRule } from "./retry";

export interface GatewayOptions extends CallOptions {
    region?: string;
    /**
     * How long to keep retrying the SMS-role errors that IAM propagation causes, for a write that
     * names an SMS role (a role created moments ago is not yet trusted everywhere).
     */
    smsRolePropagationMs?: number;
}

// The client of each options object, looked up at its first call and kept: a provider method
// builds one GatewayOptions for all its calls, so it reads the environment the client depends on
// (clients.ts keyOf, ~7 µs of CPU) once, not once per request.
const clients = new WeakMap<GatewayOptions, CognitoIdentityProviderClient>();

function clientOf(opts: GatewayOptions): CognitoIdentityProviderClient {
    let c = clients.get(opts);
    if (!c) {
        c = cognitoClient(opts.region);
        clients.set(opts, c);
    }
    return c;
}

const SMS_ROLE_ERRORS = ["InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException"];
export const DEFAULT_SMS_ROLE_PROPAGATION_MS = 120_000;

function onPool(operation: string, userPoolId: string, opts: GatewayOptions, more: Partial<Call> = {}): Call {
    return {
        operation,
        subject: userPoolId,
        target: `user pool ${userPoolId}${opts.region ? ` in ${opts.region}` : ""}`,
        userPoolId,
        ...more,
    };
}

/** GetUserPoolMfaConfig's answer, or undefined when the pool does not exist. */
export async function findUserPoolMfaConfig(
    userPoolId: string,
    opts: GatewayOptions = {},
): Promise<GetUserPoolMfaConfigResponse | undefined> {
    const c = clientOf(opts);
    try {
        return await awsCall(onPool("GetUserPoolMfaConfig", userPoolId, opts), opts, () =>
            c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })),
        );
    } catch (err) {
        if (failedWith(err, "ResourceNotFoundException")) return undefined;
        throw err;
    }
}

/**
 * SetUserPoolMfaConfig (it replaces the whole configuration). A request with an SMS
 * configuration retries the SMS-role errors of IAM propagation for `smsRolePropagationMs`.
 */
export function putUserPoolMfaConfig(
    request: SetUserPoolMfaConfigRequest,
    opts: GatewayOptions = {},
): Promise<SetUserPoolMfaConfigResponse> {
    const c = clientOf(opts);
    const poolId = request.UserPoolId ?? "";
    const rules = request.SmsMfaConfiguration
        ? [{ names: SMS_ROLE_ERRORS, budgetMs: opts.smsRolePropagationMs ?? DEFAULT_SMS_ROLE_PROPAGATION_MS, baseMs: 1_000, capMs: 8_000 }]
        : undefined;
    return awsCall(onPool("SetUserPoolMfaConfig", poolId, opts, { rules }), opts, () => c.send(new SetUserPoolMfaConfigCommand(request)));
}

/**
 * The pool as DescribeUserPool returns it now, or undefined when the pool does not exist. Other
 * errors are thrown as AwsCallError. For a guard that must see the pool after this process's
 * own writes to it (SnsCallerRole's in-use check); everything else uses findUserPoolOnce.
 */
export async function findUserPool(userPoolId: string, opts: GatewayOptions = {}): Promise<UserPoolType | undefined> {
    const c = clientOf(opts);
    try {
        const res = await awsCall(onPool("DescribeUserPool", userPoolId, opts), opts, () =>
            c.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
        );
        return res?.UserPool ?? {};
    } catch (err) {
        if (failedWith(err, "ResourceNotFoundException")) return undefined;
        throw err;
    }
}

// One DescribeUserPool per pool per provider process (one `pulumi` command), shared by check's
// pre-flight, create's owner claim, delete's owner release and SnsCallerRole's account lookup:
// none of them writes what the others read, and the owner tag this process writes is written
// into the shared answer too. A failed or empty answer is not kept, so the next caller asks again.
const describedPools = new Map<string, Promise<UserPoolType | undefined>>();

function poolKey(userPoolId: string, region: string | undefined): string {
    return `${region ?? ""}|${userPoolId}`;
}

/** findUserPool, asked at most once per pool per provider process (see above). */
export function findUserPoolOnce(userPoolId: string, opts: GatewayOptions = {}): Promise<UserPoolType | undefined> {
    const key = poolKey(userPoolId, opts.region);
    let answer = describedPools.get(key);
    if (!answer) {
        answer = findUserPool(userPoolId, opts);
        describedPools.set(key, answer);
        answer.then(
            (pool) => pool === undefined && describedPools.delete(key),
            () => describedPools.delete(key),
        );
    }
    return answer;
}

/** Forgets every shared DescribeUserPool answer (tests; a provider process never needs it). */
export function forgetUserPools(): void {
    describedPools.clear();
}

/** Keeps the shared answer for a pool in step with an owner tag this process wrote. */
function rememberOwner(userPoolId: string, region: string | undefined, owner: string | undefined): void {
    const key = poolKey(userPoolId, region);
    const answer = describedPools.get(key);
    if (!answer) return;
    describedPools.set(
        key,
        answer.then((pool) => {
            if (!pool) return pool;
            const tags = { ...pool.UserPoolTags };
            if (owner === undefined) delete tags[OWNER_TAG_KEY];
            else tags[OWNER_TAG_KEY] = owner;
            return { ...pool, UserPoolTags: tags };
        }),
    );
}

// ---------------------------------------------------------------------------------------------
// The audit's account walk: every pool of a Region (ListUserPools).

/** A user pool as ListUserPools names it. */
export interface ListedPool {
    id: string;
    name: string;
}

// Beyond the SDK's 5 attempts: an audit of hundreds of pools shares the UserPoolRead quota with
// its own DescribeUserPool and GetUserPoolMfaConfig calls, so a page keeps retrying within a budget.
const LIST_THROTTLED: RetryRule = {
    names: ["TooManyRequestsException", "ThrottlingException"],
    budgetMs: 60_000,
    baseMs: 1_000,
    capMs: 10_000,
};

// The service model's PoolQueryLimitType allows 1..60 per page.
const PAGE_SIZE = 60;

/** Every user pool of the account in the client's Region, page by page (NextToken). */
export async function listUserPools(opts: GatewayOptions = {}): Promise<ListedPool[]> {
    const c = cognitoClient(opts.region);
    const where = `the user pools${opts.region ? ` in ${opts.region}` : ""}`;
    const call: Call = { operation: "ListUserPools", subject: where, target: where, rules: [LIST_THROTTLED] };
    const out: ListedPool[] = [];
    let token: string | undefined;
    do {
        const res = await awsCall(call, opts, () => c.send(new ListUserPoolsCommand({ MaxResults: PAGE_SIZE, NextToken: token })));
        for (const p of res.UserPools ?? []) if (p.Id) out.push({ id: p.Id, name: p.Name ?? "" });
        token = res.NextToken || undefined;
    } while (token);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Ownership: which UserPoolMfaConfig manages a pool, as a tag on the pool (see docs/reliability.md).

export interface PoolOwner {
    /** The pool's ARN (TagResource and UntagResource need it). */
    arn: string;
    /** The value of the owner tag, if the pool has one. */
    owner?: string;
}

/** The pool's ARN and owner tag (DescribeUserPool, shared), or undefined when the pool does not exist. */
export async function findPoolOwner(userPoolId: string, opts: GatewayOptions = {}): Promise<PoolOwner | undefined> {
    const pool = await findUserPoolOnce(userPoolId, opts);
    if (!pool) return undefined;
    return { arn: pool.Arn ?? "", owner: pool.UserPoolTags?.[OWNER_TAG_KEY] };
}

/**
 * Answers that mean the endpoint does not implement cognito-idp tagging at all (an emulator
 * such as moto 5.2.3 answers TagResource with an HTML 500 page, which the SDK cannot parse);
 * AWS itself always implements it.
 */
function taggingUnsupported(err: unknown): err is AwsCallError {
    return failedWith(err, "UnknownOperationException", "NotImplemented", "SyntaxError");
}

async function tagCall(op: string, userPoolId: string, opts: GatewayOptions, send: () => Promise<unknown>): Promise<boolean> {
    try {
        await awsCall(onPool(op, userPoolId, opts), opts, send);
        return true;
    } catch (err) {
        if (failedWith(err, "ResourceNotFoundException")) return false;
        if (taggingUnsupported(err)) {
            opts.log?.(
                `${op} ${userPoolId}: this endpoint does not implement cognito-idp tagging (${err.awsErrorName}); the pool's owner is not recorded`,
            );
            return false;
        }
        throw err;
    }
}

/** Records `owner` on the pool (TagResource). False when the pool is gone or the endpoint cannot tag. */
export async function putPoolOwner(userPoolId: string, arn: string, owner: string, opts: GatewayOptions = {}): Promise<boolean> {
    const c = clientOf(opts);
    const tagged = await tagCall("TagResource", userPoolId, opts, () =>
        c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { [OWNER_TAG_KEY]: owner } })),
    );
    if (tagged) rememberOwner(userPoolId, opts.region, owner);
    return tagged;
}

/** Removes the owner tag (UntagResource). False when the pool is gone or the endpoint cannot tag. */
export async function resetPoolOwner(userPoolId: string, arn: string, opts: GatewayOptions = {}): Promise<boolean> {
    const c = clientOf(opts);
    const untagged = await tagCall("UntagResource", userPoolId, opts, () =>
        c.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: [OWNER_TAG_KEY] })),
    );
    if (untagged) rememberOwner(userPoolId, opts.region, undefined);
    return untagged;
}

// ---------------------------------------------------------------------------------------------
// What the SMS role needs to know about a pool.

/**
 * The pool's ARN (which names its partition and account), or undefined when the pool does not
 * exist. Other errors, AccessDenied included, are thrown: the caller decides whether it can do
 * without the ARN.
 */
export async function findUserPoolArn(userPoolId: string, opts: GatewayOptions = {}): Promise<string | undefined> {
    return (await findUserPoolOnce(userPoolId, opts))?.Arn;
}
