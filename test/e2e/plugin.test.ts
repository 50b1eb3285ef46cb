// The provider plugin (pulumi-resource-cognito-mfa) through the real pulumi CLI, its YAML
// language host (pulumi-language-yaml, built from its Go module) and moto: examples/yaml
// creates, refreshes with drift, updates and destroys a UserPoolMfaConfig and the SnsCallerRole
// it sends SMS with; `pulumi import` takes an existing pool's MFA configuration, and a preview
// of a program with the imported inputs plans nothing. The plugin runs from this checkout's
// build (dist/), found through the project's `plugins.providers` path; the release archive
// route is test/distribution/plugin-archive.test.ts.
import * as assert from "node:assert/strict";
import { appendFileSync, chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DescribeUserPoolCommand, SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, createUserPool, iamClient, liveMfa, repoRoot, useMoto } from "../harness/moto";
import { assertNoChanges, node22, resourceChanges, Stack } from "../harness/pulumi";
import { SECRET_SIG, SIG_KEY } from "../../provider/plugin/wire";
import { currentVersion, STATE_VERSION_KEY } from "../../provider/common/stateVersion";
import { MFA_STATE } from "../../provider/userPoolMfaConfig/stateVersion";

const m = useMoto();

const MFA = "cognito-mfa:index:UserPoolMfaConfig";
const ROLE = "cognito-mfa:index:SnsCallerRole";

function scratch(prefix: string): string {
    const base = process.env.RIG_RUN_DIR ?? join(tmpdir(), "cognito-mfa-tests");
    mkdirSync(base, { recursive: true });
    return mkdtempSync(join(base, prefix));
}

let pluginDir: string | undefined;
/** A directory with pulumi-resource-cognito-mfa: Node 22 on this checkout's dist/provider/plugin/main.js. */
function devPlugin(): string {
    if (pluginDir) return pluginDir;
    const dir = scratch("plugin-bin-");
    const launcher = join(dir, "pulumi-resource-cognito-mfa");
    writeFileSync(launcher, `#!/bin/sh\nexec "${node22}" "${join(repoRoot, "dist/provider/plugin/main.js")}" "$@"\n`);
    chmodSync(launcher, 0o755);
    return (pluginDir = dir);
}

/** A copy of a YAML project whose Pulumi.yaml finds the plugin in devPlugin(). */
function yamlProject(from: string | { yaml: string }): string {
    const dir = join(scratch("yaml-"), "project");
    if (typeof from === "string") cpSync(join(repoRoot, from), dir, { recursive: true });
    else {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "Pulumi.yaml"), from.yaml);
    }
    appendFileSync(join(dir, "Pulumi.yaml"), `\nplugins:\n  providers:\n    - name: cognito-mfa\n      path: ${devPlugin()}\n`);
    return dir;
}

/** A YAML program of one UserPoolMfaConfig, `resource`, with TOTP optional on the pool of config `userPoolId`. */
function totpProgram(project: string, resource: string): string {
    return [
        `name: ${project}`,
        "runtime: yaml",
        "config:",
        "  userPoolId:",
        "    type: string",
        "resources:",
        `  ${resource}:`,
        "    type: cognito-mfa:UserPoolMfaConfig",
        "    properties:",
        "      userPoolId: ${userPoolId}",
        "      mfaConfiguration: OPTIONAL",
        "      softwareTokenMfaConfiguration:",
        "        enabled: true",
        "",
    ].join("\n");
}

type State = { type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };

/** The state's resources of a type, as `pulumi stack export` (secrets encrypted) has them. */
async function resourcesOf(stack: Stack, type: string): Promise<State[]> {
    const r = await stack.pulumi<{ deployment: { resources?: State[] } }>(["stack", "export"], { parse: "json" });
    return (r.json.deployment.resources ?? []).filter((x) => x.type === type);
}

const at = (o: unknown, path: string): unknown =>
    path.split(".").reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), o);
const isSecret = (v: unknown) => !!v && typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

describe("provider plugin with Pulumi YAML", () => {
    it("examples/yaml: up, preview without changes, refresh --diff shows drift, update, destroy", async () => {
        const endpoint = m.moto.endpoint;
        const poolId = await createUserPool(endpoint);
        const stack = Stack.inPlace(yamlProject("examples/yaml"), { env: awsEnv(endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);

        const preview = await stack.preview();
        assert.deepEqual(
            resourceChanges(preview)
                .map((c) => [c.op, c.type])
                .sort(),
            [
                ["create", ROLE],
                ["create", MFA],
            ],
        );

        const up = await stack.up();
        assert.equal(up.json.result, "succeeded");
        const outputs = await stack.outputs();
        const live = await liveMfa(endpoint, poolId);
        assert.equal(live.MfaConfiguration, "OPTIONAL");
        assert.deepEqual(live.SoftwareTokenMfaConfiguration, { Enabled: true });
        assert.equal(live.SmsMfaConfiguration?.SmsAuthenticationMessage, "Your sign-in code is {####}");
        assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, outputs.roleArn);
        assert.match(String(outputs.roleName), /^sms-/);

        // The ExternalId is secret in state, in the inputs and outputs of both resources, and the
        // trust policy that holds it too; the generated one is what the pool got.
        const [mfa] = await resourcesOf(stack, MFA);
        const [role] = await resourcesOf(stack, ROLE);
        assert.equal(mfa.id, poolId);
        for (const part of ["inputs", "outputs"] as const) {
            assert.ok(isSecret(at(mfa[part], "smsMfaConfiguration.smsConfiguration.externalId")), `mfa ${part} externalId`);
            assert.ok(isSecret(role[part]?.externalId), `role ${part} externalId`);
        }
        assert.ok(isSecret(role.outputs?.trustPolicy), "trustPolicy");
        assert.equal(at(mfa.inputs, "smsMfaConfiguration.smsConfiguration.snsCallerArn"), outputs.roleArn);
        assert.equal(mfa.inputs?.__owner, `cognito-mfa-yaml/${stack.name}/mfa`);
        const plainState = (await stack.exportState()).deployment.resources ?? [];
        // --show-secrets gives each secret as { <sig>, plaintext: <JSON text> }.
        const shown = plainState.find((r) => r.type === ROLE)?.outputs?.externalId as { plaintext?: string } | undefined;
        const roleExternalId = JSON.parse(shown?.plaintext ?? "null") as unknown;
        assert.match(String(roleExternalId), /^[0-9a-f-]{36}$/);
        assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.ExternalId, roleExternalId);

        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        // Drift: TOTP turned off outside Pulumi; refresh --diff names the field.
        await cognitoClient(endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SmsMfaConfiguration: live.SmsMfaConfiguration,
                SoftwareTokenMfaConfiguration: { Enabled: false },
            }),
        );
        const refresh = await stack.pulumi(["refresh", "--yes", "--skip-preview", "--diff"]);
        assert.match(refresh.stdout, /~ cognito-mfa:index:UserPoolMfaConfig: \(update\)/);
        assert.match(refresh.stdout, /softwareTokenMfaConfiguration/);
        assert.doesNotMatch(refresh.stdout, /__inputShape|__owner|__adoptedConfiguration/);

        // The next up puts TOTP back.
        const repair = await stack.up();
        assert.deepEqual(
            resourceChanges(repair).map((c) => [c.op, c.type]),
            [["update", MFA]],
        );
        assert.deepEqual((await liveMfa(endpoint, poolId)).SoftwareTokenMfaConfiguration, { Enabled: true });

        // An update from the program: MFA required.
        await stack.setConfig("mfaConfiguration", "ON");
        const update = await stack.up();
        assert.deepEqual(
            resourceChanges(update).map((c) => [c.op, c.type]),
            [["update", MFA]],
        );
        assert.equal((await liveMfa(endpoint, poolId)).MfaConfiguration, "ON");
        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        // destroy resets the pool (deletePolicy "reset") and deletes the role.
        const destroy = await stack.destroy();
        assert.equal(destroy.json.result, "succeeded");
        assert.deepEqual(await liveMfa(endpoint, poolId), { MfaConfiguration: "OFF" });
        await assert.rejects(
            iamClient(endpoint).send(new GetRoleCommand({ RoleName: String(outputs.roleName) })),
            /NoSuchEntity|cannot be found/,
        );
    });

    it("stack settings cognito-mfa:preflight and cognito-mfa:ownerTag reach the providers through Configure", async () => {
        const endpoint = m.moto.endpoint;
        const poolId = await createUserPool(endpoint);
        const dir = yamlProject({ yaml: totpProgram("cognito-mfa-settings", "mfa") });
        const stack = Stack.inPlace(dir, { env: awsEnv(endpoint) });
        await stack.init();
        // A pool that does not exist: the live pre-flight (DescribeUserPool at preview) refuses it...
        await stack.setConfig("userPoolId", "us-east-1_NoSuchPool1");
        const refused = await stack.preview({ allowFailure: true });
        assert.notEqual(refused.code, 0);
        assert.match(refused.stdout + refused.stderr, /userPoolId names no user pool/);
        // ...and with the setting off, preview does no live call and plans the create.
        await stack.setConfig("cognito-mfa:preflight", "false");
        assert.deepEqual(
            resourceChanges(await stack.preview()).map((c) => [c.op, c.type]),
            [["create", MFA]],
        );

        // The owner tag off: no tag on the pool, no __owner in state.
        await stack.setConfig("userPoolId", poolId);
        await stack.setConfig("cognito-mfa:ownerTag", "false");
        await stack.up();
        assert.equal((await liveMfa(endpoint, poolId)).MfaConfiguration, "OPTIONAL");
        const tags = (await cognitoClient(endpoint).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.UserPoolTags ?? {};
        assert.deepEqual(tags, {}, "no owner tag written");
        const [mfa] = await resourcesOf(stack, MFA);
        assert.ok(!("__owner" in (mfa.inputs ?? {})) && !("__owner" in (mfa.outputs ?? {})), JSON.stringify(mfa));
        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        await stack.destroy();
        assert.deepEqual(await liveMfa(endpoint, poolId), { MfaConfiguration: "OFF" });
    });

    it("pulumi import of an existing pool's MFA configuration, then a preview with no changes", async () => {
        const endpoint = m.moto.endpoint;
        const poolId = await createUserPool(endpoint);
        await cognitoClient(endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
        );
        const dir = yamlProject({ yaml: totpProgram("cognito-mfa-import", "imported") });
        const stack = Stack.inPlace(dir, { env: awsEnv(endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);

        const imp = await stack.pulumi(["import", MFA, "imported", poolId, "--yes", "--out", join(dir, "imported.yaml")]);
        assert.match(imp.stdout, /= +cognito-mfa:index:UserPoolMfaConfig +imported +import/);
        // The code import writes for the resource: the pool's configuration as inputs.
        const code = readFileSync(join(dir, "imported.yaml"), "utf8");
        assert.match(code, /type: cognito-mfa:UserPoolMfaConfig/);
        assert.match(code, new RegExp(`userPoolId: ${poolId}`));
        assert.match(code, /mfaConfiguration: OPTIONAL/);
        assert.match(code, /softwareTokenMfaConfiguration:\s+enabled: true/);

        const [state] = await resourcesOf(stack, MFA);
        assert.equal(state.id, poolId);
        assert.deepEqual(state.inputs, {
            userPoolId: poolId,
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        // The imported state is in the current layout, as create would have written it.
        assert.equal(state.outputs?.[STATE_VERSION_KEY], currentVersion(MFA_STATE));

        assertNoChanges(await stack.preview({ expectNoChanges: true }));
        // Import wrote nothing to the pool.
        assert.deepEqual(await liveMfa(endpoint, poolId), {
            MfaConfiguration: "OPTIONAL",
            SoftwareTokenMfaConfiguration: { Enabled: true },
        });
    });
});
