// The machine the benchmark ran on, for the top of results.md.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { node22, pulumiBin } from "./settings.mjs";
import { require, runDir } from "./rig.mjs";
import { sh } from "./util.mjs";

export function machine() {
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
        // Where the file backends live: bytes-written (write_bytes) counts only block-device files.
        scratchFilesystem: sh("df", ["--output=fstype,source", runDir]).split("\n").pop()?.trim(),
    };
}
