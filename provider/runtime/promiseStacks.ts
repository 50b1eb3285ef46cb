// Every property a resource registers costs @pulumi/pulumi several promises, and the SDK stamps
// each with `new Error().stack` as it makes it (runtime/debuggable.js, debuggablePromise): a
// stack formatted at once, and under ts-node mapped through source maps frame by frame. A
// UserPoolMfaConfig registers a dozen properties, so a program of 1,000 spent most of its
// registration time formatting stacks (with the SDK's mocks, plain Node: 1.33 s to construct
// 1,000, 0.36 s without the stacks). The SDK prints those stacks only in its report of leaked
// promises with PULUMI_DEBUG_PROMISE_LEAKS set, so they are kept then. Source positions do not
// suffer: `Resource.callsites` raises the limit itself. An error the SDK throws from inside the
// constructor keeps its message and loses its stack.

/** Turns off the stacks of the SDK's promises made from now on; returns what turns them back on. */
export function withoutPromiseStacks(): () => void {
    if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    return () => {
        Error.stackTraceLimit = limit;
    };
}
