// The only place that calls Amazon SNS: the account's SMS sending state, read-only
// (GetSMSSandboxAccountStatus, GetSMSAttributes). Same client settings as cognito.ts (adaptive
// retry, maxAttempts 5), one client per call, so that the shared-client rewrite can fold it in.
import { GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand, SNSClient } from "@aws-sdk/client-sns";
import { AwsCallError } from "./errors";
import { errorName, RetryClock, RetryRule, withRetry } from "./retry";

export interface SnsGatewayOptions {
    /** The SNS Region: the pool's SnsRegion, else the pool's Region (SMS state is per Region). */
    region?: string;
    clock?: RetryClock;
    log?: (message: string) => void;
}

// SNS answers throttling as Throttled / ThrottledException (the service model's ThrottledException).
const THROTTLED: RetryRule = {
    names: ["ThrottledException", "Throttled", "Throttling", "ThrottlingException"],
    budgetMs: 30_000,
    baseMs: 1_000,
    capMs: 8_000,
};

/** SNS's name for a missing permission (the service model's AuthorizationErrorException, code AuthorizationError). */
export const SNS_ACCESS_DENIED = ["AuthorizationErrorException", "AuthorizationError", "AccessDenied", "AccessDeniedException"];

export function isSnsAccessDenied(err: unknown): err is AwsCallError {
    return err instanceof AwsCallError && SNS_ACCESS_DENIED.includes(err.awsErrorName);
}

/**
 * Whether the endpoint does not implement the operation at all (an emulator: moto 5.2.3 answers
 * GetSMSSandboxAccountStatus with an HTML 500 page, "The get_sms_sandbox_account_status action
 * has not been implemented", which the SDK cannot parse). AWS itself implements both reads.
 */
export function snsOperationUnsupported(err: unknown): boolean {
    const inner = err instanceof AwsCallError ? (err as { cause?: unknown }).cause : err;
    const name = errorName(inner);
    if (["UnknownOperationException", "NotImplemented", "InvalidAction", "SyntaxError"].includes(name)) return true;
    return inner instanceof Error && /XML parse error|Deserialization error/.test(inner.message);
}

async function call<T>(op: string, opts: SnsGatewayOptions, send: (c: SNSClient) => Promise<T>): Promise<T> {
    const c = new SNSClient({ region: opts.region, retryMode: "adaptive", maxAttempts: 5 });
    try {
        return await withRetry(() => send(c), {
            rules: [THROTTLED],
            clock: opts.clock,
            onRetry: (i) => opts.log?.(`${op}: ${i.error}, retry ${i.attempt} in ${i.delayMs} ms`),
        });
    } catch (err) {
        const e = new AwsCallError(op, `Amazon SNS${opts.region ? ` in ${opts.region}` : ""}`, err);
        (e as { cause?: unknown }).cause = err;
        if (SNS_ACCESS_DENIED.includes(errorName(err))) e.message += `. Grant the caller sns:${op}.`;
        throw e;
    } finally {
        c.destroy();
    }
}

/** Whether the account is in the SNS SMS sandbox in the Region (GetSMSSandboxAccountStatus IsInSandbox). */
export async function findSmsSandboxStatus(opts: SnsGatewayOptions = {}): Promise<boolean | undefined> {
    const res = await call("GetSMSSandboxAccountStatus", opts, (c) => c.send(new GetSMSSandboxAccountStatusCommand({})));
    return res.IsInSandbox;
}

/** The account's SMS attributes in the Region (GetSMSAttributes), e.g. MonthlySpendLimit, DefaultSMSType. */
export async function findSmsAttributes(names: string[], opts: SnsGatewayOptions = {}): Promise<Record<string, string>> {
    const res = await call("GetSMSAttributes", opts, (c) => c.send(new GetSMSAttributesCommand({ attributes: names })));
    return res.attributes ?? {};
}
