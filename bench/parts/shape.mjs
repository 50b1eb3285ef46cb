// Part "shape": the floor program registering the same properties as ours (its declared outputs
// and the owner input) against ours at N = BENCH_SHAPE_N.
import { loadavg } from "node:os";
import { floorStack, newStack, OPS, pulumiCmd, stateOf } from "../programs.mjs";
import { pools, pulumiEnv, resetPools, Stack } from "../rig.mjs";
import { SHAPE_N, SHAPE_RUNS } from "../settings.mjs";
import { median, say, sec, step } from "../util.mjs";

/**
 * The floor program registering the same properties as ours (config shape=ours), against ours, at
 * one N: what is left between them is what ours' provider and its AWS calls cost, with the
 * engine's and the SDK's per-property work on both sides.
 */
export default async function shapeVsOurs() {
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
