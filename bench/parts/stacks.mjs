// Part "stacks": advice at scale: 1 stack of BENCH_SPLIT_N resources against BENCH_SPLIT_K
// stacks of N/K, one after another and all at once (and 1 stack with PULUMI_SKIP_CHECKPOINTS).
import { newStack, pulumiCmd } from "../programs.mjs";
import { pools, pulumiEnv, resetPools, Stack } from "../rig.mjs";
import { SPLIT_K, SPLIT_N } from "../settings.mjs";
import { say, sec, step } from "../util.mjs";

export default async function stacksAdvice() {
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
