// The SMS delivery check at preview: when the inputs configure SMS MFA, read the account's SMS
// sending state in the Region the pool sends from, once per path, Region and named resources per
// provider process
// (Amazon SNS: GetSMSSandboxAccountStatus, GetSMSAttributes; End User Messaging SMS:
// DescribeAccountAttributes, DescribeSpendLimits, and the origination identity and configuration
// set the pool names: DescribePhoneNumbers / DescribeSenderIds / DescribePools,
// DescribeConfigurationSets), and turn what smsDeliveryRules finds into
// warnings. A read that fails (a missing permission, an endpoint without the operation) skips its
// check with a warning that names the action to grant, as the rest of the pre-flight does.
import { findSmsAttributes, findSmsSandboxStatus, isSnsAccessDenied, snsOperationUnsupported } from "../aws/sns";
import {
    configurationSetExists,
    findAccountAttributes,
    findOriginationIdentity,
    findSpendLimits,
    isSmsVoiceAccessDenied,
} from "../aws/smsVoice";
import { isUnknown } from "../common/unknown";
import { known, knownString } from "../common/validator";
import { poolRegion } from "../common/regions";
import { originationLookup } from "./originationIdentity";
import { smsDeliveryRules, SmsPath, SmsSendingState } from "./smsDeliveryRules";

/** What eumsSms names that End User Messaging SMS can describe. */
export interface EumsResources {
    originationIdentity?: string;
    configurationSetName?: string;
}

/** A read that could not be made, and why. */
export interface SkippedRead {
    /** The IAM service prefix of the action: "sns" (when unset) or "sms-voice". */
    service?: "sns" | "sms-voice";
    /** The action, e.g. "GetSMSSandboxAccountStatus". */
    operation: string;
    /** What the check would have told. */
    what: string;
    error: unknown;
    /** The endpoint does not implement the operation (an emulator); AWS always does. */
    unsupported: boolean;
}

export interface SmsSendingRead {
    state: SmsSendingState;
    skipped: SkippedRead[];
}

const skip = (service: NonNullable<SkippedRead["service"]>, operation: string, what: string, error: unknown): SkippedRead => ({
    service,
    operation,
    what,
    error,
    unsupported: snsOperationUnsupported(error),
});

/** Reads the account's SMS sending state in one Region on one path (both reads, each failure kept apart). */
export async function readSmsSendingState(
    region: string,
    opts: { log?: (m: string) => void; path?: SmsPath; eums?: EumsResources } = {},
): Promise<SmsSendingRead> {
    if (opts.path === "eums") return readEumsState(region, opts);
    const state: SmsSendingState = { region };
    const skipped: SkippedRead[] = [];
    const [sandbox, attrs] = await Promise.allSettled([
        findSmsSandboxStatus({ region, log: opts.log }),
        findSmsAttributes(["MonthlySpendLimit"], { region, log: opts.log }),
    ]);
    if (sandbox.status === "fulfilled") state.inSandbox = sandbox.value;
    else skipped.push(skip("sns", "GetSMSSandboxAccountStatus", "the SNS SMS sandbox", sandbox.reason));
    if (attrs.status === "fulfilled") state.monthlySpendLimit = attrs.value.MonthlySpendLimit;
    else skipped.push(skip("sns", "GetSMSAttributes", "the SNS monthly SMS spend limit", attrs.reason));
    return { state, skipped };
}

async function readEumsState(region: string, opts: { log?: (m: string) => void; eums?: EumsResources }): Promise<SmsSendingRead> {
    const state: SmsSendingState = { region, path: "eums" };
    const skipped: SkippedRead[] = [];
    const oi = opts.eums?.originationIdentity;
    const lookup = oi ? originationLookup(oi) : undefined;
    const cs = opts.eums?.configurationSetName;
    const [attrs, limits, found, set] = await Promise.allSettled([
        findAccountAttributes({ region, log: opts.log }),
        findSpendLimits({ region, log: opts.log }),
        lookup ? findOriginationIdentity(lookup, { region, log: opts.log }) : Promise.resolve(undefined),
        cs ? configurationSetExists(cs, { region, log: opts.log }) : Promise.resolve(undefined),
    ]);
    if (oi && lookup) {
        if (found.status === "fulfilled" && found.value)
            state.originationIdentity = { value: oi, operation: lookup.operation, ...found.value };
        else if (found.status === "rejected")
            skipped.push(skip("sms-voice", lookup.operation, `the End User Messaging SMS origination identity ${oi}`, found.reason));
    }
    if (cs) {
        if (set.status === "fulfilled" && set.value !== undefined) state.configurationSet = { name: cs, found: set.value };
        else if (set.status === "rejected")
            skipped.push(skip("sms-voice", "DescribeConfigurationSets", `the End User Messaging SMS configuration set ${cs}`, set.reason));
    }
    if (attrs.status === "fulfilled") state.accountTier = attrs.value.ACCOUNT_TIER;
    else skipped.push(skip("sms-voice", "DescribeAccountAttributes", "the End User Messaging SMS account tier", attrs.reason));
    if (limits.status === "fulfilled") {
        const text = limits.value.find((l) => l.Name === "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT");
        // The model: EnforcedLimit is the custom limit, used only when Overridden is true.
        if (text) state.textSpendLimitUsd = text.Overridden ? text.EnforcedLimit : text.MaxLimit;
    } else skipped.push(skip("sms-voice", "DescribeSpendLimits", "the End User Messaging SMS text spend limit", limits.reason));
    return { state, skipped };
}

/** The text of a skipped read: the action to grant, or why else it failed. */
export function skippedText(s: SkippedRead, region: string, after: string): string {
    const action = `${s.service ?? "sns"}:${s.operation}`;
    if (s.unsupported) return `check of ${s.what} in ${region} skipped: the endpoint does not implement ${action}`;
    if (isSnsAccessDenied(s.error) || isSmsVoiceAccessDenied(s.error)) {
        return `check of ${s.what} in ${region} skipped: the caller may not call ${action} (${s.error.awsErrorName}). Grant ${action} to have it checked${after}.`;
    }
    const msg = s.error instanceof Error ? s.error.message : String(s.error);
    return `check of ${s.what} in ${region} skipped: ${msg}`;
}

/**
 * The SNS Region the pool's SMS goes through when the inputs configure SMS MFA on the SNS path
 * (mfaConfiguration not "OFF", smsConfiguration.snsCallerArn set): smsConfiguration.snsRegion,
 * else the Region the provider calls, else the pool id's. Undefined otherwise, or when unknown.
 */
export function snsSendingRegion(inputs: Record<string, unknown>, region: string | undefined): string | undefined {
    const t = smsSendingTarget(inputs, region);
    return t?.path === "sns" ? t.region : undefined;
}

/**
 * Where the pool's SMS goes through when the inputs configure SMS MFA: the SNS path as
 * snsSendingRegion, or the End User Messaging SMS path (smsConfiguration.eumsSms) in
 * eumsSms.region, else the pool's Region (botocore EumsSmsConfigurationType.Region: "If you omit
 * this parameter, Amazon Cognito uses the same Region as your user pool"). Undefined otherwise,
 * or when unknown.
 */
export function smsSendingTarget(
    inputs: Record<string, unknown>,
    region: string | undefined,
): { path: SmsPath; region: string; eums?: EumsResources } | undefined {
    if (inputs.mfaConfiguration === "OFF" || isUnknown(inputs.mfaConfiguration)) return undefined;
    const sms = inputs.smsMfaConfiguration as Record<string, unknown> | undefined;
    const cfg = known(sms) ? (sms.smsConfiguration as Record<string, unknown> | undefined) : undefined;
    if (!known(cfg)) return undefined;
    const poolId = knownString(inputs.userPoolId);
    const fallback = region || (poolId ? poolRegion(poolId) : undefined);
    const eums = cfg.eumsSms as Record<string, unknown> | undefined;
    if (known(eums)) {
        if (!known(eums.callerArn) || isUnknown(eums.region)) return undefined;
        const r = knownString(eums.region) || fallback;
        if (!r) return undefined;
        // An unknown value (preview) is not read: knownString leaves it undefined.
        const resources: EumsResources = {};
        const oi = knownString(eums.originationIdentity);
        const cs = knownString(eums.configurationSetName);
        if (oi) resources.originationIdentity = oi;
        if (cs) resources.configurationSetName = cs;
        return oi || cs ? { path: "eums", region: r, eums: resources } : { path: "eums", region: r };
    }
    if (!known(cfg.snsCallerArn) || isUnknown(cfg.snsRegion)) return undefined;
    const r = knownString(cfg.snsRegion) || fallback;
    return r ? { path: "sns", region: r } : undefined;
}

/** The memo key of one read: the path, the Region, and on the EUMS path the resources it names. */
export function smsReadKey(t: { path: SmsPath; region: string; eums?: EumsResources }): string {
    return [t.path, t.region, t.eums?.originationIdentity ?? "", t.eums?.configurationSetName ?? ""].join("|");
}

const reads = new Map<string, Promise<SmsSendingRead>>();

/** Forgets the memoized reads (tests; a provider process never needs it). */
export function forgetSmsDeliveryReads(): void {
    reads.clear();
}

/** The pre-flight's SMS delivery warnings for checked inputs (none unless the inputs configure SMS MFA). */
export async function smsDeliveryWarnings(
    inputs: Record<string, unknown>,
    opts: { region?: string; log?: (m: string) => void } = {},
): Promise<string[]> {
    const target = smsSendingTarget(inputs, opts.region);
    if (!target) return [];
    const { path, region } = target;
    const key = smsReadKey(target);
    let read = reads.get(key);
    if (!read) {
        read = readSmsSendingState(region, { log: opts.log, path, eums: target.eums });
        reads.set(key, read);
    }
    const { state, skipped } = await read;
    const poolId = knownString(inputs.userPoolId) ?? "the user pool";
    // An endpoint without the operation (an emulator) is told to the debug log only, as cognito.ts
    // does for an endpoint without cognito-idp tagging: no AWS account answers so.
    for (const s of skipped.filter((s) => s.unsupported)) opts.log?.(`pre-flight ${skippedText(s, region, "")}`);
    return [
        ...skipped
            .filter((s) => !s.unsupported)
            .map((s) => `pre-flight ${skippedText(s, region, " at preview; `pulumi up` is not affected")}`),
        ...smsDeliveryRules(state, poolId).map((f) => `pre-flight: ${f.message} ${f.fix}`),
    ];
}
