// The consumer matrix (issue 11): one small real program for each way a Node.js Pulumi program
// loads the package, each through up -> preview --expect-no-changes -> refresh -> destroy with
// the real CLI, checked against what moto holds. The rows differ in what the closure serializer
// and the dynamic-provider process see: whether `typescript` is installed (without it, captured
// functions are parsed with @pulumi/pulumi's vendored TypeScript 3.8.3), and whether the package
// is reached under node_modules or through a symlink to a directory outside it.
import * as assert from "node:assert/strict";
import { lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { describe, it } from "node:test";
import { awsEnv, createUserPool, liveMfa, repoRoot, useMoto } from "../harness/moto";
import { assertNoChanges, MFA_TYPE, node22, resourceChanges, Stack, StackOptions } from "../harness/pulumi";

const m = useMoto();
const FIXTURES = "test/fixtures/consumers";
/** What every fixture program asks for. */
const APPLIED = { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } };

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

/**
 * Resolves as the program in `dir` does. (Not require.resolve with `paths`: this test file lies
 * inside the package, so that would self-reference the repository's own copy.)
 */
const resolveFrom = (dir: string, request: string) => createRequire(join(dir, "program.js")).resolve(request);

/** Where `pulumi-cognito-mfa` resolves from the program's directory, symlinks followed. */
function installedPackageDir(stack: Stack): string {
    return dirname(realpathSync(resolveFrom(stack.dir, "pulumi-cognito-mfa/package.json")));
}

/**
 * The installed package is this build. A package manager's cache can hand out an older tarball
 * of the same name and version, and the row would then test that instead.
 */
function assertThisBuild(stack: Stack): string {
    const installed = installedPackageDir(stack);
    assert.notEqual(installed, repoRoot, "resolved to the repository itself, not to what was installed");
    const built = join(repoRoot, "dist/provider");
    const files = readdirSync(built, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    assert.ok(files.length > 0, `no compiled provider in ${built}`);
    for (const f of files) {
        assert.equal(
            readFileSync(join(installed, "dist/provider", f), "utf8"),
            readFileSync(join(built, f), "utf8"),
            `${installed}/dist/provider/${f} is not this build's`,
        );
    }
    return installed;
}

function resolvable(name: string, from: string): boolean {
    try {
        resolveFrom(from, name);
        return true;
    } catch {
        return false;
    }
}

/** The @pulumi/pulumi that code in `dir` loads. */
const pulumiSdkFrom = (dir: string) => realpathSync(resolveFrom(dir, "@pulumi/pulumi"));

function assertNoTypeScript(stack: Stack): void {
    assert.equal(
        resolvable("typescript", stack.dir),
        false,
        `typescript is resolvable from ${stack.dir}: the row would not test its absence`,
    );
}

/** `node_modules/pulumi-cognito-mfa` under `at` is a symlink to `target`, outside any node_modules. */
function assertLinkedTo(at: string, target: string, installed: string): void {
    const link = join(at, "node_modules/pulumi-cognito-mfa");
    assert.ok(lstatSync(link).isSymbolicLink(), `${link} is not a symlink`);
    assert.equal(installed, realpathSync(target));
    assert.ok(!installed.split(sep).includes("node_modules"), `${installed} is under a node_modules`);
}

/** The CLI steps every row goes through, with the pool checked after each. */
async function lifecycle(stack: Stack, poolId: string): Promise<void> {
    await stack.init();
    await stack.setConfig("userPoolId", poolId);

    const up = await stack.up();
    assert.equal(up.json.result, "succeeded");
    assert.deepEqual(
        resourceChanges(up).map((c) => [c.op, c.type]),
        [["create", MFA_TYPE]],
    );
    assert.deepEqual(await getMfa(poolId), APPLIED, "up did not apply the configuration");
    assert.deepEqual(await stack.outputs(), { mfaConfiguration: "OPTIONAL" });

    assertNoChanges(await stack.preview({ expectNoChanges: true }));

    const refresh = await stack.refresh();
    assert.equal(refresh.json.result, "succeeded");
    assert.deepEqual(resourceChanges(refresh), [], "refresh reported drift where there is none");
    assert.deepEqual(await getMfa(poolId), APPLIED);

    const destroy = await stack.destroy();
    assert.equal(destroy.json.result, "succeeded");
    assert.deepEqual(
        resourceChanges(destroy).map((c) => [c.op, c.type]),
        [["delete", MFA_TYPE]],
    );
    assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" }, "destroy did not reset MFA to OFF");
    await stack.rm();
}

interface Row {
    row: string;
    opts?: StackOptions;
    /** What makes the row what it says it is, checked after the install. */
    check: (stack: Stack, installed: string) => void;
}

const rows: Row[] = [
    { row: "cjs", check: assertNoTypeScript },
    { row: "esm", check: assertNoTypeScript },
    {
        row: "typescript",
        check: (stack) => assert.ok(resolvable("typescript", stack.dir), "ts-node needs the program's typescript"),
    },
    {
        row: "pnpm",
        opts: { packageManager: "pnpm" },
        check: (stack, installed) => {
            assert.ok(lstatSync(join(stack.dir, "node_modules/pulumi-cognito-mfa")).isSymbolicLink(), "pnpm links from node_modules/.pnpm");
            assert.ok(installed.includes(`${sep}node_modules${sep}.pnpm${sep}`), installed);
        },
    },
    {
        row: "yarn",
        opts: { packageManager: "yarn" },
        check: (stack, installed) => {
            const at = join(stack.dir, "node_modules/pulumi-cognito-mfa");
            assert.ok(!lstatSync(at).isSymbolicLink(), "yarn classic copies the package into node_modules");
            assert.equal(installed, realpathSync(at));
        },
    },
    {
        // The package is a member of the monorepo; infra reaches it through the workspace
        // symlink in the root node_modules.
        row: "npm-workspaces",
        opts: { projectSubdir: "infra", unpackPackageAt: "packages/pulumi-cognito-mfa" },
        check: (stack, installed) => {
            assertLinkedTo(stack.root, join(stack.root, "packages/pulumi-cognito-mfa"), installed);
            assert.equal(pulumiSdkFrom(installed), pulumiSdkFrom(stack.dir), "npm hoists one @pulumi/pulumi for both");
        },
    },
    {
        // "file:../pulumi-cognito-mfa": a checkout of the package next to the project, with its
        // own node_modules, as examples/ use the repository root through file:../..
        row: "file-link",
        opts: { unpackPackageAt: "../pulumi-cognito-mfa", installUnpackedDependencies: true },
        check: (stack, installed) => {
            assertLinkedTo(stack.dir, join(stack.dir, "../pulumi-cognito-mfa"), installed);
            // As with examples/: the package runs on its checkout's @pulumi/pulumi, the program on its own.
            assert.notEqual(pulumiSdkFrom(installed), pulumiSdkFrom(stack.dir));
        },
    },
];

describe("consumers: every way a Node.js program loads the package", () => {
    for (const { row, opts, check } of rows) {
        it(`${row}: up, preview --expect-no-changes, refresh, destroy`, async () => {
            const t0 = Date.now();
            const poolId = await createUserPool(m.moto.endpoint, `consumers-${row}`);
            const stack = await Stack.create(join(FIXTURES, row), { ...opts, env: awsEnv(m.moto.endpoint) });
            const installed = assertThisBuild(stack);
            check(stack, installed);
            await lifecycle(stack, poolId);
            console.log(`row ${row}: ${((Date.now() - t0) / 1000).toFixed(1)}s (package at ${installed})`);
        });
    }

    it("automation-api: an inline program in a Node script, workDir set: up, preview (expectNoChanges), refresh, destroy", async () => {
        const t0 = Date.now();
        const poolId = await createUserPool(m.moto.endpoint, "consumers-automation-api");
        const stack = await Stack.create(join(FIXTURES, "automation-api"), { env: awsEnv(m.moto.endpoint) });
        const installed = assertThisBuild(stack);
        assertNoTypeScript(stack);
        const step = async (name: string, ...args: string[]) => {
            const r = await stack.exec(node22, ["automation.js", name, ...args]);
            return JSON.parse(r.stdout.trim().split("\n").pop()!) as unknown;
        };

        const up = await step("up", poolId);
        assert.deepEqual(up, { result: "succeeded", resourceChanges: { create: 2 }, outputs: { mfaConfiguration: "OPTIONAL" } });
        assert.deepEqual(await getMfa(poolId), APPLIED, "up did not apply the configuration");

        const preview = await step("preview");
        assert.deepEqual(preview, { changeSummary: { same: 2 } });

        const refresh = await step("refresh");
        assert.deepEqual(refresh, { result: "succeeded", resourceChanges: { same: 2 } }, "refresh reported drift where there is none");
        assert.deepEqual(await getMfa(poolId), APPLIED);

        const destroy = await step("destroy");
        assert.deepEqual(destroy, { result: "succeeded", resourceChanges: { delete: 2 } });
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" }, "destroy did not reset MFA to OFF");
        console.log(`row automation-api: ${((Date.now() - t0) / 1000).toFixed(1)}s (package at ${installed})`);
    });
});
