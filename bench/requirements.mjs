// The bench-only Python requirements (the AWS CLI) in .venv, like setup.mjs does for moto.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function installBenchRequirements() {
    const req = "tools/bench-requirements.txt";
    const stamp = ".venv/.bench-requirements.sha256";
    const want = createHash("sha256").update(readFileSync(req)).digest("hex");
    if (existsSync(".venv/bin/aws") && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === want) return "up to date";
    const r = spawnSync(".venv/bin/python", ["-m", "pip", "install", "--quiet", "-r", req], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`pip install -r ${req} failed`);
    writeFileSync(stamp, want + "\n");
    return `installed ${req}`;
}
