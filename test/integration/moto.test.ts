// Smoke test of the moto backend itself (moto.md §7): the behaviours the provider's
// integration and e2e tests rely on, so a moto upgrade that changes them fails here first.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { GetUserPoolMfaConfigCommand, SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, createUserPool, iamClient, useMoto } from "../harness/moto";

const m = useMoto({ resetAfterEach: false });

test("awsEnv points the AWS SDK at the loopback endpoint", () => {
    const env = awsEnv(m.moto.endpoint);
    assert.match(env.AWS_ENDPOINT_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(env.AWS_REGION, "us-east-1");
    assert.equal(env.AWS_EC2_METADATA_DISABLED, "true");
});

test("cognito-idp: pool MFA config round trip, and reset wipes the pool", async () => {
    const cognito = cognitoClient(m.moto.endpoint);
    const poolId = await createUserPool(m.moto.endpoint, "smoke");
    assert.match(poolId, /^us-east-1_/);

    const fresh = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(fresh.MfaConfiguration, "OFF");
    assert.equal(fresh.SoftwareTokenMfaConfiguration, undefined);

    await cognito.send(
        new SetUserPoolMfaConfigCommand({
            UserPoolId: poolId,
            MfaConfiguration: "ON",
            SoftwareTokenMfaConfiguration: { Enabled: true },
        }),
    );
    const on = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(on.MfaConfiguration, "ON");
    assert.deepEqual(on.SoftwareTokenMfaConfiguration, { Enabled: true });

    await m.moto.reset();
    await assert.rejects(cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId })), {
        name: "ResourceNotFoundException",
    });
});

test("iam: a role with an inline policy cannot be deleted (DeleteConflict)", async () => {
    const iam = iamClient(m.moto.endpoint);
    const RoleName = "cognito-sms-smoke";
    const trust = {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cognito-idp.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": "smoke-external-id" } },
            },
        ],
    };
    const created = await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    assert.equal(created.Role?.Arn, `arn:aws:iam::123456789012:role/${RoleName}`);

    await iam.send(
        new PutRolePolicyCommand({
            RoleName,
            PolicyName: "sns-publish",
            PolicyDocument: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
            }),
        }),
    );
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName })), { name: "DeleteConflictException" });

    await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName: "sns-publish" }));
    await iam.send(new DeleteRoleCommand({ RoleName }));
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName })), { name: "NoSuchEntityException" });
});
