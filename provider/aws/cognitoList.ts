// ListUserPools, for the audit's account walk. A new file beside cognito.ts (same client settings:
// adaptive retry, maxAttempts 5, plus the bounded throttling retry of retry.ts), so that the
// shared-client rewrite of cognito.ts can fold it in.
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "./errors";
import { RetryClock, RetryRule, withRetry } from "./retry";

export interface ListOptions {
    region?: string;
    clock?: RetryClock;
    log?: (message: string) => void;
}

/** A user pool as ListUserPools names it. */
export interface ListedPool {
    id: string;
    name: string;
}

const THROTTLED: RetryRule = { names: ["TooManyRequestsException", "ThrottlingException"], budgetMs: 60_000, baseMs: 1_000, capMs: 10_000 };

// The service model's PoolQueryLimitType allows 1..60 per page.
const PAGE_SIZE = 60;

/** Every user pool of the account in the client's Region, page by page (NextToken). */
export async function listUserPools(opts: ListOptions = {}): Promise<ListedPool[]> {
    const c = new CognitoIdentityProviderClient({ region: opts.region, retryMode: "adaptive", maxAttempts: 5 });
    const out: ListedPool[] = [];
    try {
        let token: string | undefined;
        do {
            const res = await withRetry(() => c.send(new ListUserPoolsCommand({ MaxResults: PAGE_SIZE, NextToken: token })), {
                rules: [THROTTLED],
                clock: opts.clock,
                onRetry: (i) => opts.log?.(`ListUserPools: ${i.error}, retry ${i.attempt} in ${i.delayMs} ms`),
            });
            for (const p of res.UserPools ?? []) if (p.Id) out.push({ id: p.Id, name: p.Name ?? "" });
            token = res.NextToken || undefined;
        } while (token);
        return out;
    } catch (err) {
        throw new AwsCallError("ListUserPools", `the user pools${opts.region ? ` in ${opts.region}` : ""}`, err);
    } finally {
        c.destroy();
    }
}
