// What `npm publish` would ship: the compiled provider with its type declarations, the CLI, the
// README and CHANGELOG, and no test code; and the package.json fields users and Pulumi rely on.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { before, describe, it } from "node:test";
import { repoRoot } from "../harness/moto";

interface PackFile {
    path: string;
    size: number;
    mode: number;
}

interface PackageJson {
    name: string;
    version: string;
    main: string;
    types: string;
    exports: Record<string, unknown>;
    files: string[];
    engines: { node: string };
    peerDependencies: Record<string, string>;
    bin: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as PackageJson;
let packed: string[] = [];

describe("npm package", () => {
    before(() => {
        const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8" });
        assert.equal(r.status, 0, `npm pack --dry-run failed:\n${r.stdout}\n${r.stderr}`);
        const [result] = JSON.parse(r.stdout) as Array<{ name: string; files: PackFile[] }>;
        assert.equal(result.name, "pulumi-cognito-mfa");
        packed = result.files.map((f) => f.path).sort();
    });

    it("ships the compiled JS and .d.ts of every provider module", () => {
        const modules = (readdirSync(join(repoRoot, "provider"), { recursive: true }) as string[])
            .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
            .map((f) => f.split(sep).join("/"));
        assert.ok(modules.includes("index.ts") && modules.includes("cli.ts"));
        for (const m of modules) {
            const base = `dist/provider/${m.replace(/\.ts$/, "")}`;
            assert.ok(packed.includes(`${base}.js`), `${base}.js is not in the package`);
            assert.ok(packed.includes(`${base}.d.ts`), `${base}.d.ts is not in the package`);
        }
    });

    it("ships nothing but dist/provider, package.json, README.md and CHANGELOG.md (no tests, sources or examples)", () => {
        const stray = packed.filter(
            (p) =>
                !/^dist\/provider\/([\w.-]+\/)*[\w.-]+\.(js|d\.ts)$/.test(p) &&
                !["package.json", "README.md", "CHANGELOG.md", "LICENSE"].includes(p),
        );
        assert.deepEqual(stray, []);
        assert.ok(!packed.some((p) => p.startsWith("dist/test/") || p.startsWith("test/")), "test code in the package");
        for (const f of ["package.json", "README.md", "CHANGELOG.md"]) assert.ok(packed.includes(f), `${f} is not in the package`);
    });

    it("main, types and every exports target are files in the package", () => {
        assert.ok(packed.includes(pkg.main), pkg.main);
        assert.ok(packed.includes(pkg.types), pkg.types);
        assert.deepEqual(pkg.exports["."], { types: "./dist/provider/index.d.ts", default: "./dist/provider/index.js" });
        for (const [subpath, target] of Object.entries(pkg.exports)) {
            if (typeof target !== "string" || target.includes("*")) continue;
            assert.ok(packed.includes(target.replace(/^\.\//, "")), `exports["${subpath}"] -> ${target} is not in the package`);
        }
    });

    it("exports what serialized providers in state require: the stubs, the providers, and the 0.1.0 paths", () => {
        // The __provider of every resource requires `pulumi-cognito-mfa/engine/<kind>`
        // (runtime/registration.ts); states of earlier builds may hold the stub's own path, where
        // the serializer did not map it through "exports" (the program's @pulumi/pulumi did not
        // resolve the package); the stubs reach the real providers as pulumi-cognito-mfa/engine/providers.
        for (const subpath of ["./engine/user-pool-mfa-config", "./engine/sns-caller-role", "./engine/providers"]) {
            assert.equal(typeof pkg.exports[subpath], "string", subpath);
        }
        // Stacks written by 0.1.0 hold a __provider that requires these two paths.
        assert.equal(
            pkg.exports["./dist/provider/userPoolMfaConfigProvider.js"],
            "./dist/provider/engine/legacy/userPoolMfaConfigProvider.js",
        );
        assert.equal(pkg.exports["./dist/provider/snsCallerRoleProvider.js"], "./dist/provider/engine/legacy/snsCallerRoleProvider.js");
        assert.equal(pkg.exports["./package.json"], "./package.json");
    });

    it("exports nothing else: no wildcard, so the files under dist/provider/ are not public API", () => {
        assert.deepEqual(Object.keys(pkg.exports).sort(), [
            ".",
            "./dist/provider/engine/snsCallerRoleStub.js",
            "./dist/provider/engine/userPoolMfaConfigStub.js",
            "./dist/provider/snsCallerRoleProvider.js",
            "./dist/provider/userPoolMfaConfigProvider.js",
            "./engine/providers",
            "./engine/sns-caller-role",
            "./engine/user-pool-mfa-config",
            "./package.json",
        ]);
        assert.ok(!JSON.stringify(pkg.exports).includes("*"), JSON.stringify(pkg.exports));
    });

    it("files lists only what is shipped", () => {
        assert.deepEqual(pkg.files, ["dist/provider/**/*.js", "dist/provider/**/*.d.ts", "README.md", "CHANGELOG.md"]);
    });

    it("engines: node >= 22, as @pulumi/pulumi 3.249+ declares", () => {
        assert.equal(pkg.engines.node, ">=22");
        const sdk = JSON.parse(readFileSync(join(repoRoot, "node_modules/@pulumi/pulumi/package.json"), "utf8")) as PackageJson;
        assert.match(sdk.engines.node, />=\s*22/, `@pulumi/pulumi ${sdk.version} declares node ${sdk.engines.node}`);
        assert.ok(pkg.peerDependencies["@pulumi/pulumi"], "@pulumi/pulumi is a peer dependency");
    });

    it("bin: `npx pulumi-cognito-mfa` runs the compiled CLI, which starts with a node shebang", () => {
        assert.deepEqual(pkg.bin, { "pulumi-cognito-mfa": "dist/provider/cli.js" });
        assert.ok(packed.includes("dist/provider/cli.js"));
        assert.match(readFileSync(join(repoRoot, "dist/provider/cli.js"), "utf8"), /^#!\/usr\/bin\/env node\n/);
    });

    it("CHANGELOG.md has an entry for the package's version", () => {
        const changelog = readFileSync(join(repoRoot, "CHANGELOG.md"), "utf8");
        assert.match(changelog, new RegExp(`^## ${pkg.version.replace(/\./g, "\\.")}\\b`, "m"));
    });
});

describe("README", () => {
    it("the JavaScript program it shows is the one the consumer matrix runs (test/fixtures/consumers/cjs)", () => {
        const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
        const section = readme.slice(readme.indexOf("\n## Using it from JavaScript"));
        const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
        assert.ok(block, 'README.md has no ```js block under "Using it from JavaScript"');
        const fixture = readFileSync(join(repoRoot, "test/fixtures/consumers/cjs/index.js"), "utf8").split("\n");
        // The README drops the fixture's "use strict" and its stack output; every code line it
        // shows stands in the fixture, in the same order.
        let at = 0;
        for (const line of block.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//"))) {
            const found = fixture.findIndex((f, i) => i >= at && f.replace(/^const mfa = /, "") === line);
            assert.ok(found >= 0, `README line not in the cjs fixture (in order): ${line}`);
            at = found + 1;
        }
    });
});
