// What every part of the benchmark uses: spawning, timing, medians, progress lines.
import { spawn, spawnSync } from "node:child_process";

/** When the run started (the driver imports this first). */
export const t0Total = Date.now();

/** A line on the terminal (console.log goes to the log file, see rig.mjs). */
export const say = (...a) => process.stdout.write(a.join(" ") + "\n");

export function sh(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
    return (r.stdout ?? "").trim() || (r.stderr ?? "").trim();
}

/** Async spawn (the proxy lives in this process: a sync spawn would block it). */
export function run(cmd, args, opts = {}) {
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

export async function timedMs(fn) {
    const t0 = process.hrtime.bigint();
    const out = await fn();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
}

export const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const sec = (ms) => +(ms / 1000).toFixed(2);

export function step(name) {
    say(`[bench] ${name} (${sec(Date.now() - t0Total)} s in)`);
}
