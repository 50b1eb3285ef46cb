// A catalogue of inputs AWS would refuse at `pulumi up`, each with the property `check` must
// name. Static cases are caught by validate() without any AWS call; live cases need the
// pool (DescribeUserPool) or the SNS caller role (IAM reads) as described by `pool` / `role`.
// test/unit/badInputCatalogue.test.ts runs every case through the provider's `check` with a
// mocked SDK; test/e2e/preflight.test.ts runs a sample through `pulumi preview` against moto,
// creating the pool and role described here.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";

export const POOL = "eu-west-1_Abc123";
export const ACCOUNT = "123456789012"; // also moto's default account
export const ROLE_NAME = "cognito-sms";
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
export const EXTERNAL_ID = "ext-0123456789";

/** A pool on which every factor is possible: Essentials, SES email, no recovery or sign-in constraints. */
export const BASE_POOL: UserPoolType = {
    Id: POOL,
    UserPoolTier: "ESSENTIALS",
    EmailConfiguration: { EmailSendingAccount: "DEVELOPER", SourceArn: `arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com` },
};

export interface RoleFixture {
    trust: object;
    /** Inline policies by name. */
    inline?: Record<string, object>;
    /** Managed policies by ARN (their default version). */
    managed?: Record<string, object>;
}

export const GOOD_TRUST = {
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { Service: "cognito-idp.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
        },
    ],
};
export const SNS_PUBLISH = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] };
export const GOOD_ROLE: RoleFixture = { trust: GOOD_TRUST, inline: { "sns-publish": SNS_PUBLISH } };

export const SMS = { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: EXTERNAL_ID } };
export const TOTP = { enabled: true };

export interface BadInputCase {
    name: string;
    kind: "static" | "live";
    inputs: Record<string, unknown>;
    /** Overrides of BASE_POOL; `null` = the pool does not exist. */
    pool?: Partial<UserPoolType> | null;
    /** The SNS caller role; GOOD_ROLE when the inputs name ROLE_ARN and this is unset. */
    role?: RoleFixture;
    /** The property the failure must name. */
    property: string;
    /** What the reason must say (the rule). */
    reason: RegExp;
}

const base = { userPoolId: POOL };
const long = (n: number, unit = "a") => unit.repeat(n);

export const BAD_INPUTS: BadInputCase[] = [
    // --- static: shape and constraints -----------------------------------------------------------
    { name: "userPoolId missing", kind: "static", inputs: { mfaConfiguration: "OFF" }, property: "userPoolId", reason: /is required/ },
    {
        name: "userPoolId malformed",
        kind: "static",
        inputs: { userPoolId: "not a pool", mfaConfiguration: "OFF" },
        property: "userPoolId",
        reason: /look like "<region>_<id>"/,
    },
    {
        name: "userPoolId too long",
        kind: "static",
        inputs: { userPoolId: `eu-west-1_${long(50)}`, mfaConfiguration: "OFF" },
        property: "userPoolId",
        reason: /at most 55 characters/,
    },
    {
        name: "region too short",
        kind: "static",
        inputs: { ...base, region: "eu", mfaConfiguration: "OFF" },
        property: "region",
        reason: /at least 5 characters/,
    },
    {
        name: "End User Messaging SMS Region other than the pool's",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { eumsSms: { callerArn: ROLE_ARN, region: "us-east-1" } } },
        },
        property: "smsMfaConfiguration.smsConfiguration.eumsSms.region",
        reason: /must be the user pool's own Region, eu-west-1/,
    },
    {
        name: "deletePolicy unknown",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", deletePolicy: "keep" },
        property: "deletePolicy",
        reason: /must be one of "reset", "restore", "retain"/,
    },
    { name: "mfaConfiguration missing", kind: "static", inputs: { ...base }, property: "mfaConfiguration", reason: /is required/ },
    {
        name: "mfaConfiguration REQUIRED (CDK spelling)",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "REQUIRED" },
        property: "mfaConfiguration",
        reason: /must be one of "OFF", "ON", "OPTIONAL"/,
    },
    {
        name: "unknown top-level property",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", enabledMfas: ["SMS_MFA"] },
        property: "enabledMfas",
        reason: /is not a known property/,
    },
    {
        name: "smsMfaConfiguration not an object",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: "sms" },
        property: "smsMfaConfiguration",
        reason: /must be an object/,
    },
    {
        name: "SMS message without {####}",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { ...SMS, smsAuthenticationMessage: "Your code" } },
        property: "smsMfaConfiguration.smsAuthenticationMessage",
        reason: /code placeholder \{####\}/,
    },
    {
        name: "SMS message too long",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { ...SMS, smsAuthenticationMessage: `{####}${long(135)}` } },
        property: "smsMfaConfiguration.smsAuthenticationMessage",
        reason: /at most 140 characters/,
    },
    {
        name: "SMS message too short",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { ...SMS, smsAuthenticationMessage: "{###}" } },
        property: "smsMfaConfiguration.smsAuthenticationMessage",
        reason: /at least 6 characters/,
    },
    {
        name: "smsConfiguration with neither snsCallerArn nor eumsSms",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { externalId: EXTERNAL_ID } } },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /is required/,
    },
    {
        name: "snsCallerArn missing",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { externalId: EXTERNAL_ID } } },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /is required/,
    },
    {
        name: "snsCallerArn not an ARN",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: "roles/cognito-sms-for-my-pool", externalId: EXTERNAL_ID } },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /IAM role ARN/,
    },
    {
        name: "snsCallerArn of a topic, not a role",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: {
                smsConfiguration: { snsCallerArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:sms-topic`, externalId: EXTERNAL_ID },
            },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /must be the ARN of an IAM role/,
    },
    {
        name: "externalId missing",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE_ARN } } },
        property: "smsMfaConfiguration.smsConfiguration.externalId",
        reason: /is required with SMS MFA/,
    },
    {
        name: "externalId empty",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: "" } } },
        property: "smsMfaConfiguration.smsConfiguration.externalId",
        reason: /is required with SMS MFA/,
    },
    {
        name: "externalId longer than sts:ExternalId allows",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: long(1225) } },
        },
        property: "smsMfaConfiguration.smsConfiguration.externalId",
        reason: /at most 1224 characters/,
    },
    {
        name: "snsRegion too short",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { ...SMS.smsConfiguration, snsRegion: "Tok" } },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsRegion",
        reason: /at least 5 characters/,
    },
    {
        name: "unknown property in smsConfiguration",
        kind: "static",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { ...SMS.smsConfiguration, snsTopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:sms` } },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsTopicArn",
        reason: /is not a known property/,
    },
    {
        name: "TOTP enabled not a boolean",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: "yes" } },
        property: "softwareTokenMfaConfiguration.enabled",
        reason: /must be true or false/,
    },
    {
        name: "TOTP enabled as a string",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: "yes" } },
        property: "softwareTokenMfaConfiguration.enabled",
        reason: /must be true or false/,
    },
    {
        name: "email message without {####}",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", emailMfaConfiguration: { message: "Your sign-in code" } },
        property: "emailMfaConfiguration.message",
        reason: /code placeholder \{####\}/,
    },
    {
        name: "email subject empty",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", emailMfaConfiguration: { subject: "" } },
        property: "emailMfaConfiguration.subject",
        reason: /at least 1 characters/,
    },
    {
        name: "email subject with an ideographic space (not ASCII white space)",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", emailMfaConfiguration: { subject: "Sign\u3000in" } },
        property: "emailMfaConfiguration.subject",
        reason: /ASCII white space/,
    },
    {
        name: "WebAuthn relying party id too long",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: long(128) } },
        property: "webAuthnConfiguration.relyingPartyId",
        reason: /at most 127 characters/,
    },
    {
        name: "WebAuthn userVerification upper case",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "REQUIRED" } },
        property: "webAuthnConfiguration.userVerification",
        reason: /must be one of "required", "preferred"/,
    },
    {
        name: "WebAuthn factorConfiguration unknown",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR" } },
        property: "webAuthnConfiguration.factorConfiguration",
        reason: /must be one of "SINGLE_FACTOR"/,
    },

    // --- static: cross-field rules ---------------------------------------------------------------
    {
        name: "OFF with an SMS block",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", smsMfaConfiguration: SMS },
        property: "smsMfaConfiguration.smsConfiguration",
        reason: /cannot be set while mfaConfiguration is "OFF"/,
    },
    {
        name: "OFF with an email block",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", emailMfaConfiguration: {} },
        property: "emailMfaConfiguration",
        reason: /cannot be set while mfaConfiguration is "OFF"/,
    },
    {
        name: "OFF with TOTP enabled",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OFF", softwareTokenMfaConfiguration: TOTP },
        property: "softwareTokenMfaConfiguration",
        reason: /cannot be set while mfaConfiguration is "OFF"/,
    },
    {
        name: "ON with passkeys only",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "ON", webAuthnConfiguration: { userVerification: "required" } },
        property: "mfaConfiguration",
        reason: /needs at least one MFA factor.*passkeys.*count only with/,
    },
    {
        name: "OPTIONAL with TOTP disabled only",
        kind: "static",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: false } },
        property: "mfaConfiguration",
        reason: /needs at least one MFA factor/,
    },

    // --- live: the pool (DescribeUserPool) -------------------------------------------------------
    {
        name: "pool does not exist",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        pool: null,
        property: "userPoolId",
        reason: /names no user pool in eu-west-1/,
    },
    {
        name: "email MFA on the Lite tier",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        pool: { UserPoolTier: "LITE" },
        property: "emailMfaConfiguration",
        reason: /UserPoolTier "LITE".*"ESSENTIALS" or "PLUS"/,
    },
    {
        name: "passkeys on the Lite tier",
        kind: "live",
        inputs: {
            ...base,
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: TOTP,
            webAuthnConfiguration: { userVerification: "required" },
        },
        pool: { UserPoolTier: "LITE" },
        property: "webAuthnConfiguration",
        reason: /UserPoolTier "LITE": passkeys/,
    },
    {
        name: "email MFA with Cognito's default email",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", emailMfaConfiguration: { subject: "Sign-in code" } },
        pool: { EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" } },
        property: "emailMfaConfiguration",
        reason: /EmailSendingAccount "COGNITO_DEFAULT".*"DEVELOPER"/,
    },
    {
        name: "email MFA on a pool without email configuration",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        pool: { EmailConfiguration: undefined },
        property: "emailMfaConfiguration",
        reason: /EmailSendingAccount "COGNITO_DEFAULT"/,
    },
    {
        name: "sticky pool SMS: OPTIONAL with TOTP only",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        pool: { SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID } },
        property: "smsMfaConfiguration",
        reason: /Can't turn off SMS_MFA when SMS configuration is set for the user pool/,
    },
    {
        name: "sticky pool SMS: ON with email only",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", emailMfaConfiguration: {} },
        pool: { SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID } },
        property: "smsMfaConfiguration",
        reason: /is required with mfaConfiguration "ON"/,
    },
    {
        name: "email MFA with email-only account recovery",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        pool: { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] } },
        property: "emailMfaConfiguration",
        reason: /recovers accounts by verified_email only/,
    },
    {
        name: "sticky pool SMS through End User Messaging SMS: OPTIONAL with TOTP only",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        pool: { SmsConfiguration: { EumsSms: { CallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } },
        property: "smsMfaConfiguration",
        reason: /through End User Messaging SMS .*Add smsMfaConfiguration \{ smsConfiguration: \{ eumsSms:/,
    },
    {
        name: "ON with EMAIL_OTP sign-in",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } },
        property: "mfaConfiguration",
        reason: /passwordless first factors EMAIL_OTP.*Use mfaConfiguration "OPTIONAL"/,
    },
    {
        name: "ON with SMS_OTP sign-in",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "SMS_OTP"] } } },
        property: "mfaConfiguration",
        reason: /passwordless first factors SMS_OTP/,
    },
    {
        name: "ON with passkey sign-in, passkeys not MFA",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } } },
        property: "mfaConfiguration",
        reason: /WEB_AUTHN.*MULTI_FACTOR_WITH_USER_VERIFICATION/,
    },
    {
        name: "passkey relying party in another pool's prefix domain",
        kind: "live",
        inputs: {
            ...base,
            mfaConfiguration: "OFF",
            webAuthnConfiguration: { relyingPartyId: "someone-else.auth.eu-west-1.amazoncognito.com" },
        },
        pool: { Domain: "my-app" },
        property: "webAuthnConfiguration.relyingPartyId",
        reason: /amazoncognito\.com, a domain AWS reserves.*"RelyingPartyId cannot be reserved domain other than User Pool's prefix domain".*is "my-app\.auth\.eu-west-1\.amazoncognito\.com"/,
    },

    // --- live: the SNS caller role (IAM reads) ---------------------------------------------------
    {
        name: "role trusts another service",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        role: {
            trust: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
            },
            inline: { p: SNS_PUBLISH },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /does not let cognito-idp\.amazonaws\.com call sts:AssumeRole/,
    },
    {
        name: "role trust allows Cognito only sts:TagSession",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        role: {
            trust: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:TagSession" }],
            },
            inline: { p: SNS_PUBLISH },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /InvalidSmsRoleTrustRelationshipException/,
    },
    {
        name: "role trust with another ExternalId",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        role: {
            trust: {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Service: "cognito-idp.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "sts:ExternalId": "someone-elses-id" } },
                    },
                ],
            },
            inline: { p: SNS_PUBLISH },
        },
        property: "smsMfaConfiguration.smsConfiguration.externalId",
        reason: /does not match the sts:ExternalId condition/,
    },
    {
        name: "role without any permission policy",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: { trust: GOOD_TRUST },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /has no permission policy that allows sns:Publish/,
    },
    {
        name: "role allows sns:Publish on a topic only",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: GOOD_TRUST,
            inline: {
                p: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: `arn:aws:sns:eu-west-1:${ACCOUNT}:alerts` }],
                },
            },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /allows sns:Publish only on .*the Resource must be "\*"/,
    },
    {
        name: "role denies sns:Publish",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: GOOD_TRUST,
            inline: {
                allow: SNS_PUBLISH,
                deny: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "sns:*", Resource: "*" }] },
            },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /denies sns:Publish/,
    },
    {
        name: "role's managed policy grants other SNS actions only",
        kind: "live",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: GOOD_TRUST,
            managed: {
                [`arn:aws:iam::${ACCOUNT}:policy/sns-read`]: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: ["sns:List*", "sns:Get*"], Resource: "*" }],
                },
            },
        },
        property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
        reason: /has no permission policy that allows sns:Publish/,
    },
];

/**
 * Inputs AWS accepts on a pool that an older rule refused or that a rule only warns about: they
 * must pass `check` (a false refusal blocks preview for good), with exactly these warnings.
 * test/e2e/preflight.test.ts previews and applies a sample against moto.
 */
export interface AcceptedCase {
    name: string;
    inputs: Record<string, unknown>;
    /** Overrides of BASE_POOL. */
    pool?: Partial<UserPoolType>;
    role?: RoleFixture;
    /** One pattern per warning, in any order. */
    warnings: RegExp[];
}

const recoveryOf = (...names: string[]) => ({
    AccountRecoverySetting: { RecoveryMechanisms: names.map((n, i) => ({ Name: n as "verified_email", Priority: i + 1 })) },
});

export const ACCEPTED: AcceptedCase[] = [
    {
        name: "SMS MFA on CDK's default pool (recovery: phone, then email)",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        pool: recoveryOf("verified_phone_number", "verified_email"),
        warnings: [],
    },
    {
        name: "SMS MFA as in AWS's CloudFormation example (recovery: email, then phone)",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: TOTP },
        pool: recoveryOf("verified_email", "verified_phone_number"),
        warnings: [],
    },
    {
        name: "SMS MFA with phone-only recovery: accepted, with a warning",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        pool: recoveryOf("verified_phone_number"),
        warnings: [/verified_phone_number only.*Add verified_email/],
    },
    {
        name: "email MFA on a legacy Lite pool with advanced security",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        pool: { UserPoolTier: "LITE", UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } },
        warnings: [/UserPoolTier "LITE", with legacy advanced security/],
    },
    {
        name: "ON on a pool whose threat protection is full-function",
        inputs: { ...base, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        pool: { UserPoolTier: "PLUS", UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } },
        warnings: [/full-function mode.*"MFA must be optional in your user pool"/],
    },
    {
        name: "a role whose trust has no ExternalId condition",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole" }],
            },
            inline: { "sns-publish": SNS_PUBLISH },
        },
        warnings: [/without an sts:ExternalId condition/],
    },
    {
        name: "a role whose sns:Publish Allow has a Condition",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: GOOD_TRUST,
            inline: {
                p: {
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: "sns:Publish",
                            Resource: "*",
                            Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
                        },
                    ],
                },
            },
        },
        warnings: [/allows sns:Publish only under a Condition/],
    },
    {
        name: "a role that allows sns:Publish with NotResource",
        inputs: { ...base, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        role: {
            trust: GOOD_TRUST,
            inline: {
                p: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "sns:Publish", NotResource: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts` }],
                },
            },
        },
        warnings: [],
    },
    {
        name: "a role in another account than the pool's",
        inputs: {
            ...base,
            mfaConfiguration: "ON",
            smsMfaConfiguration: {
                smsConfiguration: { snsCallerArn: "arn:aws:iam::210987654321:role/cognito-sms", externalId: EXTERNAL_ID },
            },
        },
        warnings: [/pre-flight check of role arn:aws:iam::210987654321:role\/cognito-sms skipped: .*names a role in account 210987654321/],
    },
    {
        name: "an SNS-path configuration on a pool that sends through End User Messaging SMS",
        inputs: { ...base, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        pool: { SmsConfiguration: { EumsSms: { CallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID } } },
        warnings: [/switches user pool .* from End User Messaging SMS direct \(eumsSms\) to Amazon SNS \(snsCallerArn\)/],
    },
    {
        name: "passkeys with the pool's own prefix domain as relying party",
        inputs: { ...base, mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "my-app.auth.eu-west-1.amazoncognito.com" } },
        pool: { Domain: "my-app" },
        warnings: [],
    },
];

/** Inputs that pass every rule on BASE_POOL with GOOD_ROLE: the control case. */
export const GOOD_INPUTS: Record<string, unknown>[] = [
    { ...base, mfaConfiguration: "OFF" },
    { ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
    {
        ...base,
        mfaConfiguration: "ON",
        smsMfaConfiguration: SMS,
        emailMfaConfiguration: { subject: "Code" },
        softwareTokenMfaConfiguration: TOTP,
    },
    {
        ...base,
        mfaConfiguration: "OFF",
        softwareTokenMfaConfiguration: { enabled: false },
        webAuthnConfiguration: { relyingPartyId: "auth.example.com" },
    },
];
