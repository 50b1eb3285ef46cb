// Part "parallel": advice at scale: `up` / `destroy` at N = BENCH_PARALLEL_N with the proxy
// throttling Cognito to BENCH_RPS requests/s (its per-account quota), for each --parallel value.
import { newStack, pulumiCmd } from "../programs.mjs";
import { pools, proxy, pulumiEnv, resetPools, Stack } from "../rig.mjs";
import { PARALLEL, PARALLEL_N, RPS } from "../settings.mjs";
import { say, sec, step } from "../util.mjs";

export default async function parallelAdvice() {
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
