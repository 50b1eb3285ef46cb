// The SDKs generated from the plugin's schema (provider/plugin/schema.json) compile against their
// Pulumi SDKs: Python against `pulumi` from PyPI (the CLI's release, tools/pulumi-version) in a
// fresh venv (compileall, then an import of the package), Go against github.com/pulumi/pulumi/sdk/v3
// at the same release from the Go module proxy (go build, go vet).
// The SDKs are written by tools/pulumi-sdkgen: pkg/v3's codegen at the CLI's release, the
// GeneratePackage that `pulumi package gen-sdk` reaches through the language plugin. gen-sdk
// itself cannot run here: CLI v3.259.0 generates through the language host only ("error: no
// language plugin 'pulumi-language-python' found in the workspace or on your $PATH"), and the
// Go module proxy refuses the hosts' modules (403, "This module version is not available").
// For the same reason no Python or Go program runs the plugin: these SDKs are only compiled
// (YAML runs it, in test/e2e/plugin.test.ts).
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../harness/moto";
import { pulumiVersion } from "../harness/pulumi";

const schema = join(repoRoot, "provider/plugin/schema.json");
const goEnv = { PATH: `${process.env.PATH}:/usr/local/go/bin` };
function scratch(prefix: string): string {
    const base = process.env.RIG_RUN_DIR ?? join(tmpdir(), "cognito-mfa-tests");
    mkdirSync(base, { recursive: true });
    return mkdtempSync(join(base, prefix));
}

/** Runs a command, echoing it and its output; fails the test on a non-zero exit. */
async function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise<number>((ok, fail) => {
        child.on("error", fail);
        child.on("close", (c) => ok(c ?? 1));
    });
    console.log(`$ ${cmd} ${args.join(" ")}   [exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)}s]`);
    if (out.trim()) console.log(out.trimEnd().split("\n").slice(-30).join("\n").replace(/^/gm, "  | "));
    assert.equal(code, 0, `${cmd} ${args.join(" ")} failed:\n${out}`);
    return out;
}

let sdkgen: Promise<string> | undefined;
/** tools/pulumi-sdkgen, built once (go.sum authoritative, as scripts/build-pulumi.sh builds). */
function sdkgenBinary(): Promise<string> {
    sdkgen ??= (async () => {
        const bin = join(scratch("sdkgen-"), "pulumi-sdkgen");
        await run("go", ["build", "-tags", "osusergo,grpcnotrace", "-o", bin, "."], {
            cwd: join(repoRoot, "tools/pulumi-sdkgen"),
            env: { ...goEnv, GOFLAGS: "-mod=readonly -buildvcs=false" },
        });
        return bin;
    })();
    return sdkgen;
}

/** The SDK of one language in a fresh directory. */
async function genSdk(language: "python" | "go"): Promise<string> {
    const dir = join(scratch(`sdk-${language}-`), language);
    await run(await sdkgenBinary(), [schema, language, dir], { cwd: repoRoot });
    assert.ok(existsSync(dir), `pulumi-sdkgen wrote no ${dir}`);
    return dir;
}

describe("SDKs generated from the plugin's schema", { concurrency: true }, () => {
    it(`Python: compiles and imports with pulumi==${pulumiVersion} from PyPI`, async () => {
        const dir = await genSdk("python");
        const pkgDir = join(dir, "pulumi_cognito_mfa");
        assert.ok(existsSync(join(pkgDir, "user_pool_mfa_config.py")), "no user_pool_mfa_config.py");
        assert.ok(existsSync(join(pkgDir, "sns_caller_role.py")), "no sns_caller_role.py");
        const venv = join(dir, "..", "venv");
        await run("python3", ["-m", "venv", venv], { cwd: dir });
        const py = join(venv, "bin/python");
        await run(py, ["-m", "compileall", "-q", "pulumi_cognito_mfa"], { cwd: dir });
        // The SDK as a user installs it: with what its setup.py requires (parver and semver besides pulumi).
        await run(py, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", `pulumi==${pulumiVersion}`, dir], { cwd: dir });
        const probe = [
            "import pulumi_cognito_mfa as m, inspect",
            "assert inspect.isclass(m.UserPoolMfaConfig) and inspect.isclass(m.SnsCallerRole)",
            "args = m.UserPoolMfaConfigArgs(user_pool_id='us-east-1_x', mfa_configuration=m.MfaMode.OPTIONAL,",
            "    software_token_mfa_configuration=m.SoftwareTokenMfaConfigurationArgs(enabled=True))",
            "assert args.mfa_configuration == 'OPTIONAL'",
            "print('imported', m.__name__, 'from', m.__file__)",
        ].join("\n");
        // From outside the source directory, so the installed package is the one imported.
        const printed = await run(py, ["-c", probe], { cwd: venv });
        assert.match(printed, /imported pulumi_cognito_mfa from .*site-packages/);
    });

    it(`Go: builds and vets against github.com/pulumi/pulumi/sdk/v3 v${pulumiVersion}`, async () => {
        const dir = await genSdk("go");
        const pkgDir = join(dir, "cognitomfa");
        assert.ok(existsSync(join(pkgDir, "userPoolMfaConfig.go")), `no userPoolMfaConfig.go in ${readdirSync(pkgDir).join(", ")}`);
        writeFileSync(
            join(dir, "go.mod"),
            `module example.com/pulumi-cognito-mfa/sdk/go\n\ngo 1.25.11\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${pulumiVersion}\n`,
        );
        const env = { ...goEnv, GOFLAGS: "-mod=mod -buildvcs=false" };
        await run("go", ["mod", "tidy"], { cwd: dir, env });
        await run("go", ["build", "./..."], { cwd: dir, env });
        await run("go", ["vet", "./..."], { cwd: dir, env });
    });
});
