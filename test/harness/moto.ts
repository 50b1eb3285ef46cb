// A moto server (the AWS fake from tools/moto-requirements.txt) on a free loopback port.
// The provider under test reaches it only through the standard AWS_* environment variables
// (awsEnv below); there is no test-only code path in the provider.
import { ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { after, afterEach, before } from "node:test";
import {
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    GetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient } from "@aws-sdk/client-iam";

/** The repository root (this file is compiled to dist/test/harness/moto.js). */
export const repoRoot = resolve(__dirname, "../../..");

export interface Moto {
    readonly endpoint: string; // http://127.0.0.1:PORT
    /** Everything the server printed so far (requests, tracebacks). */
    log(): string;
    /** Wipes every service and account (POST /moto-api/reset). */
    reset(): Promise<void>;
    stop(): Promise<void>;
}

/** Environment for the AWS SDK (and so for the provider inside `pulumi`) to talk to moto. */
export function awsEnv(endpoint: string): Record<string, string> {
    return {
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
        AWS_REGION: "us-east-1",
        // No instance-metadata lookups (they would leave loopback).
        AWS_EC2_METADATA_DISABLED: "true",
    };
}

const clientConfig = (endpoint: string) => ({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
});
export const cognitoClient = (endpoint: string) => new CognitoIdentityProviderClient(clientConfig(endpoint));

/** GetUserPoolMfaConfig as the service answers it, without the SDK's $metadata (for deepEqual). */
export async function liveMfa(endpoint: string, poolId: string, c: CognitoIdentityProviderClient = cognitoClient(endpoint)) {
    const res = await c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    delete (res as { $metadata?: unknown }).$metadata;
    return res;
}
export const iamClient = (endpoint: string) => new IAMClient(clientConfig(endpoint));

/** Creates a user pool (MFA OFF, as a fresh pool is) and returns its id. */
export async function createUserPool(endpoint: string, poolName = `pool-${Date.now()}`): Promise<string> {
    const out = await cognitoClient(endpoint).send(new CreateUserPoolCommand({ PoolName: poolName }));
    const id = out.UserPool?.Id;
    if (!id) throw new Error(`CreateUserPool returned no id: ${JSON.stringify(out)}`);
    return id;
}

function freePort(): Promise<number> {
    return new Promise((ok, fail) => {
        const srv = createServer();
        srv.once("error", fail);
        srv.listen(0, "127.0.0.1", () => {
            const { port } = srv.address() as { port: number };
            srv.close(() => ok(port));
        });
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a moto server on a free loopback port and waits until it answers. */
export async function startMoto(timeoutMs = 60_000, opts: MotoOptions = {}): Promise<Moto> {
    // Another process may grab the port between freePort() and moto's bind: then moto exits
    // at once, and a new port is tried.
    for (let attempt = 1; ; attempt++) {
        try {
            return await launchMoto(await freePort(), timeoutMs, opts);
        } catch (e) {
            if (attempt >= 3 || !(e instanceof EarlyExit)) throw e;
        }
    }
}

class EarlyExit extends Error {}

export interface MotoOptions {
    /**
     * Whether the account's SMS is in the SNS sandbox (GetSMSSandboxAccountStatus). A new AWS
     * account is, and so is the emulator's by default (tools/moto-ext); false stands for an
     * account moved out of it, for tests about other rules than SMS delivery.
     */
    smsSandbox?: boolean;
}

async function launchMoto(port: number, timeoutMs: number, opts: MotoOptions): Promise<Moto> {
    const endpoint = `http://127.0.0.1:${port}`;
    let log = "";
    const proc: ChildProcess = spawn(join(repoRoot, ".venv/bin/moto_server"), ["-H", "127.0.0.1", "-p", String(port)], {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, ...(opts.smsSandbox === false ? { COGNITO_MFA_MOTO_SMS_SANDBOX: "false" } : {}) },
    });
    proc.stdout!.on("data", (d) => (log += d));
    proc.stderr!.on("data", (d) => (log += d));
    let exited: string | undefined;
    proc.on("exit", (code, sig) => (exited = `moto_server exited (code ${code}, signal ${sig})`));
    proc.on("error", (e) => (exited = `moto_server failed to start: ${e.message}`));
    // Never leave a server behind when the test process ends without calling stop().
    const killOnExit = () => proc.kill("SIGKILL");
    process.once("exit", killOnExit);
    proc.once("exit", () => process.off("exit", killOnExit));

    const moto: Moto = {
        endpoint,
        log: () => log,
        async reset() {
            const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
            if (!res.ok) throw new Error(`moto reset: HTTP ${res.status} ${await res.text()}`);
        },
        async stop() {
            if (exited || proc.exitCode !== null) return;
            const done = new Promise((r) => proc.once("exit", r));
            proc.kill("SIGTERM");
            const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
            await done;
            clearTimeout(timer);
        },
    };

    // The port is known only to be free a moment ago, and the server takes a few seconds to
    // import; poll the dashboard until it answers.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (exited) throw new EarlyExit(`${exited} before answering on ${endpoint}\n${log}`);
        try {
            const res = await fetch(`${endpoint}/moto-api/`);
            if (res.ok) return moto;
        } catch {
            /* not listening yet */
        }
        if (Date.now() > deadline) {
            await moto.stop();
            throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms\n${log}`);
        }
        await sleep(200);
    }
}

/**
 * Registers node:test hooks in the current file or suite: one moto server for all its tests
 * (started in `before`, stopped in `after`), reset after each test, and its log printed
 * when a test failed. Use `m.moto` inside tests.
 */
export function useMoto(opts: { resetAfterEach?: boolean } & MotoOptions = {}): { readonly moto: Moto } {
    let moto: Moto | undefined;
    let printed = 0; // print only the log lines that belong to the failed test
    before(async () => {
        moto = await startMoto(undefined, opts);
    });
    afterEach(async (t) => {
        if (!moto) return;
        // `passed` exists at run time on Node >= 21.7 but is missing from @types/node 22's typings.
        if (!(t as unknown as { passed: boolean }).passed) {
            console.error(`----- moto log for failed test "${t.name}" (${moto.endpoint}) -----\n${moto.log().slice(printed)}-----`);
        }
        printed = moto.log().length;
        if (opts.resetAfterEach ?? true) await moto.reset();
    });
    after(async () => {
        await moto?.stop();
    });
    return {
        get moto() {
            if (!moto) throw new Error("moto is not started yet: use it inside a test, after the before hook");
            return moto;
        },
    };
}
