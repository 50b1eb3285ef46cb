// Part "floor": ours (test/fixtures/many-mfa, N UserPoolMfaConfig) beside the floor
// (bench/fixtures/many-null, N resources of the null dynamic provider in bench/floor) at each N,
// every operation, the two interleaved command by command (which goes first alternates by round).
import { loadavg } from "node:os";
import { meetsGoal, GOAL } from "../policy.mjs";
import { newStack, OP_ARGS, OPS, programs, pulumiCmd, stateOf } from "../programs.mjs";
import { pools, resetPools } from "../rig.mjs";
import { NS, runsFor } from "../settings.mjs";
import { median, say, sec, step } from "../util.mjs";

export default async function floorVsOurs() {
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
                meetsGoal: meetsGoal(median(ratios)),
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
