// Part "overhead": provider overhead in process (bench/overhead.mjs, run in a process of its own
// against moto through the proxy), beside the same requests made bare with the SDK.
import { join } from "node:path";
import { classify, cliEnv, createPool, mark, proxy } from "../rig.mjs";
import { node22, OVERHEAD_ITERS, root } from "../settings.mjs";
import { run, step } from "../util.mjs";

export default async function overhead() {
    step(`overhead: ${OVERHEAD_ITERS} iterations in process`);
    const poolId = await createPool(`bench-overhead-${Date.now()}`);
    const m = mark();
    const warm = Math.min(10, Math.max(2, Math.round(OVERHEAD_ITERS / 10)));
    const r = await run(node22, [join(root, "bench/overhead.mjs"), poolId, String(OVERHEAD_ITERS), String(warm)], {
        // The pacer off: its waits for the quota's next slot are no CPU, but they would be in the
        // wall columns, and the bare sequences beside it are not paced.
        env: { ...cliEnv, AWS_ENDPOINT_URL: proxy.endpoint, COGNITO_MFA_QUOTA_SHARE: "off" },
    });
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1));
    out.calls = classify(m).byOp;
    const M = out.methods;
    const row = (method, label) => {
        const p = M[`provider.${method}`];
        const s = M[`${method}: bare, shared client`];
        const f = M[`${method}: bare, new client per call`];
        const per = out.perRequest[method];
        return {
            method,
            calls: label,
            requests: per?.requests ?? 0,
            providerCpuUs: p.cpuUsMedian,
            bareSharedClientCpuUs: s?.cpuUsMedian ?? 0,
            overheadCpuUs: p.cpuUsMedian - (s?.cpuUsMedian ?? 0),
            perRequestCpuUs: per?.cpuUsPerRequest,
            perRequestPairedCpuUs: per?.cpuUsPerRequestPaired,
            bareNewClientCpuUs: f?.cpuUsMedian ?? 0,
            providerWallMs: p.wallMsMedian,
            bareSharedClientWallMs: s?.wallMsMedian ?? 0,
        };
    };
    // DescribeUserPool: once per pool per process (the first check's pre-flight), shared by create and delete.
    out.table = [
        row("check (create)", "none (pre-flight DescribeUserPool memoized after the first call)"),
        row("check (no change)", "none"),
        row("diff", "none"),
        row("create", "Get + TagResource + Set"),
        row("read", "Get"),
        row("update", "Get + Set"),
        row("delete", "Get + Set(OFF) + UntagResource"),
    ];
    return out;
}
