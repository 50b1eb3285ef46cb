// `npm run demo` (scripts/demo.mjs) end to end: moto, a local backend, the root Pulumi.yaml
// program, drift caught by `pulumi refresh --diff`, repaired by `pulumi up`, then destroyed.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { repoRoot } from "../harness/moto";

function section(out: string, title: string): string {
    const start = out.indexOf(`[demo] ${title}`);
    assert.ok(start >= 0, `the demo printed no "${title}" step:\n${out}`);
    const next = out.indexOf("[demo] ", start + 1);
    return out.slice(start, next < 0 ? undefined : next);
}

it("npm run demo: up, drift shown by refresh --diff, restored by up, live config printed, destroyed", async () => {
    const child = spawn(process.execPath, [join(repoRoot, "scripts/demo.mjs")], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code: number = await new Promise((ok, fail) => {
        child.on("error", fail);
        child.on("close", (c) => ok(c ?? 1));
    });
    console.log(out.replace(/^/gm, "  | "));
    assert.equal(code, 0, "the demo failed");

    assert.match(section(out, "1. pulumi up"), /\+ {2}pulumi-nodejs:dynamic\/cognito-mfa:UserPoolMfaConfig mfa created/);
    const refresh = section(out, "3. pulumi refresh --diff");
    assert.match(refresh, /~ pulumi-nodejs:dynamic\/cognito-mfa:UserPoolMfaConfig: \(update\)/);
    assert.match(refresh, /~ mfaConfiguration\s*: "ON" => "OFF"/, "refresh --diff names the drifted mode");
    assert.match(refresh, /- softwareTokenMfaConfiguration\s*: \{/, "and the TOTP block that went away");
    const restore = section(out, "4. pulumi up --diff");
    assert.match(restore, /~ mfaConfiguration\s*: "OFF" => "ON"/);
    assert.match(restore, /~ 1 updated/);
    const live = section(out, "5. the live configuration");
    const json = JSON.parse(live.slice(live.indexOf("{"), live.lastIndexOf("}") + 1)) as Record<string, unknown>;
    assert.deepEqual(json, { SoftwareTokenMfaConfiguration: { Enabled: true }, MfaConfiguration: "ON" });
    const destroy = section(out, "6. pulumi destroy");
    assert.match(destroy, /- 2 deleted/);
    assert.match(destroy, /"MfaConfiguration": "OFF"/, "deletePolicy restore puts back MFA OFF");
    assert.ok(!existsSync(join(repoRoot, "Pulumi.demo.yaml")), "the demo left its stack config in the repository");
});
