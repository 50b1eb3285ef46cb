// Scenarios 1 and 2 of docs/reliability.md: many UserPoolMfaConfig resources under a 15 rps
// throttle, and up / refresh / destroy with 20% of the requests failing (5xx, connection resets).
// Small N in `npm test`, full N with BENCH_FULL=1.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { liveMfa, useMoto } from "../harness/moto";
import { FaultProxy } from "../harness/faultProxy";
import { MFA_TYPE, Stack } from "../harness/pulumi";
import { createPools, figures, FULL, removeStack, useStack, proxiedFixture } from "./scenario";

const m = useMoto({ resetAfterEach: false });

describe("reliability: throttling and faults", () => {
    let proxy: FaultProxy;
    let stack: Stack;
    before(async () => ({ proxy, stack } = await proxiedFixture(m.moto.endpoint)));
    after(async () => proxy?.stop());

    it(`scenario 1: ${FULL ? 100 : 15} resources, up under a 15 requests/second Cognito throttle: all succeed`, async () => {
        const n = FULL ? 100 : 15;
        const pools = await createPools(m.moto.endpoint, n, "throttle");
        await useStack(stack, "throttle", { userPoolIds: JSON.stringify(pools) });
        // One bucket for every Cognito operation, like the per-account UserPoolRead/Update quotas.
        proxy.addRule({ op: "*", service: "cognito-idp", fault: { kind: "throttle" }, rps: 15 });
        const since = proxy.requests().length;
        const t0 = Date.now();
        const up = await stack.up();
        const wall = Date.now() - t0;
        proxy.clearRules();
        assert.equal(up.json.result, "succeeded");
        assert.equal(up.json.changeSummary?.create, n + 1, "the resources and the stack");
        const f = figures("1-throttle-up", proxy, since, wall, { resources: n });
        for (const id of pools)
            assert.deepEqual(await liveMfa(m.moto.endpoint, id), {
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
            });
        assert.equal(f.perOp.SetUserPoolMfaConfig.statuses["200"], n, "one successful Set per pool");
        const state = await stack.exportState();
        assert.equal(state.deployment.resources!.filter((r) => r.type === MFA_TYPE).length, n);
        await stack.destroy();
        await removeStack(stack, "throttle");
    });

    it(`scenario 2: ${FULL ? 100 : 10} resources, 20% of requests answered 500/503 or reset: up, refresh, destroy succeed`, async () => {
        const n = FULL ? 100 : 10;
        const pools = await createPools(m.moto.endpoint, n, "faults");
        await useStack(stack, "faults", { userPoolIds: JSON.stringify(pools) });
        // 10% 500/503 and 10% connection resets (the second rule sees the 90% the first spared).
        // A retried call (same body) is hit at most 3 times: transient, within the SDK's 5 attempts.
        proxy.addRule({ op: "*", fault: { kind: "status", status: 500 }, rate: 0.05, maxPerRequest: 3 });
        proxy.addRule({ op: "*", fault: { kind: "status", status: 503 }, rate: 0.05 / 0.95, maxPerRequest: 3 });
        proxy.addRule({ op: "*", fault: { kind: "reset" }, rate: 0.1 / 0.9, maxPerRequest: 3 });
        const results: Record<string, unknown> = {};
        for (const step of ["up", "refresh", "destroy"] as const) {
            // At 20 %, a refresh of 10 (10 requests) sees no fault in 0.8^10 = 11 % of runs: one
            // 503 for the step's first request the rate spares makes every step meet at least one.
            proxy.addRule({ op: "*", fault: { kind: "status", status: 503 }, max: 1 });
            const since = proxy.requests().length;
            const t0 = Date.now();
            const r = await stack[step]();
            const f = figures(`2-faults-${step}`, proxy, since, Date.now() - t0, { resources: n });
            assert.equal(r.json.result, "succeeded", `${step} failed`);
            assert.ok(f.injected > 0, `${step}: no fault was injected`);
            results[step] = f;
            if (step === "up") {
                for (const id of pools)
                    assert.deepEqual(await liveMfa(m.moto.endpoint, id), {
                        MfaConfiguration: "OPTIONAL",
                        SoftwareTokenMfaConfiguration: { Enabled: true },
                    });
            }
        }
        proxy.clearRules();
        for (const id of pools)
            assert.deepEqual(await liveMfa(m.moto.endpoint, id), { MfaConfiguration: "OFF" }, "destroy reset every pool");
        await removeStack(stack, "faults");
    });
});
