// Unit tests of withRetry / errorName with a fake clock: minutes of backoff run in no time.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ResourceNotFoundException, TooManyRequestsException } from "@aws-sdk/client-cognito-identity-provider";
import { errorName, RetryClock, RetryRule, withRetry } from "../../../provider/aws/retry";
import { awsError } from "../fakes";

/** A clock that never sleeps: it records the delays and advances its own time. */
class FakeClock implements RetryClock {
    t = 0;
    readonly sleeps: number[] = [];
    private i = 0;
    constructor(private readonly randoms: number[] = [0.5]) {}
    now(): number {
        return this.t;
    }
    sleep(ms: number): Promise<void> {
        // A regression that never stops retrying must fail, not hang the suite.
        if (this.sleeps.length >= 1_000) return Promise.reject(new Error("runaway retry loop: 1000 sleeps"));
        this.sleeps.push(ms);
        this.t += ms;
        return Promise.resolve();
    }
    random(): number {
        const r = this.randoms[Math.min(this.i, this.randoms.length - 1)];
        this.i++;
        return r;
    }
    get waited(): number {
        return this.sleeps.reduce((a, b) => a + b, 0);
    }
}

/** fn that fails with the given errors in turn, then returns "done". */
function failing(errors: unknown[]): { fn: () => Promise<string>; calls: () => number } {
    let n = 0;
    return {
        fn: () => {
            const e = errors[n++];
            // Non-Error values on purpose: errorName() must cope with whatever a library throws.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            if (n <= errors.length) return Promise.reject(e);
            return Promise.resolve("done");
        },
        calls: () => n,
    };
}

function always(err: unknown): { fn: () => Promise<never>; calls: () => number } {
    let n = 0;
    return {
        fn: () => {
            n++;
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as in failing()
            return Promise.reject(err);
        },
        calls: () => n,
    };
}

const SMS_ROLE: RetryRule = {
    names: ["InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException"],
    budgetMs: 120_000,
    baseMs: 1_000,
    capMs: 8_000,
};
const CONCURRENT: RetryRule = { names: ["ConcurrentModificationException"], budgetMs: 30_000, baseMs: 1_000, capMs: 8_000 };

// ---------------------------------------------------------------------------------------------
// Exact schedules with a fixed random value

const scheduleCases: { name: string; rule: RetryRule; random: number; sleeps: number[] }[] = [
    // factor 0.5 + r/2: r = 0.5 -> 0.75 of the ceiling; ceilings 1000, 2000, 4000, 8000 (cap), 8000 ...
    {
        name: "budget 10 s, r=0.5: grows, last delay clamped to the budget left",
        rule: { names: ["X"], budgetMs: 10_000, baseMs: 1_000, capMs: 8_000 },
        random: 0.5,
        sleeps: [750, 1500, 3000, 4750],
    },
    {
        name: "budget 30 s, r=0.5: capped at 0.75 * 8 s",
        rule: { names: ["X"], budgetMs: 30_000, baseMs: 1_000, capMs: 8_000 },
        random: 0.5,
        sleeps: [750, 1500, 3000, 6000, 6000, 6000, 6000, 750],
    },
    {
        name: "budget 20 s, r=0: half the ceiling",
        rule: { names: ["X"], budgetMs: 20_000, baseMs: 1_000, capMs: 8_000 },
        random: 0,
        sleeps: [500, 1000, 2000, 4000, 4000, 4000, 4000, 500],
    },
    {
        name: "budget 20 s, r→1: the full ceiling, never above the cap",
        rule: { names: ["X"], budgetMs: 20_000, baseMs: 1_000, capMs: 8_000 },
        random: 0.999999,
        sleeps: [1000, 2000, 4000, 8000, 5000],
    },
    { name: "budget 0: no retry at all", rule: { names: ["X"], budgetMs: 0, baseMs: 1_000, capMs: 8_000 }, random: 0.5, sleeps: [] },
    {
        name: "budget smaller than the first delay",
        rule: { names: ["X"], budgetMs: 300, baseMs: 1_000, capMs: 8_000 },
        random: 0.5,
        sleeps: [300],
    },
    {
        name: "baseMs 0 still waits at least 1 ms",
        rule: { names: ["X"], budgetMs: 3, baseMs: 0, capMs: 10 },
        random: 0.5,
        sleeps: [1, 1, 1],
    },
];

describe("withRetry(): schedule of an error that never goes away", () => {
    for (const c of scheduleCases) {
        test(c.name, async () => {
            const clock = new FakeClock([c.random]);
            const err = awsError("X");
            const f = always(err);
            await assert.rejects(withRetry(f.fn, { rules: [c.rule], clock }), (e) => e === err);
            assert.deepEqual(clock.sleeps, c.sleeps);
            assert.equal(f.calls(), c.sleeps.length + 1, "one call per retry plus the first");
            assert.ok(clock.waited <= c.rule.budgetMs, `waited ${clock.waited} > budget ${c.rule.budgetMs}`);
            for (const d of clock.sleeps) assert.ok(d >= 1 && d <= Math.max(1, c.rule.capMs), `delay ${d} outside [1, cap]`);
        });
    }
});

describe("withRetry(): budget and cap hold for any jitter", () => {
    const randoms = [0, 0.999999, 0.1, 0.9, 0.5, 0.3, 0.7, 0.999, 0.01, 0.6];
    for (const rule of [SMS_ROLE, CONCURRENT, { names: ["X"], budgetMs: 60_000, baseMs: 1_000, capMs: 10_000 }]) {
        test(`${rule.names[0]}: budget ${rule.budgetMs} ms, cap ${rule.capMs} ms`, async () => {
            for (let shift = 0; shift < randoms.length; shift++) {
                const clock = new FakeClock([
                    ...randoms.slice(shift),
                    ...randoms.slice(0, shift),
                    ...randoms,
                    ...randoms,
                    ...randoms,
                    ...randoms,
                ]);
                const f = always(awsError(rule.names[0]));
                await assert.rejects(withRetry(f.fn, { rules: [rule], clock }));
                assert.ok(clock.waited <= rule.budgetMs, `waited ${clock.waited}`);
                assert.equal(clock.waited, rule.budgetMs, "the whole budget is used before giving up");
                for (const d of clock.sleeps) assert.ok(d <= rule.capMs, `delay ${d} > cap`);
                // Before the cap, each ceiling doubles: with jitter in [0.5, 1] a delay is at most
                // the ceiling and at least half of it.
                clock.sleeps.slice(0, -1).forEach((d, i) => {
                    const ceiling = Math.min(rule.capMs, rule.baseMs * 2 ** i);
                    assert.ok(d >= ceiling / 2 && d <= ceiling, `delay ${i + 1} = ${d}, ceiling ${ceiling}`);
                });
            }
        });
    }
});

// ---------------------------------------------------------------------------------------------
// Behaviour

describe("withRetry(): behaviour", () => {
    test("eventual success returns the value after the retries", async () => {
        const clock = new FakeClock();
        const f = failing([awsError("InvalidSmsRoleTrustRelationshipException"), awsError("InvalidSmsRoleAccessPolicyException")]);
        assert.equal(await withRetry(f.fn, { rules: [SMS_ROLE], clock }), "done");
        assert.equal(f.calls(), 3);
        assert.deepEqual(clock.sleeps, [750, 1500]);
    });

    test("success at the first call never sleeps", async () => {
        const clock = new FakeClock();
        assert.equal(await withRetry(() => Promise.resolve(42), { rules: [SMS_ROLE], clock }), 42);
        assert.deepEqual(clock.sleeps, []);
    });

    const notRetried: { name: string; err: unknown }[] = [
        { name: "an error no rule names", err: awsError("ResourceNotFoundException") },
        {
            name: "an SDK exception no rule names",
            err: new ResourceNotFoundException({ message: "User pool does not exist.", $metadata: {} }),
        },
        { name: "a plain Error", err: new Error("boom") },
        { name: "a TypeError", err: new TypeError("x is undefined") },
        { name: "a thrown string", err: "InvalidSmsRoleTrustRelationshipException" },
        { name: "a name that only differs in case", err: awsError("invalidSmsRoleTrustRelationshipException") },
    ];
    for (const c of notRetried) {
        test(`non-retryable, thrown at once: ${c.name}`, async () => {
            const clock = new FakeClock();
            const f = always(c.err);
            let retries = 0;
            await assert.rejects(withRetry(f.fn, { rules: [SMS_ROLE, CONCURRENT], clock, onRetry: () => retries++ }), (e) => e === c.err);
            assert.equal(f.calls(), 1);
            assert.deepEqual(clock.sleeps, []);
            assert.equal(retries, 0);
        });
    }

    test("a non-retryable error after retries is thrown at once, as is", async () => {
        const clock = new FakeClock();
        const fatal = awsError("NotAuthorizedException");
        const f = failing([awsError("ConcurrentModificationException"), fatal]);
        await assert.rejects(withRetry(f.fn, { rules: [CONCURRENT], clock }), (e) => e === fatal);
        assert.equal(f.calls(), 2);
        assert.deepEqual(clock.sleeps, [750]);
    });

    test("onRetry is told about every retry: attempt, error name, delay", async () => {
        const clock = new FakeClock();
        const seen: { attempt: number; error: string; delayMs: number }[] = [];
        const f = failing([
            awsError("ConcurrentModificationException"),
            awsError("InvalidSmsRoleTrustRelationshipException"),
            awsError("ConcurrentModificationException"),
        ]);
        assert.equal(await withRetry(f.fn, { rules: [CONCURRENT, SMS_ROLE], clock, onRetry: (i) => seen.push(i) }), "done");
        assert.deepEqual(seen, [
            { attempt: 1, error: "ConcurrentModificationException", delayMs: 750 },
            { attempt: 2, error: "InvalidSmsRoleTrustRelationshipException", delayMs: 1500 },
            { attempt: 3, error: "ConcurrentModificationException", delayMs: 3000 },
        ]);
        assert.deepEqual(
            clock.sleeps,
            seen.map((s) => s.delayMs),
        );
    });

    test("each rule has its own budget", async () => {
        const clock = new FakeClock();
        const a: RetryRule = { names: ["A"], budgetMs: 1_000, baseMs: 1_000, capMs: 1_000 };
        const b: RetryRule = { names: ["B"], budgetMs: 2_000, baseMs: 1_000, capMs: 1_000 };
        const seen: string[] = [];
        const errs = ["A", "B", "A", "B", "A", "B"].map((n) => awsError(n));
        const f = failing(errs);
        await assert.rejects(
            withRetry(f.fn, { rules: [a, b], clock, onRetry: (i) => seen.push(`${i.error}:${i.delayMs}`) }),
            (e) => e === errs[4],
        );
        // A: 750 then 250 (budget 1000 spent), B: 750, 750; the third A finds no budget left.
        assert.deepEqual(seen, ["A:750", "B:750", "A:250", "B:750"]);
        assert.equal(f.calls(), 5);
    });

    test("errors are matched by Code / code too (SDK-like objects)", async () => {
        const clock = new FakeClock();
        const f = failing([
            { Code: "ConcurrentModificationException" },
            Object.assign(new Error("x"), { code: "ConcurrentModificationException" }),
        ]);
        assert.equal(await withRetry(f.fn, { rules: [CONCURRENT], clock }), "done");
        assert.equal(clock.sleeps.length, 2);
    });

    test("the SDK's own exception classes are matched by name", async () => {
        const clock = new FakeClock();
        const rule: RetryRule = { names: ["TooManyRequestsException"], budgetMs: 60_000, baseMs: 1_000, capMs: 10_000 };
        const f = failing([new TooManyRequestsException({ message: "Rate exceeded", $metadata: {} })]);
        assert.equal(await withRetry(f.fn, { rules: [rule], clock }), "done");
        assert.deepEqual(clock.sleeps, [750]);
    });

    test("no rules: the first error is thrown", async () => {
        const err = awsError("ConcurrentModificationException");
        const clock = new FakeClock();
        await assert.rejects(withRetry(always(err).fn, { rules: [], clock }), (e) => e === err);
        assert.deepEqual(clock.sleeps, []);
    });
});

// ---------------------------------------------------------------------------------------------
// errorName()

const nameCases: { name: string; err: unknown; expected: string }[] = [
    {
        name: "SDK exception instance",
        err: new ResourceNotFoundException({ message: "nope", $metadata: {} }),
        expected: "ResourceNotFoundException",
    },
    { name: "Error with a name", err: awsError("InvalidParameterException"), expected: "InvalidParameterException" },
    {
        name: "plain object with name",
        err: { name: "TooManyRequestsException", message: "slow down" },
        expected: "TooManyRequestsException",
    },
    { name: "object with Code (SDK v2 / XML style)", err: { Code: "Throttling" }, expected: "Throttling" },
    { name: "object with code", err: { code: "ConcurrentModificationException" }, expected: "ConcurrentModificationException" },
    {
        name: "Error named Error falls through to code",
        err: Object.assign(new Error("socket"), { code: "ECONNRESET" }),
        expected: "ECONNRESET",
    },
    { name: "name wins over Code and code", err: { name: "A", Code: "B", code: "C" }, expected: "A" },
    { name: "Code wins over code", err: { Code: "B", code: "C" }, expected: "B" },
    { name: "non-string name is skipped", err: { name: 5, code: "C" }, expected: "C" },
    { name: "TypeError", err: new TypeError("x"), expected: "TypeError" },
    { name: "plain Error", err: new Error("x"), expected: "Error" },
    { name: "empty object", err: {}, expected: "Error" },
    { name: "string", err: "ResourceNotFoundException", expected: "Error" },
    { name: "null", err: null, expected: "Error" },
    { name: "undefined", err: undefined, expected: "Error" },
    { name: "number", err: 404, expected: "Error" },
];

describe("errorName()", () => {
    for (const c of nameCases) {
        test(c.name, () => {
            assert.equal(errorName(c.err), c.expected);
        });
    }
});
