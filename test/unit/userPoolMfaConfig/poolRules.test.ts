// The pre-flight rules on the pool (poolRules.ts): pure, on DescribeUserPool-shaped data.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { UNKNOWN } from "../../../provider/common/unknown";
import { needsLiveMfa, poolRules, PoolRuleContext, smsPathOf } from "../../../provider/userPoolMfaConfig/poolRules";
import { BASE_POOL, EXTERNAL_ID, POOL, ROLE_ARN, SMS, TOTP } from "./badInputCatalogue";

const props = (fs: { property: string }[]) => fs.map((f) => f.property);

// ---------------------------------------------------------------------------------------------
// Pure: pool rules

interface PoolCase {
    name: string;
    pool: UserPoolType;
    inputs: Record<string, unknown>;
    /** The properties of the failures, in order. */
    expect: string[];
    /** One pattern per warning, in order (none when unset). */
    warn?: RegExp[];
    context?: PoolRuleContext;
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
const EUMS_ROLE = "arn:aws:iam::123456789012:role/cognito-eums";
const EUMS_POOL: UserPoolType = { ...BASE_POOL, SmsConfiguration: { EumsSms: { CallerArn: EUMS_ROLE, ExternalId: EXTERNAL_ID } } };
const EUMS_INPUT = { smsConfiguration: { eumsSms: { callerArn: EUMS_ROLE, externalId: EXTERNAL_ID } } };
const MULTI = "MULTI_FACTOR_WITH_USER_VERIFICATION";
const WEB_AUTHN_POOL = firstFactors("PASSWORD", "WEB_AUTHN");
const liveFc = (factorConfiguration?: string): PoolRuleContext => ({
    liveMfa: factorConfiguration ? { webAuthnConfiguration: { factorConfiguration } } : {},
});
const addOns = (mode: "OFF" | "AUDIT" | "ENFORCED", custom?: "AUDIT" | "ENFORCED"): UserPoolType => ({
    ...BASE_POOL,
    UserPoolTier: "PLUS",
    UserPoolAddOns: { AdvancedSecurityMode: mode, ...(custom ? { AdvancedSecurityAdditionalFlows: { CustomAuthMode: custom } } : {}) },
});
const POOL_ARN = `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL}`;
const domains = (d: { Domain?: string; CustomDomain?: string }): UserPoolType => ({ ...BASE_POOL, Arn: POOL_ARN, ...d });
const rp = (relyingPartyId: unknown) => ({ userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId } });

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
    {
        name: "tier: email on a LITE pool with legacy advanced security AUDIT warns (CDK accepts it)",
        pool: { ...LITE, UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } },
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: [],
        warn: [/emailMfaConfiguration needs the Essentials or Plus.*AdvancedSecurityMode "AUDIT".*FeatureUnavailableInTierException/],
    },
    {
        name: "tier: email on a LITE pool with legacy advanced security ENFORCED warns",
        pool: { ...LITE, UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } },
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: [],
        warn: [/AdvancedSecurityMode "ENFORCED"/],
    },
    {
        name: "tier: email on a LITE pool with advanced security OFF still fails",
        pool: { ...LITE, UserPoolAddOns: { AdvancedSecurityMode: "OFF" } },
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email },
        expect: ["emailMfaConfiguration"],
    },
    {
        name: "tier: advanced security does not lift the passkey rule on LITE",
        pool: { ...LITE, UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } },
        inputs: { userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "required" } },
        expect: ["webAuthnConfiguration"],
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
        name: "sticky SMS: an EUMS pool, OPTIONAL + TOTP",
        pool: EUMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: ["smsMfaConfiguration"],
    },
    {
        name: "sticky SMS: an EUMS pool, ON + EUMS SMS",
        pool: EUMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: EUMS_INPUT },
        expect: [],
    },
    { name: "sticky SMS: an EUMS pool, OFF is allowed", pool: EUMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "OFF" }, expect: [] },
    {
        name: "sticky SMS: an empty SnsCallerArn (EUMS-era pools) is no SMS configuration",
        pool: { ...BASE_POOL, SmsConfiguration: { SnsCallerArn: "", ExternalId: "" } },
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "SMS path: an EUMS pool given the SNS path warns that the path changes",
        pool: EUMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        expect: [],
        warn: [
            /switches user pool .* from End User Messaging SMS direct \(eumsSms\) to Amazon SNS \(snsCallerArn\).*clears the other.*configure eumsSms instead/,
        ],
    },
    {
        name: "SMS path: an SNS pool given the EUMS path warns that the path changes",
        pool: SMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: EUMS_INPUT },
        expect: [],
        warn: [/from Amazon SNS \(snsCallerArn\) to End User Messaging SMS direct \(eumsSms\).*configure snsCallerArn instead/],
    },
    {
        name: "SMS path: OFF sends no SMS configuration, so no switch",
        pool: EUMS_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "OFF" },
        expect: [],
    },
    {
        name: "SMS path: an unknown snsCallerArn at preview is not judged",
        pool: EUMS_POOL,
        inputs: {
            userPoolId: P,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: UNKNOWN, externalId: "x" } },
        },
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
        name: "recovery: SMS MFA, phone among mechanisms (AWS's CloudFormation example) passes",
        pool: recovery("verified_email", "verified_phone_number"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        expect: [],
    },
    {
        name: "recovery: SMS MFA, phone first then email (CDK's default pool) passes",
        pool: recovery("verified_phone_number", "verified_email"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        expect: [],
    },
    {
        name: "recovery: SMS MFA, phone only warns (SMS-MFA users cannot reset by themselves)",
        pool: recovery("verified_phone_number"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS },
        expect: [],
        warn: [/recovers accounts by verified_phone_number only.*Add verified_email/],
    },
    {
        name: "recovery: phone only without SMS MFA says nothing",
        pool: recovery("verified_phone_number"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: [],
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
        context: liveFc(undefined),
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
        name: "first factors: ON + WEB_AUTHN, no input, live MULTI: what the provider sends passes",
        pool: WEB_AUTHN_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        context: liveFc(MULTI),
        expect: [],
    },
    {
        name: "first factors: ON + WEB_AUTHN, no input, live SINGLE_FACTOR fails",
        pool: WEB_AUTHN_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        context: liveFc("SINGLE_FACTOR"),
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + WEB_AUTHN, no input, no live WebAuthn block fails",
        pool: WEB_AUTHN_POOL,
        inputs: {
            userPoolId: P,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: TOTP,
            webAuthnConfiguration: { userVerification: "required" },
        },
        context: liveFc(undefined),
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + WEB_AUTHN, input SINGLE_FACTOR overrides a live MULTI",
        pool: WEB_AUTHN_POOL,
        inputs: {
            userPoolId: P,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: TOTP,
            webAuthnConfiguration: { factorConfiguration: "SINGLE_FACTOR" },
        },
        context: liveFc(MULTI),
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + WEB_AUTHN, live value unread: a warning, not a failure",
        pool: WEB_AUTHN_POOL,
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
        warn: [/allows WEB_AUTHN as a first factor.*could not be read \(GetUserPoolMfaConfig\)/],
    },
    {
        name: "first factors: ON + WEB_AUTHN + EMAIL_OTP, live unread: EMAIL_OTP still fails",
        pool: firstFactors("PASSWORD", "WEB_AUTHN", "EMAIL_OTP"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: ["mfaConfiguration"],
    },
    {
        name: "first factors: ON + WEB_AUTHN, factorConfiguration unknown at preview: not judged",
        pool: WEB_AUTHN_POOL,
        inputs: {
            userPoolId: P,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: TOTP,
            webAuthnConfiguration: { factorConfiguration: UNKNOWN },
        },
        expect: [],
    },
    {
        name: "first factors: ON + EMAIL_OTP with an unknown webAuthnConfiguration still fails",
        pool: firstFactors("PASSWORD", "EMAIL_OTP"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP, webAuthnConfiguration: UNKNOWN },
        expect: ["mfaConfiguration"],
    },
    {
        name: "relying party: the pool's own prefix domain passes",
        pool: domains({ Domain: "my-app" }),
        inputs: rp("my-app.auth.eu-west-1.amazoncognito.com"),
        expect: [],
    },
    {
        name: "relying party: the own prefix domain, any case, FIPS form too",
        pool: domains({ Domain: "my-app" }),
        inputs: rp("My-App.auth-fips.eu-west-1.amazoncognito.com"),
        expect: [],
    },
    {
        name: "relying party: another pool's prefix domain fails",
        pool: domains({ Domain: "my-app" }),
        inputs: rp("other-app.auth.eu-west-1.amazoncognito.com"),
        expect: ["webAuthnConfiguration.relyingPartyId"],
    },
    {
        name: "relying party: the own prefix in another Region fails",
        pool: domains({ Domain: "my-app" }),
        inputs: rp("my-app.auth.us-east-1.amazoncognito.com"),
        expect: ["webAuthnConfiguration.relyingPartyId"],
    },
    {
        name: "relying party: amazoncognito.com on a pool without a prefix domain fails",
        pool: domains({}),
        inputs: rp("amazoncognito.com"),
        expect: ["webAuthnConfiguration.relyingPartyId"],
    },
    {
        name: "relying party: a look-alike domain is not reserved",
        pool: domains({}),
        inputs: rp("notamazoncognito.com"),
        expect: [],
    },
    {
        name: "relying party: with a custom domain, that domain passes",
        pool: domains({ Domain: "my-app", CustomDomain: "auth.example.com" }),
        inputs: rp("auth.example.com"),
        expect: [],
    },
    {
        name: "relying party: with a custom domain, another domain warns (managed login needs the custom domain)",
        pool: domains({ Domain: "my-app", CustomDomain: "auth.example.com" }),
        inputs: rp("example.com"),
        expect: [],
        warn: [/has the custom domain "auth\.example\.com".*set relyingPartyId to "auth\.example\.com"/],
    },
    {
        name: "relying party: with a custom domain, the prefix domain warns but is not refused",
        pool: domains({ Domain: "my-app", CustomDomain: "auth.example.com" }),
        inputs: rp("my-app.auth.eu-west-1.amazoncognito.com"),
        expect: [],
        warn: [/custom domain/],
    },
    {
        name: "relying party: unset or unknown is not judged",
        pool: domains({ CustomDomain: "auth.example.com" }),
        inputs: rp(UNKNOWN),
        expect: [],
    },
    {
        name: "relying party: the Region comes from the pool id when DescribeUserPool has no ARN",
        pool: { ...BASE_POOL, Domain: "my-app" },
        inputs: rp("my-app.auth.eu-west-1.amazoncognito.com"),
        expect: [],
    },
    {
        name: "threat protection: ENFORCED with ON warns (adaptive authentication needs OPTIONAL)",
        pool: addOns("ENFORCED"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
        warn: [/mfaConfiguration "ON" .*full-function mode.*"MFA must be optional in your user pool".*set mfaConfiguration to "OPTIONAL"/],
    },
    {
        name: "threat protection: ENFORCED with OFF warns too",
        pool: addOns("ENFORCED"),
        inputs: { userPoolId: P, mfaConfiguration: "OFF" },
        expect: [],
        warn: [/mfaConfiguration "OFF"/],
    },
    {
        name: "threat protection: ENFORCED with OPTIONAL is what AWS asks for",
        pool: addOns("ENFORCED"),
        inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "threat protection: audit-only mode says nothing",
        pool: addOns("AUDIT"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
    },
    {
        name: "threat protection: full-function for custom authentication only warns too",
        pool: addOns("AUDIT", "ENFORCED"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP },
        expect: [],
        warn: [/full-function mode/],
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
            const { failures, warnings } = poolRules(c.inputs, c.pool, c.context);
            assert.deepEqual(props(failures), c.expect, JSON.stringify(failures, null, 1));
            for (const f of failures) {
                assert.ok(f.reason.startsWith(f.property), f.reason);
                assert.match(f.reason, new RegExp(POOL), "the reason names the pool");
                assert.match(f.reason, /\(received: .*\)$/, "the reason ends with the value received");
            }
            const expected = c.warn ?? [];
            assert.equal(warnings.length, expected.length, JSON.stringify(warnings, null, 1));
            expected.forEach((re, i) => assert.match(warnings[i], re));
            for (const w of warnings) {
                assert.match(w, /^pre-flight: /);
                assert.match(w, new RegExp(POOL), "the warning names the pool");
                assert.ok(!w.includes(EXTERNAL_ID), "never shows an ExternalId");
            }
        });
    }

    it("a refusal names the property, the value, the rule and the fix", () => {
        const {
            failures: [f],
        } = poolRules({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP }, SMS_POOL);
        assert.match(f.reason, /^smsMfaConfiguration is required with mfaConfiguration "OPTIONAL"/);
        assert.match(f.reason, /Can't turn off SMS_MFA when SMS configuration is set for the user pool/);
        assert.match(f.reason, /Add smsMfaConfiguration .* or set mfaConfiguration to "OFF"/);
        assert.ok(f.reason.includes(ROLE_ARN), "names the pool's role");
        assert.ok(!f.reason.includes(EXTERNAL_ID), "never shows an ExternalId");
    });

    it("the sticky rule on an EUMS pool tells the EUMS block to add", () => {
        const {
            failures: [f],
        } = poolRules({ userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: email }, EUMS_POOL);
        assert.match(f.reason, /through End User Messaging SMS \(role arn:aws:iam::123456789012:role\/cognito-eums\)/);
        assert.match(f.reason, /eumsSms: \{ callerArn: "arn:aws:iam::123456789012:role\/cognito-eums"/);
        assert.ok(!f.reason.includes(EXTERNAL_ID));
    });

    it("P6 is gone: no refusal quotes the unexplained verified_phone_number error", () => {
        for (const pool of [recovery("verified_phone_number"), recovery("verified_email", "verified_phone_number")]) {
            const r = poolRules({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS }, pool);
            assert.deepEqual(r.failures, []);
            assert.ok(!JSON.stringify(r).includes("cannot use verified_phone_number"), JSON.stringify(r));
        }
    });

    it("P5's message quotes the Developer Guide, not an AWS error nobody has seen", () => {
        const {
            failures: [f],
        } = poolRules({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, recovery("verified_email"));
        assert.match(
            f.reason,
            /"you can't enable email MFA and set the recovery option to Email only in the same user pool" \(Developer Guide/,
        );
        assert.ok(!/AWS (refuses|answers)/.test(f.reason), f.reason);
    });

    it("the WEB_AUTHN refusal shows the live FactorConfiguration it judged", () => {
        const inputs = { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP };
        const single = poolRules(inputs, WEB_AUTHN_POOL, liveFc("SINGLE_FACTOR")).failures[0];
        assert.match(single.reason, /live WebAuthn FactorConfiguration.* is "SINGLE_FACTOR"/);
        const none = poolRules(inputs, WEB_AUTHN_POOL, liveFc(undefined)).failures[0];
        assert.match(none.reason, /is "unset \(SINGLE_FACTOR\)"/);
    });

    it("needsLiveMfa: only ON with a WEB_AUTHN first factor and no factorConfiguration in the inputs", () => {
        const on = { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP };
        assert.equal(needsLiveMfa(on, WEB_AUTHN_POOL), true);
        assert.equal(needsLiveMfa({ ...on, webAuthnConfiguration: { relyingPartyId: "example.com" } }, WEB_AUTHN_POOL), true);
        assert.equal(needsLiveMfa({ ...on, webAuthnConfiguration: { factorConfiguration: MULTI } }, WEB_AUTHN_POOL), false);
        assert.equal(needsLiveMfa({ ...on, webAuthnConfiguration: { factorConfiguration: UNKNOWN } }, WEB_AUTHN_POOL), false);
        assert.equal(needsLiveMfa({ ...on, webAuthnConfiguration: UNKNOWN }, WEB_AUTHN_POOL), false);
        assert.equal(needsLiveMfa({ ...on, mfaConfiguration: "OPTIONAL" }, WEB_AUTHN_POOL), false);
        assert.equal(needsLiveMfa(on, firstFactors("PASSWORD", "EMAIL_OTP")), false);
    });

    it("smsPathOf: which SMS path the inputs configure", () => {
        assert.equal(smsPathOf({ smsMfaConfiguration: SMS }), "sns");
        assert.equal(smsPathOf({ smsMfaConfiguration: EUMS_INPUT }), "eums");
        assert.equal(smsPathOf({}), undefined);
        assert.equal(smsPathOf({ smsMfaConfiguration: UNKNOWN }), undefined);
        assert.equal(smsPathOf({ smsMfaConfiguration: { smsConfiguration: { eumsSms: UNKNOWN } } }), undefined);
    });
});
