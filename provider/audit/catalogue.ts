// Every rule the audit may report: its id, a title (SARIF's shortDescription), its usual level and
// its evidence. The pre-flight's own rules (poolRules, roleRules, smsDeliveryRules) keep their
// messages; this table gives them ids and the ratings of the project's rules audit
// (shared reference rules-evidence.md, whose row is named in each source).
import type { Evidence } from "../common/evidence";
import {
    EUMS_CONFIGURATION_SET_EVIDENCE,
    EUMS_ORIGINATION_INACTIVE_EVIDENCE,
    EUMS_ORIGINATION_MISSING_EVIDENCE,
    EUMS_SANDBOX_EVIDENCE,
    EUMS_SPEND_EVIDENCE,
    SMS_SANDBOX_EVIDENCE,
    SMS_SPEND_EVIDENCE,
} from "../userPoolMfaConfig/smsDeliveryRules";
import type { Level } from "./findings";

export interface AuditRule {
    id: string;
    title: string;
    level: Level;
    evidence: Evidence;
}

const DG_MFA =
    'Amazon Cognito Developer Guide, "Adding MFA to a user pool" (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html)';
const DG_SMS =
    'Amazon Cognito Developer Guide, "SMS message settings" (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html)';
const BOTO = "service model cognito-idp 2016-04-18 (botocore 1.44.8)";

const rules: AuditRule[] = [
    // The audit's posture rules (postureRules.ts).
    {
        id: "mfa-off",
        title: "MFA is OFF",
        level: "failure",
        evidence: {
            rating: "DOCUMENTED",
            source: `${BOTO} MfaConfiguration: OFF means no user is asked for a second factor; AWS Config's managed rule COGNITO_USER_POOL_MFA_ENABLED flags the same for password sign-in`,
        },
    },
    {
        id: "mfa-optional",
        title: "MFA is OPTIONAL: users may never enroll",
        level: "warning",
        evidence: {
            rating: "DOCUMENTED",
            source: `${BOTO} MfaConfiguration: "When MfaConfiguration is OPTIONAL, managed login doesn't automatically prompt users to set up MFA"`,
        },
    },
    {
        id: "sms-only-second-factor",
        title: "SMS is the only second factor",
        level: "warning",
        evidence: {
            rating: "INFERRED",
            source: "No AWS source rates SMS codes below TOTP; NIST SP 800-63B (5.1.3.3) restricts out-of-band authentication through the telephone network, and the SMS delivery rules below (sandbox, spend limit) are the documented ways SMS codes stop arriving",
        },
    },
    {
        id: "passkey-uv-preferred",
        title: 'Passkeys with userVerification "preferred" under MFA ON',
        level: "warning",
        evidence: {
            rating: "DOCUMENTED",
            source: `${BOTO} WebAuthnConfigurationType: UserVerification "preferred" "doesn't require the use of authenticators with user verification"; FactorConfiguration: only "passkey authentication with user verification satisfies MFA requirements"`,
        },
    },
    {
        id: "sms-role-trust-no-source",
        title: "SMS role trust policy without aws:SourceAccount or aws:SourceArn",
        level: "warning",
        evidence: {
            rating: "DOCUMENTED",
            source: `${DG_SMS}: the recommended trust policy conditions sts:AssumeRole on sts:ExternalId, aws:SourceAccount and aws:SourceArn (the pool's ARN), against the confused deputy`,
        },
    },
    {
        id: "sms-role-missing",
        title: "The SMS role does not exist",
        level: "failure",
        evidence: {
            rating: "OBSERVED",
            source: "awslabs/nx-plugin-for-aws#631: a deleted SMS role surfaces as InvalidSmsRoleTrustRelationshipException, so Cognito cannot send SMS",
        },
    },
    {
        id: "pool-unreadable",
        title: "The pool could not be read",
        level: "failure",
        evidence: { rating: "OBSERVED", source: "the AWS answer quoted in the message" },
    },
    {
        id: "sms-role-unreadable",
        title: "The SMS role could not be read",
        level: "warning",
        evidence: { rating: "OBSERVED", source: "the AWS answer quoted in the message" },
    },
    {
        id: "sms-delivery-unreadable",
        title: "The account's SMS sending state could not be read",
        level: "warning",
        evidence: { rating: "OBSERVED", source: "the AWS answer quoted in the message" },
    },
    // The SMS delivery rules (userPoolMfaConfig/smsDeliveryRules.ts).
    { id: "sms-sandbox", title: "The account is in the SNS SMS sandbox", level: "warning", evidence: SMS_SANDBOX_EVIDENCE },
    {
        id: "sms-spend-limit",
        title: "The SNS monthly SMS spend limit is the new-account quota or less",
        level: "warning",
        evidence: SMS_SPEND_EVIDENCE,
    },
    {
        id: "eums-sandbox",
        title: "The account's End User Messaging SMS tier is the SMS sandbox",
        level: "warning",
        evidence: EUMS_SANDBOX_EVIDENCE,
    },
    {
        id: "eums-spend-limit",
        title: "The End User Messaging SMS text spend limit is the new-account quota or less",
        level: "warning",
        evidence: EUMS_SPEND_EVIDENCE,
    },
    {
        id: "eums-origination-identity-missing",
        title: "The End User Messaging SMS origination identity does not exist in its Region",
        level: "warning",
        evidence: EUMS_ORIGINATION_MISSING_EVIDENCE,
    },
    {
        id: "eums-origination-identity-inactive",
        title: "The End User Messaging SMS origination phone number is not ACTIVE",
        level: "warning",
        evidence: EUMS_ORIGINATION_INACTIVE_EVIDENCE,
    },
    {
        id: "eums-configuration-set-missing",
        title: "The End User Messaging SMS configuration set does not exist in its Region",
        level: "warning",
        evidence: EUMS_CONFIGURATION_SET_EVIDENCE,
    },
    // The pre-flight's pool rules (userPoolMfaConfig/poolRules.ts), as rules-evidence.md rates them.
    {
        id: "lite-email-mfa",
        title: "Email MFA on the Lite plan",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P1: ${BOTO} EmailMfaConfigType needs Essentials or higher` },
    },
    {
        id: "lite-email-mfa-legacy-security",
        title: "Email MFA on the Lite plan with legacy advanced security",
        level: "warning",
        evidence: { rating: "INFERRED", source: "rules-evidence P1: AWS CDK validateEmailMfa accepts it; AWS documents no such exception" },
    },
    {
        id: "lite-passkeys",
        title: "Passkey settings on the Lite plan",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P2: ${BOTO} WebAuthnConfigurationType needs Essentials or higher` },
    },
    {
        id: "email-mfa-needs-ses",
        title: "Email MFA without the pool's own SES sending account",
        level: "failure",
        evidence: {
            rating: "DOCUMENTED",
            source: "rules-evidence P3: CloudFormation AWS::Cognito::UserPool EnabledMfas; the error text measured by cdkd",
        },
    },
    {
        id: "sticky-sms",
        title: "The pool's SMS configuration requires SMS MFA",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P4: ${DG_MFA}; aws-amplify/amplify-backend#1481` },
    },
    {
        id: "email-mfa-email-recovery",
        title: "Email MFA with email-only account recovery",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P5: ${DG_MFA}` },
    },
    {
        id: "sms-mfa-phone-only-recovery",
        title: "SMS MFA with phone-only account recovery",
        level: "warning",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P6: ${DG_MFA}; the account-recovery members of ${BOTO}` },
    },
    {
        id: "on-with-passwordless-first-factor",
        title: 'MFA "ON" with passwordless first factors',
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P7: ${DG_MFA}; measured by cdkd #2064` },
    },
    {
        id: "rp-id-reserved-domain",
        title: "Relying-party id in a reserved amazoncognito.com domain",
        level: "failure",
        evidence: {
            rating: "OBSERVED",
            source: 'rules-evidence M2: "RelyingPartyId cannot be reserved domain other than User Pool\'s prefix domain"',
        },
    },
    {
        id: "rp-id-custom-domain",
        title: "Relying-party id is not the pool's custom domain",
        level: "warning",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence M3: ${BOTO} WebAuthnConfigurationType.RelyingPartyId` },
    },
    {
        id: "adaptive-auth-needs-optional",
        title: "Full-function threat protection with MFA other than OPTIONAL",
        level: "warning",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence M9: ${DG_MFA}` },
    },
    // The pre-flight's role rules (userPoolMfaConfig/roleRules.ts).
    {
        id: "sms-role-trust",
        title: "The SMS role does not trust cognito-idp.amazonaws.com",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P9: ${DG_SMS}; ${BOTO} InvalidSmsRoleTrustRelationshipException` },
    },
    {
        id: "sms-role-external-id",
        title: "The pool's ExternalId does not match the SMS role's trust policy",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P10: ${BOTO} InvalidSmsRoleTrustRelationshipException` },
    },
    {
        id: "sms-role-no-external-id",
        title: "SMS role trust policy without sts:ExternalId",
        level: "warning",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence M5: ${DG_SMS}` },
    },
    {
        id: "sms-role-publish",
        title: "The SMS role may not call sns:Publish on *",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `rules-evidence P11: ${DG_SMS}; ${BOTO} InvalidSmsRoleAccessPolicyException` },
    },
    {
        id: "sms-role-send-text",
        title: "The SMS role may not call sms-voice:SendTextMessage",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `${BOTO} EumsSmsConfigurationType.CallerArn` },
    },
    {
        id: "sms-role-conditional-allow",
        title: "The SMS role's permission is under a Condition",
        level: "warning",
        evidence: { rating: "OBSERVED", source: "rules-evidence M7: AWS CDK aws-cognito user-pool.ts (code comment)" },
    },
    {
        id: "eums-origination-identity",
        title: "The End User Messaging SMS origination identity does not match the role's policy",
        level: "failure",
        evidence: { rating: "DOCUMENTED", source: `${BOTO} EumsSmsConfigurationType.OriginationIdentity` },
    },
    {
        id: "preflight-refusal",
        title: "The pre-flight would refuse this configuration",
        level: "failure",
        evidence: { rating: "INFERRED", source: "a pre-flight rule without its own audit id (the message names the property)" },
    },
    {
        id: "preflight-warning",
        title: "The pre-flight warns about this configuration",
        level: "warning",
        evidence: { rating: "INFERRED", source: "a pre-flight warning without its own audit id" },
    },
];

export const AUDIT_RULES: ReadonlyMap<string, AuditRule> = new Map(rules.map((r) => [r.id, r]));

export function auditRule(id: string): AuditRule {
    const r = AUDIT_RULES.get(id);
    if (!r) throw new Error(`no audit rule ${id}`);
    return r;
}
