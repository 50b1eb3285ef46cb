// Whether SMS codes will reach users, from the account's SMS sending state in the Region the pool
// sends from: on the SNS path the SNS SMS sandbox and the monthly SMS spend limit, on the End User
// Messaging SMS path (EumsSms) the account tier and the text spend limit. None is part of the
// pool, so SetUserPoolMfaConfig succeeds either way and the failure shows only when a user waits
// for a code: these rules warn, never refuse. Pure: smsDeliveryPreflight.ts does the reads.
import type { Evidence } from "../common/evidence";

/** The account's SMS sending state in one Region, on one path; undefined members were not read. */
export interface SmsSendingState {
    region: string;
    /** Which service sends the pool's SMS: Amazon SNS (the default) or End User Messaging SMS. */
    path?: SmsPath;
    /** GetSMSSandboxAccountStatus IsInSandbox. */
    inSandbox?: boolean;
    /** GetSMSAttributes MonthlySpendLimit (USD, a string as SNS returns it), when SNS returned it. */
    monthlySpendLimit?: string;
    /** End User Messaging SMS DescribeAccountAttributes ACCOUNT_TIER, when it was returned. */
    accountTier?: string;
    /**
     * End User Messaging SMS DescribeSpendLimits TEXT_MESSAGE_MONTHLY_SPEND_LIMIT, the limit in
     * force (USD): EnforcedLimit when Overridden, else MaxLimit.
     */
    textSpendLimitUsd?: number;
    /** eumsSms.originationIdentity and what its Describe* read found, when it was read. */
    originationIdentity?: { value: string; operation: string; found: boolean; status?: string };
    /** eumsSms.configurationSetName and whether DescribeConfigurationSets found it, when it was read. */
    configurationSet?: { name: string; found: boolean };
}

export type SmsPath = "sns" | "eums";

export interface SmsDeliveryFinding {
    id:
        | "sms-sandbox"
        | "sms-spend-limit"
        | "eums-sandbox"
        | "eums-spend-limit"
        | "eums-origination-identity-missing"
        | "eums-origination-identity-inactive"
        | "eums-configuration-set-missing";
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

export const EUMS_SANDBOX_EVIDENCE: Evidence = {
    rating: "INFERRED",
    source: 'End User Messaging SMS API Reference, DescribeAccountAttributes (https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_DescribeAccountAttributes.html): "account tier, which indicates whether your account is in the sandbox or production environment", "New accounts are placed into an SMS or voice sandbox"; AWS Messaging & Targeting Blog, "Introducing the Amazon Pinpoint SMS sandbox": in the sandbox "you can only send messages to destination phone numbers that you\'ve verified", one sandbox for SNS and Pinpoint. INFERRED: no AWS page shows the literal ACCOUNT_TIER value (the model types it as a string), so the rule matches the word "sandbox" in it, in any case',
};

export const EUMS_SPEND_EVIDENCE: Evidence = {
    rating: "DOCUMENTED",
    source: 'service model pinpoint-sms-voice-v2 DescribeSpendLimits / SpendLimit ("EnforcedLimit ... To use this custom limit, Overridden must be set to true"; "When you establish an AWS account, the account has initial monthly spend limit"); the 1 USD new-account quota: Amazon SNS Developer Guide (https://docs.aws.amazon.com/sns/latest/dg/channels-sms-awssupport-spend-threshold.html) and the AWS Messaging & Targeting Blog, "Introducing the Amazon Pinpoint SMS sandbox" ("your monthly spending limit is fixed at $1")',
};

export const EUMS_ORIGINATION_MISSING_EVIDENCE: Evidence = {
    rating: "INFERRED",
    source: 'botocore cognito-idp EumsSmsConfigurationType.OriginationIdentity ("A long code, toll-free number, or short code that is assigned to your account", "the ARN of the phone number, sender ID, or phone pool"); service model pinpoint-sms-voice-v2 DescribePhoneNumbers ("If you specify a phone number ID that isn\'t valid, an error is returned"), ResourceNotFoundException ("A requested resource couldn\'t be found"), SendTextMessage errors list ResourceNotFoundException. INFERRED: no AWS page says what Cognito does with an identity that does not exist; SendTextMessage, which it calls, answers ResourceNotFoundException',
};

export const EUMS_ORIGINATION_INACTIVE_EVIDENCE: Evidence = {
    rating: "INFERRED",
    source: 'service model pinpoint-sms-voice-v2 PhoneNumberInformation.Status ("The current status of the phone number", NumberStatus PENDING | ACTIVE | ASSOCIATING | DISASSOCIATING | DELETED). INFERRED: the model does not say that only an ACTIVE number sends; a PENDING number is one still being provisioned or registered, a DELETED one is released',
};

export const EUMS_CONFIGURATION_SET_EVIDENCE: Evidence = {
    rating: "INFERRED",
    source: 'botocore cognito-idp EumsSmsConfigurationType.ConfigurationSetName ("the configuration set that Amazon Cognito applies to messages"); service model pinpoint-sms-voice-v2 SendTextMessage.ConfigurationSetName and its ResourceNotFoundException. INFERRED: no AWS page says what Cognito does with a configuration set that does not exist',
};

/** The quota AWS gives every new account, meant for testing (SMS_SPEND_EVIDENCE). */
export const NEW_ACCOUNT_SPEND_LIMIT_USD = 1;

/** What the account's SMS sending state means for the SMS codes of `poolId`. */
export function smsDeliveryRules(state: SmsSendingState, poolId: string): SmsDeliveryFinding[] {
    return state.path === "eums" ? eumsRules(state, poolId) : snsRules(state, poolId);
}

function spendText(limit: number, shown: string): string {
    return limit <= 0
        ? `a limit of 0 USD, so it sends no SMS at all`
        : `${shown} USD, the quota AWS sets for new accounts to test with; sending stops once a message would pass it, so once SMS worth that much have been sent in a month, no more codes go out until the next month`;
}

function eumsRules(state: SmsSendingState, poolId: string): SmsDeliveryFinding[] {
    const out: SmsDeliveryFinding[] = [];
    const where = `user pool ${poolId} sends SMS through AWS End User Messaging SMS in ${state.region}`;
    if (state.accountTier !== undefined && /sandbox/i.test(state.accountTier)) {
        out.push({
            id: "eums-sandbox",
            message: `${where}, where the account tier (DescribeAccountAttributes ACCOUNT_TIER) is ${state.accountTier}: in the SMS sandbox, messages go only to verified destination phone numbers, so other users get no MFA code and cannot sign in with SMS MFA.`,
            fix: `Move the account out of the SMS sandbox in ${state.region} with an AWS Support case for a service limit increase (as DescribeAccountAttributes documents it); until then only verified destination numbers (aws pinpoint-sms-voice-v2 describe-verified-destination-numbers --region ${state.region}) receive codes.`,
            evidence: EUMS_SANDBOX_EVIDENCE,
        });
    }
    const limit = state.textSpendLimitUsd;
    if (limit !== undefined && Number.isFinite(limit) && limit <= NEW_ACCOUNT_SPEND_LIMIT_USD) {
        out.push({
            id: "eums-spend-limit",
            message: `${where}, where the account's monthly text spend limit (DescribeSpendLimits TEXT_MESSAGE_MONTHLY_SPEND_LIMIT) is ${spendText(limit, String(limit))}.`,
            fix: `Request a spending quota increase for SMS in ${state.region} (AWS Support, service limit increase for End User Messaging SMS), and remove a lower override (aws pinpoint-sms-voice-v2 delete-text-message-spend-limit-override --region ${state.region}).`,
            evidence: EUMS_SPEND_EVIDENCE,
        });
    }
    out.push(...eumsResourceRules(state, where));
    return out;
}

const OI_PROP = "smsMfaConfiguration.smsConfiguration.eumsSms.originationIdentity";
const CS_PROP = "smsMfaConfiguration.smsConfiguration.eumsSms.configurationSetName";

function eumsResourceRules(state: SmsSendingState, where: string): SmsDeliveryFinding[] {
    const out: SmsDeliveryFinding[] = [];
    const oi = state.originationIdentity;
    if (oi && !oi.found) {
        out.push({
            id: "eums-origination-identity-missing",
            message: `${where}, where the origination identity ${oi.value} (${OI_PROP}) does not exist (${oi.operation}: ResourceNotFoundException): End User Messaging SMS cannot send from it, so users get no MFA code.`,
            fix: `Set ${OI_PROP} to a phone number, sender ID or pool of this account in ${state.region} (aws pinpoint-sms-voice-v2 describe-phone-numbers --region ${state.region}), or set eumsSms.region to the Region it is in, or omit it to let End User Messaging SMS choose.`,
            evidence: EUMS_ORIGINATION_MISSING_EVIDENCE,
        });
    } else if (oi && oi.operation === "DescribePhoneNumbers" && oi.status !== undefined && oi.status !== "ACTIVE") {
        out.push({
            id: "eums-origination-identity-inactive",
            message: `${where}, where the origination identity ${oi.value} (${OI_PROP}) is a phone number whose Status is ${oi.status}, not ACTIVE: until it is, End User Messaging SMS may not send from it and users may get no MFA code.`,
            fix: `Wait for the number to become ACTIVE (aws pinpoint-sms-voice-v2 describe-phone-numbers --region ${state.region}; a PENDING number may wait on its registration), or set ${OI_PROP} to an ACTIVE number.`,
            evidence: EUMS_ORIGINATION_INACTIVE_EVIDENCE,
        });
    }
    const cs = state.configurationSet;
    if (cs && !cs.found) {
        out.push({
            id: "eums-configuration-set-missing",
            message: `${where}, where the configuration set ${cs.name} (${CS_PROP}) does not exist (DescribeConfigurationSets: ResourceNotFoundException): messages sent with it may fail, so users may get no MFA code.`,
            fix: `Create it (aws pinpoint-sms-voice-v2 create-configuration-set --configuration-set-name ${cs.name} --region ${state.region}), or correct or omit ${CS_PROP}.`,
            evidence: EUMS_CONFIGURATION_SET_EVIDENCE,
        });
    }
    return out;
}

function snsRules(state: SmsSendingState, poolId: string): SmsDeliveryFinding[] {
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
