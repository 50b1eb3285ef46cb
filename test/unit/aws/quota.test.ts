// The client-side pacer (aws/quota.ts): a token bucket per quota at the documented rate, with
// a fake clock; and its table against the fault proxy's model of AWS (test/harness/faultProxy.ts),
// so that no operation the provider sends is paced above what the proxy (AWS) accepts.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Pacer, Pacers, PacerClock, QUOTAS, quotaShare } from "../../../provider/aws/quota";
import { AWS_QUOTAS, quotasOf } from "../../harness/faultProxy";

function clock(): PacerClock & { t: number; slept: number[] } {
    const c = {
        t: 0,
        slept: [] as number[],
        now: () => c.t,
        sleep: (ms: number) => {
            c.slept.push(ms);
            c.t += ms;
            return Promise.resolve();
        },
    };
    return c;
}

describe("quota pacer", () => {
    it("lets a burst of half a second's worth go at once, then one request per interval", async () => {
        const c = clock();
        const p = new Pacer(15, c);
        assert.equal(p.burst, 7);
        for (let i = 0; i < 7; i++) await p.take();
        assert.deepEqual(c.slept, [], "the burst");
        await p.take();
        await p.take();
        assert.deepEqual(c.slept.map(Math.round), [67, 67]);
        c.t += 5000; // idle: the bucket refills, but holds no more than a burst
        for (let i = 0; i < 7; i++) await p.take();
        await p.take();
        assert.deepEqual(c.slept.map(Math.round), [67, 67, 67]);
    });

    it("paces 20 TagResource at 5/s (UserPoolResourceUpdate 15/s and TagResource 5/s) in 3.6 s, 20 Gets at 15/s in 13/15 s", async () => {
        const c = clock();
        const pacers = new Pacers(1, c);
        // TagResource's bucket holds 2: the 3rd to the 20th leave 200 ms apart.
        for (let i = 0; i < 20; i++) await pacers.pace("TagResource");
        assert.ok(Math.abs(c.t - 18 * 200) < 1e-6, `${c.t} ms`);
        const t0 = c.t;
        for (let i = 0; i < 20; i++) await pacers.pace("GetUserPoolMfaConfig");
        assert.ok(Math.abs(c.t - t0 - (13 * 1000) / 15) < 1e-6, `${c.t - t0} ms`);
    });

    it("a share splits the quota between the stacks of one account; off turns the pacer off", async () => {
        assert.equal(quotaShare("0.25"), 0.25);
        assert.equal(quotaShare(undefined), 1);
        assert.equal(quotaShare("7"), 1);
        assert.equal(quotaShare("off"), undefined);
        const c = clock();
        const quarter = new Pacers(0.25, c);
        for (let i = 0; i < 10; i++) await quarter.pace("SetUserPoolMfaConfig"); // 3.75/s, burst 1: 9 intervals
        assert.ok(Math.abs(c.t - (9 * 1000) / 3.75) < 1e-6, `${c.t} ms`);
        const off = new Pacers(undefined, c);
        const t0 = c.t;
        for (let i = 0; i < 100; i++) await off.pace("SetUserPoolMfaConfig");
        assert.equal(c.t, t0);
    });

    it("paces every operation at or under each of the fault proxy's quotas for it", () => {
        for (const q of QUOTAS)
            for (const op of q.ops) {
                const service = q.name.startsWith("IAM") ? "iam" : "cognito-idp";
                const modelled = quotasOf(service, op);
                assert.ok(modelled.length > 0, `${op}: no quota in the proxy`);
                const ours = Math.min(...QUOTAS.filter((x) => x.ops.includes(op)).map((x) => x.rps));
                assert.ok(
                    ours <= Math.min(...modelled.map((m) => m.rps)),
                    `${op}: paced at ${ours}/s, AWS allows ${modelled.map((m) => m.rps).join(", ")}`,
                );
            }
        assert.ok(
            AWS_QUOTAS.some((q) => q.assumed),
            "the IAM figures are marked as assumptions",
        );
    });
});
