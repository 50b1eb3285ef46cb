// The SMS delivery check at preview: when the inputs configure SMS MFA through Amazon SNS, read
// the account's SMS sending state in the SNS Region (GetSMSSandboxAccountStatus, GetSMSAttributes)
// once per Region per provider process, and turn what smsDeliveryRules finds into warnings. A
// read that fails (a missing permission, an endpoint without the operation) skips its check with
// a warning that names the action to grant, as the rest of the pre-flight does.
import { findSmsAttributes, findSmsSandboxStatus, isSnsAccessDenied, snsOperationUnsupported } from "../aws/sns";
import { isUnknown } from "../common/unknown";
import { known, knownString } from "../common/validator";
import { poolRegion } from "../common/regions";
import { smsDeliveryRules, SmsSendingState } from "./smsDeliveryRules";

/** A read that could not be made, and why. */
export interface SkippedRead {
    /** The SNS action, e.g. "GetSMSSandboxAccountStatus". */
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

const skip = (operation: string, what: string, error: unknown): SkippedRead => ({
    operation,
    what,
    error,
    unsupported: snsOperationUnsupported(error),
});

/** Reads the account's SMS sending state in one SNS Region (both reads, each failure kept apart). */
export async function readSmsSendingState(region: string, opts: { log?: (m: string) => void } = {}): Promise<SmsSendingRead> {
    const state: SmsSendingState = { region };
    const skipped: SkippedRead[] = [];
    const [sandbox, attrs] = await Promise.allSettled([
        findSmsSandboxStatus({ region, log: opts.log }),
        findSmsAttributes(["MonthlySpendLimit"], { region, log: opts.log }),
    ]);
    if (sandbox.status === "fulfilled") state.inSandbox = sandbox.value;
    else skipped.push(skip("GetSMSSandboxAccountStatus", "the SNS SMS sandbox", sandbox.reason));
    if (attrs.status === "fulfilled") state.monthlySpendLimit = attrs.value.MonthlySpendLimit;
    else skipped.push(skip("GetSMSAttributes", "the SNS monthly SMS spend limit", attrs.reason));
    return { state, skipped };
}

/** The text of a skipped read: the action to grant, or why else it failed. */
export function skippedText(s: SkippedRead, region: string, after: string): string {
    if (s.unsupported) return `check of ${s.what} in ${region} skipped: the endpoint does not implement sns:${s.operation}`;
    if (isSnsAccessDenied(s.error)) {
        return `check of ${s.what} in ${region} skipped: the caller may not call sns:${s.operation} (${s.error.awsErrorName}). Grant sns:${s.operation} to have it checked${after}.`;
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
    if (inputs.mfaConfiguration === "OFF" || isUnknown(inputs.mfaConfiguration)) return undefined;
    const sms = inputs.smsMfaConfiguration as Record<string, unknown> | undefined;
    const cfg = known(sms) ? (sms.smsConfiguration as Record<string, unknown> | undefined) : undefined;
    if (!known(cfg) || !known(cfg.snsCallerArn) || known(cfg.eumsSms)) return undefined;
    if (isUnknown(cfg.snsRegion)) return undefined;
    const poolId = knownString(inputs.userPoolId);
    return knownString(cfg.snsRegion) || region || (poolId ? poolRegion(poolId) : undefined);
}

const reads = new Map<string, Promise<SmsSendingRead>>();

/** Forgets the memoized reads (tests; a provider process never needs it). */
export function forgetSmsDeliveryReads(): void {
    reads.clear();
}

/** The pre-flight's SMS delivery warnings for checked inputs (none unless SMS MFA goes through SNS). */
export async function smsDeliveryWarnings(
    inputs: Record<string, unknown>,
    opts: { region?: string; log?: (m: string) => void } = {},
): Promise<string[]> {
    const region = snsSendingRegion(inputs, opts.region);
    if (!region) return [];
    let read = reads.get(region);
    if (!read) {
        read = readSmsSendingState(region, { log: opts.log });
        reads.set(region, read);
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
