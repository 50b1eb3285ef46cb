// The programs the parts run (ours: test/fixtures/many-mfa; the floor: bench/fixtures/many-null
// with bench/floor), the pulumi commands run on them through bench/ioexec.py, and the state they
// leave.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { classify, mark, pulumiEnv, runDir, Stack } from "./rig.mjs";
import { ioexec, python, root } from "./settings.mjs";
import { median, say } from "./util.mjs";

/** The commands compared, in the order each stack goes through them. */
export const OPS = ["up", "preview", "up (no change)", "refresh", "destroy"];
export const OP_ARGS = {
    up: ["up", "--yes", "--skip-preview"],
    preview: ["preview"],
    "up (no change)": ["up", "--yes", "--skip-preview"],
    refresh: ["refresh", "--yes", "--skip-preview"],
    destroy: ["destroy", "--yes", "--skip-preview"],
};
// Without --json: that is how a CI job runs them, and --json would add an event stream that
// carries every resource's full state (so it grows with state size) to both sides.

/** "Resources:\n    + 11 created\n    3 unchanged" -> { created: 11, unchanged: 3 }. */
function summaryOf(stdout) {
    const out = {};
    const at = stdout.lastIndexOf("\nResources:");
    if (at < 0) return out;
    for (const line of stdout
        .slice(at + 11)
        .split("\n")
        .slice(1)) {
        const m = /^\s+[+\-~]?\s*(\d+) (.+?)\s*$/.exec(line);
        if (!m) break;
        out[m[2]] = Number(m[1]);
    }
    return out;
}

/** What a command should report for N resources (+1: the stack), or undefined if anything goes. */
function expected(op, n) {
    return { up: { created: n + 1 }, "up (no change)": { unchanged: n + 1 }, preview: { unchanged: n + 1 }, destroy: { deleted: n + 1 } }[
        op
    ];
}

let ioSeq = 0;
/**
 * One pulumi command through bench/ioexec.py: wall time (fork to exit), the process tree's
 * /proc/<pid>/io, the AWS calls it made (by operation), the summary it printed.
 */
export async function pulumiCmd(stack, op, { n, extra = [], envPrefix = [], stackName, allowFailure = false } = {}) {
    const ioFile = join(runDir, `io-${++ioSeq}.json`);
    const m = mark();
    const load1 = +loadavg()[0].toFixed(2);
    const args = [...OP_ARGS[op], ...(stackName ? ["--stack", stackName] : []), ...extra, "--non-interactive"];
    const [cmd, ...pre] = envPrefix.length ? ["env", ...envPrefix, python] : [python];
    const r = await stack.exec(cmd, [...pre, ioexec, ioFile, "pulumi", ...args], { allowFailure });
    const rec = JSON.parse(readFileSync(ioFile, "utf8"));
    rmSync(ioFile);
    const summary = summaryOf(r.stdout);
    if (r.code !== 0) {
        const failure = (r.stdout + r.stderr)
            .split("\n")
            .filter((l) => /error|fail/i.test(l))
            .slice(0, 5)
            .join("\n");
        return { ms: rec.wallMs, io: rec.io, calls: classify(m), summary, load1, exitCode: r.code, failure };
    }
    const want = n === undefined ? undefined : expected(op, n);
    const unexpected =
        want && Object.entries(want).some(([k, v]) => summary[k] !== v)
            ? `expected ${JSON.stringify(want)}, printed ${JSON.stringify(summary)}`
            : undefined;
    if (unexpected) say(`[bench]   WARNING ${op}: ${unexpected}`);
    return { ms: rec.wallMs, io: rec.io, calls: classify(m), summary, load1, exitCode: 0, ...(unexpected ? { unexpected } : {}) };
}

/** The file backend's checkpoint of a stack (state/.pulumi/stacks/<project>/<stack>.json). */
export function checkpointPath(stack, stackName) {
    const dir = join(dirname(stack.dir), "state/.pulumi/stacks");
    for (const project of existsSync(dir) ? readdirSync(dir) : []) {
        const p = join(dir, project, `${stackName}.json`);
        if (existsSync(p)) return p;
    }
    return undefined;
}

let floorTarball;
/** bench/floor packed (npm pack), as packageTarball() packs this repository for ours. */
function packFloor() {
    if (floorTarball) return floorTarball;
    const dest = mkdtempSync(join(runDir, "floor-pack-"));
    const r = spawnSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: join(root, "bench/floor"), encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm pack bench/floor failed:\n${r.stdout}\n${r.stderr}`);
    return (floorTarball = join(dest, JSON.parse(r.stdout)[0].filename));
}

/** The floor program, its pulumi-null-dynamic dependency pointed at the tarball. */
export async function floorStack() {
    const src = mkdtempSync(join(runDir, "floor-src-"));
    const dir = join(src, "many-null");
    cpSync(join(root, "bench/fixtures/many-null"), dir, {
        recursive: true,
        filter: (p) => !/\/(node_modules|Pulumi\.[^/]+\.yaml)$/.test(p),
    });
    const pkgPath = join(dir, "package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
    pkg.dependencies["pulumi-null-dynamic"] = `file:${packFloor()}`;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
    return Stack.create(dir, { env: pulumiEnv, stackName: "bench" });
}

export async function programs() {
    return { floor: await floorStack(), ours: await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" }) };
}

/** A new stack of the program, named `name`, over the pools `ids`. */
export async function newStack(stack, name, ids) {
    await stack.pulumi(["stack", "init", name]);
    await stack.setConfig("userPoolIds", JSON.stringify(ids));
}

/** State sizes from `pulumi stack export` (as stored: secrets stay ciphertext). */
export function stateSizes(exported) {
    const out = [];
    for (const r of exported.deployment.resources ?? []) {
        if (!r.type.startsWith("pulumi-nodejs:dynamic")) continue;
        const provider = r.outputs?.__provider ?? r.inputs?.__provider ?? "";
        const bytes = Buffer.byteLength(JSON.stringify(r));
        const strip = (o) => (o ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== "__provider")) : o);
        const without = Buffer.byteLength(JSON.stringify({ ...r, inputs: strip(r.inputs), outputs: strip(r.outputs) }));
        out.push({
            type: r.type.split(":").pop(),
            name: r.urn.split("::").pop(),
            resourceJsonBytes: bytes,
            resourceJsonBytesWithoutProvider: without,
            providerStringChars: provider.length,
            providerCopies: [r.inputs?.__provider, r.outputs?.__provider].filter((x) => typeof x === "string").length,
            // What the serialized provider is made of: the modules it require()s by reference, and its text.
            providerRequires: [...new Set([...provider.matchAll(/require\(["'`]([^"'`]+)["'`]\)/g)].map((m) => m[1]))],
            providerText: provider,
        });
    }
    return out;
}

/** Per-resource state from `pulumi stack export`, and the checkpoint as stored. */
export async function stateOf(stack, name, n) {
    const exported = (await stack.pulumi(["stack", "export"], { parse: "json" })).json;
    const sizes = stateSizes(exported);
    const cp = checkpointPath(stack, name);
    return {
        resources: sizes.length,
        bytesPerResourceMedian: median(sizes.map((x) => x.resourceJsonBytes)),
        bytesPerResourceWithoutProviderMedian: median(sizes.map((x) => x.resourceJsonBytesWithoutProvider)),
        providerStringChars: sizes[0]?.providerStringChars,
        providerCopies: sizes[0]?.providerCopies,
        providerRequires: sizes[0]?.providerRequires,
        providerText: sizes[0]?.providerText,
        exportBytes: Buffer.byteLength(JSON.stringify(exported)),
        checkpointFileBytes: cp ? statSync(cp).size : undefined,
        checkpointBytesPerResource: cp && n ? Math.round(statSync(cp).size / n) : undefined,
    };
}
