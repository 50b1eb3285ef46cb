// The live pre-flight of UserPoolMfaConfig's `check` (preflight.ts): when it runs, and the
// provider with a mocked SDK. The pure rules are in poolRules.test.ts and roleRules.test.ts.
//
// Why mocked: moto (5.2.3) stores and echoes UserPoolTier, EmailConfiguration, Policies and
// AccountRecoverySetting given to CreateUserPool, but enforces none of the rules (tier,
// DEVELOPER email, first factors) and never answers AccessDenied, so only a mock shows the
// provider's handling of a denied read, and only a mock can count calls per operation. moto
// also ignores WebAuthnConfiguration, so only a mock can answer GetUserPoolMfaConfig with a
// live FactorConfiguration.
// test/e2e/preflight.test.ts runs a sample of the rules through the CLI against moto.
import * as assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { DescribeUserPoolCommand, GetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import { UNKNOWN } from "../../../provider/common/unknown";
import { MfaConfigInputs } from "../../../provider/userPoolMfaConfig/model";
import { emitWarning, warningSink } from "../../../provider/runtime/warnings";
import {
    clearPreflightCache,
    inputsChanged,
    livePreflight,
    PREFLIGHT_CONFIG_KEY,
    PREFLIGHT_ENV,
    preflightEnabled,
} from "../../../provider/userPoolMfaConfig/preflight";
import { UserPoolMfaConfigProvider } from "../../../provider/userPoolMfaConfig/provider";
import { BASE_POOL, EXTERNAL_ID, GOOD_ROLE, GOOD_TRUST, POOL, ROLE_ARN, ROLE_NAME, SMS, SNS_PUBLISH, TOTP } from "./badInputCatalogue";
import {
    awsError,
    cognitoMock,
    iamMock,
    mockMfa,
    mockPool,
    mockRole,
    READ_ONLY_COMMANDS,
    resetMocks,
    sentCommands,
} from "./preflightMocks";

const props = (fs: { property: string }[]) => fs.map((f) => f.property);
const P = POOL;
const firstFactors = (...f: string[]): UserPoolType => ({
    ...BASE_POOL,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: f as "PASSWORD"[] } },
});

// ---------------------------------------------------------------------------------------------
// When the live checks run

describe("when the live checks run", () => {
    it("inputsChanged: create, no change, provider-only change, key order, real change", () => {
        const news = { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP, __provider: "new" };
        assert.equal(inputsChanged({}, news), true, "create");
        assert.equal(inputsChanged(undefined, news), true, "create");
        assert.equal(inputsChanged({ ...news }, news), false);
        assert.equal(inputsChanged({ ...news, __provider: "old" }, news), false, "a new provider version alone");
        assert.equal(
            inputsChanged({ softwareTokenMfaConfiguration: { enabled: true }, mfaConfiguration: "OPTIONAL", userPoolId: P }, news),
            false,
            "key order",
        );
        assert.equal(inputsChanged({ ...news, mfaConfiguration: "ON" }, news), true);
        assert.equal(inputsChanged({ ...news, region: "eu-west-1" }, news), true);
    });

    it("preflightEnabled: on unless the setting or the environment says false", () => {
        assert.equal(preflightEnabled(undefined, undefined), true);
        assert.equal(preflightEnabled("true", undefined), true);
        for (const off of ["false", "FALSE", "off", "0", "no", " false "]) assert.equal(preflightEnabled(off, undefined), false, off);
        assert.equal(preflightEnabled(undefined, "false"), false);
        assert.equal(PREFLIGHT_CONFIG_KEY, "pulumi-cognito-mfa:preflight");
        assert.equal(PREFLIGHT_ENV, "PULUMI_COGNITO_MFA_PREFLIGHT");
    });
});

// ---------------------------------------------------------------------------------------------
// The provider with a mocked SDK

describe("UserPoolMfaConfigProvider.check with live pre-flight (mocked SDK)", () => {
    const warnings: string[] = [];
    const realWarn = warningSink.warn;
    let provider: UserPoolMfaConfigProvider;
    const check = (news: Record<string, unknown>, olds: Record<string, unknown> = {}) =>
        provider.check(olds as unknown as MfaConfigInputs, news as unknown as MfaConfigInputs);

    beforeEach(() => {
        resetMocks();
        clearPreflightCache();
        warnings.length = 0;
        warningSink.warn = (m) => {
            warnings.push(m);
            return Promise.resolve();
        };
        provider = new UserPoolMfaConfigProvider();
    });
    afterEach(() => {
        warningSink.warn = realWarn;
        delete process.env[PREFLIGHT_ENV];
    });

    it("tier: email MFA on a LITE pool fails at check", async () => {
        mockPool({ ...BASE_POOL, UserPoolTier: "LITE" });
        const r = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} });
        assert.deepEqual(props(r.failures!), ["emailMfaConfiguration"]);
        assert.match(r.failures![0].reason, /UserPoolTier "LITE"/);
        assert.deepEqual(sentCommands(), ["DescribeUserPoolCommand"]);
    });

    it("email: COGNITO_DEFAULT sending account fails at check", async () => {
        mockPool({ ...BASE_POOL, EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" } });
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: { subject: "Code" } });
        assert.deepEqual(props(r.failures!), ["emailMfaConfiguration"]);
        assert.match(r.failures![0].reason, /"DEVELOPER"/);
    });

    it("first factors: ON with EMAIL_OTP fails, OPTIONAL passes", async () => {
        mockPool(firstFactors("PASSWORD", "EMAIL_OTP"));
        const on = await check({ userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP });
        assert.deepEqual(props(on.failures!), ["mfaConfiguration"]);
        const optional = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        assert.deepEqual(optional.failures, []);
    });

    for (const name of ["AccessDeniedException", "NotAuthorizedException"]) {
        it(`DescribeUserPool ${name} is a warning naming cognito-idp:DescribeUserPool, not a failure`, async () => {
            cognitoMock
                .on(DescribeUserPoolCommand)
                .rejects(awsError(name, "User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: cognito-idp:DescribeUserPool"));
            const r = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} });
            assert.deepEqual(r.failures, []);
            assert.equal(warnings.length, 1);
            assert.match(
                warnings[0],
                /^pulumi-cognito-mfa: pre-flight check of user pool eu-west-1_Abc123 skipped: the caller may not call cognito-idp:DescribeUserPool/,
            );
            assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 1, "no retry of a denied read");
        });
    }

    it("IAM AccessDenied on GetRole is a warning naming iam:GetRole", async () => {
        mockPool(BASE_POOL);
        iamMock.on(GetRoleCommand).rejects(awsError("AccessDenied", "not authorized to perform: iam:GetRole"));
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS });
        assert.deepEqual(r.failures, []);
        assert.equal(warnings.length, 1);
        assert.match(
            warnings[0],
            /pre-flight check of role arn:aws:iam::123456789012:role\/cognito-sms skipped: the caller may not call iam:GetRole \(AccessDenied\)/,
        );
    });

    it("IAM AccessDenied on the policies still checks the trust, and warns naming the action", async () => {
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, {
            trust: {
                ...GOOD_TRUST,
                Statement: [{ ...GOOD_TRUST.Statement[0], Condition: { StringEquals: { "sts:ExternalId": "other" } } }],
            },
        });
        iamMock.on(ListRolePoliciesCommand).rejects(awsError("AccessDeniedException", "denied"));
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS });
        assert.deepEqual(props(r.failures!), ["smsMfaConfiguration.smsConfiguration.externalId"]);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /permissions of role .* skipped: the caller may not call iam:ListRolePolicies/);
    });

    it("a read that fails otherwise (network, throttling left over) is a warning too", async () => {
        cognitoMock.on(DescribeUserPoolCommand).rejects(awsError("InternalErrorException", "boom"));
        const r = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        assert.deepEqual(r.failures, []);
        assert.match(
            warnings[0],
            /pre-flight check of user pool .* skipped: DescribeUserPool on user pool eu-west-1_Abc123 in eu-west-1 failed: InternalErrorException/,
        );
    });

    it("a role that does not exist is a warning (it may be created by the same update)", async () => {
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, "missing");
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS });
        assert.deepEqual(r.failures, []);
        assert.match(warnings[0], /names role arn:aws:iam::123456789012:role\/cognito-sms, which does not exist/);
    });

    it("no live checks when the inputs did not change (a no-change preview), nor for a new provider version alone", async () => {
        mockPool({ ...BASE_POOL, UserPoolTier: "LITE" });
        const news = { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {}, __provider: "v2" };
        const same = await check(news, { ...news });
        assert.deepEqual(same.failures, []);
        const newProvider = await check(news, { ...news, __provider: "v1" });
        assert.deepEqual(newProvider.failures, []);
        assert.deepEqual(sentCommands(), [], "no AWS call at all");
        const changed = await check(news, { ...news, mfaConfiguration: "ON" });
        assert.deepEqual(props(changed.failures!), ["emailMfaConfiguration"], "a change is checked");
    });

    it("one DescribeUserPool per pool per process, however many checks", async () => {
        mockPool(BASE_POOL);
        for (let i = 0; i < 3; i++) await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        await Promise.all([1, 2].map(() => check({ userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP })));
        await new UserPoolMfaConfigProvider().check({} as MfaConfigInputs, { userPoolId: P, mfaConfiguration: "OFF" });
        assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 1);
        await check({ userPoolId: "eu-west-1_Other9", mfaConfiguration: "OFF" });
        assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 2, "another pool is read once too");
    });

    it("one set of role reads per role", async () => {
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, GOOD_ROLE);
        for (let i = 0; i < 3; i++)
            assert.deepEqual((await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS })).failures, []);
        assert.equal(iamMock.commandCalls(GetRoleCommand).length, 1);
        assert.equal(iamMock.commandCalls(GetRolePolicyCommand).length, 1);
    });

    it("a denied pool warns once per process", async () => {
        cognitoMock.on(DescribeUserPoolCommand).rejects(awsError("AccessDeniedException", "denied"));
        await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        await check({ userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP });
        assert.equal(warnings.length, 1);
    });

    it("an snsCallerArn unknown at preview (role created in the same stack) is not read", async () => {
        mockPool(BASE_POOL);
        const r = await check({
            userPoolId: P,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: UNKNOWN, externalId: UNKNOWN } },
        });
        assert.deepEqual(r.failures, []);
        assert.deepEqual(sentCommands(), ["DescribeUserPoolCommand"]);
    });

    it("an unknown pool id or region reads nothing", async () => {
        await check({ userPoolId: UNKNOWN, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        await check({ userPoolId: P, region: UNKNOWN, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP });
        assert.deepEqual(sentCommands(), []);
    });

    it("inputs with a static failure are not checked live", async () => {
        mockPool(BASE_POOL);
        const r = await check({ userPoolId: P, mfaConfiguration: "OFF", emailMfaConfiguration: {} });
        assert.deepEqual(props(r.failures!), ["emailMfaConfiguration"]);
        assert.deepEqual(sentCommands(), []);
    });

    it(`the stack setting ${PREFLIGHT_CONFIG_KEY} = false turns the live checks off`, async () => {
        mockPool({ ...BASE_POOL, UserPoolTier: "LITE" });
        await provider.configure({ config: { get: (k: string) => (k === PREFLIGHT_CONFIG_KEY ? "false" : undefined), require: () => "" } });
        const r = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} });
        assert.deepEqual(r.failures, []);
        assert.deepEqual(sentCommands(), []);
        await provider.configure({ config: { get: (k: string) => (k === PREFLIGHT_CONFIG_KEY ? "true" : undefined), require: () => "" } });
        assert.deepEqual(props((await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} })).failures!), [
            "emailMfaConfiguration",
        ]);
    });

    it(`so does the environment variable ${PREFLIGHT_ENV}=false`, async () => {
        mockPool({ ...BASE_POOL, UserPoolTier: "LITE" });
        process.env[PREFLIGHT_ENV] = "false";
        assert.deepEqual((await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} })).failures, []);
        assert.deepEqual(sentCommands(), []);
    });

    it("only read-only operations are ever sent", async () => {
        mockPool({ ...BASE_POOL, SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID }, UserPoolTier: "LITE" });
        mockRole(ROLE_NAME, {
            trust: GOOD_TRUST,
            inline: { p: SNS_PUBLISH },
            managed: { "arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess": { Statement: [] } },
        });
        await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS, emailMfaConfiguration: {} });
        const sent = sentCommands();
        assert.ok(sent.length >= 6, sent.join());
        assert.deepEqual(
            sent.filter((n) => !READ_ONLY_COMMANDS.includes(n)),
            [],
        );
    });

    // --- the live WebAuthn FactorConfiguration (P7b)
    const MULTI = "MULTI_FACTOR_WITH_USER_VERIFICATION";
    const onTotp = { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP };

    it("WEB_AUTHN first factor, ON, no factorConfiguration: a live MULTI passes (what the provider really sends)", async () => {
        mockPool(firstFactors("PASSWORD", "WEB_AUTHN"));
        mockMfa({ MfaConfiguration: "OPTIONAL", WebAuthnConfiguration: { FactorConfiguration: MULTI } });
        const r = await check(onTotp);
        assert.deepEqual(r.failures, []);
        assert.deepEqual(warnings, []);
        assert.deepEqual(sentCommands(), ["DescribeUserPoolCommand", "GetUserPoolMfaConfigCommand"]);
    });

    it("WEB_AUTHN first factor, ON, no factorConfiguration: a live SINGLE_FACTOR fails", async () => {
        mockPool(firstFactors("PASSWORD", "WEB_AUTHN"));
        mockMfa({ MfaConfiguration: "OPTIONAL", WebAuthnConfiguration: { FactorConfiguration: "SINGLE_FACTOR" } });
        const r = await check(onTotp);
        assert.deepEqual(props(r.failures!), ["mfaConfiguration"]);
        assert.match(r.failures![0].reason, /live WebAuthn FactorConfiguration.*"SINGLE_FACTOR"/);
    });

    it("the live MFA configuration is read only when the rule needs it, and once per pool", async () => {
        mockPool(firstFactors("PASSWORD", "WEB_AUTHN"));
        mockMfa({ MfaConfiguration: "OFF", WebAuthnConfiguration: { FactorConfiguration: MULTI } });
        await check({ ...onTotp, mfaConfiguration: "OPTIONAL" });
        await check({ ...onTotp, webAuthnConfiguration: { factorConfiguration: MULTI } });
        assert.equal(cognitoMock.commandCalls(GetUserPoolMfaConfigCommand).length, 0, "OPTIONAL, or the input says it");
        await check(onTotp);
        await check({ ...onTotp, webAuthnConfiguration: { relyingPartyId: "example.com" } });
        assert.equal(cognitoMock.commandCalls(GetUserPoolMfaConfigCommand).length, 1);
    });

    it("a denied GetUserPoolMfaConfig turns the WEB_AUTHN rule into warnings, never a failure", async () => {
        mockPool(firstFactors("PASSWORD", "WEB_AUTHN"));
        cognitoMock
            .on(GetUserPoolMfaConfigCommand)
            .rejects(awsError("AccessDeniedException", "not authorized to perform: cognito-idp:GetUserPoolMfaConfig"));
        const r = await check(onTotp);
        assert.deepEqual(r.failures, []);
        assert.equal(warnings.length, 2, warnings.join("\n"));
        assert.match(
            warnings[0],
            /pre-flight check of the MFA configuration of user pool .* skipped: the caller may not call cognito-idp:GetUserPoolMfaConfig/,
        );
        assert.match(warnings[1], /^pulumi-cognito-mfa: pre-flight: mfaConfiguration "ON" .*could not be read/);
    });

    // --- the role's account (P9)
    it("a role in another account than the pool's is not read: a warning", async () => {
        mockPool({ ...BASE_POOL, Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${P}` });
        mockRole(ROLE_NAME, GOOD_ROLE);
        const other = "arn:aws:iam::210987654321:role/cognito-sms";
        const r = await check({ ...onTotp, smsMfaConfiguration: { smsConfiguration: { snsCallerArn: other, externalId: EXTERNAL_ID } } });
        assert.deepEqual(r.failures, []);
        assert.equal(warnings.length, 1);
        assert.match(
            warnings[0],
            /pre-flight check of role arn:aws:iam::210987654321:role\/cognito-sms skipped: .* in account 210987654321, and the user pool is in account 123456789012/,
        );
        assert.deepEqual(sentCommands(), ["DescribeUserPoolCommand"], "no IAM read");
    });

    it("with the pool unread, GetRole's answer tells a role of the caller's account from the one named", async () => {
        cognitoMock.on(DescribeUserPoolCommand).rejects(awsError("AccessDeniedException", "denied"));
        mockRole(ROLE_NAME, GOOD_ROLE, "123456789012");
        const other = "arn:aws:iam::210987654321:role/cognito-sms";
        const r = await check({
            ...onTotp,
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: other, externalId: "not-the-roles-id" } },
        });
        assert.deepEqual(r.failures, [], "the same-named role of the caller's account is not judged");
        assert.equal(warnings.length, 2, warnings.join("\n"));
        assert.match(warnings[1], /skipped: .* in account 210987654321, and the caller's credentials are in account 123456789012/);
    });

    it("a role in the pool's account is read and judged", async () => {
        mockPool({ ...BASE_POOL, Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${P}` });
        mockRole(ROLE_NAME, { trust: GOOD_TRUST, inline: {} });
        const r = await check({ ...onTotp, smsMfaConfiguration: SMS });
        assert.deepEqual(props(r.failures!), ["smsMfaConfiguration.smsConfiguration.snsCallerArn"]);
    });

    // --- the End User Messaging SMS role
    it("eumsSms.callerArn is read and judged for sms-voice:SendTextMessage", async () => {
        mockPool(BASE_POOL);
        mockRole("cognito-eums", {
            trust: GOOD_TRUST,
            inline: {
                p: {
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: "sms-voice:SendTextMessage",
                            Resource: "arn:aws:sms-voice:eu-west-1:123456789012:phone-number/p-1",
                        },
                    ],
                },
            },
        });
        const eums = (originationIdentity: string) => ({
            ...onTotp,
            smsMfaConfiguration: {
                smsConfiguration: {
                    eumsSms: { callerArn: "arn:aws:iam::123456789012:role/cognito-eums", externalId: EXTERNAL_ID, originationIdentity },
                },
            },
        });
        // Through livePreflight directly: validate.ts does not know eumsSms yet (issue 13, the lead's part).
        const bad = await livePreflight(eums("+12065550100"), { region: "eu-west-1" });
        assert.deepEqual(props(bad.failures), ["smsMfaConfiguration.smsConfiguration.eumsSms.originationIdentity"]);
        const good = await livePreflight(eums("arn:aws:sms-voice:eu-west-1:123456789012:phone-number/p-1"), { region: "eu-west-1" });
        assert.deepEqual(good.failures, []);
        assert.equal(iamMock.commandCalls(GetRoleCommand).length, 1, "one read per role");
    });

    it("rule warnings reach the engine through check, once per process", async () => {
        mockPool({ ...BASE_POOL, AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_phone_number", Priority: 1 }] } });
        mockRole(ROLE_NAME, GOOD_ROLE);
        for (const mode of ["ON", "OPTIONAL"]) {
            const r = await check({ userPoolId: P, mfaConfiguration: mode, smsMfaConfiguration: SMS });
            assert.deepEqual(r.failures, []);
        }
        assert.equal(warnings.length, 1, warnings.join("\n"));
        assert.match(
            warnings[0],
            /^pulumi-cognito-mfa: pre-flight: smsMfaConfiguration turns SMS MFA on while user pool .* verified_phone_number only/,
        );
    });

    it("warnings are emitted once per process, prefixed with the package name", async () => {
        await emitWarning("hello");
        await emitWarning("hello");
        assert.deepEqual(warnings, ["pulumi-cognito-mfa: hello"]);
    });
});
