// The only place that calls AWS End User Messaging SMS (pinpoint-sms-voice-v2): the account's SMS
// sending state, read-only (DescribeAccountAttributes, DescribeSpendLimits), and the resources a
// pool names (DescribePhoneNumbers, DescribeSenderIds, DescribePools, DescribeConfigurationSets). The client is the
// process's shared one (clients.ts), and every call goes through awsCall (call.ts).
import {
    DescribeAccountAttributesCommand,
    DescribeConfigurationSetsCommand,
    DescribePhoneNumbersCommand,
    DescribePoolsCommand,
    DescribeSenderIdsCommand,
    DescribeSpendLimitsCommand,
    SpendLimit,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
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

/** How an origination identity is looked up: the operation that describes it. */
export type OriginationLookup =
    | { operation: "DescribePhoneNumbers"; phoneNumber: string }
    | { operation: "DescribePhoneNumbers"; phoneNumberId: string }
    | { operation: "DescribeSenderIds"; senderId: string; isoCountryCode: string }
    | { operation: "DescribePools"; poolId: string };

/** What a lookup found: nothing, or the resource and its Status (phone numbers and pools have one). */
export interface OriginationFound {
    found: boolean;
    status?: string;
}

const isNotFound = (err: unknown) => err instanceof AwsCallError && err.awsErrorName === "ResourceNotFoundException";

/**
 * Describes one origination identity. A phone number in E.164 form has no lookup of its own (the
 * model's PhoneNumberIds takes "either the PhoneNumberId or PhoneNumberArn", and no
 * PhoneNumberFilterName matches the number), so every page of the account's numbers is read.
 */
export async function findOriginationIdentity(lookup: OriginationLookup, opts: SmsVoiceGatewayOptions = {}): Promise<OriginationFound> {
    const c = smsVoiceClient(opts.region);
    const call = onSmsVoice(lookup.operation, opts);
    try {
        if ("phoneNumber" in lookup) {
            let token: string | undefined;
            do {
                const res = await awsCall(call, opts, () =>
                    c.send(new DescribePhoneNumbersCommand({ MaxResults: PAGE_SIZE, NextToken: token })),
                );
                const hit = (res.PhoneNumbers ?? []).find((n) => n.PhoneNumber === lookup.phoneNumber);
                if (hit) return { found: true, status: hit.Status };
                token = res.NextToken || undefined;
            } while (token);
            return { found: false };
        }
        if ("phoneNumberId" in lookup) {
            const res = await awsCall(call, opts, () =>
                c.send(new DescribePhoneNumbersCommand({ PhoneNumberIds: [lookup.phoneNumberId] })),
            );
            const hit = res.PhoneNumbers?.[0];
            return hit ? { found: true, status: hit.Status } : { found: false };
        }
        if ("senderId" in lookup) {
            const res = await awsCall(call, opts, () =>
                c.send(new DescribeSenderIdsCommand({ SenderIds: [{ SenderId: lookup.senderId, IsoCountryCode: lookup.isoCountryCode }] })),
            );
            return { found: (res.SenderIds ?? []).length > 0 };
        }
        const res = await awsCall(call, opts, () => c.send(new DescribePoolsCommand({ PoolIds: [lookup.poolId] })));
        const hit = res.Pools?.[0];
        return hit ? { found: true, status: hit.Status } : { found: false };
    } catch (err) {
        // The model: "If you specify a phone number ID that isn't valid, an error is returned"
        // (ResourceNotFoundException, "A requested resource couldn't be found").
        if (isNotFound(err)) return { found: false };
        throw err;
    }
}

/** Whether the configuration set (a name or ARN) exists (DescribeConfigurationSets ConfigurationSetNames). */
export async function configurationSetExists(name: string, opts: SmsVoiceGatewayOptions = {}): Promise<boolean> {
    const c = smsVoiceClient(opts.region);
    try {
        const res = await awsCall(onSmsVoice("DescribeConfigurationSets", opts), opts, () =>
            c.send(new DescribeConfigurationSetsCommand({ ConfigurationSetNames: [name] })),
        );
        return (res.ConfigurationSets ?? []).length > 0;
    } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
    }
}
