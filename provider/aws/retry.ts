// Bounded, jittered retries for the AWS errors that the SDK's own retry strategy does not cover.
// The clock and the sleep are parameters so tests can run minutes of backoff in no time.

export interface RetryClock {
    now(): number;
    sleep(ms: number): Promise<void>;
    random(): number;
}

export const realClock: RetryClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
};

export interface RetryRule {
    /** Error names (`err.name`) this rule retries. */
    names: readonly string[];
    /** Longest total time spent waiting for this rule, in ms. */
    budgetMs: number;
    baseMs: number;
    capMs: number;
}

export interface RetryOptions {
    rules: readonly RetryRule[];
    clock?: RetryClock;
    /** Told about every retry, e.g. to write it to Pulumi's debug log. */
    onRetry?: (info: { attempt: number; error: string; delayMs: number }) => void;
}

export function errorName(err: unknown): string {
    if (err && typeof err === "object") {
        const e = err as { name?: unknown; code?: unknown; Code?: unknown };
        for (const n of [e.name, e.Code, e.code]) if (typeof n === "string" && n !== "Error") return n;
    }
    return "Error";
}

/**
 * Runs `fn`, retrying errors named by a rule with "full jitter" exponential backoff until the
 * rule's time budget is spent; then the last error is thrown. Nothing retries forever.
 */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
    const clock = opts.clock ?? realClock;
    const spent = new Map<RetryRule, number>();
    for (let attempt = 1; ; attempt++) {
        try {
            return await fn();
        } catch (err) {
            const name = errorName(err);
            const rule = opts.rules.find((r) => r.names.includes(name));
            if (!rule) throw err;
            const used = spent.get(rule) ?? 0;
            const ceiling = Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(attempt - 1, 20));
            const delay = Math.min(Math.max(1, Math.round(ceiling * (0.5 + clock.random() / 2))), rule.budgetMs - used);
            if (delay <= 0) throw err;
            spent.set(rule, used + delay);
            opts.onRetry?.({ attempt, error: name, delayMs: delay });
            await clock.sleep(delay);
        }
    }
}
