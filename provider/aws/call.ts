// The one wrapper around every AWS call (Cognito, IAM, SNS): the operation log, the retries the
// SDK does not do, and the error with its fix.
//
// The SDK's `adaptive` mode (aws/clients.ts) already retries throttling, 5xx and connection
// resets, up to 5 attempts, pacing a shared client to what the service accepts. What it does not
// retry: ConcurrentModification (Cognito and IAM answer it while another change is in progress)
// and, for a write that names an SMS role, the InvalidSmsRole* errors of IAM propagation (the
// caller passes that rule, with its budget).
import { AwsCallError } from "./errors";
import { pace } from "./quota";
import { errorName, RetryClock, RetryRule, withRetry } from "./retry";

export interface CallOptions {
    clock?: RetryClock;
    log?: (message: string) => void;
}

export interface Call {
    /** The API operation, e.g. "SetUserPoolMfaConfig". */
    operation: string;
    /** What the log lines name: the pool id or the role name. */
    subject: string;
    /** What the error names: "user pool <id> in <Region>", "IAM role <name>". */
    target: string;
    userPoolId?: string;
    /** Rules beyond ConcurrentModification. */
    rules?: readonly RetryRule[];
    /** The fix the error gives (default: errors.ts's Cognito fixes, by error name). */
    fix?: (err: unknown) => string | undefined | Promise<string | undefined>;
}

const CONCURRENT: RetryRule = {
    // Cognito's name, and IAM's code (the SDK names its exception ConcurrentModificationException).
    names: ["ConcurrentModificationException", "ConcurrentModification"],
    budgetMs: 30_000,
    baseMs: 1_000,
    capMs: 8_000,
};

type Metadata = { attempts?: number; totalRetryDelay?: number };

/**
 * Runs `send`, retrying what the SDK does not (each retry logged: `<op> <subject>: <error>, retry
 * <n> in <ms> ms`), and logs when the SDK itself retried (`$metadata.attempts`, on success and on
 * failure), so that every retry shows in the debug log. A failure is thrown as an AwsCallError.
 */
export async function awsCall<T>(call: Call, opts: CallOptions, send: () => Promise<T>): Promise<T> {
    const { operation: op, subject } = call;
    const log = opts.log;
    const sdkRetries = (m: Metadata | undefined, outcome: string) => {
        if (log && (m?.attempts ?? 1) > 1)
            log(`${op} ${subject}: ${outcome} after ${m!.attempts} SDK attempts (${m!.totalRetryDelay ?? 0} ms of SDK backoff)`);
    };
    const attempt = async () => {
        // Each request waits for its quota's next slot (aws/quota.ts): a stack's parallel steps
        // would otherwise burst into 429s.
        await pace(op);
        try {
            const res = await send();
            sdkRetries((res as { $metadata?: Metadata } | undefined)?.$metadata, "succeeded");
            return res;
        } catch (err) {
            sdkRetries((err as { $metadata?: Metadata } | undefined)?.$metadata, `failed with ${errorName(err)}`);
            throw err;
        }
    };
    try {
        return await withRetry(attempt, {
            rules: call.rules ? [CONCURRENT, ...call.rules] : [CONCURRENT],
            clock: opts.clock,
            onRetry: log && ((i) => log(`${op} ${subject}: ${i.error}, retry ${i.attempt} in ${i.delayMs} ms`)),
        });
    } catch (err) {
        throw new AwsCallError(op, call.target, err, call.userPoolId, call.fix ? await call.fix(err) : undefined);
    }
}
