// The only place that calls Amazon SNS: the account's SMS sending state, read-only
// (GetSMSSandboxAccountStatus, GetSMSAttributes). The client is the process's shared one
// (clients.ts), and every call goes through awsCall (call.ts).
import { GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand } from "@aws-sdk/client-sns";
import { awsCall, Call, CallOptions } from "./call";
import { snsClient } from "./clients";
import { AwsCallError } from "./errors";
import { errorName, RetryRule } from "./retry";

export interface SnsGatewayOptions extends CallOptions {
    /** The SNS Region: the pool's SnsRegion, else the pool's Region (SMS state is per Region). */
    region?: string;
}

// SNS answers throttling as Throttled / ThrottledException (the service model's ThrottledException);
// the SDK retries it too, this keeps retrying within a budget once its 5 attempts are spent.
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
 * Whether the endpoint does not implement the operation at all (an emulator: moto 5.2.3 alone
 * answers GetSMSSandboxAccountStatus with an HTML 500 page, "The get_sms_sandbox_account_status
 * action has not been implemented", which the SDK cannot parse). AWS itself implements both reads.
 */
export function snsOperationUnsupported(err: unknown): boolean {
    const name = err instanceof AwsCallError ? err.awsErrorName : errorName(err);
    if (["UnknownOperationException", "NotImplemented", "InvalidAction", "SyntaxError"].includes(name)) return true;
    return err instanceof Error && /XML parse error|Deserialization error/.test(err.message);
}

function onSns(operation: string, opts: SnsGatewayOptions): Call {
    const where = `Amazon SNS${opts.region ? ` in ${opts.region}` : ""}`;
    return {
        operation,
        subject: where,
        target: where,
        rules: [THROTTLED],
        fix: (err) => (SNS_ACCESS_DENIED.includes(errorName(err)) ? `Grant the caller sns:${operation}.` : undefined),
    };
}

/** Whether the account is in the SNS SMS sandbox in the Region (GetSMSSandboxAccountStatus IsInSandbox). */
export async function findSmsSandboxStatus(opts: SnsGatewayOptions = {}): Promise<boolean | undefined> {
    const c = snsClient(opts.region);
    const res = await awsCall(onSns("GetSMSSandboxAccountStatus", opts), opts, () => c.send(new GetSMSSandboxAccountStatusCommand({})));
    return res.IsInSandbox;
}

/** The account's SMS attributes in the Region (GetSMSAttributes), e.g. MonthlySpendLimit, DefaultSMSType. */
export async function findSmsAttributes(names: string[], opts: SnsGatewayOptions = {}): Promise<Record<string, string>> {
    const c = snsClient(opts.region);
    const res = await awsCall(onSns("GetSMSAttributes", opts), opts, () => c.send(new GetSMSAttributesCommand({ attributes: names })));
    return res.attributes ?? {};
}
