// Whether SMS codes will reach users, from the account's SMS sending state in the SNS Region the
// pool sends from: the SNS SMS sandbox and the monthly SMS spend limit. Neither is part of the
// pool, so SetUserPoolMfaConfig succeeds either way and the failure shows only when a user waits
// for a code: these rules warn, never refuse. Pure: smsDeliveryPreflight.ts does the reads.
import type { Evidence } from "../common/evidence";

/** The account's SMS sending state in one SNS Region; undefined members were not read. */
export interface SmsSendingState {
    region: string;
    /** GetSMSSandboxAccountStatus IsInSandbox. */
    inSandbox?: boolean;
    /** GetSMSAttributes MonthlySpendLimit (USD, a string as SNS returns it), when SNS returned it. */
    monthlySpendLimit?: string;
}

export interface SmsDeliveryFinding {
    id: "sms-sandbox" | "sms-spend-limit";
    message: string;
    fix: string;
    evidence: Evidence;
}

export const SMS_SANDBOX_EVIDENCE: Evidence = {
    rating: "DOCUMENTED",
    source: 'Amazon SNS Developer Guide, "Using the Amazon SNS SMS sandbox" (https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html): "You can only send SMS messages to verified destination phone numbers", at most 10; service model sns GetSMSSandboxAccountStatus; Amazon Cognito CreateUserPool: "In sandbox mode, you can send messages only to verified phone numbers"',
};

export const SMS_SPEND_EVIDENCE: Evidence = {
    rating: "DOCUMENTED",
    source: 'Amazon SNS Developer Guide, "Requesting increases to your monthly Amazon SNS SMS spending quota" (https://docs.aws.amazon.com/sns/latest/dg/channels-sms-awssupport-spend-threshold.html): "We set the spending quota for all new accounts at $1.00 (USD) per month"; service model sns SetSMSAttributes MonthlySpendLimit: "When Amazon SNS determines that sending an SMS message would incur a cost that exceeds this limit, it stops sending SMS messages within minutes"',
};

/** The quota AWS gives every new account, meant for testing (SMS_SPEND_EVIDENCE). */
export const NEW_ACCOUNT_SPEND_LIMIT_USD = 1;

/** What the account's SMS sending state means for the SMS codes of `poolId`. */
export function smsDeliveryRules(state: SmsSendingState, poolId: string): SmsDeliveryFinding[] {
    const out: SmsDeliveryFinding[] = [];
    if (state.inSandbox === true) {
        out.push({
            id: "sms-sandbox",
            message: `user pool ${poolId} sends SMS through Amazon SNS in ${state.region}, where this account is in the SMS sandbox: SNS delivers SMS only to verified destination phone numbers (at most 10), so other users get no MFA code and cannot sign in with SMS MFA.`,
            fix: `Move the account out of the SNS SMS sandbox in ${state.region} (SNS console, Text messaging (SMS), "Exit SMS sandbox", which opens a Support case); until then only the sandbox's verified numbers (aws sns list-sms-sandbox-phone-numbers --region ${state.region}) receive codes.`,
            evidence: SMS_SANDBOX_EVIDENCE,
        });
    }
    const limit = state.monthlySpendLimit === undefined ? NaN : Number(state.monthlySpendLimit);
    if (Number.isFinite(limit) && limit <= NEW_ACCOUNT_SPEND_LIMIT_USD) {
        const what =
            limit <= 0
                ? "a limit of 0 USD, so SNS sends no SMS at all"
                : `${state.monthlySpendLimit} USD, the quota AWS sets for new accounts to test with; SNS stops sending SMS within minutes once a message would pass it, so once SMS worth that much have been sent in a month, no more codes go out until the next month`;
        out.push({
            id: "sms-spend-limit",
            message: `user pool ${poolId} sends SMS through Amazon SNS in ${state.region}, where the account's monthly SMS spend limit (GetSMSAttributes MonthlySpendLimit) is ${what}.`,
            fix: `Request an SMS spending quota increase for ${state.region} (AWS Support, service limit increase for SNS text messaging), then raise MonthlySpendLimit (aws sns set-sms-attributes --attributes MonthlySpendLimit=<USD> --region ${state.region}); alarm on the CloudWatch metric SMSMonthToDateSpentUSD.`,
            evidence: SMS_SPEND_EVIDENCE,
        });
    }
    return out;
}
