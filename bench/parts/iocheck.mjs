// Part "iocheck": one `up` per program under strace at N in BENCH_STRACE_NS: the exact bytes
// written into the backend, by file, and the number of checkpoint saves, to check what
// bytes-written counts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { checkpointPath, newStack, OP_ARGS, programs, pulumiCmd } from "../programs.mjs";
import { classify, mark, pools, resetPools, runDir } from "../rig.mjs";
import { STRACE_NS } from "../settings.mjs";
import { say, step } from "../util.mjs";

/**
 * Runs `up` under `strace -ff -y` (write-family syscalls and renames only, so the other
 * syscalls run untraced) and sums the bytes each process wrote to each file, a temp file being
 * counted under the name it is renamed to. The stack's checkpoint saves are the renames onto
 * <stack>.json. Timings of these runs are not used (strace slows every write).
 */
async function straceUp(stack, name, n) {
    const dir = mkdtempSync(join(runDir, "strace-"));
    const backend = join(dirname(stack.dir), "state");
    const m = mark();
    await stack.exec("strace", [
        "-ff",
        "-qq",
        "-y",
        "-s",
        "0",
        "-e",
        "signal=none",
        "-e",
        "trace=write,pwrite64,writev,pwritev,pwritev2,rename,renameat,renameat2,copy_file_range,sendfile",
        "-o",
        join(dir, "t"),
        "pulumi",
        ...OP_ARGS.up,
        "--non-interactive",
    ]);
    const calls = classify(m);
    const bytesByPath = new Map();
    const renames = [];
    for (const f of readdirSync(dir)) {
        for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
            let mm;
            if ((mm = /^copy_file_range\(\d+<[^>]*>, [^,]+, (\d+)<([^>]*)>.* = (\d+)$/.exec(line))) {
                bytesByPath.set(mm[2], (bytesByPath.get(mm[2]) ?? 0) + Number(mm[3]));
            } else if ((mm = /^(?:write|writev|pwrite64|pwritev2?|sendfile)\((\d+)<([^>]*)>.* = (\d+)$/.exec(line))) {
                bytesByPath.set(mm[2], (bytesByPath.get(mm[2]) ?? 0) + Number(mm[3]));
            } else if ((mm = /^rename(?:at2?)?\((?:[^,]*<[^>]*>, )?"([^"]+)", (?:[^,]*<[^>]*>, )?"([^"]+)".* = 0$/.exec(line))) {
                renames.push([mm[1], mm[2]]);
            }
        }
    }
    rmSync(dir, { recursive: true, force: true });
    const finalName = new Map(renames);
    const classes = {};
    const others = [];
    const addTo = (k, b) => (classes[k] = (classes[k] ?? 0) + b);
    const stackFile = `/stacks/`;
    for (const [p0, b] of bytesByPath) {
        const p = finalName.get(p0) ?? p0;
        if (p.startsWith("pipe:") || p.startsWith("socket:") || p.startsWith("/dev/"))
            addTo(p.split(":")[0].replace(/^\/dev\/.*/, "dev"), b);
        else if (!p.startsWith(backend)) {
            addTo("other files", b);
            others.push([p, b]);
        } else if (p.includes(stackFile) && p.endsWith(`/${name}.json`)) addTo("backend: checkpoint <stack>.json", b);
        else if (p.includes(stackFile) && p.endsWith(`/${name}.json.bak`)) addTo("backend: <stack>.json.bak", b);
        else if (p.endsWith(".attrs")) addTo("backend: .attrs sidecars", b);
        else if (p.includes("/.pulumi/history/")) addTo("backend: history", b);
        else if (p.includes("/.pulumi/backups/")) addTo("backend: backups", b);
        else addTo("backend: other", b);
    }
    const backendBytes = Object.entries(classes)
        .filter(([k]) => k.startsWith("backend"))
        .reduce((a, [, b]) => a + b, 0);
    const checkpointSaves = renames.filter(([, to]) => to.startsWith(backend) && to.endsWith(`/${name}.json`)).length;
    const bakSaves = renames.filter(([, to]) => to.startsWith(backend) && to.endsWith(`/${name}.json.bak`)).length;
    const otherFiles = others
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([p, b]) => ({ path: relative(runDir, p).startsWith("..") ? p : `<scratch>/${relative(runDir, p)}`, bytes: b }));
    return { n, checkpointSaves, bakSaves, backendBytes, bytesByClass: classes, otherFiles, calls: calls.total };
}

export default async function iocheck() {
    if (spawnSync("strace", ["-V"]).status !== 0) return { skipped: "strace not installed" };
    const out = {};
    const progs = await programs();
    for (const n of STRACE_NS) {
        step(`iocheck: strace of up at N = ${n}`);
        const ids = await pools(n);
        await resetPools(ids);
        out[n] = {};
        for (const [p, s] of Object.entries(progs)) {
            const name = `bench-strace-n${n}`;
            await newStack(s, name, ids);
            out[n][p] = await straceUp(s, name, n);
            // The same up again, through ioexec, right after (fresh stack): what write_bytes says.
            await pulumiCmd(s, "destroy");
            await s.pulumi(["stack", "rm", "--yes", name]);
            await newStack(s, name, ids);
            const r = await pulumiCmd(s, "up", { n });
            out[n][p].ioexec = r.io;
            out[n][p].checkpointFileBytes = statSync(checkpointPath(s, name)).size;
            await pulumiCmd(s, "destroy");
            await s.pulumi(["stack", "rm", "--yes", name]);
            say(
                `[bench]   ${p} N=${n}: ${out[n][p].checkpointSaves} checkpoint saves, backend ${out[n][p].backendBytes} B (strace), write_bytes ${r.io.write_bytes} B`,
            );
        }
    }
    return out;
}
