// The live pre-flight of UserPoolMfaConfig's `check` (provider/userPoolMfaConfig/preflight.ts, poolRules.ts, roleRules.ts): first the pure
// rules on DescribeUserPool-shaped data and role documents, then the provider with a mocked SDK.
//
// Why mocked: moto (5.2.3) stores and echoes UserPoolTier, EmailConfiguration, Policies and
// AccountRecoverySetting given to CreateUserPool, but enforces none of the rules (tier,
// DEVELOPER email, first factors) and never answers AccessDenied, so only a mock shows the
// provider's handling of a denied read, and only a mock can count calls per operation.
// test/e2e/preflight.test.ts runs a sample of the rules through the CLI against moto.
import * as assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import { UNKNOWN } from "../../../provider/common/unknown";
import { MfaConfigInputs } from "../../../provider/userPoolMfaConfig/model";
import { roleNameOf } from "../../../provider/common/arn";
import { emitWarning, warningSink } from "../../../provider/engine/warnings";
import { wildcardMatch } from "../../../provider/snsCallerRole/policyEvaluation";
import { poolRules } from "../../../provider/userPoolMfaConfig/poolRules";
import { clearPreflightCache, inputsChanged, PREFLIGHT_CONFIG_KEY, PREFLIGHT_ENV, preflightEnabled } from "../../../provider/userPoolMfaConfig/preflight";
import { roleRules } from "../../../provider/userPoolMfaConfig/roleRules";
import { UserPoolMfaConfigProvider } from "../../../provider/userPoolMfaConfig/provider";
import { BASE_POOL, EXTERNAL_ID, GOOD_ROLE, GOOD_TRUST, POOL, ROLE_ARN, ROLE_NAME, SMS, SNS_PUBLISH, TOTP } from "./badInputCatalogue";
import { awsError, cognitoMock, iamMock, mockPool, mockRole, READ_ONLY_COMMANDS, resetMocks, sentCommands } from "./preflightMocks";

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
const firstFactors = (...f: string[]): UserPoolType => ({ ...BASE_POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: f as "PASSWORD"[] } } });
const email = {};
const P = POOL;

const POOL_CASES: PoolCase[] = [
    { name: "tier: email on LITE", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: ["emailMfaConfiguration"] },
    { name: "tier: email on ESSENTIALS", pool: ESSENTIALS_DEV, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: [] },
    { name: "tier: email on PLUS", pool: PLUS, inputs: { userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: email }, expect: [] },
    { name: "tier: email with OFF is not email MFA", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "OFF" }, expect: [] },
    { name: "tier: passkeys on LITE", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "x.example" } }, expect: ["webAuthnConfiguration"] },
    { name: "tier: empty passkey block on LITE manages nothing", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "OFF", webAuthnConfiguration: {} }, expect: [] },
    { name: "tier: no tier reported (older pool or emulator) is not judged", pool: { ...BASE_POOL, UserPoolTier: undefined }, inputs: { userPoolId: P, mfaConfiguration: "ON", emailMfaConfiguration: email }, expect: [] },
    { name: "tier: LITE with TOTP is fine", pool: LITE, inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, expect: [] },
    { name: "email: COGNITO_DEFAULT", pool: COGNITO_EMAIL, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: ["emailMfaConfiguration"] },
    { name: "email: LITE and COGNITO_DEFAULT, two failures", pool: { ...COGNITO_EMAIL, UserPoolTier: "LITE" }, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: ["emailMfaConfiguration", "emailMfaConfiguration"] },
    { name: "email: unknown block at preview is skipped", pool: COGNITO_EMAIL, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: UNKNOWN, softwareTokenMfaConfiguration: TOTP }, expect: [] },
    { name: "sticky SMS: OPTIONAL + TOTP", pool: SMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP }, expect: ["smsMfaConfiguration"] },
    { name: "sticky SMS: ON + SMS", pool: SMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS }, expect: [] },
    { name: "sticky SMS: OFF is allowed", pool: SMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "OFF" }, expect: [] },
    { name: "sticky SMS: unknown SMS block is not judged", pool: SMS_POOL, inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: UNKNOWN }, expect: [] },
    { name: "recovery: email MFA, email only", pool: recovery("verified_email"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: ["emailMfaConfiguration"] },
    { name: "recovery: email MFA, email then phone", pool: recovery("verified_email", "verified_phone_number"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: [] },
    { name: "recovery: email MFA, admin_only", pool: recovery("admin_only"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: email }, expect: [] },
    { name: "recovery: SMS MFA, phone among mechanisms", pool: recovery("verified_email", "verified_phone_number"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS }, expect: ["smsMfaConfiguration.smsConfiguration"] },
    { name: "recovery: SMS MFA, email only", pool: recovery("verified_email"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS }, expect: [] },
    { name: "recovery: legacy (no setting) is not judged", pool: BASE_POOL, inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS, emailMfaConfiguration: email }, expect: [] },
    { name: "first factors: ON + EMAIL_OTP", pool: firstFactors("PASSWORD", "EMAIL_OTP"), inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, expect: ["mfaConfiguration"] },
    { name: "first factors: OPTIONAL + EMAIL_OTP", pool: firstFactors("PASSWORD", "EMAIL_OTP"), inputs: { userPoolId: P, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: TOTP }, expect: [] },
    { name: "first factors: ON + SMS_OTP", pool: firstFactors("PASSWORD", "SMS_OTP"), inputs: { userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS }, expect: ["mfaConfiguration"] },
    { name: "first factors: ON + PASSWORD only", pool: firstFactors("PASSWORD"), inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, expect: [] },
    { name: "first factors: ON + WEB_AUTHN, passkeys single factor", pool: firstFactors("PASSWORD", "WEB_AUTHN"), inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, expect: ["mfaConfiguration"] },
    {
        name: "first factors: ON + WEB_AUTHN, passkeys multi-factor",
        pool: firstFactors("PASSWORD", "WEB_AUTHN"),
        inputs: { userPoolId: P, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP, webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" } },
        expect: [],
    },
    { name: "mode unknown at preview: nothing judged", pool: { ...LITE, ...SMS_POOL, UserPoolTier: "LITE" }, inputs: { userPoolId: P, mfaConfiguration: UNKNOWN, emailMfaConfiguration: email }, expect: [] },
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

// ---------------------------------------------------------------------------------------------
// Pure: role rules

const trust = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const cognito = { Service: "cognito-idp.amazonaws.com" };
const perms = (...statements: object[]) => [{ source: "inline policy p", document: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }];
const publishAll = { Effect: "Allow", Action: "sns:Publish", Resource: "*" };
const ARN = "smsMfaConfiguration.smsConfiguration.snsCallerArn";
const EXT = "smsMfaConfiguration.smsConfiguration.externalId";

interface RoleCase {
    name: string;
    trust: string;
    perms?: { source: string; document: string }[];
    externalId?: string;
    expect: string[];
}

const ROLE_CASES: RoleCase[] = [
    { name: "the SnsCallerRole shape passes", trust: JSON.stringify(GOOD_TRUST), perms: perms(publishAll), externalId: EXTERNAL_ID, expect: [] },
    {
        name: "trust with SourceAccount / SourceArn too passes",
        trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*" } } }),
        perms: perms(publishAll),
        externalId: EXTERNAL_ID,
        expect: [],
    },
    { name: "principal as a list of services", trust: trust({ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "cognito-idp.amazonaws.com"] }, Action: ["sts:AssumeRole"] }), perms: perms(publishAll), externalId: "x1", expect: [] },
    { name: "no ExternalId condition accepts any ExternalId", trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole" }), perms: perms(publishAll), externalId: "anything", expect: [] },
    { name: "action sts:* admits AssumeRole", trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:*", Condition: { StringEquals: { "sts:ExternalId": "e1" } } }), externalId: "e1", expect: [] },
    { name: "StringLike pattern matches", trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole", Condition: { StringLike: { "sts:ExternalId": "pool-*" } } }), externalId: "pool-42", expect: [] },
    { name: "StringLike pattern does not match", trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole", Condition: { StringLike: { "sts:ExternalId": "pool-*" } } }), externalId: "other", expect: [EXT] },
    { name: "ExternalId in a list of allowed values", trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": ["a1", "b2"] } } }), externalId: "b2", expect: [] },
    { name: "ExternalId differs", trust: JSON.stringify(GOOD_TRUST), externalId: "wrong", expect: [EXT] },
    { name: "ExternalId unknown at preview is not judged", trust: JSON.stringify(GOOD_TRUST), externalId: undefined, expect: [] },
    { name: "ExternalId compared case-sensitively", trust: JSON.stringify(GOOD_TRUST), externalId: EXTERNAL_ID.toUpperCase(), expect: [EXT] },
    { name: "Deny statement for Cognito does not admit", trust: trust({ Effect: "Deny", Principal: cognito, Action: "sts:AssumeRole" }), expect: [ARN] },
    { name: "another service only", trust: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }), expect: [ARN] },
    { name: "an account principal only", trust: trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }), expect: [ARN] },
    { name: "unparsable trust policy", trust: "{not json", expect: [ARN] },
    { name: "sns:* on *", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", Action: "sns:*", Resource: "*" }), expect: [] },
    { name: "* on *", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", Action: "*", Resource: "*" }), expect: [] },
    { name: "action case differs (IAM actions are case-insensitive)", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", Action: "SNS:publish", Resource: ["*"] }), expect: [] },
    { name: "NotAction that leaves sns:Publish allowed", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), expect: [] },
    { name: "publish on a topic only", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:eu-west-1:123456789012:t" }), expect: [ARN] },
    { name: "no statements", trust: JSON.stringify(GOOD_TRUST), perms: [], expect: [ARN] },
    { name: "explicit Deny wins", trust: JSON.stringify(GOOD_TRUST), perms: perms(publishAll, { Effect: "Deny", Action: "sns:Publish", Resource: "*" }), expect: [ARN] },
    { name: "permissions unreadable: the sns:Publish rule is skipped", trust: JSON.stringify(GOOD_TRUST), perms: undefined, expect: [] },
    { name: "trust and permissions both wrong: two failures", trust: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }), perms: [], expect: [ARN, ARN] },
];

describe("pre-flight role rules (pure, role documents)", () => {
    for (const c of ROLE_CASES) {
        it(c.name, () => {
            const failures = roleRules({ arn: ROLE_ARN, trustPolicy: c.trust, permissionPolicies: c.perms }, c.externalId);
            assert.deepEqual(props(failures), c.expect, JSON.stringify(failures, null, 1));
            for (const f of failures) {
                assert.ok(f.reason.startsWith(f.property), f.reason);
                assert.ok(f.reason.includes(ROLE_ARN), "names the role");
                if (c.externalId) assert.ok(!f.reason.includes(c.externalId) || c.externalId === EXTERNAL_ID.toUpperCase(), "never shows the ExternalId");
            }
        });
    }

    it("helpers: role names from ARNs with paths, wildcard matching", () => {
        assert.equal(roleNameOf("arn:aws:iam::123456789012:role/service-role/cognito-sms"), "cognito-sms");
        assert.equal(roleNameOf("arn:aws-cn:iam::123456789012:role/r"), "r");
        assert.equal(roleNameOf("arn:aws:sns:eu-west-1:123456789012:topic"), undefined);
        assert.ok(wildcardMatch("sns:Pub*", "sns:Publish"));
        assert.ok(wildcardMatch("sns:Publis?", "sns:Publish"));
        assert.ok(!wildcardMatch("sns:Pub", "sns:Publish"));
        assert.ok(!wildcardMatch("a.c", "abc"), "regex characters are literal");
    });
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
        assert.equal(inputsChanged({ softwareTokenMfaConfiguration: { enabled: true }, mfaConfiguration: "OPTIONAL", userPoolId: P }, news), false, "key order");
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
        warningSink.warn = async (m) => void warnings.push(m);
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
            cognitoMock.on(DescribeUserPoolCommand).rejects(awsError(name, "User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: cognito-idp:DescribeUserPool"));
            const r = await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} });
            assert.deepEqual(r.failures, []);
            assert.equal(warnings.length, 1);
            assert.match(warnings[0], /^pulumi-cognito-mfa: pre-flight check of user pool eu-west-1_Abc123 skipped: the caller may not call cognito-idp:DescribeUserPool/);
            assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 1, "no retry of a denied read");
        });
    }

    it("IAM AccessDenied on GetRole is a warning naming iam:GetRole", async () => {
        mockPool(BASE_POOL);
        iamMock.on(GetRoleCommand).rejects(awsError("AccessDenied", "not authorized to perform: iam:GetRole"));
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS });
        assert.deepEqual(r.failures, []);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /pre-flight check of role arn:aws:iam::123456789012:role\/cognito-sms skipped: the caller may not call iam:GetRole \(AccessDenied\)/);
    });

    it("IAM AccessDenied on the policies still checks the trust, and warns naming the action", async () => {
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, { trust: { ...GOOD_TRUST, Statement: [{ ...GOOD_TRUST.Statement[0], Condition: { StringEquals: { "sts:ExternalId": "other" } } }] } });
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
        assert.match(warnings[0], /pre-flight check of user pool .* skipped: DescribeUserPool on user pool eu-west-1_Abc123 in eu-west-1 failed: InternalErrorException/);
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
        for (let i = 0; i < 3; i++) assert.deepEqual((await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS })).failures, []);
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
        const r = await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { snsCallerArn: UNKNOWN, externalId: UNKNOWN } } });
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
        assert.deepEqual(props((await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} })).failures!), ["emailMfaConfiguration"]);
    });

    it(`so does the environment variable ${PREFLIGHT_ENV}=false`, async () => {
        mockPool({ ...BASE_POOL, UserPoolTier: "LITE" });
        process.env[PREFLIGHT_ENV] = "false";
        assert.deepEqual((await check({ userPoolId: P, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} })).failures, []);
        assert.deepEqual(sentCommands(), []);
    });

    it("only read-only operations are ever sent", async () => {
        mockPool({ ...BASE_POOL, SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID }, UserPoolTier: "LITE" });
        mockRole(ROLE_NAME, { trust: GOOD_TRUST, inline: { p: SNS_PUBLISH }, managed: { "arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess": { Statement: [] } } });
        await check({ userPoolId: P, mfaConfiguration: "ON", smsMfaConfiguration: SMS, emailMfaConfiguration: {} });
        const sent = sentCommands();
        assert.ok(sent.length >= 6, sent.join());
        assert.deepEqual(sent.filter((n) => !READ_ONLY_COMMANDS.includes(n)), []);
    });

    it("warnings are emitted once per process, prefixed with the package name", async () => {
        await emitWarning("hello");
        await emitWarning("hello");
        assert.deepEqual(warnings, ["pulumi-cognito-mfa: hello"]);
    });
});
