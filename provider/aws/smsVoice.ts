// The only place that calls AWS End User Messaging SMS (pinpoint-sms-voice-v2): the account's SMS
// sending state, read-only (DescribeAccountAttributes, DescribeSpendLimits). The client is the
// process's shared one (clients.ts), and every call goes through awsCall (call.ts).
import { DescribeAccountAttributesCommand, DescribeSpendLimitsCommand, SpendLimit } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { awsCall, Call, CallOptions } from "./call";
import { smsVoiceClient } from "./clients";
import { AwsCallError } from "./errors";
import { errorName } from "./retry";

export interface SmsVoiceGatewayOptions extends CallOptions {
    /** The End User Messaging SMS Region: eumsSms.region, else the pool's Region. */
    region?: string;
}

/** The service model's name for a missing permission (AccessDeniedException). */
const DENIED = ["AccessDeniedException", "AccessDenied"];

export function isSmsVoiceAccessDenied(err: unknown): err is AwsCallError {
    return err instanceof AwsCallError && DENIED.includes(err.awsErrorName);
}

function onSmsVoice(operation: string, opts: SmsVoiceGatewayOptions): Call {
    const where = `AWS End User Messaging SMS${opts.region ? ` in ${opts.region}` : ""}`;
    return {
        operation,
        subject: where,
        target: where,
        fix: (err) => (DENIED.includes(errorName(err)) ? `Grant the caller sms-voice:${operation}.` : undefined),
    };
}

// The model's MaxResults is 1..100 for both reads; both are paginated by NextToken.
const PAGE_SIZE = 100;

/** Every account attribute (DescribeAccountAttributes), by name: ACCOUNT_TIER, DEFAULT_PROTECT_CONFIGURATION_ID. */
export async function findAccountAttributes(opts: SmsVoiceGatewayOptions = {}): Promise<Record<string, string>> {
    const c = smsVoiceClient(opts.region);
    const out: Record<string, string> = {};
    let token: string | undefined;
    do {
        const res = await awsCall(onSmsVoice("DescribeAccountAttributes", opts), opts, () =>
            c.send(new DescribeAccountAttributesCommand({ MaxResults: PAGE_SIZE, NextToken: token })),
        );
        for (const a of res.AccountAttributes ?? []) if (a.Name) out[a.Name] = a.Value ?? "";
        token = res.NextToken || undefined;
    } while (token);
    return out;
}

/** Every monthly spend limit of the account in the Region (DescribeSpendLimits). */
export async function findSpendLimits(opts: SmsVoiceGatewayOptions = {}): Promise<SpendLimit[]> {
    const c = smsVoiceClient(opts.region);
    const out: SpendLimit[] = [];
    let token: string | undefined;
    do {
        const res = await awsCall(onSmsVoice("DescribeSpendLimits", opts), opts, () =>
            c.send(new DescribeSpendLimitsCommand({ MaxResults: PAGE_SIZE, NextToken: token })),
        );
        out.push(...(res.SpendLimits ?? []));
        token = res.NextToken || undefined;
    } while (token);
    return out;
}
