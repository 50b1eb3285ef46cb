// The only place that calls Cognito. Clients are built per call (never captured), so the
// serialized provider stays small and credentials always come from the standard AWS chain.
import {
    CognitoIdentityProviderClient,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "./errors";
import { fromResponse, toSetRequest } from "./mapping";
import { MfaConfig } from "./model";
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

/** The pool's MFA configuration, or undefined when the pool does not exist. */
export async function findMfaConfig(userPoolId: string, opts: GatewayOptions = {}): Promise<MfaConfig | undefined> {
    const c = client(opts);
    try {
        const res = await withRetry(() => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })), {
            rules: [CONCURRENT, THROTTLED],
            clock: opts.clock,
            onRetry: onRetry(opts, "GetUserPoolMfaConfig", userPoolId),
        });
        return fromResponse(res);
    } catch (err) {
        if (errorName(err) === "ResourceNotFoundException") return undefined;
        throw new AwsCallError("GetUserPoolMfaConfig", target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
    }
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
        const res = await withRetry(() => c.send(new SetUserPoolMfaConfigCommand(request)), {
            rules: [CONCURRENT, THROTTLED, smsRole],
            clock: opts.clock,
            onRetry: onRetry(opts, "SetUserPoolMfaConfig", userPoolId),
        });
        return fromResponse(res);
    } catch (err) {
        throw new AwsCallError("SetUserPoolMfaConfig", target(userPoolId, opts.region), err, userPoolId);
    } finally {
        c.destroy();
    }
}

/** Sets MFA OFF, keeping the given WebAuthn settings (OFF with WebAuthn is accepted by AWS). */
export async function resetMfaConfig(userPoolId: string, keep: MfaConfig | undefined, opts: GatewayOptions = {}): Promise<MfaConfig | undefined> {
    try {
        return await putMfaConfig(userPoolId, { mfaConfiguration: "OFF", webAuthnConfiguration: keep?.webAuthnConfiguration }, opts);
    } catch (err) {
        if (err instanceof AwsCallError && err.awsErrorName === "ResourceNotFoundException") return undefined;
        throw err;
    }
}
