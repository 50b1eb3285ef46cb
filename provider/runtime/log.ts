// Log lines from inside the dynamic-provider host: debug (retries, SDK attempts) and warnings
// (pre-flight reads that were denied).
//
// `pulumi.log.debug` does nothing in that process: the host (cmd/dynamic-provider/index.js) is
// started with the engine's address as its first argument but never connects @pulumi/pulumi's
// log module to it (PULUMI_NODEJS_ENGINE is unset there). And what the host writes to stderr
// the engine shows at the *default* level, as an "info#err" message on the stack. So the lines
// are sent to the engine's Log service with severity DEBUG: `pulumi up --debug` (or `-v=N
// --logtostderr`) shows them, a plain `pulumi up` does not. Outside the host (unit tests, other
// processes), or if the engine cannot be reached, they go to stderr.
import { dirname } from "node:path";

interface EngineLogClient {
    log(req: unknown, md: unknown, opts: { deadline: number }, cb: (err: unknown) => void): void;
}

interface EngineProto {
    LogRequest: new () => { setSeverity(s: number): void; setMessage(m: string): void };
    LogSeverity: { DEBUG: number; WARNING: number };
}
interface Grpc {
    Metadata: new () => unknown;
    credentials: { createInsecure(): unknown };
}

let engine: { client: EngineLogClient; pb: EngineProto; grpc: Grpc } | null | undefined;

function engineAddress(): string | undefined {
    const main = require.main?.filename ?? "";
    const addr = process.argv[2];
    if (!/[\\/]cmd[\\/]dynamic-provider[\\/]index\.js$/.test(main) || !addr || !/^[\w.[\]:-]+:\d+$/.test(addr)) return undefined;
    return addr;
}

/** One engine client per process (lazily; null once known to be unavailable). */
function connect(): typeof engine {
    if (engine !== undefined) return engine;
    const addr = engineAddress();
    if (!addr) return (engine = null);
    try {
        // Loaded from @pulumi/pulumi's own dependencies at run time: the package does not depend on
        // gRPC itself, and this runs only inside the provider host.
        /* eslint-disable @typescript-eslint/no-require-imports */
        const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
        const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as Grpc;
        const rpc = require(`${pulumiDir}/proto/engine_grpc_pb`) as {
            EngineClient: new (address: string, credentials: unknown) => EngineLogClient;
        };
        const pb = require(`${pulumiDir}/proto/engine_pb`) as EngineProto;
        /* eslint-enable @typescript-eslint/no-require-imports */
        return (engine = { client: new rpc.EngineClient(addr, grpc.credentials.createInsecure()), pb, grpc });
    } catch {
        return (engine = null);
    }
}

/**
 * Sends one line to the engine's log at the given severity; false when there is no engine to
 * reach (never throws). Awaiting it means the engine has the line before the caller goes on.
 */
async function send(severity: "DEBUG" | "WARNING", text: string): Promise<boolean> {
    const e = connect();
    if (!e) return false;
    try {
        const req = new e.pb.LogRequest();
        req.setSeverity(e.pb.LogSeverity[severity]);
        req.setMessage(text);
        await new Promise<void>((ok, ko) =>
            e.client.log(req, new e.grpc.Metadata(), { deadline: Date.now() + 5_000 }, (err) =>
                err ? ko(err instanceof Error ? err : new Error(JSON.stringify(err))) : ok(),
            ),
        );
        return true;
    } catch {
        return false;
    }
}

/** A debug-level line in Pulumi's log (`pulumi up --debug`); stderr outside the host. */
export async function debugLog(message: string): Promise<void> {
    const text = `[pulumi-cognito-mfa] ${message}`;
    if (!(await send("DEBUG", text))) console.error(text);
}

/** A warning that `pulumi preview` shows and counts; stderr outside the host. */
export async function warnLog(message: string): Promise<void> {
    if (!(await send("WARNING", message))) console.error(`warning: ${message}`);
}
