// What the emulator refuses on SetUserPoolMfaConfig (tools/moto-ext rules.py and constraints.py),
// with the exception name and text of each refusal, and the close cases AWS accepts, which it
// must accept too. Sources and ratings: docs/emulator.md.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateUserPoolCommandInput, CreateUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoClient, useMoto } from "../harness/moto";
import { call, errorOf, pool, SES_DEVELOPER } from "./wire";

const m = useMoto();

const SMS = {
    SmsConfiguration: { SnsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", ExternalId: "external-id-1" },
};
const TOTP = { Enabled: true };
const LITE: Partial<CreateUserPoolCommandInput> = { UserPoolTier: "LITE", EmailConfiguration: SES_DEVELOPER };

interface Case {
    name: string;
    pool?: Partial<CreateUserPoolCommandInput>;
    /** Runs after the pool is created (e.g. gives it a domain). */
    setup?: (poolId: string) => Promise<void>;
    request: Record<string, unknown>;
    /** undefined: accepted. */
    refused?: { type: string; message: string };
}

const IPE = "InvalidParameterException";
const TIER = "FeatureUnavailableInTierException";

const cases: Case[] = [
    {
        name: "OFF with a TOTP block, even {Enabled: false}",
        request: { MfaConfiguration: "OFF", SoftwareTokenMfaConfiguration: { Enabled: false } },
        refused: { type: IPE, message: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together." },
    },
    {
        name: "OFF with an email block",
        request: { MfaConfiguration: "OFF", EmailMfaConfiguration: {} },
        refused: { type: IPE, message: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together." },
    },
    {
        name: "OFF with a WebAuthn block is accepted",
        request: { MfaConfiguration: "OFF", WebAuthnConfiguration: { UserVerification: "required" } },
    },
    {
        name: "ON with no block at all",
        request: { MfaConfiguration: "ON" },
        refused: {
            type: IPE,
            message: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        },
    },
    {
        name: "OPTIONAL with single-factor passkeys only",
        request: { MfaConfiguration: "OPTIONAL", WebAuthnConfiguration: { UserVerification: "required" } },
        refused: { type: IPE, message: "Invalid MFA Configuration given. SMS MFA, Email MFA, or Software Token MFA must be enabled." },
    },
    {
        name: "ON with MULTI_FACTOR_WITH_USER_VERIFICATION passkeys only is accepted (no source refuses it)",
        request: { MfaConfiguration: "ON", WebAuthnConfiguration: { FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" } },
    },
    {
        name: "an SMS configuration with both SnsCallerArn and EumsSms",
        request: {
            MfaConfiguration: "OPTIONAL",
            SmsMfaConfiguration: {
                SmsConfiguration: { ...SMS.SmsConfiguration, EumsSms: { CallerArn: "arn:aws:iam::123456789012:role/cognito-eums" } },
            },
        },
        refused: { type: IPE, message: "SmsConfiguration can have either SnsCallerArn or EumsSms, not both." },
    },
    {
        name: "EumsSms in another Region than the pool's",
        request: {
            MfaConfiguration: "OPTIONAL",
            SmsMfaConfiguration: {
                SmsConfiguration: { EumsSms: { CallerArn: "arn:aws:iam::123456789012:role/cognito-eums", Region: "eu-west-1" } },
            },
        },
        refused: { type: IPE, message: "EumsSms Region eu-west-1 must be the user pool's Region us-east-1." },
    },
    {
        name: "an SNS configuration without ExternalId",
        request: {
            MfaConfiguration: "OPTIONAL",
            SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: SMS.SmsConfiguration.SnsCallerArn } },
        },
        refused: {
            type: IPE,
            message:
                "1 validation error detected: Value null at 'smsMfaConfiguration.smsConfiguration.externalId' failed to satisfy constraint: Member must not be null",
        },
    },
    {
        name: "email MFA on a LITE pool",
        pool: LITE,
        request: { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} },
        refused: { type: TIER, message: "The following features need to be disabled for the LITE pricing tier configured: Email MFA" },
    },
    {
        name: "email MFA on a LITE pool with legacy advanced security is accepted (aws-cdk validateEmailMfa)",
        pool: { ...LITE, UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } },
        request: { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} },
    },
    {
        name: "passkeys on a LITE pool, even with MFA OFF",
        pool: LITE,
        request: { MfaConfiguration: "OFF", WebAuthnConfiguration: { RelyingPartyId: "example.com" } },
        refused: { type: TIER, message: "The following features need to be disabled for the LITE pricing tier configured: Passkeys" },
    },
    {
        name: "email MFA and passkeys on a PLUS pool are accepted",
        pool: { UserPoolTier: "PLUS", EmailConfiguration: SES_DEVELOPER },
        request: { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {}, WebAuthnConfiguration: { UserVerification: "preferred" } },
    },
    {
        name: "email MFA while the pool sends email with COGNITO_DEFAULT",
        pool: {},
        request: { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: { Subject: "Code" } },
        refused: {
            type: IPE,
            message:
                "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT",
        },
    },
    {
        name: "email MFA while account recovery is verified_email only",
        pool: {
            EmailConfiguration: SES_DEVELOPER,
            AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
        },
        request: { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} },
        refused: { type: IPE, message: "Email MFA cannot be enabled while the account recovery setting is verified_email only." },
    },
    {
        name: "email MFA with recovery by email and phone is accepted (terraform-provider-aws acceptance test)",
        pool: {
            EmailConfiguration: SES_DEVELOPER,
            AccountRecoverySetting: {
                RecoveryMechanisms: [
                    { Name: "verified_email", Priority: 1 },
                    { Name: "verified_phone_number", Priority: 2 },
                ],
            },
        },
        request: { MfaConfiguration: "ON", EmailMfaConfiguration: {} },
    },
    {
        name: "TOTP alone on a pool that has an SMS configuration",
        pool: { SmsConfiguration: SMS.SmsConfiguration },
        request: { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: TOTP },
        refused: { type: IPE, message: "Can't turn off SMS_MFA when SMS configuration is set for the user pool" },
    },
    {
        name: "OFF on a pool that has an SMS configuration is accepted",
        pool: { SmsConfiguration: SMS.SmsConfiguration },
        request: { MfaConfiguration: "OFF" },
    },
    {
        name: "ON while EMAIL_OTP is an allowed first factor",
        pool: { EmailConfiguration: SES_DEVELOPER, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } },
        request: { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: TOTP },
        refused: { type: IPE, message: "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled" },
    },
    {
        name: "OPTIONAL while EMAIL_OTP is an allowed first factor is accepted",
        pool: { EmailConfiguration: SES_DEVELOPER, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } },
        request: { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: TOTP },
    },
    {
        name: "ON with single-factor passkeys while WEB_AUTHN is an allowed first factor",
        pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } } },
        request: { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: TOTP, WebAuthnConfiguration: { UserVerification: "required" } },
        refused: {
            type: IPE,
            message:
                "Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth factor",
        },
    },
    {
        name: "ON with MULTI_FACTOR_WITH_USER_VERIFICATION passkeys while WEB_AUTHN is an allowed first factor is accepted",
        pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } } },
        request: {
            MfaConfiguration: "ON",
            SoftwareTokenMfaConfiguration: TOTP,
            WebAuthnConfiguration: { FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
        },
    },
    {
        name: "a relying party ID in amazoncognito.com that is not the pool's prefix domain",
        setup: (poolId) => domain(poolId, "emu-prefix"),
        request: { MfaConfiguration: "OFF", WebAuthnConfiguration: { RelyingPartyId: "other.auth.us-east-1.amazoncognito.com" } },
        refused: { type: IPE, message: "RelyingPartyId cannot be reserved domain other than User Pool's prefix domain" },
    },
    {
        name: "the pool's own prefix domain as relying party ID is accepted",
        setup: (poolId) => domain(poolId, "emu-prefix"),
        request: { MfaConfiguration: "OFF", WebAuthnConfiguration: { RelyingPartyId: "emu-prefix.auth.us-east-1.amazoncognito.com" } },
    },
    {
        name: "botocore's constraints: an SMS message without {####}",
        request: { MfaConfiguration: "OPTIONAL", SmsMfaConfiguration: { SmsAuthenticationMessage: "no placeholder", ...SMS } },
        refused: {
            type: IPE,
            message:
                "1 validation error detected: Value 'no placeholder' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*",
        },
    },
    {
        name: "botocore's constraints: several violations in one message (length, pattern, enum)",
        request: {
            MfaConfiguration: "OPTIONAL",
            EmailMfaConfiguration: { Message: "{####}" + "x".repeat(19995) },
            WebAuthnConfiguration: { UserVerification: "sometimes" },
        },
        refused: {
            type: IPE,
            message:
                `2 validation errors detected: Value '${"{####}" + "x".repeat(19995)}' at 'emailMfaConfiguration.message' failed to satisfy constraint: Member must have length less than or equal to 20000; ` +
                "Value 'sometimes' at 'webAuthnConfiguration.userVerification' failed to satisfy constraint: Member must satisfy enum value set: [required, preferred]",
        },
    },
    {
        name: "botocore's constraints: EumsSms without its required CallerArn",
        request: { MfaConfiguration: "OPTIONAL", SmsMfaConfiguration: { SmsConfiguration: { EumsSms: { Region: "us-east-1" } } } },
        refused: {
            type: IPE,
            message:
                "1 validation error detected: Value null at 'smsMfaConfiguration.smsConfiguration.eumsSms.callerArn' failed to satisfy constraint: Member must not be null",
        },
    },
];

async function domain(poolId: string, prefix: string): Promise<void> {
    await cognitoClient(m.moto.endpoint).send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
}

describe("emulator: what SetUserPoolMfaConfig refuses, and what it accepts", () => {
    for (const c of cases) {
        it(`${c.refused ? `${c.refused.type}: ` : ""}${c.name}`, async () => {
            const poolId = await pool(m.moto.endpoint, c.pool);
            await c.setup?.(poolId);
            const before = await call(m.moto.endpoint, "GetUserPoolMfaConfig", { UserPoolId: poolId });
            const answer = await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...c.request });
            assert.deepEqual(errorOf(answer), c.refused, JSON.stringify(answer.body).slice(0, 400));
            const after = await call(m.moto.endpoint, "GetUserPoolMfaConfig", { UserPoolId: poolId });
            if (c.refused) {
                assert.equal(answer.status, 400);
                assert.deepEqual(after.body, before.body, "a refused Set changes nothing");
            } else {
                assert.deepEqual(after.body, c.request, "an accepted Set is stored as sent");
            }
        });
    }
});
