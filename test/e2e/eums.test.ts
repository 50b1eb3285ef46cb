// SMS through AWS End User Messaging SMS (SmsConfiguration.EumsSms), through the real pulumi CLI
// against moto, which stores the SMS block of SetUserPoolMfaConfig as sent and returns it whole.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SetUserPoolMfaConfigCommand, SetUserPoolMfaConfigRequest } from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand, GetRolePolicyCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, createUserPool, iamClient, liveMfa, useMoto } from "../harness/moto";
import { assertNoChanges, BOOKKEEPING_IN_DIFF, MFA_TYPE, resourceChanges, Stack } from "../harness/pulumi";

const m = useMoto();

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

describe("End User Messaging SMS with the pulumi CLI", () => {
    it("sms-eums: the role's ARN and ExternalId reach EumsSms, no perpetual diff, drift shown and repaired, ExternalId secret, nothing left", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const iam = iamClient(m.moto.endpoint);
        const stack = await Stack.create("examples/sms-eums", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.up();
        const outputs = await stack.outputs();

        // What the pool has: EumsSms with the role's ARN and the ExternalId its trust requires; no SNS path.
        const live = await getMfa(poolId);
        assert.equal(live.MfaConfiguration, "OPTIONAL");
        const eums = live.SmsMfaConfiguration?.SmsConfiguration?.EumsSms;
        assert.equal(eums?.CallerArn, outputs.roleArn);
        assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, undefined);
        const role = await iam.send(new GetRoleCommand({ RoleName: outputs.roleName as string }));
        const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!)) as {
            Statement: { Condition: { StringEquals: Record<string, string> } }[];
        };
        const externalId = trust.Statement[0].Condition.StringEquals["sts:ExternalId"];
        assert.equal(eums?.ExternalId, externalId);
        const policy = await iam.send(
            new GetRolePolicyCommand({ RoleName: outputs.roleName as string, PolicyName: "sms-voice-send-text-message" }),
        );
        assert.deepEqual(JSON.parse(decodeURIComponent(policy.PolicyDocument!)), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "sms-voice:SendTextMessage", Resource: "*" }],
        });
        assertNoChanges(await stack.preview());

        // The ExternalId is in state only as a secret.
        const exported = await stack.pulumi(["stack", "export"]);
        assert.ok(!exported.stdout.includes(externalId), "the ExternalId is in state in plaintext");

        // Someone adds an origination identity in the console: refresh records it, the PR preview
        // names it, and up puts the program's configuration back.
        const changed: SetUserPoolMfaConfigRequest = {
            UserPoolId: poolId,
            MfaConfiguration: "OPTIONAL",
            SmsMfaConfiguration: {
                ...live.SmsMfaConfiguration,
                SmsConfiguration: { EumsSms: { ...eums, OriginationIdentity: "+12065550100" } },
            },
            SoftwareTokenMfaConfiguration: live.SoftwareTokenMfaConfiguration,
        };
        await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand(changed));
        const refresh = await stack.refresh();
        assert.ok(
            resourceChanges(refresh).some((c) => c.type === MFA_TYPE && c.op === "update"),
            "refresh must report the drift",
        );
        const diff = await stack.pulumi(["preview", "--diff"]);
        assert.match(diff.stdout, /- originationIdentity\s*:\s*"\+12065550100"/);
        assert.doesNotMatch(diff.stdout, new RegExp(externalId), "the diff shows the ExternalId");
        assert.doesNotMatch(diff.stdout, BOOKKEEPING_IN_DIFF, diff.stdout);
        await stack.up();
        assert.equal((await getMfa(poolId)).SmsMfaConfiguration?.SmsConfiguration?.EumsSms?.OriginationIdentity, undefined);
        assertNoChanges(await stack.preview());

        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
        const roles = (await iam.send(new ListRolesCommand({}))).Roles ?? [];
        assert.deepEqual(
            roles.map((r) => r.RoleName),
            [],
        );
        await stack.rm();
    });

    it("adopt-and-restore: a pool sending through End User Messaging SMS gets its EumsSms block back whole", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const original = {
            MfaConfiguration: "OPTIONAL",
            SmsMfaConfiguration: {
                SmsAuthenticationMessage: "Your code: {####}",
                SmsConfiguration: {
                    EumsSms: {
                        CallerArn: "arn:aws:iam::123456789012:role/eums-sms",
                        ExternalId: "eums-external-id",
                        OriginationIdentity: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
                        ConfigurationSetName: "cognito-set",
                        InEntityId: "1101000000000000001",
                        InTemplateId: "1107000000000000001",
                        Region: "us-east-1",
                    },
                },
            },
        } as const;
        await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...original }));
        assert.deepEqual(await getMfa(poolId), original);

        // The program requires TOTP instead (moto, unlike AWS, lets SMS go; the point here is what
        // restore writes back).
        const stack = await Stack.create("examples/adopt-and-restore", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.up();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } });
        assertNoChanges(await stack.preview());

        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), original, "restore writes the adopted EumsSms back, every member of it");
        await stack.rm();
    });
});
