// The pre-flight rules on the pool (poolRules.ts): pure, on DescribeUserPool-shaped data.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { UNKNOWN } from "../../../provider/common/unknown";
import { poolRules } from "../../../provider/userPoolMfaConfig/poolRules";
import { BASE_POOL, EXTERNAL_ID, POOL, ROLE_ARN, SMS, TOTP } from "./badInputCatalogue";

const props = (fs: { property: string }[]) => fs.map((f) => f.property);

// ---------------------------------------------------------------------------------------------
// Pure: pool rules

interface PoolCase {
    name: string;
    pool: UserPoolType;
    inputs: Record<string, unknown>;
    expect: string[];
}

const ESSENTIALS_DEV = BASE_POOL;
const LITE: UserPoolType = { ...BASE_POOL, UserPoolTier: "LITE" };
const PLUS: UserPoolType = { ...BASE_POOL, UserPoolTier: "PLUS" };
const COGNITO_EMAIL: UserPoolType = { ...BASE_POOL, EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" } };
const SMS_POOL: UserPoolType = { ...BASE_POOL, SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID } };
const recovery = (...names: string[]): UserPoolType => ({
    ...BASE_POOL,
    AccountRecoverySetting: { RecoveryMechanisms: names.map((n, i) => ({ Name: n as "verified_email", Priority: i + 1 })) },
});
const firstFactors = (...f: string[]): UserPoolType => ({
    ...BASE_POOL,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: f as "PASSWORD"[] } },
});
const email = {};
const P = POOL;

const POOL_CASES: PoolCase[] = [
    {
        name: "tier: email on LITE",
        pool: LITE,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: ["emailMfaConfiguration"],
    },
    {
        name: "tier: email on ESSENTIALS",
        pool: ESSENTIALS_DEV,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: [],
    },
    {
        name: "tier: email on PLUS",
        pool: PLUS,
        inputs: { userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: email },
        expect: [],
    },
    { name: "tier: email with OFF is not email MFA", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "OFF" }, expect: [] },
    {
        name: "tier: passkeys on LITE",
        pool: LITE,
        inputs: { userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "x.example" } },
        expect: ["webAuthnConfiguration"],
    },
    {
        name: "tier: empty passkey block on LITE manages nothing",
        pool: LITE,
        inputs: { userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: {} },
        expect: [],
    },
    {
        name: "tier: no tier reported (older pool or emulator) is not judged",
        pool: { ...BASE_POOL, UserPoolTier: undefined },
        inputs: { userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: email },
        expect: [],
    },
    {
        name: "tier: LITE with TOTP is fine",
        pool: LITE,
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "email: COGNITO_DEFAULT",
        pool: COGNITO_EMAIL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: ["emailMfaConfiguration"],
    },
    {
        name: "email: LITE and COGNITO_DEFAULT, two failures",
        pool: { ...COGNITO_EMAIL, UserPoolTier: "LITE" },
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: ["emailMfaConfiguration", "emailMfaConfiguration"],
    },
    {
        name: "email: unknown block at preview is skipped",
        pool: COGNITO_EMAIL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: UNKNOWN, softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "sticky SMS: OPTIONAL + TOTP",
        pool: SMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: ["smsMfaConfiguration"],
    },
    {
        name: "sticky SMS: ON + SMS",
        pool: SMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        expect: [],
    },
    { name: "sticky SMS: OFF is allowed", pool: SMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "OFF" }, expect: [] },
    {
        name: "sticky SMS: unknown SMS block is not judged",
        pool: SMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: UNKNOWN },
        expect: [],
    },
    {
        name: "recovery: email MFA, email only",
        pool: recovery("verified_email"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: ["emailMfaConfiguration"],
    },
    {
        name: "recovery: email MFA, email then phone",
        pool: recovery("verified_email", "verified_phone_number"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: [],
    },
    {
        name: "recovery: email MFA, admin_only",
        pool: recovery("admin_only"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: [],
    },
    {
        name: "recovery: SMS MFA, phone among mechanisms",
        pool: recovery("verified_email", "verified_phone_number"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        expect: ["smsMfaConfiguration.smsConfiguration"],
    },
    {
        name: "recovery: SMS MFA, email only",
        pool: recovery("verified_email"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        expect: [],
    },
    {
        name: "recovery: legacy (no setting) is not judged",
        pool: BASE_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS, emailMfaConfiguration: email },
        expect: [],
    },
    {
        name: "first factors: ON + EMAIL_OTP",
        pool: firstFactors("PASSWORD", "EMAIL_OTP"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: OPTIONAL + EMAIL_OTP",
        pool: firstFactors("PASSWORD", "EMAIL_OTP"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "first factors: ON + SMS_OTP",
        pool: firstFactors("PASSWORD", "SMS_OTP"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + PASSWORD only",
        pool: firstFactors("PASSWORD"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "first factors: ON + WEB_AUTHN, passkeys single factor",
        pool: firstFactors("PASSWORD", "WEB_AUTHN"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + WEB_AUTHN, passkeys multi-factor",
        pool: firstFactors("PASSWORD", "WEB_AUTHN"),
        inputs: {
            userPoolId: P,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: TOTP,
            webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
        },
        expect: [],
    },
    {
        name: "mode unknown at preview: nothing judged",
        pool: { ...LITE, ...SMS_POOL, UserPoolTier: "LITE" },
        inputs: { userPoolId: P, mfaConfiguration: UNKNOWN, emailMfaConfiguration: email },
        expect: [],
    },
];

describe("pre-flight pool rules (pure, DescribeUserPool-shaped data)", () => {
    for (const c of POOL_CASES) {
        it(c.name, () => {
            const failures = poolRules(c.inputs, c.pool);
            assert.deepEqual(props(failures), c.expect, JSON.stringify(failures, null, 1));
            for (const f of failures) {
                assert.ok(f.reason.startsWith(f.property), f.reason);
                assert.match(f.reason, new RegExp(POOL), "the reason names the pool");
            }
        });
    }

    it("a refusal names the property, the value, the rule and the fix", () => {
        const [f] = poolRules({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP }, SMS_POOL);
        assert.match(f.reason, /^smsMfaConfiguration is required with mfaConfiguration "OPTIONAL"/);
        assert.match(f.reason, /Can't turn off SMS_MFA when SMS configuration is set for the user pool/);
        assert.match(f.reason, /Add smsMfaConfiguration .* or set mfaConfiguration to "OFF"/);
        assert.ok(f.reason.includes(ROLE_ARN), "names the pool's role");
        assert.ok(!f.reason.includes(EXTERNAL_ID), "never shows an ExternalId");
    });
});
