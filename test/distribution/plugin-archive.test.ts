// The provider plugin as docs/plugin.md tells a user to get it: the release archive that
// scripts/pack-plugin.mjs builds from the npm tarball, installed with `pulumi plugin install
// resource cognito-mfa <version> --file <archive>`, then examples/yaml as written (no plugin
// path): the engine finds the installed plugin by name. up and destroy against moto.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { awsEnv, createUserPool, liveMfa, repoRoot, useMoto } from "../harness/moto";
import { node22, packageTarball, resourceChanges, Stack } from "../harness/pulumi";

const m = useMoto();
const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };

function scratch(prefix: string): string {
    const base = process.env.RIG_RUN_DIR ?? join(tmpdir(), "cognito-mfa-tests");
    mkdirSync(base, { recursive: true });
    return mkdtempSync(join(base, prefix));
}

describe("provider plugin from its release archive", () => {
    it("pulumi plugin install --file, then examples/yaml up and destroy", async () => {
        const out = scratch("plugin-archive-");
        const pack = spawnSync(node22, [join(repoRoot, "scripts/pack-plugin.mjs"), "--tarball", packageTarball(), "--out", out], {
            encoding: "utf8",
        });
        assert.equal(pack.status, 0, `pack-plugin failed:\n${pack.stdout}\n${pack.stderr}`);
        const archive = pack.stdout.trim().split("\n").pop()!;
        assert.equal(archive, join(out, `pulumi-resource-cognito-mfa-v${version}.tar.gz`));
        const listing = spawnSync("tar", ["-tzf", archive], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout;
        assert.match(listing, /^\.\/pulumi-resource-cognito-mfa$/m);
        assert.match(listing, /^\.\/node_modules\/pulumi-cognito-mfa\/dist\/provider\/plugin\/main\.js$/m);
        assert.match(listing, /^\.\/node_modules\/@pulumi\/pulumi\/provider\/server\.js$/m);

        const endpoint = m.moto.endpoint;
        const dir = join(out, "project");
        cpSync(join(repoRoot, "examples/yaml"), dir, { recursive: true });
        const stack = Stack.inPlace(dir, { env: awsEnv(endpoint) });
        await stack.pulumi(["plugin", "install", "resource", "cognito-mfa", version, "--file", archive]);
        const ls = await stack.pulumi(["plugin", "ls"]);
        assert.match(ls.stdout, new RegExp(`cognito-mfa\\s+resource\\s+${version.replace(/\./g, "\\.")}`));

        const poolId = await createUserPool(endpoint);
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        const up = await stack.up();
        assert.deepEqual(
            resourceChanges(up)
                .map((c) => [c.op, c.type])
                .sort(),
            [
                ["create", "cognito-mfa:index:SnsCallerRole"],
                ["create", "cognito-mfa:index:UserPoolMfaConfig"],
            ],
        );
        const live = await liveMfa(endpoint, poolId);
        assert.equal(live.MfaConfiguration, "OPTIONAL");
        assert.equal(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, (await stack.outputs()).roleArn);

        const destroy = await stack.destroy();
        assert.equal(destroy.json.result, "succeeded");
        assert.deepEqual(await liveMfa(endpoint, poolId), { MfaConfiguration: "OFF" });
    });
});
