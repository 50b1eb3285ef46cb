// The only place that calls Cognito. Clients are built per call, so credentials always come from
// the standard AWS chain. Verbs: find… reads (undefined when the pool does not exist), put…
// writes, reset… puts back the OFF state; every other AWS error is an AwsCallError.
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { OWNER_TAG_KEY } from "../common/tags";
import { AwsCallError } from "./errors";
import { fromResponse, ReadConfig, readResponse, toSetRequest } from "../userPoolMfaConfig/mapping";
import { MfaConfig } from "../userPoolMfaConfig/model";
import { errorName, RetryClock, RetryRule, withRetry } from "./retry";

export interface GatewayOptions {
    region?: string;
    clock?: RetryClock;
    log?: (message: string) => void;
    /**
     * How long to keep retrying the SMS-role errors that IAM propagation causes. Long only when
     * the role was created moments ago.
     */
    smsRolePropagationMs?: number;
}

// The SDK's adaptive mode already retries throttling, 5xx and connection resets; these rules
// cover what it does not, with bounded budgets.
const CONCURRENT: RetryRule = { names: ["ConcurrentModificationException"], budgetMs: 30_000, baseMs: 1_000, capMs: 8_000 };
const THROTTLED: RetryRule = { names: ["TooManyRequestsException", "ThrottlingException"], budgetMs: 60_000, baseMs: 1_000, capMs: 10_000 };
const SMS_ROLE_ERRORS = ["InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException"];
export const DEFAULT_SMS_ROLE_PROPAGATION_MS = 120_000;

function client(opts: GatewayOptions): CognitoIdentityProviderClient {
    return new CognitoIdentityProviderClient({ region: opts.region, retryMode: "adaptive", maxAttempts: 5 });
}

function target(poolId: string, region?: string): string {
    return `user pool ${poolId}${region ? ` in ${region}` : ""}`;
}

function onRetry(opts: GatewayOptions, op: string, poolId: string) {
    return (i: { attempt: number; error: string; delayMs: number }) =>
        opts.log?.(`${op} ${poolId}: ${i.error}, retry ${i.attempt} in ${i.delayMs} ms`);
}

/**
 * Runs one SDK call and tells `opts.log` when the SDK itself retried it (adaptive mode retries
 * throttling, 5xx and connection resets, up to maxAttempts = 5): `$metadata.attempts` and
 * `totalRetryDelay`, on success and on failure. With onRetry above, every retry is logged.
 */
async function logged<T extends { $metadata?: { attempts?: number; totalRetryDelay?: number } }>(
    opts: GatewayOptions,
    op: string,
    poolId: string,
    call: () => Promise<T>,
): Promise<T> {
    const report = (m: { attempts?: number; totalRetryDelay?: number } | undefined, outcome: string) => {
        if ((m?.attempts ?? 1) > 1)
            opts.log?.(`${op} ${poolId}: ${outcome} after ${m!.attempts} SDK attempts (${m!.totalRetryDelay ?? 0} ms of SDK backoff)`);
    };
    try {
        const res = await call();
        report(res?.$metadata, "succeeded");
        return res;
    } catch (err) {
        report((err as { $metadata?: { attempts?: number; totalRetryDelay?: number } })?.$metadata, `failed with ${errorName(err)}`);
        throw err;
    }
}

/**
 * The pool's MFA configuration and the members of it this resource does not model (see
 * ReadConfig), or undefined when the pool does not exist.
 */
export async function readMfaConfig(userPoolId: string, opts: GatewayOptions = {}): Promise<ReadConfig | undefined> {
    const c = client(opts);
    try {
        const res = await withRetry(
            () =>
                logged(opts, "GetUserPoolMfaConfig", userPoolId, () => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId }))),
            {
                rules: [CONCURRENT, THROTTLED],
                clock: opts.clock,
                onRetry: onRetry(opts, "GetUserPoolMfaConfig", userPoolId),
            },
        );
        return readResponse(res);
    } catch (err) {
        if (errorName(err) === "ResourceNotFoundException") return undefined;
        throw new AwsCallError("GetUserPoolMfaConfig", target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
    }
}

/** The pool's MFA configuration, or undefined when the pool does not exist. */
export async function findMfaConfig(userPoolId: string, opts: GatewayOptions = {}): Promise<MfaConfig | undefined> {
    return (await readMfaConfig(userPoolId, opts))?.config;
}

/**
 * Writes a complete MFA configuration (SetUserPoolMfaConfig replaces the whole configuration)
 * and returns the configuration as the service echoes it.
 */
export async function putMfaConfig(userPoolId: string, config: MfaConfig, opts: GatewayOptions = {}): Promise<MfaConfig> {
    const c = client(opts);
    const request = toSetRequest(userPoolId, config);
    const smsRole: RetryRule = {
        names: SMS_ROLE_ERRORS,
        budgetMs: request.SmsMfaConfiguration ? (opts.smsRolePropagationMs ?? DEFAULT_SMS_ROLE_PROPAGATION_MS) : 0,
        baseMs: 1_000,
        capMs: 8_000,
    };
    try {
        const res = await withRetry(
            () => logged(opts, "SetUserPoolMfaConfig", userPoolId, () => c.send(new SetUserPoolMfaConfigCommand(request))),
            {
                rules: [CONCURRENT, THROTTLED, smsRole],
                clock: opts.clock,
                onRetry: onRetry(opts, "SetUserPoolMfaConfig", userPoolId),
            },
        );
        return fromResponse(res);
    } catch (err) {
        throw new AwsCallError("SetUserPoolMfaConfig", target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
    }
}

/** Sets MFA OFF, keeping the given WebAuthn settings (OFF with WebAuthn is accepted by AWS). */
export async function resetMfaConfig(
    userPoolId: string,
    keep: MfaConfig | undefined,
    opts: GatewayOptions = {},
): Promise<MfaConfig | undefined> {
    try {
        return await putMfaConfig(userPoolId, { mfaConfiguration: "OFF", webAuthnConfiguration: keep?.webAuthnConfiguration }, opts);
    } catch (err) {
        if (err instanceof AwsCallError && err.awsErrorName === "ResourceNotFoundException") return undefined;
        throw err;
    }
}

/**
 * The pool as DescribeUserPool returns it now, or undefined when the pool does not exist. Other
 * errors are thrown as AwsCallError. For a guard that must see the pool after this process's
 * own writes to it (SnsCallerRole's in-use check); everything else uses findUserPoolOnce.
 */
export async function findUserPool(userPoolId: string, opts: GatewayOptions = {}): Promise<UserPoolType | undefined> {
    const c = client(opts);
    try {
        const res = await withRetry(() => c.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })), {
            rules: [CONCURRENT, THROTTLED],
            clock: opts.clock,
            onRetry: onRetry(opts, "DescribeUserPool", userPoolId),
        });
        return res?.UserPool ?? {};
    } catch (err) {
        if (errorName(err) === "ResourceNotFoundException") return undefined;
        throw new AwsCallError("DescribeUserPool", target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
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
function taggingUnsupported(err: unknown): boolean {
    return ["UnknownOperationException", "NotImplemented", "SyntaxError"].includes(errorName(err));
}

async function tagCall(
    op: string,
    userPoolId: string,
    opts: GatewayOptions,
    send: (c: CognitoIdentityProviderClient) => Promise<unknown>,
): Promise<boolean> {
    const c = client(opts);
    try {
        await withRetry(() => logged(opts, op, userPoolId, () => send(c) as Promise<{ $metadata?: { attempts?: number } }>), {
            rules: [CONCURRENT, THROTTLED],
            clock: opts.clock,
            onRetry: onRetry(opts, op, userPoolId),
        });
        return true;
    } catch (err) {
        if (errorName(err) === "ResourceNotFoundException") return false;
        if (taggingUnsupported(err)) {
            opts.log?.(
                `${op} ${userPoolId}: this endpoint does not implement cognito-idp tagging (${errorName(err)}); the pool's owner is not recorded`,
            );
            return false;
        }
        throw new AwsCallError(op, target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
    }
}

/** Records `owner` on the pool (TagResource). False when the pool is gone or the endpoint cannot tag. */
export async function putPoolOwner(userPoolId: string, arn: string, owner: string, opts: GatewayOptions = {}): Promise<boolean> {
    const tagged = await tagCall("TagResource", userPoolId, opts, (c) =>
        c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { [OWNER_TAG_KEY]: owner } })),
    );
    if (tagged) rememberOwner(userPoolId, opts.region, owner);
    return tagged;
}

/** Removes the owner tag (UntagResource). False when the pool is gone or the endpoint cannot tag. */
export async function resetPoolOwner(userPoolId: string, arn: string, opts: GatewayOptions = {}): Promise<boolean> {
    const untagged = await tagCall("UntagResource", userPoolId, opts, (c) =>
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

/** Where a pool names an SNS caller role. */
export interface PoolSmsRoleReference {
    snsCallerArn: string;
    /** The API member it was read from. */
    source: string;
}

/**
 * Every SMS role ARN the pool names: in its MFA configuration (GetUserPoolMfaConfig
 * SmsMfaConfiguration.SmsConfiguration, SnsCallerArn or EumsSms.CallerArn) and in its pool-level
 * SMS configuration (DescribeUserPool UserPool.SmsConfiguration). Real AWS stores one setting
 * behind both, moto two, so both are read. Undefined when the pool does not exist.
 */
export async function findPoolSmsRoleReferences(
    userPoolId: string,
    opts: GatewayOptions = {},
): Promise<PoolSmsRoleReference[] | undefined> {
    const mfa = await findMfaConfig(userPoolId, opts);
    if (!mfa) return undefined;
    const refs: PoolSmsRoleReference[] = [];
    const cfg = mfa.smsMfaConfiguration?.smsConfiguration;
    if (cfg?.snsCallerArn)
        refs.push({ snsCallerArn: cfg.snsCallerArn, source: "GetUserPoolMfaConfig SmsMfaConfiguration.SmsConfiguration.SnsCallerArn" });
    if (cfg?.eumsSms?.callerArn) {
        refs.push({
            snsCallerArn: cfg.eumsSms.callerArn,
            source: "GetUserPoolMfaConfig SmsMfaConfiguration.SmsConfiguration.EumsSms.CallerArn",
        });
    }
    const pool = await findUserPool(userPoolId, opts);
    if (!pool) return undefined;
    const poolCfg = pool.SmsConfiguration;
    if (poolCfg?.SnsCallerArn)
        refs.push({ snsCallerArn: poolCfg.SnsCallerArn, source: "DescribeUserPool UserPool.SmsConfiguration.SnsCallerArn" });
    if (poolCfg?.EumsSms?.CallerArn)
        refs.push({ snsCallerArn: poolCfg.EumsSms.CallerArn, source: "DescribeUserPool UserPool.SmsConfiguration.EumsSms.CallerArn" });
    return refs;
}
