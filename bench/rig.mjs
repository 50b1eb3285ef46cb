// The rig every part shares: the scratch directory and its log, the test harness (compiled by
// scripts/setup.mjs into dist/test/harness), moto with the recording proxy in front of it, the
// pools, and the count of the requests the proxy saw.
import { appendFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./settings.mjs";
import { say, timedMs } from "./util.mjs";

// ---------------------------------------------------------------------------------------------
// Scratch space, log, and the harness.

export const runDir = mkdtempSync(join(tmpdir(), "cognito-mfa-bench-"));
process.env.RIG_RUN_DIR = runDir;
export const logFile = join(runDir, "bench.log");
// The harness echoes every CLI call with console.log: into the log file, not the terminal.
console.log = (...a) => appendFileSync(logFile, a.map(String).join(" ") + "\n");
say(`[bench] scratch ${runDir} (log: ${logFile})`);

export const require = createRequire(join(root, "package.json"));
const { startMoto, awsEnv, cognitoClient } = require("./dist/test/harness/moto.js");
const { startFaultProxy } = require("./dist/test/harness/faultProxy.js");
export const { Stack, resourceChanges } = require("./dist/test/harness/pulumi.js");
const { CreateUserPoolCommand, SetUserPoolMfaConfigCommand } = require("@aws-sdk/client-cognito-identity-provider");

// ---------------------------------------------------------------------------------------------
// moto and the proxy (startRig), and what the parts do through them.

export let moto;
export let proxy;
/** The environment of a `pulumi` command: AWS through the recording proxy. */
export let pulumiEnv;
/** A Cognito client straight to moto: set-up and clean-up, not recorded. */
export let direct;

export async function startRig() {
    moto = await startMoto();
    proxy = await startFaultProxy(moto.endpoint);
    proxy.clearRules(); // recording only
    pulumiEnv = awsEnv(proxy.endpoint);
    direct = cognitoClient(moto.endpoint);
}

export async function stopRig() {
    await proxy?.stop();
    await moto?.stop();
}

export async function createPool(name, essentials = false) {
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
export function classify(mark) {
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
export const mark = () => proxy.requests().length;

/** One `pulumi` command, with its wall time and the calls it made. */
export async function measured(stack, fn) {
    const m = mark();
    const { ms, out } = await timedMs(fn);
    return {
        ms,
        calls: classify(m),
        summary: out?.json?.changeSummary,
        steps: out ? resourceChanges(out).map((c) => `${c.op} ${c.name}`) : [],
    };
}

let poolCache = [];
export async function pools(n) {
    // Ten at a time: moto answers CreateUserPool in ~0.3 s under load, so 1,000 one by one take minutes.
    while (poolCache.length < n) {
        const batch = Array.from({ length: Math.min(10, n - poolCache.length) }, (_, i) =>
            createPool(`bench-scale-${poolCache.length + i}-${Date.now()}`),
        );
        poolCache.push(...(await Promise.all(batch)));
    }
    return poolCache.slice(0, n);
}

/** Sets the pools back to MFA OFF (straight to moto), so that each round starts from the same place. */
export async function resetPools(ids) {
    for (let i = 0; i < ids.length; i += 10)
        await Promise.all(
            ids.slice(i, i + 10).map((id) => direct.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OFF" }))),
        );
}

/** The environment of the tools run beside Pulumi (the AWS CLI, the SDK scripts): test credentials, no profile. */
export const cliEnv = {
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
