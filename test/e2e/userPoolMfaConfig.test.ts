// UserPoolMfaConfig and SnsCallerRole through the real pulumi CLI against moto: the programs under
// examples/ use the package as a user installs it (the npm tarball), and every step is the one a
// platform team runs: up, preview, refresh, preview --diff, destroy.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { DescribeUserPoolCommand, SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, createUserPool, iamClient, liveMfa, useMoto } from "../harness/moto";
import { assertNoChanges, BOOKKEEPING_IN_DIFF, cycle, MFA_TYPE, resourceChanges, ROLE_TYPE, Stack } from "../harness/pulumi";

const m = useMoto();

/** Bytes of the one resource of `type` in `pulumi stack export` output, as stored (compact JSON). */
function resourceBytesOf(exported: { stdout: string }, type: string): number {
    const state = JSON.parse(exported.stdout) as { deployment: { resources: { type: string }[] } };
    const found = state.deployment.resources.filter((r) => r.type === type);
    assert.equal(found.length, 1, `one ${type} in the state`);
    return Buffer.byteLength(JSON.stringify(found[0]));
}

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

describe("e2e with the pulumi CLI", () => {
    it("TOTP: up, empty preview, drift caught by refresh and shown field by field, restored by up, destroy resets", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("examples/totp-optional", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);

        const up = await stack.up();
        assert.equal(up.json.result, "succeeded");
        assert.deepEqual(
            resourceChanges(up).map((c) => [c.op, c.type]),
            [["create", MFA_TYPE]],
        );
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        assert.deepEqual(await stack.outputs(), { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        assertNoChanges(await stack.preview());

        // Someone turns MFA off in the console.
        await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" }));
        // What `pulumi refresh --diff` shows: the drifted fields, no bookkeeping.
        const refreshDiff = await stack.pulumi(["refresh", "--preview-only", "--diff"]);
        assert.match(refreshDiff.stdout, /~ mfaConfiguration\s*:\s*"OPTIONAL"\s*=>\s*"OFF"/);
        assert.doesNotMatch(refreshDiff.stdout, BOOKKEEPING_IN_DIFF, refreshDiff.stdout);
        const refresh = await stack.refresh();
        assert.ok(
            resourceChanges(refresh).some((c) => c.type === MFA_TYPE && c.op === "update"),
            "refresh must report the drift",
        );
        const state = await stack.exportState();
        const res = state.deployment.resources!.find((r) => r.type === MFA_TYPE)!;
        assert.equal(res.outputs!.mfaConfiguration, "OFF", "refresh records the live mode in the outputs");
        assert.equal(res.inputs!.mfaConfiguration, "OFF", "and in the inputs, so the next diff is field by field");
        // The stored provider is one require of the installed package's stub.
        const providerText = String(res.outputs!.__provider);
        assert.equal(providerText, 'exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");\n');
        assert.equal(res.inputs!.__provider, providerText, "inputs and outputs hold the same stub");
        // The engine records where the program constructed the resource, not a line of the package.
        assert.match(String(res.sourcePosition), /^project:\/\/\/index\.ts#\d+/, String(res.sourcePosition));
        // State per resource as `pulumi stack export` stores it (secrets as ciphertext), the
        // engine's own parts (URNs, source position, stack trace) included: 3 KB at most.
        const stored = resourceBytesOf(await stack.pulumi(["stack", "export"]), MFA_TYPE);
        console.log(`state of one UserPoolMfaConfig (TOTP): ${stored} bytes, __provider ${providerText.length} characters`);
        assert.ok(stored <= 3072, `one TOTP UserPoolMfaConfig takes ${stored} bytes of state`);

        // What a reviewer sees on the pull request: the drifted fields by name.
        const diff = await stack.pulumi(["preview", "--diff"]);
        assert.match(diff.stdout, /~ mfaConfiguration\s*:\s*"OFF"\s*=>\s*"OPTIONAL"/);
        assert.doesNotMatch(diff.stdout, BOOKKEEPING_IN_DIFF, diff.stdout);
        assert.match(diff.stdout, /\+ softwareTokenMfaConfiguration\s*:/);

        const restore = await stack.up();
        assert.ok(resourceChanges(restore).some((c) => c.type === MFA_TYPE && c.op === "update"));
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        assertNoChanges(await stack.preview());

        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" }, "deletePolicy reset (default) turns MFA off");
        await stack.rm();
    });

    it("owner tag off (pulumi-cognito-mfa:ownerTag false): no tag on the pool and no owner in state; turning it on again is no change", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("examples/totp-optional", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.setConfig("pulumi-cognito-mfa:ownerTag", "false");
        const tags = async () =>
            (await cognitoClient(m.moto.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.UserPoolTags ?? {};

        assert.equal((await stack.up()).json.result, "succeeded");
        assert.deepEqual(await tags(), {}, "no owner tag written");
        const res = (await stack.exportState()).deployment.resources!.find((r) => r.type === MFA_TYPE)!;
        // Nothing to remove at delete, so nothing recorded: each checkpoint write of a fleet carries it otherwise.
        assert.equal("__owner" in res.inputs!, false, JSON.stringify(res.inputs));
        assert.equal("__owner" in res.outputs!, false, JSON.stringify(res.outputs));
        assert.equal("__owner" in (res.propertyDependencies ?? {}), false);
        assertNoChanges(await stack.preview());

        // The setting back on: the program sends the owner again, which is no change to the
        // resource (the pool was never tagged, and create is not run again).
        await stack.setConfig("pulumi-cognito-mfa:ownerTag", "true");
        assertNoChanges(await stack.preview());
        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
        assert.deepEqual(await tags(), {});
        await stack.rm();
    });

    it("SMS with a created role: SMS live with the role's ARN and ExternalId, clean refresh, no role left, ExternalId secret", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const iam = iamClient(m.moto.endpoint);
        const result = await cycle({
            project: "examples/sms-with-role",
            env: awsEnv(m.moto.endpoint),
            config: { userPoolId: poolId },
            resourceType: MFA_TYPE,
            outOfBand: async ({ stack, outputs }) => {
                const live = await getMfa(poolId);
                const role = await iam.send(new GetRoleCommand({ RoleName: outputs.roleName as string }));
                assert.equal(live.MfaConfiguration, "OPTIONAL");
                assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, role.Role!.Arn);
                assert.equal(live.SmsMfaConfiguration?.SmsAuthenticationMessage, "Your sign-in code is {####}");
                const trust = decodeURIComponent(role.Role!.AssumeRolePolicyDocument!);
                const externalId = live.SmsMfaConfiguration.SmsConfiguration!.ExternalId!;
                assert.ok(externalId.length >= 16, "an ExternalId was generated");
                assert.ok(trust.includes(`"sts:ExternalId":"${externalId}"`) || trust.includes(`"sts:ExternalId": "${externalId}"`), trust);

                // A refresh with nothing changed is clean.
                const clean = await stack.refresh();
                assert.deepEqual(
                    resourceChanges(clean).filter((c) => c.op !== "same" && c.op !== "refresh"),
                    [],
                );
                assertNoChanges(await stack.preview());

                // The ExternalId never appears in plaintext in the exported state.
                const exported = await stack.pulumi(["stack", "export"]);
                assert.ok(!exported.stdout.includes(externalId), "the ExternalId is in plaintext in `pulumi stack export`");
                // Above the 3 KB of a TOTP resource: the ExternalId is ciphertext in the inputs and
                // the outputs of both resources (~180 bytes each), and the role keeps its trust
                // policy (~700 bytes of ciphertext, for drift), all measured in docs/limits.md.
                for (const type of [MFA_TYPE, ROLE_TYPE]) {
                    const stored = resourceBytesOf(exported, type);
                    console.log(`state of ${type.split(":").pop()} (SMS with role): ${stored} bytes`);
                    assert.ok(stored <= 4096, `${type} takes ${stored} bytes of state`);
                }

                // Then someone drops SMS from the pool in the console.
                await cognitoClient(m.moto.endpoint).send(
                    new SetUserPoolMfaConfigCommand({
                        UserPoolId: poolId,
                        MfaConfiguration: "OPTIONAL",
                        SoftwareTokenMfaConfiguration: { Enabled: true },
                    }),
                );
            },
            verify: async ({ outputs }) => {
                const live = await getMfa(poolId);
                assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, outputs.roleArn);
                assert.deepEqual(live.SoftwareTokenMfaConfiguration, { Enabled: true });
            },
        });
        assert.ok(result.drift.some((c) => c.op === "update"));
        const roles = await iam.send(new ListRolesCommand({}));
        assert.deepEqual(roles.Roles ?? [], [], "destroy leaves no role behind");
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
    });

    it("bad input fails at preview with the property named, and nothing reaches AWS", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("test/fixtures/mfa-from-config", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig(
            "args",
            JSON.stringify({
                userPoolId: poolId,
                mfaConfiguration: "OFF",
                smsMfaConfiguration: { smsAuthenticationMessage: "no placeholder", smsConfiguration: { externalId: "ext-1" } },
            }),
        );
        const before = m.moto.log().length;
        const preview = await stack.pulumi(["preview"], { allowFailure: true });
        assert.notEqual(preview.code, 0);
        const text = preview.stdout + preview.stderr;
        assert.match(text, /smsMfaConfiguration\.smsAuthenticationMessage must contain the code placeholder \{####\}/);
        // Reported at the nested smsConfiguration, whose value the engine does not print (an ExternalId).
        assert.match(text, /smsMfaConfiguration\.smsConfiguration cannot be set while mfaConfiguration is "OFF"/);
        assert.match(text, /smsMfaConfiguration\.smsConfiguration\.snsCallerArn is required/);
        assert.equal(
            m.moto
                .log()
                .slice(before)
                .match(/"POST \/ HTTP/g),
            null,
            "preview made an AWS call",
        );
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
        await stack.rm();
    });
});
