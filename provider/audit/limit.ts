// Runs async work on a list with at most `limit` items in flight, keeping the input order of the
// answers: Cognito's quota (15 requests/s per account and Region for user-pool reads) is shared
// by the whole account, so an audit must not fan out to hundreds of pools at once.
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const out = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i], i);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}
