// Shared helpers for the reliability scenarios (test/reliability/*.test.ts).
import { awsEnv, createUserPool } from "../harness/moto";
import { FaultProxy, startFaultProxy } from "../harness/faultProxy";
import { Stack } from "../harness/pulumi";

/** `npm run bench` sets BENCH_FULL=1: the scenarios then run at full size. */
export const FULL = process.env.BENCH_FULL === "1";

export async function createPools(endpoint: string, n: number, prefix = "rel"): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await createUserPool(endpoint, `${prefix}-${i}-${Date.now()}`));
    return ids;
}

/** Figures of one run, printed as one `FIGURES {...}` line (docs/reliability.md quotes them). */
export function figures(scenario: string, proxy: FaultProxy, since: number, wallMs: number, extra: Record<string, unknown> = {}) {
    const reqs = proxy.requests().slice(since);
    const perOp: Record<string, { requests: number; injected: number; statuses: Record<string, number> }> = {};
    for (const r of reqs) {
        const s = (perOp[r.op] ??= { requests: 0, injected: 0, statuses: {} });
        s.requests++;
        if (r.injected && r.injected !== "delay") s.injected++;
        s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1;
    }
    const f = {
        scenario,
        full: FULL,
        requests: reqs.length,
        injected: reqs.filter((r) => r.injected && r.injected !== "delay").length,
        throttled429: reqs.filter((r) => r.status === 429).length,
        wallSeconds: +(wallMs / 1000).toFixed(1),
        perOp,
        ...extra,
    };
    console.log(`FIGURES ${JSON.stringify(f)}`);
    return f;
}

/** Lines the provider logged (debug level, shown by `pulumi ... --debug`). */
export function providerLines(text: string): string[] {
    return text.split("\n").filter((l) => l.includes("[pulumi-cognito-mfa]"));
}

/**
 * One installed copy of a project serves several scenarios (npm install costs ~20 s on this
 * machine): each scenario gets its own stack in the same backend, made current here.
 */
export async function useStack(stack: Stack, name: string, config: Record<string, string>): Promise<void> {
    await stack.pulumi(["stack", "init", name]);
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v);
}

export async function selectStack(stack: Stack, name: string): Promise<void> {
    await stack.pulumi(["stack", "select", name]);
}

export async function removeStack(stack: Stack, name: string): Promise<void> {
    await stack.pulumi(["stack", "rm", "--yes", name]);
}

/** A fault proxy in front of moto, and the many-mfa fixture installed to reach AWS through it. */
export async function proxiedFixture(motoEndpoint: string): Promise<{ proxy: FaultProxy; stack: Stack }> {
    const proxy = await startFaultProxy(motoEndpoint);
    const stack = await Stack.create("test/fixtures/many-mfa", { env: awsEnv(proxy.endpoint) });
    return { proxy, stack };
}
