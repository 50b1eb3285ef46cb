// Part "quota": issue 20, at AWS's own quotas. The proxy answers above each documented quota
// (test/harness/faultProxy.ts quotaRules: Cognito's categories, TagResource's 5/s, IAM at assumed
// rates) as AWS does; for each N in BENCH_QUOTA_NS (and BENCH_QUOTA_SMS_N with SnsCallerRole),
// each claim mode in BENCH_QUOTA_MODES and each --parallel in BENCH_QUOTA_PARALLEL, every
// operation: up, preview with a change, no-change up, refresh, destroy. Per command: wall time,
// requests, throttled answers, the accepted requests per quota, and the two floors (policy.mjs).
// Each finished row is also written to <OUT>/<NAME>.quota-progress.json, so a run cut short
// keeps its rows.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { floorStack, newStack, pulumiCmd } from "../programs.mjs";
import { ENGINE_MODES, minimalFloorSeconds, QUOTA_MODES } from "../policy.mjs";
import { pools, proxy, pulumiEnv, require, resetPools, runDir, Stack } from "../rig.mjs";
import { command, NAME, OUT, QUOTA_ENGINE, QUOTA_MODES as MODES, QUOTA_NS, QUOTA_PARALLEL, QUOTA_SMS_N } from "../settings.mjs";
import { say, sec, step } from "../util.mjs";

const { quotaRules, quotasOf, AWS_QUOTAS } = require("./dist/test/harness/faultProxy.js");

/** The commands, in order; "preview (change)" runs with the `args` config changed, then put back. */
const QUOTA_OPS = ["up", "preview (change)", "up (no change)", "refresh", "destroy"];
const CHANGED_ARGS = JSON.stringify({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } });

function measure(reqs, ms) {
    const accepted = reqs.filter((x) => !x.injected);
    const perQuota = {};
    for (const r of accepted) for (const q of quotasOf(r.service, r.op)) perQuota[q.name] = (perQuota[q.name] ?? 0) + 1;
    // The quota floor of the calls made: per quota, accepted calls ÷ rate; the largest binds.
    let floor = 0;
    let binding = "—";
    for (const [name, count] of Object.entries(perQuota)) {
        const q = AWS_QUOTAS.find((x) => x.name === name);
        const s = count / q.rps;
        if (s > floor) [floor, binding] = [s, name];
    }
    const byOp = {};
    for (const r of reqs) byOp[r.op] = (byOp[r.op] ?? 0) + 1;
    return {
        seconds: sec(ms),
        requests: reqs.length,
        throttled: reqs.filter((x) => x.injected === "throttle").length,
        perQuota,
        byOp,
        quotaFloorSeconds: +floor.toFixed(1),
        binding,
    };
}

async function runRow(stack, ids, { n, sms, mode, parallel }) {
    const engine = ENGINE_MODES[mode];
    const spec = engine ?? QUOTA_MODES[mode];
    const env = Object.entries(spec.env).map(([k, v]) => `${k}=${v}`);
    if (!engine) await resetPools(ids);
    const name = `bench-quota-${n}-${sms ? "sms-" : ""}${mode}-${parallel}`;
    // k stacks of N / k (the split modes), each over its own slice of the pools, run at once.
    const k = spec.stacks ?? 1;
    const per = Math.ceil(n / k);
    const stacks = Array.from({ length: k }, (_, i) => ({ name: k === 1 ? name : `${name}-${i}`, ids: ids.slice(i * per, (i + 1) * per) }));
    for (const s of stacks) {
        await newStack(stack, s.name, s.ids);
        if (sms) await stack.setConfig("sms", "true");
        for (const [key, v] of Object.entries(QUOTA_MODES[mode]?.config ?? {})) await stack.setConfig(key, v);
    }
    const extra = parallel === "default" ? [] : ["--parallel", String(parallel)];
    const row = { n, sms, mode, parallel, ...(k > 1 ? { stacks: k } : {}), load1: +loadavg()[0].toFixed(2), ops: {} };
    // When the engine first asked the provider anything (the null provider writes it down, once
    // per stack; for ours, the first AWS request): no call of the command can start before that.
    const firstCallFile = (s) => join(runDir, `first-call-${s.name}.txt`);
    const onEach = (fn) => Promise.all(stacks.map(fn));
    for (const op of QUOTA_OPS) {
        if (op === "preview (change)")
            for (const s of stacks) await stack.pulumi(["config", "set", "--plaintext", "--stack", s.name, "--", "args", CHANGED_ARGS]);
        const m = proxy.requests().length;
        const cmd = op === "preview (change)" ? "preview" : op;
        for (const s of stacks) rmSync(firstCallFile(s), { force: true });
        const started = Date.now();
        const rs = await onEach((s) =>
            pulumiCmd(stack, cmd, {
                n: op === "preview (change)" ? undefined : sms ? undefined : s.ids.length,
                extra,
                stackName: s.name,
                allowFailure: true,
                envPrefix: [...env, ...(engine ? [`BENCH_FIRST_CALL_FILE=${firstCallFile(s)}`] : [])],
            }),
        );
        // One stack: its own wall time (fork to exit); k at once: until the last one exited.
        const ms = k === 1 ? rs[0].ms : Date.now() - started;
        if (op === "preview (change)") for (const s of stacks) await stack.pulumi(["config", "rm", "args", "--stack", s.name]);
        const reqs = proxy.requests().slice(m);
        const firsts = stacks.map((s) => (existsSync(firstCallFile(s)) ? Number(readFileSync(firstCallFile(s), "utf8")) : undefined));
        const firstAt = engine ? (firsts.includes(undefined) ? undefined : Math.min(...firsts)) : reqs[0]?.time;
        const failed = rs.find((r) => r.exitCode);
        const unexpected = rs.map((r) => r.unexpected).filter(Boolean);
        row.ops[op] = {
            ...measure(reqs, ms),
            ...(k > 1 ? { perStackSeconds: rs.map((r) => sec(r.ms)) } : {}),
            firstCallSeconds: firstAt === undefined ? undefined : sec(firstAt - started),
            minimalFloorSeconds: +minimalFloorSeconds(op, n, sms).toFixed(1),
            exitCode: failed?.exitCode ?? 0,
            ...(failed ? { failure: failed.failure } : {}),
            ...(unexpected.length ? { unexpected: unexpected.join("; ") } : {}),
            load1: rs[0].load1,
        };
        const o = row.ops[op];
        say(
            `[bench]   ${name} ${op}: ${o.seconds} s (first call at ${o.firstCallSeconds ?? "—"} s), ${o.requests} requests, ${o.throttled} throttled, quota floor ${o.quotaFloorSeconds} s (${o.binding}), minimal ${o.minimalFloorSeconds} s${failed ? ` FAILED ${failed.failure}` : ""}`,
        );
    }
    if (row.ops.destroy.exitCode) {
        // Clean up without the quotas, so the next row starts from the same place.
        proxy.clearRules();
        await onEach((s) => pulumiCmd(stack, "destroy", { allowFailure: true, stackName: s.name }));
        for (const rule of quotaRules()) proxy.addRule(rule);
    }
    for (const s of stacks) await stack.pulumi(["stack", "rm", "--yes", "--force", s.name]);
    return row;
}

export default async function quota() {
    const rows = [];
    const progress = join(OUT, `${NAME}.quota-progress.json`);
    const save = () => {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(progress, JSON.stringify({ command, loadAverage: loadavg(), quotas: AWS_QUOTAS, rows }, null, 2) + "\n");
    };
    const stack = await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench" });
    let nullStack;
    // BENCH_QUOTA_MODES may also name engine rows (ENGINE_MODES) alone, e.g. to add one to a run.
    const ours = MODES.filter((m) => m in QUOTA_MODES);
    const engines = new Set([
        ...MODES.filter((m) => m in ENGINE_MODES),
        ...(QUOTA_ENGINE ? ours.flatMap((m) => [QUOTA_MODES[m].engine, QUOTA_MODES[m].paced].filter(Boolean)) : []),
    ]);
    const plan = [];
    for (const n of QUOTA_NS) {
        for (const parallel of QUOTA_PARALLEL) {
            for (const mode of ours) plan.push({ n, sms: false, mode, parallel });
            // The engine's own time (the null provider, no call) in the same conditions (this N,
            // this --parallel), after ours: what no command of those rows can go below.
            for (const mode of engines) plan.push({ n, sms: false, mode, parallel });
        }
    }
    if (QUOTA_SMS_N > 0 && ours.length)
        for (const parallel of QUOTA_PARALLEL) plan.push({ n: QUOTA_SMS_N, sms: true, mode: ours[0], parallel });
    // Smaller rows first (stable within one N): a run cut short keeps the most rows.
    plan.sort((a, b) => a.n - b.n || Number(a.sms) - Number(b.sms));
    proxy.clearRules();
    for (const rule of quotaRules()) proxy.addRule(rule);
    try {
        for (const p of plan) {
            step(`quota: N = ${p.n}${p.sms ? " with SnsCallerRole" : ""}, ${p.mode}, --parallel ${p.parallel}`);
            // The null provider touches no pool: ids that name none save creating N pools.
            const engine = p.mode in ENGINE_MODES;
            const ids = engine ? Array.from({ length: p.n }, (_, i) => `us-east-1_engine${i}`) : await pools(p.n);
            const program = engine ? (nullStack ??= await floorStack()) : stack;
            rows.push(await runRow(program, ids, p));
            save();
        }
    } finally {
        proxy.clearRules();
    }
    return { quotas: AWS_QUOTAS, ops: QUOTA_OPS, rows };
}
