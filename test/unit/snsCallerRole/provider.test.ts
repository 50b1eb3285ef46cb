// SnsCallerRole provider behaviour that moto cannot show. moto never fails a PutRolePolicy
// right after a successful CreateRole, never denies access (no IAM policy evaluation in server
// mode), and never answers ConcurrentModification, so the no-orphan clean-up, the partial
// failure record, the AccessDenied fallbacks and the retries are tested here with
// aws-sdk-client-mock, asserting the exact requests sent. Everything moto can do is in
// test/integration/snsCallerRole.test.ts.
import * as assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import {
    CreateRoleCommand,
    DeleteRoleCommand,
    DeleteRolePolicyCommand,
    GetRoleCommand,
    GetRolePolicyCommand,
    IAMClient,
    PutRolePolicyCommand,
    UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { forgetUserPools } from "../../../provider/aws/cognito";
import { PERMISSION_POLICY_NAME, SnsCallerRoleInputs, SnsCallerRoleOutputs } from "../../../provider/snsCallerRole/model";
import { bootstrapTrustPolicyDocument, PERMISSION_POLICY_DOCUMENT, trustPolicyDocument } from "../../../provider/snsCallerRole/policies";
import { SnsCallerRoleProvider, snsCallerRoleProvider } from "../../../provider/snsCallerRole/provider";

import { awsError } from "../fakes";

const POOL = "eu-west-1_Abc123";
const ACCOUNT = "210987654321";
const POOL_ARN = `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/${POOL}`;
const iam = mockClient(IAMClient);
const cognito = mockClient(CognitoIdentityProviderClient);

/** A CreateRole / GetRole answer as IAM gives it: the trust policy URL-encoded. */
function role(name: string, trust: string) {
    return {
        Role: {
            RoleName: name,
            RoleId: "AROAEXAMPLE123",
            Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
            Path: "/",
            CreateDate: new Date(0),
            AssumeRolePolicyDocument: encodeURIComponent(trust),
        },
    };
}

function inputs<T>(calls: { args: [{ input: T }] }[]): T[] {
    return calls.map((c) => c.args[0].input);
}

const TRUST = trustPolicyDocument({ externalId: "ext-1", accountId: ACCOUNT, sourceArn: POOL_ARN });

/** The outputs of role "sms" for POOL, as create records them. */
const RECORDED_ROLE = {
    arn: `arn:aws:iam::${ACCOUNT}:role/sms`,
    roleName: "sms",
    roleId: "AROAEXAMPLE123",
    path: "/",
    tags: {},
    externalId: "ext-1",
    userPoolId: POOL,
    region: "eu-west-1",
    accountId: ACCOUNT,
    sourceArn: POOL_ARN,
    forceDelete: false,
    trustPolicy: TRUST,
    permissionPolicy: PERMISSION_POLICY_DOCUMENT,
    __policyName: PERMISSION_POLICY_NAME,
    __inputKeys: ["roleName", "externalId", "userPoolId"],
} satisfies SnsCallerRoleOutputs;

describe("SnsCallerRole create with a mocked IAM", () => {
    let provider: SnsCallerRoleProvider;
    beforeEach(() => {
        forgetUserPools(); // the shared DescribeUserPool answers of the last test
        iam.reset();
        cognito.reset();
        provider = snsCallerRoleProvider();
    });
    afterEach(() => {
        iam.reset();
        cognito.reset();
    });

    it("sends exactly CreateRole (final trust policy, account from the pool ARN) and PutRolePolicy", async () => {
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Arn: POOL_ARN } });
        iam.on(CreateRoleCommand).resolves(role("sms", TRUST));
        iam.on(PutRolePolicyCommand).resolves({});
        const { id, outs } = await provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" });
        assert.equal(id, "sms");
        assert.deepEqual(inputs(iam.commandCalls(CreateRoleCommand)), [{ RoleName: "sms", Path: "/", AssumeRolePolicyDocument: TRUST }]);
        assert.deepEqual(inputs(iam.commandCalls(PutRolePolicyCommand)), [
            { RoleName: "sms", PolicyName: PERMISSION_POLICY_NAME, PolicyDocument: PERMISSION_POLICY_DOCUMENT },
        ]);
        assert.equal(iam.commandCalls(UpdateAssumeRolePolicyCommand).length, 0);
        assert.equal(outs!.trustPolicy, TRUST);
        assert.equal(outs!.region, "eu-west-1");
        assert.equal(outs!.accountId, ACCOUNT);
    });

    it("with __owner: CreateRole carries the owner and instance tags next to the user's, which stay the only ones in the tags output", async () => {
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Arn: POOL_ARN } });
        iam.on(CreateRoleCommand).callsFake((input: { Tags?: { Key: string; Value: string }[] }) => ({
            Role: { ...role("sms", TRUST).Role, Tags: input.Tags },
        }));
        iam.on(PutRolePolicyCommand).resolves({});
        const { outs } = await provider.create({
            roleName: "sms",
            userPoolId: POOL,
            externalId: "ext-1",
            tags: { team: "id" },
            __owner: "proj/dev/sms",
        });
        const sent = inputs(iam.commandCalls(CreateRoleCommand))[0] as { Tags?: { Key: string; Value: string }[] };
        const tags = Object.fromEntries((sent.Tags ?? []).map((t) => [t.Key, t.Value]));
        assert.deepEqual(Object.keys(tags).sort(), ["pulumi-cognito-mfa:instance", "pulumi-cognito-mfa:owner", "team"]);
        assert.equal(tags["pulumi-cognito-mfa:owner"], "proj/dev/sms");
        assert.equal(outs!.__instance, tags["pulumi-cognito-mfa:instance"]);
        assert.deepEqual(outs!.tags, { team: "id" });
    });

    it("EntityAlreadyExists without __owner: CreateRole's own error, no GetRole (as before)", async () => {
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Arn: POOL_ARN } });
        iam.on(CreateRoleCommand).rejects(awsError("EntityAlreadyExistsException", "Role with name sms already exists."));
        await assert.rejects(
            provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" }),
            /^AwsCallError: CreateRole on IAM role sms failed: EntityAlreadyExistsException/,
        );
        assert.equal(iam.commandCalls(GetRoleCommand).length, 0);
    });

    it("PutRolePolicy failing after CreateRole deletes the role again: no orphan, no id on the error", async () => {
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Arn: POOL_ARN } });
        iam.on(CreateRoleCommand).resolves(role("sms", TRUST));
        iam.on(PutRolePolicyCommand).rejects(
            awsError("AccessDenied", "User: arn:aws:sts::210987654321:assumed-role/ci is not authorized to perform: iam:PutRolePolicy"),
        );
        iam.on(DeleteRolePolicyCommand).rejects(
            awsError("NoSuchEntityException", "The role policy with name sns-publish cannot be found."),
        );
        iam.on(DeleteRoleCommand).resolves({});
        await assert.rejects(provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" }), (e: Error & { id?: string }) => {
            assert.match(
                e.message,
                /^PutRolePolicy on IAM role sms failed: AccessDenied: User: .* is not authorized to perform: iam:PutRolePolicy\. Grant the caller iam:PutRolePolicy on the role sms/,
            );
            assert.equal(e.id, undefined, "without an id the engine records nothing, which is right: nothing is left");
            return true;
        });
        assert.deepEqual(inputs(iam.commandCalls(DeleteRoleCommand)), [{ RoleName: "sms" }]);
    });

    it("when the clean-up fails too, the role is handed to the engine (Error with id, properties, reasons)", async () => {
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Arn: POOL_ARN } });
        iam.on(CreateRoleCommand).resolves(role("sms", TRUST));
        iam.on(PutRolePolicyCommand).rejects(
            awsError("LimitExceededException", "Maximum policy size of 10240 bytes exceeded for role sms"),
        );
        iam.on(DeleteRolePolicyCommand).rejects(awsError("NoSuchEntityException", "not found"));
        iam.on(DeleteRoleCommand).rejects(awsError("AccessDenied", "not authorized to perform: iam:DeleteRole"));
        await assert.rejects(
            provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" }),
            (e: Error & { id?: string; properties?: SnsCallerRoleOutputs; reasons?: string[] }) => {
                assert.equal(e.id, "sms");
                assert.equal(e.properties!.arn, `arn:aws:iam::${ACCOUNT}:role/sms`);
                assert.equal(e.properties!.externalId, "ext-1");
                assert.equal(e.properties!.permissionPolicy, undefined, "recorded without its policy, so the next diff is a change");
                assert.match(
                    e.message,
                    /^SnsCallerRole sms was created but is incomplete: PutRolePolicy on IAM role sms failed: LimitExceededException/,
                );
                assert.match(e.message, /deleting the half-created role failed too: DeleteRole on IAM role sms failed: AccessDenied/);
                assert.equal(e.reasons!.length, 1);
                return true;
            },
        );
    });

    it("the recorded partial role converges on the next update", async () => {
        // No permissionPolicy: the create stopped before PutRolePolicy.
        const partial = { ...RECORDED_ROLE, permissionPolicy: undefined } satisfies SnsCallerRoleOutputs;
        const news: SnsCallerRoleInputs = { roleName: "sms", userPoolId: POOL, externalId: "ext-1" };
        assert.equal((await provider.diff!("sms", partial, news)).changes, true);
        iam.on(GetRoleCommand).resolves(role("sms", TRUST));
        iam.on(GetRolePolicyCommand).rejects(awsError("NoSuchEntityException", "Policy sns-publish not attached to role sms"));
        iam.on(PutRolePolicyCommand).resolves({});
        const { outs } = await provider.update!("sms", partial, news);
        assert.equal(iam.commandCalls(UpdateAssumeRolePolicyCommand).length, 0, "the trust policy was right already");
        assert.equal(iam.commandCalls(PutRolePolicyCommand).length, 1);
        assert.equal(cognito.calls().length, 0, "same pool: the account recorded at create is reused");
        assert.equal((await provider.diff!("sms", outs!, news)).changes, false);
    });

    it("DescribeUserPool denied: creates with the ExternalId-only trust, then writes the final one with the role's account", async () => {
        cognito
            .on(DescribeUserPoolCommand)
            .rejects(awsError("AccessDeniedException", "not authorized to perform: cognito-idp:DescribeUserPool"));
        iam.on(CreateRoleCommand).resolves(role("sms", bootstrapTrustPolicyDocument("ext-1")));
        iam.on(UpdateAssumeRolePolicyCommand).resolves({});
        iam.on(PutRolePolicyCommand).resolves({});
        const log: string[] = [];
        const original = console.error;
        console.error = (m: string) => void log.push(m);
        try {
            const { outs } = await provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" });
            assert.equal(outs!.accountId, ACCOUNT);
            assert.equal(outs!.trustPolicy, TRUST);
        } finally {
            console.error = original;
        }
        assert.deepEqual(
            inputs(iam.commandCalls(CreateRoleCommand)).map((i) => i.AssumeRolePolicyDocument),
            [bootstrapTrustPolicyDocument("ext-1")],
        );
        assert.deepEqual(inputs(iam.commandCalls(UpdateAssumeRolePolicyCommand)), [{ RoleName: "sms", PolicyDocument: TRUST }]);
        assert.ok(
            log.some((l) => /DescribeUserPool eu-west-1_Abc123 was denied; taking the account from the role's ARN/.test(l)),
            log.join("\n"),
        );
    });

    it("other DescribeUserPool errors are not guessed around", async () => {
        cognito
            .on(DescribeUserPoolCommand)
            .rejects(awsError("UnrecognizedClientException", "The security token included in the request is invalid."));
        await assert.rejects(
            provider.create({ roleName: "sms", userPoolId: POOL, externalId: "ext-1" }),
            /DescribeUserPool on user pool eu-west-1_Abc123 in eu-west-1 failed: UnrecognizedClientException: .*credentials are not valid/,
        );
        assert.equal(iam.calls().length, 0);
    });

    it("CreateRole denied: a clear message and nothing to clean up", async () => {
        iam.on(CreateRoleCommand).rejects(awsError("AccessDenied", "not authorized to perform: iam:CreateRole"));
        await assert.rejects(
            provider.create({ roleName: "sms", accountId: ACCOUNT, region: "eu-west-1", externalId: "ext-1" }),
            (e: Error & { id?: string }) => {
                assert.match(
                    e.message,
                    /^CreateRole on IAM role sms failed: AccessDenied: not authorized to perform: iam:CreateRole\. Grant the caller iam:CreateRole/,
                );
                assert.equal(e.id, undefined);
                return true;
            },
        );
        assert.equal(iam.commandCalls(DeleteRoleCommand).length, 0);
        assert.equal(cognito.calls().length, 0, "accountId given: no DescribeUserPool");
        assert.deepEqual(
            inputs(iam.commandCalls(CreateRoleCommand))[0].AssumeRolePolicyDocument,
            trustPolicyDocument({
                externalId: "ext-1",
                accountId: ACCOUNT,
                sourceArn: `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/*`,
            }),
        );
    });
});

describe("SnsCallerRole delete guard with a mocked SDK", () => {
    const props = RECORDED_ROLE;

    beforeEach(() => {
        forgetUserPools(); // the shared DescribeUserPool answers of the last test
        iam.reset();
        cognito.reset();
        iam.on(GetRoleCommand).resolves(role("sms", TRUST));
    });

    it("a denied GetUserPoolMfaConfig stops the delete and says how to skip the check", async () => {
        cognito
            .on(GetUserPoolMfaConfigCommand)
            .rejects(awsError("AccessDeniedException", "not authorized to perform: cognito-idp:GetUserPoolMfaConfig"));
        await assert.rejects(snsCallerRoleProvider().delete!("sms", props), (e: Error) => {
            assert.match(e.message, /^GetUserPoolMfaConfig on user pool eu-west-1_Abc123 in eu-west-1 failed: AccessDeniedException/);
            assert.match(e.message, /to skip it, set forceDelete: true and run `pulumi up` first/);
            return true;
        });
        assert.equal(iam.commandCalls(DeleteRoleCommand).length, 0);
    });

    it("role ARNs are compared without case (IAM role names are case-insensitive)", async () => {
        cognito.on(GetUserPoolMfaConfigCommand).resolves({
            MfaConfiguration: "ON",
            SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/SMS`, ExternalId: "ext-1" } },
        });
        cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL } });
        await assert.rejects(
            snsCallerRoleProvider().delete!("sms", props),
            /Refusing to delete IAM role sms: user pool eu-west-1_Abc123 still uses it/,
        );
    });

    it("forceDelete skips the pool entirely", async () => {
        iam.on(DeleteRolePolicyCommand).resolves({});
        iam.on(DeleteRoleCommand).resolves({});
        await snsCallerRoleProvider().delete!("sms", { ...props, forceDelete: true });
        assert.equal(cognito.calls().length, 0);
        assert.deepEqual(inputs(iam.commandCalls(DeleteRoleCommand)), [{ RoleName: "sms" }]);
    });
});
