// Renders part "quota" (issue 20: at AWS's own quotas) for bench/report.mjs, judged by
// bench/policy.mjs. The engine's own time per command comes from section 2's null provider
// (this run's, or bench/results.json's when the quota part ran alone).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
    ENGINE_MODES,
    judgedFloor,
    programFloor,
    QUOTA_GOAL,
    QUOTA_GOAL_MIN_N,
    QUOTA_MODES,
    THROTTLE_GOAL,
    withinQuotaGoal,
    withinThrottleGoal,
} from "./policy.mjs";

const FLOOR_OP = { up: "up", "preview (change)": "preview", "up (no change)": "up (no change)", refresh: "refresh", destroy: "destroy" };

/** Section 5 of the last full run (one 15/s bucket over every Cognito call, before the pacer). */
function parallelBefore() {
    const main = join(dirname(fileURLToPath(import.meta.url)), "results.json");
    return existsSync(main) ? JSON.parse(readFileSync(main, "utf8")).parallel : undefined;
}

function engineFloorTable(floor) {
    if (floor?.table) return { table: floor.table, from: "this run's section 2" };
    const main = join(dirname(fileURLToPath(import.meta.url)), "results.json");
    if (!existsSync(main)) return { table: undefined, from: undefined };
    const t = JSON.parse(readFileSync(main, "utf8")).floor?.table;
    return { table: t, from: "bench/results.json section 2" };
}

const mark = (ok) => (ok ? "✓" : "✗");

export function quotaSection(q, floor) {
    const saved = engineFloorTable(floor);
    const isEngine = (r) => r.mode in ENGINE_MODES;
    const measured = q.rows.some(isEngine);
    const from = measured ? "the *engine* rows of this table, measured in the same run" : saved.from;
    // The engine row of the same N and --parallel; one of another --parallel where this one was not run.
    const engineOp = (n, op, mode, parallel) => {
        const rows = q.rows.filter((r) => r.mode === mode && r.n === n);
        return (rows.find((r) => r.parallel === parallel) ?? rows[0])?.ops[op];
    };
    const measuredSeconds = (n, op, mode, parallel) => {
        const own = mode && engineOp(n, op, mode, parallel);
        return own && own.exitCode === 0 ? own.seconds : undefined;
    };
    const engine = (n, op, mode, parallel) =>
        measuredSeconds(n, op, mode, parallel) ?? (measured ? undefined : saved.table?.[n]?.[FLOOR_OP[op]]?.floorSeconds);
    const engineFirst = (n, op, mode, parallel) => engineOp(n, op, mode, parallel)?.firstCallSeconds;
    const out = ["## 8. At AWS's own quotas", ""];
    out.push(
        "The proxy answers above each documented request-rate quota as AWS does (`quotaRules()` in test/harness/faultProxy.ts; one token bucket per quota, burst one second's worth): " +
            q.quotas.map((x) => `${x.name} ${x.rps}/s (${x.ops.join(", ")})${x.assumed ? " — **assumed**" : ""}`).join("; ") +
            ". Sources: Cognito's *API operation categories and request rate quotas* (docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations) and the API reference's per-operation limits (TagResource / UntagResource 5/s, ListTagsForResource 10/s); IAM publishes no rates, so its figures are assumptions.",
    );
    out.push("");
    out.push(
        `One stack of N \`UserPoolMfaConfig\` (test/fixtures/many-mfa; the *split* modes: 2 stacks of N / 2, run at once, their wall time until the last one exits; *roles*: with an \`SnsCallerRole\` each and SMS MFA), each command as \`pulumi up --yes --skip-preview\`, \`pulumi preview\` (with the \`args\` config changed to MFA ON, so every resource plans an update), \`up\` again with nothing changed, \`refresh --yes --skip-preview\`, \`destroy --yes --skip-preview\`; at Pulumi's default parallelism (4 × GOMAXPROCS = 8 here) and \`--parallel 64\`. *engine* = the null dynamic provider (bench/fixtures/many-null, no call), the same commands (in the environment of the mode judged beside it). Modes: ${Object.entries(
            QUOTA_MODES,
        )
            .map(([k, v]) => `*${k}* = ${v.text}`)
            .join("; ")}.`,
    );
    out.push("");
    out.push(
        `*Quota floor (calls made)* = per quota, the accepted requests ÷ its rate; the largest binds (named). *Minimal floor* = the same for the minimal lossless call set (create Get + Set, refresh Get, destroy Get + Set: N / 15 s; preview and no-change up: none; with roles also CreateRole + PutRolePolicy / DeleteRolePolicy + DeleteRole at the assumed 10 writes/s, GetRole + GetRolePolicy at 20 reads/s). *Engine* = the null provider's time for the same command at the same N (${from ?? "not available"}): no command can take less, so each goal is judged against max(floor, engine). Goals (issue 20), judged at N ≥ ${QUOTA_GOAL_MIN_N} (smaller N shown in parentheses): wall ≤ ${QUOTA_GOAL} × max(quota floor of the calls made, engine); throttled ≤ ${THROTTLE_GOAL * 100} % of the requests; and, for the *fleet* modes, wall ≤ ${QUOTA_GOAL} × max(minimal floor, engine). *First call* = seconds from the command's start to the engine's first call to the provider (the null provider writes it down; for ours, its first AWS request): the engine asks a provider about a resource only once the CLI has started and the program has registered it, so no call can be made before the engine's first call, and a command that makes calls cannot take less than that plus its quota floor. *Engine, paced* = the null provider answering each resource's create, read, update and delete in its turn at 15 per second (the pace of the minimal call set at Cognito's 15/s quotas) and doing nothing else: the engine's own time when every call takes the quota's time, with its checkpoint writes overlapping the quota only as far as the engine lets them; no provider making at least the minimal calls can take less. The last two goal columns judge against that *program floor*: ≤ ${QUOTA_GOAL} × max(engine, engine's first call + calls-made floor, engine paced), and for *fleet* the same with the minimal floor.`,
    );
    out.push("");
    for (const m of q.mergedFrom ?? [])
        out.push(
            `Rows merged from \`${m.file}\` (${m.rows} rows, a run of its own${m.startedAt ? ` started ${m.startedAt}` : ""}${m.command ? `: \`${m.command}\`` : ""}${m.loadAverageAtStart ? `, load average at its start ${m.loadAverageAtStart.join(" / ")}` : ""}).`,
            "",
        );
    out.push(
        "| N | roles | mode | --parallel | command | wall (s) | requests | throttled | binding quota | quota floor, calls made (s) | minimal floor (s) | engine (s) | engine, paced (s) | ≤ 1.15 × calls-made floor | throttled ≤ 10 % | ≤ 1.15 × minimal floor | first call: ours / engine (s) | ≤ 1.15 × program floor, calls made | ≤ 1.15 × program floor, minimal | load (1 min) |",
    );
    out.push("|---:|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|:---:|:---:|:---:|---:|:---:|:---:|---:|");
    const programVerdicts = [];
    const verdicts = [];
    for (const row of q.rows)
        for (const op of q.ops) {
            const o = row.ops[op];
            if (!o) continue;
            if (isEngine(row)) {
                out.push(
                    `| ${row.n} | no | ${ENGINE_MODES[row.mode].label} | ${row.parallel} | ${op} | ${o.seconds} | ${o.requests} | — | — | — | — | — | — | — | — | — | ${o.firstCallSeconds ?? "—"} | — | — | ${o.load1} |`,
                );
                continue;
            }
            const mode = QUOTA_MODES[row.mode];
            const e = row.sms ? undefined : engine(row.n, op, mode.engine, row.parallel);
            const judged = row.n >= QUOTA_GOAL_MIN_N;
            const wrap = (s) => (judged ? s : `(${s})`);
            const failed = o.exitCode !== 0;
            const a = !failed && withinQuotaGoal(o.seconds, judgedFloor(o.quotaFloorSeconds, e));
            const t = withinThrottleGoal(o.throttled, o.requests);
            const min = mode.minimal ? !failed && withinQuotaGoal(o.seconds, judgedFloor(o.minimalFloorSeconds, e)) : undefined;
            if (judged) verdicts.push(a, t, ...(min === undefined ? [] : [min]));
            const f = row.sms ? undefined : engineFirst(row.n, op, mode.engine, row.parallel);
            const p = row.sms ? undefined : measuredSeconds(row.n, op, mode.paced, row.parallel);
            const pa = !failed && withinQuotaGoal(o.seconds, programFloor(o.quotaFloorSeconds, e, f, p));
            const pmin = mode.minimal ? !failed && withinQuotaGoal(o.seconds, programFloor(o.minimalFloorSeconds, e, f, p)) : undefined;
            if (judged) programVerdicts.push(pa, t, ...(pmin === undefined ? [] : [pmin]));
            const pct = o.requests ? ((100 * o.throttled) / o.requests).toFixed(1) : "0";
            out.push(
                `| ${row.n} | ${row.sms ? "yes" : "no"} | ${row.mode} | ${row.parallel} | ${op}${failed ? ` **failed**: ${String(o.failure).replace(/\|/g, "\\|").slice(0, 120)}` : ""} | ${o.seconds} | ${o.requests} | ${o.throttled} (${pct} %) | ${o.binding} | ${o.quotaFloorSeconds} | ${o.minimalFloorSeconds} | ${e ?? "—"} | ${p ?? "—"} | ${wrap(mark(a))} | ${wrap(mark(t))} | ${min === undefined ? "—" : wrap(mark(min))} | ${o.firstCallSeconds ?? "—"} / ${f ?? "—"} | ${wrap(mark(pa))} | ${pmin === undefined ? "—" : wrap(mark(pmin))} | ${o.load1} |`,
            );
        }
    out.push("");
    const judgedRows = q.rows.filter((r) => r.n >= QUOTA_GOAL_MIN_N);
    out.push(
        judgedRows.length === 0
            ? `**No row at N ≥ ${QUOTA_GOAL_MIN_N} in this run: the goals are not judged.** Largest N run: ${Math.max(0, ...q.rows.map((r) => r.n))}.`
            : `Judged cells at N ≥ ${QUOTA_GOAL_MIN_N}, against the floors as issue 20 states them: ${verdicts.filter(Boolean).length} ✓, ${verdicts.filter((x) => !x).length} ✗. Against the program floors (the throttling cells as before): ${programVerdicts.filter(Boolean).length} ✓, ${programVerdicts.filter((x) => !x).length} ✗.`,
    );
    out.push("");
    const all = q.rows.filter((r) => !isEngine(r)).flatMap((r) => Object.values(r.ops));
    const sumOf = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
    const before = parallelBefore();
    const b = before?.rows.flatMap((r) => [r.up, r.destroy]) ?? [];
    out.push(
        `**Before / after.** Throttled answers, all rows of this section: ${sumOf(all, "throttled")} of ${sumOf(all, "requests")} requests (${((100 * sumOf(all, "throttled")) / Math.max(1, sumOf(all, "requests"))).toFixed(2)} %), with the provider pacing itself per quota (provider/aws/quota.ts).` +
            (b.length
                ? ` Before, section 5 of bench/results.md (N = ${before.n}, one ${before.rps}/s bucket over every Cognito call, no pacer): ${sumOf(b, "throttled")} of ${sumOf(b, "requests")} (${((100 * sumOf(b, "throttled")) / sumOf(b, "requests")).toFixed(1)} %); an \`up\` of 100 took ${Math.min(...before.rows.map((r) => r.up.seconds))}–${Math.max(...before.rows.map((r) => r.up.seconds))} s against ${before.rows[0].up.quotaSeconds} s of quota time.`
                : ""),
        "",
    );
    return out;
}
