// Prerequisites that the same update fixes: a pool (or SMS role) whose id comes from another
// resource of the stack is judged at `pulumi up`, right before the write, not at preview. Here:
// what the program records (the hidden __fromStack input, under Pulumi's mocks), and the
// provider's decision with a mocked SDK: a plain id fails at preview; an id from the stack warns
// at preview, then refuses the write if the rule still fails and writes if it is now met.
// Mocked because the decision hinges on what DescribeUserPool answers at check and then at the
// write, and on proving that nothing but reads was sent before the refusal; the same case runs
// through the real CLI against moto in test/e2e/sameStack.test.ts.
import * as assert from "node:assert/strict";
import { afterEach, before, beforeEach, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import {
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { warningSink } from "../../../provider/runtime/warnings";
import { MfaConfigInputs } from "../../../provider/userPoolMfaConfig/model";
import { clearPreflightCache, fromStackOf, livePreflight, preWriteChecks } from "../../../provider/userPoolMfaConfig/preflight";
import { UserPoolMfaConfigProvider } from "../../../provider/userPoolMfaConfig/provider";
import { UserPoolMfaConfig } from "../../../provider/userPoolMfaConfig/resource";
import { fromStackInput } from "../../../provider/userPoolMfaConfig/sameStack";
import { BASE_POOL, EXTERNAL_ID, GOOD_TRUST, POOL, ROLE_ARN, ROLE_NAME, SMS, SNS_PUBLISH } from "./badInputCatalogue";
import { cognitoMock, iamMock, mockPool, mockRole, resetMocks, sentCommands } from "./preflightMocks";

const COGNITO_DEFAULT: UserPoolType = { ...BASE_POOL, EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" } };
const DEVELOPER: UserPoolType = {
    ...BASE_POOL,
    EmailConfiguration: { EmailSendingAccount: "DEVELOPER", SourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com" },
};
const EMAIL_MFA = { userPoolId: POOL, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: { subject: "Your code" } };
const SES_RULE =
    /needs the pool to send email through Amazon SES, but user pool eu-west-1_Abc123 has EmailConfiguration\.EmailSendingAccount "COGNITO_DEFAULT"/;

const registered: MockResourceArgs[] = [];

/** Any resource of the program, standing in for a user pool resource. */
class Pool extends pulumi.CustomResource {
    constructor(name: string) {
        super("test:index:Pool", name, { userPoolId: POOL });
    }
}
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("what the program records in __fromStack (Pulumi mocks)", () => {
    let pool: Pool;
    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource(args: MockResourceArgs) {
                    registered.push(args);
                    const inputs = args.inputs as Record<string, unknown>;
                    return { id: typeof inputs.userPoolId === "string" ? inputs.userPoolId : args.name, state: inputs };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
        pool = new Pool("pool");
    });

    it("a plain id and plain role: no input at all (the state of such a resource stays as it was)", async () => {
        assert.equal(fromStackInput({ userPoolId: POOL, smsMfaConfiguration: SMS }), undefined);
        new UserPoolMfaConfig("plain", { userPoolId: "eu-west-1_Plain1", mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} });
        await settle();
        const inputs = registered.find((r) => r.name === "plain")!.inputs as Record<string, unknown>;
        assert.ok(!("__fromStack" in inputs), Object.keys(inputs).join());
    });

    it("an Output without resources (a secret from config) counts as plain", async () => {
        assert.equal(await fromStackInput({ userPoolId: pulumi.secret(POOL) }), undefined);
        const sms = { smsConfiguration: { snsCallerArn: pulumi.secret(ROLE_ARN), externalId: EXTERNAL_ID } };
        assert.equal(await fromStackInput({ userPoolId: POOL, smsMfaConfiguration: sms }), undefined);
    });

    it("the id of another resource: userPool; a role ARN of one, at any depth or whole: smsRole", async () => {
        assert.deepEqual(await fromStackInput({ userPoolId: pool.id }), ["userPool"]);
        const arn = pool.id.apply(() => ROLE_ARN);
        assert.deepEqual(await fromStackInput({ userPoolId: POOL, smsMfaConfiguration: { smsConfiguration: { snsCallerArn: arn } } }), [
            "smsRole",
        ]);
        const eums = { smsConfiguration: { eumsSms: { callerArn: arn } } };
        assert.deepEqual(await fromStackInput({ userPoolId: pool.id, smsMfaConfiguration: eums }), ["userPool", "smsRole"]);
        const whole = pool.id.apply(() => ({ snsCallerArn: ROLE_ARN, externalId: EXTERNAL_ID }));
        assert.deepEqual(await fromStackInput({ userPoolId: POOL, smsMfaConfiguration: { smsConfiguration: whole } }), ["smsRole"]);
        // An Output elsewhere in the SMS block (the message) is not the role.
        const message = pool.id.apply(() => "Code {####}");
        assert.equal(await fromStackInput({ userPoolId: POOL, smsMfaConfiguration: { smsAuthenticationMessage: message } }), undefined);
    });

    it("UserPoolMfaConfig sends it as the hidden input, which the provider reads back", async () => {
        new UserPoolMfaConfig("from stack", {
            userPoolId: pool.id.apply(() => "eu-west-1_FromStack1"),
            mfaConfiguration: "OPTIONAL",
            emailMfaConfiguration: {},
        });
        await settle();
        const inputs = registered.find((r) => r.name === "from stack")!.inputs as Record<string, unknown>;
        assert.deepEqual(inputs.__fromStack, ["userPool"]);
        assert.deepEqual(fromStackOf(inputs), { userPool: true, smsRole: false });
        assert.deepEqual(fromStackOf({}), { userPool: false, smsRole: false });
        assert.deepEqual(fromStackOf({ __fromStack: "userPool" }), { userPool: false, smsRole: false }, "only a list counts");
    });
});

describe("the decision: at preview or right before the write (mocked SDK)", () => {
    const warnings: string[] = [];
    const realWarn = warningSink.warn;
    let provider: UserPoolMfaConfigProvider;
    const check = (news: Record<string, unknown>) => provider.check({} as MfaConfigInputs, news as unknown as MfaConfigInputs);
    const update = (news: Record<string, unknown>) =>
        provider.update(
            POOL,
            { userPoolId: POOL, region: "", deletePolicy: "reset", mfaConfiguration: "OFF" },
            news as unknown as MfaConfigInputs,
        );

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
        resetMocks();
    });

    it("a plain pool id: the pool rule fails at preview", async () => {
        mockPool(COGNITO_DEFAULT);
        const r = await check(EMAIL_MFA);
        assert.equal(r.failures!.length, 1);
        assert.match(r.failures![0].reason, SES_RULE);
        assert.deepEqual(warnings, []);
    });

    it("a pool id from the stack: the same rule warns at preview, naming it and saying when it runs", async () => {
        mockPool(COGNITO_DEFAULT);
        const r = await check({ ...EMAIL_MFA, __fromStack: ["userPool"] });
        assert.deepEqual(r.failures, []);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], SES_RULE);
        assert.match(warnings[0], /comes from another resource of this stack.*checked again at `pulumi up`, right before the write/);
    });

    it("a pool id from the stack, still unmet at up: the write is refused with the same message, after reads only", async () => {
        mockPool(COGNITO_DEFAULT);
        cognitoMock.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OFF" });
        await assert.rejects(update({ ...EMAIL_MFA, __fromStack: ["userPool"] }), (e: Error) => {
            assert.match(e.message, /^Refusing to write the MFA configuration of user pool eu-west-1_Abc123/);
            assert.match(e.message, SES_RULE);
            return true;
        });
        assert.deepEqual(sentCommands(), ["GetUserPoolMfaConfigCommand", "DescribeUserPoolCommand"]);
        assert.equal(cognitoMock.commandCalls(SetUserPoolMfaConfigCommand).length, 0, "nothing written");
    });

    it("a pool id from the stack, met by the time of the write: check read the old pool, the write reads it again and goes ahead", async () => {
        // What DescribeUserPool answers first (check, before the other resource's update) and then.
        cognitoMock.on(DescribeUserPoolCommand).resolvesOnce({ UserPool: COGNITO_DEFAULT }).resolves({ UserPool: DEVELOPER });
        cognitoMock.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OFF" });
        cognitoMock
            .on(SetUserPoolMfaConfigCommand)
            .resolves({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: { Subject: "Your code" } });
        const news = { ...EMAIL_MFA, __fromStack: ["userPool"] };
        assert.deepEqual((await check(news)).failures, []);
        const { outs } = await update(news);
        assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 2, "the write does not trust check's (cached) read");
        assert.equal(cognitoMock.commandCalls(SetUserPoolMfaConfigCommand).length, 1);
        assert.deepEqual(outs!.emailMfaConfiguration, { subject: "Your code" });
    });

    it("a plain pool id: no read before the write (check refused or passed it already)", async () => {
        cognitoMock.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OFF" });
        cognitoMock.on(SetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} });
        await update(EMAIL_MFA);
        assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 0);
    });

    it("with the live checks turned off, nothing is checked before the write either", async () => {
        await provider.configure({
            config: { get: (k: string) => (k === "pulumi-cognito-mfa:preflight" ? "false" : undefined), require: () => "" },
        });
        cognitoMock.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OFF" });
        cognitoMock.on(SetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} });
        await update({ ...EMAIL_MFA, __fromStack: ["userPool"] });
        assert.equal(cognitoMock.commandCalls(DescribeUserPoolCommand).length, 0);
    });

    it("a role from the stack: its rules warn at preview, and are judged on a fresh GetRole before the write", async () => {
        mockPool(BASE_POOL);
        // The trust policy before the other resource's update: an ExternalId that is not this one.
        const stale = {
            ...GOOD_TRUST,
            Statement: [{ ...GOOD_TRUST.Statement[0], Condition: { StringEquals: { "sts:ExternalId": "old" } } }],
        };
        mockRole(ROLE_NAME, { trust: stale, inline: { sms: SNS_PUBLISH } });
        const news = { userPoolId: POOL, mfaConfiguration: "ON", smsMfaConfiguration: SMS };
        const plain = await livePreflight(news);
        assert.deepEqual(
            plain.failures.map((f) => f.property),
            ["smsMfaConfiguration.smsConfiguration.externalId"],
        );
        clearPreflightCache();
        const fromStack = await livePreflight(news, { fromStack: { userPool: false, smsRole: true } });
        assert.deepEqual(fromStack.failures, []);
        assert.ok(
            fromStack.warnings.some((w) => /externalId does not match .* Not refused yet: the SMS role/.test(w)),
            fromStack.warnings.join("\n"),
        );
        const atUp = await preWriteChecks(news, { fromStack: { userPool: false, smsRole: true } });
        assert.deepEqual(
            atUp.failures.map((f) => f.property),
            ["smsMfaConfiguration.smsConfiguration.externalId"],
        );
        const getRoles = iamMock.commandCalls(GetRoleCommand).length;
        assert.equal(getRoles, 3, "preview (twice, cache cleared) and the write each read the role");
    });

    it("nothing deferred: preWriteChecks reads nothing", async () => {
        const r = await preWriteChecks(EMAIL_MFA, { fromStack: { userPool: false, smsRole: false } });
        assert.deepEqual(r, { failures: [], warnings: [] });
        assert.deepEqual(sentCommands(), []);
    });
});
