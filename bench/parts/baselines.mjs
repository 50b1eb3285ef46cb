// Part "baselines": the same N writes / reads without Pulumi, by a loop of the AWS CLI
// (N <= BENCH_CLI_MAX_N) and by a plain SDK script (sequential, Promise.all).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliEnv, pools, proxy, resetPools, runDir } from "../rig.mjs";
import { CLI_MAX_N, node22, NS, root, runsFor } from "../settings.mjs";
import { median, run, sec, step } from "../util.mjs";

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

// pulumi up / destroy compare with the loops' set / off; preview, no-change up and refresh with
// the loops' get (they read, or at most validate, per resource).
const BASELINE_OP = { up: "set", preview: "get", "up (no change)": "get", refresh: "get", destroy: "off" };

export default async function baselines() {
    const samples = {}; // N -> tool -> op -> [ms]
    const add = (n, tool, op, ms) => (((samples[n] ??= {})[tool] ??= {})[op] ??= []).push(ms);
    const maxRuns = Math.max(...NS.map(runsFor));
    for (let run = 1; run <= maxRuns; run++) {
        for (const n of NS) {
            if (run > runsFor(n)) continue;
            step(`baselines: run ${run}, N = ${n}${n > CLI_MAX_N ? ` (no AWS CLI loop above N = ${CLI_MAX_N})` : ""}`);
            const ids = await pools(n);
            const idsFile = join(runDir, `ids-${n}.txt`);
            writeFileSync(idsFile, ids.join("\n") + "\n");
            if (n <= CLI_MAX_N) {
                await resetPools(ids);
                for (const op of ["set", "get", "off"]) add(n, "aws CLI loop", op, (await cliLoop(op, idsFile)).ms);
            }
            for (const mode of ["seq", "all"]) {
                await resetPools(ids);
                for (const op of ["set", "get", "off"])
                    add(n, `SDK script (${mode === "seq" ? "sequential" : "Promise.all"})`, op, (await sdkScript(mode, op, idsFile)).ms);
            }
        }
    }
    const table = {};
    for (const n of NS) {
        table[n] = {};
        for (const [tool, ops] of Object.entries(samples[n] ?? {}))
            table[n][tool] = Object.fromEntries(Object.entries(ops).map(([op, v]) => [op, sec(median(v))]));
    }
    return { table, samplesMs: samples, cliMaxN: CLI_MAX_N, baselineOp: BASELINE_OP };
}
