// The README's "Examples" instructions, taken from README.md and run as written, in the real
// examples/totp-optional directory: the package is the repository itself, through npm's
// symlink for "file:../..". Only the environment is the test's: a local backend, a passphrase
// and moto, plus PULUMI_SKIP_CONFIRMATIONS, which lets the plain `pulumi up` proceed without a
// terminal to confirm on.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { it } from "node:test";
import { awsEnv, createUserPool, liveMfa, repoRoot, useMoto } from "../harness/moto";
import { assertNoChanges, Stack } from "../harness/pulumi";

const m = useMoto();
const EXAMPLE = "totp-optional";
const exampleDir = join(repoRoot, "examples", EXAMPLE);
/** Everything the instructions create in the example's directory (the state goes to scratch). */
const created = ["node_modules", "package-lock.json", "Pulumi.dev.yaml"].map((f) => join(exampleDir, f));

/** The lines of the shell block in the README's "Examples" section. */
function readmeInstructions(): string[] {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const start = readme.indexOf("\n## Examples\n");
    assert.ok(start >= 0, 'README.md has no section "## Examples"');
    const end = readme.indexOf("\n## ", start + 1);
    const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start, end < 0 ? undefined : end));
    assert.ok(block, "the Examples section of README.md has no ```sh block");
    return block[1].split("\n").filter((l) => l.trim());
}

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

it("README Examples: the instructions as written work in examples/totp-optional, and leave nothing behind", async () => {
    const [rootSetup, exampleLine, ...rest] = readmeInstructions();
    assert.deepEqual(rest, [], "the README block has more lines than this test knows how to run");
    // The root line is what scripts/setup.mjs does before every test run (npm ci, then tsc). It
    // is not run again here: it would replace node_modules/ and dist/ under the test files
    // running next to this one. What the example needs from it is checked instead.
    assert.equal(rootSetup, "npm ci && npm run build");
    assert.ok(existsSync(join(repoRoot, "dist/provider/index.js")), "no dist/: the root line has not run");
    createRequire(join(repoRoot, "dist/provider/index.js")).resolve("@aws-sdk/client-cognito-identity-provider");
    assert.match(exampleLine, /^cd examples\/<name> && /);

    const leftovers = created.filter((f) => existsSync(f));
    assert.deepEqual(leftovers, [], "left over from running the example by hand: remove them first, this test deletes them");

    const poolId = await createUserPool(m.moto.endpoint, "readme-example");
    const stack = Stack.inPlace(`examples/${EXAMPLE}`, {
        stackName: "dev",
        env: { ...awsEnv(m.moto.endpoint), PULUMI_SKIP_CONFIRMATIONS: "true" },
    });
    try {
        const command = exampleLine.replace("<name>", EXAMPLE).replace("<id>", poolId);
        const run = await stack.exec("bash", ["-c", command], { cwd: repoRoot });
        assert.match(run.stdout, /\+ 2 created/);

        const link = join(exampleDir, "node_modules/pulumi-cognito-mfa");
        assert.ok(lstatSync(link).isSymbolicLink(), "npm links a file: directory dependency");
        assert.equal(realpathSync(link), realpathSync(repoRoot));
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        assert.deepEqual(await stack.outputs(), { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
        await stack.rm();
    } finally {
        for (const f of created) rmSync(f, { recursive: true, force: true });
    }
    // Nothing else is left either: no other new file, no tracked file changed (git ignores only
    // node_modules/ here, which the loop above removed).
    const git = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", exampleDir], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(git.status, 0, git.stderr);
    assert.equal(git.stdout, "", `running the README's instructions left this behind in ${exampleDir}`);
});
