// Provider overhead, in process: `npm run bench` runs this on Node 22 with AWS_ENDPOINT_URL
// pointing at the recording proxy in front of moto.
//
//   node bench/overhead.mjs <pool id> <iterations> <warm-up iterations>
//
// Each iteration runs the UserPoolMfaConfigProvider methods the engine calls in one resource's
// life (check, create, diff, read, update, delete) and, for comparison, the same AWS requests
// made bare with the SDK and one shared client (as the provider makes them: provider/aws/clients.ts),
// in turns. Then, apart, the same bare requests with a new client per call (as the provider made
// them before it shared one per process). Every method and every bare sequence is timed with
// process.cpuUsage() (user + system CPU of this process: moto and the proxy are other processes,
// so time spent waiting for them is not counted) and wall time. Provider CPU minus bare
// shared-client CPU is what the provider itself costs beyond the calls it makes; `perRequest`
// divides it by the number of requests the method made (counted in the bare shared sequence).
//
// Each cycle leaves the pool as it found it (MFA OFF, no owner tag), so every iteration makes
// the same requests: create = Get + TagResource + Set, read = Get, update = Get + Set,
// delete = Get + Set(OFF) + UntagResource. DescribeUserPool is asked once per pool per process
// (the first check's pre-flight; create and delete share its answer, as in a `pulumi` command):
// the bare sequences make it once too, before the first iteration.
// Prints one JSON document on stdout.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const { newUserPoolMfaConfigProvider } = await import(join(root, "bench/internals.mjs"));
const sdk = require("@aws-sdk/client-cognito-identity-provider");

const [poolId, itersArg, warmArg] = process.argv.slice(2);
const iterations = Number(itersArg ?? 50);
const warmup = Number(warmArg ?? 5);
const OWNER_TAG = "pulumi-cognito-mfa:owner";
const owner = "bench/overhead/mfa";
const A = { userPoolId: poolId, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true }, __owner: owner };
const B = { ...A, mfaConfiguration: "ON" };

const samples = {}; // name -> { cpuUs: [], wallMs: [] }
async function timed(name, record, fn) {
    counting = name;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = await fn();
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    if (record) {
        const s = (samples[name] ??= { cpuUs: [], wallMs: [] });
        s.cpuUs.push(c.user + c.system);
        s.wallMs.push(wallMs);
    }
    return out;
}

const provider = newUserPoolMfaConfigProvider();
await provider.configure({ config: { get: () => undefined } });

// The provider's client settings (provider/aws/clients.ts): region from the pool id, adaptive retries.
const gatewayClient = () => new sdk.CognitoIdentityProviderClient({ region: "us-east-1", retryMode: "adaptive", maxAttempts: 5 });
const shared = gatewayClient();
/** The bare requests of each provider method; `fresh`: a new client per call, destroyed after it. */
/** Requests the bare sequences sent, by sequence name ("create: bare, shared client"), per iteration. */
const sent = {};
let counting;
function bare(fresh) {
    const send = async (cmd) => {
        if (counting) sent[counting] = (sent[counting] ?? 0) + 1;
        const c = fresh ? gatewayClient() : shared;
        try {
            return await c.send(cmd);
        } finally {
            if (fresh) c.destroy();
        }
    };
    const get = () => send(new sdk.GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    const describe = () => send(new sdk.DescribeUserPoolCommand({ UserPoolId: poolId }));
    const set = (mode) =>
        send(
            new sdk.SetUserPoolMfaConfigCommand(
                mode === "OFF"
                    ? { UserPoolId: poolId, MfaConfiguration: "OFF" }
                    : { UserPoolId: poolId, MfaConfiguration: mode, SoftwareTokenMfaConfiguration: { Enabled: true } },
            ),
        );
    let arn;
    return {
        async check() {
            arn ??= (await describe()).UserPool.Arn;
        },
        async create() {
            await get();
            await send(new sdk.TagResourceCommand({ ResourceArn: arn, Tags: { [OWNER_TAG]: owner } }));
            await set("OPTIONAL");
        },
        read: () => get(),
        async update() {
            await get();
            await set("ON");
        },
        async delete() {
            await get();
            await set("OFF");
            await send(new sdk.UntagResourceCommand({ ResourceArn: arn, TagKeys: [OWNER_TAG] }));
        },
    };
}
const bareFresh = bare(true);
const bareShared = bare(false);

/** The provider, as the engine drives it over one resource's life. */
async function providerCycle(rec) {
    await timed("provider.check (create)", rec, () => provider.check({}, A));
    await timed("provider.check (no change)", rec, () => provider.check(A, A));
    const created = await timed("provider.create", rec, () => provider.create(A));
    await timed("provider.diff", rec, () => provider.diff(poolId, created.outs, B));
    await timed("provider.read", rec, () => provider.read(poolId, created.outs));
    const updated = await timed("provider.update", rec, () => provider.update(poolId, created.outs, B));
    await timed("provider.delete", rec, () => provider.delete(poolId, updated.outs));
}

/** The same requests, bare. */
async function bareCycle(label, b, rec) {
    await timed(`check: ${label}`, rec, () => b.check());
    await timed(`create: ${label}`, rec, () => b.create());
    await timed(`read: ${label}`, rec, () => b.read());
    await timed(`update: ${label}`, rec, () => b.update());
    await timed(`delete: ${label}`, rec, () => b.delete());
}

// The provider and the bare requests with one shared client, iteration by iteration, in turns
// (which goes first alternates, so neither always runs right after the other's allocations).
for (let i = 0; i < warmup + iterations; i++) {
    const rec = i >= warmup;
    if (i % 2 === 0) {
        await providerCycle(rec);
        await bareCycle("bare, shared client", bareShared, rec);
    } else {
        await bareCycle("bare, shared client", bareShared, rec);
        await providerCycle(rec);
    }
}
// A new client per call, apart: the clients it builds and drops would otherwise leave their
// garbage to be collected during the next iteration's timings.
for (let i = 0; i < warmup + iterations; i++) await bareCycle("bare, new client per call", bareFresh, i >= warmup);
shared.destroy();

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [
        k,
        {
            n: s.cpuUs.length,
            cpuUsMedian: Math.round(median(s.cpuUs)),
            cpuUsMean: Math.round(mean(s.cpuUs)),
            wallMsMedian: +median(s.wallMs).toFixed(2),
            wallMsMean: +mean(s.wallMs).toFixed(2),
        },
    ]),
);
// µs of CPU per AWS request above the same requests made bare with one shared client (issue 18's
// goal: at most 150), for the methods that make requests: the difference of the medians, and the
// median of the differences within an iteration (the two ran back to back, so a change of the
// machine's load between iterations cancels out).
const perRequest = Object.fromEntries(
    ["create", "read", "update", "delete"].map((m) => {
        const requests = sent[`${m}: bare, shared client`] / (warmup + iterations);
        const p = samples[`provider.${m}`].cpuUs;
        const b = samples[`${m}: bare, shared client`].cpuUs;
        const above = summary[`provider.${m}`].cpuUsMedian - summary[`${m}: bare, shared client`].cpuUsMedian;
        const paired = median(p.map((x, i) => x - b[i]));
        return [
            m,
            {
                requests,
                cpuUsAboveSharedClient: above,
                cpuUsPerRequest: Math.round(above / requests),
                cpuUsPerRequestPaired: Math.round(paired / requests),
            },
        ];
    }),
);
console.log(JSON.stringify({ iterations, warmup, node: process.version, methods: summary, perRequest }));
