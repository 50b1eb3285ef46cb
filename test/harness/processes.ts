// The processes a test started, found through /proc (Linux), and how to reap them all.
// Killing a process, or its process group, does not reach everything it started: the Pulumi
// engine starts each plugin (the language host, the pulumi-nodejs dynamic provider) in a process
// group of its own, and a plugin whose engine died (SIGKILL) keeps serving gRPC with no one to
// stop it, reparented to init. So a tree is recorded by parent pid before the kill, and what a
// command started is also found by a marker in its environment, which every descendant inherits.
import { readdirSync, readFileSync } from "node:fs";

export interface Proc {
    pid: number;
    ppid: number;
    pgid: number;
    sid: number;
    /** Clock ticks since boot when it started: with the pid, tells a process from a later one that reused its pid. */
    start: string;
    /** Zombies are dead already (only their parent's wait is missing). */
    zombie: boolean;
    cmdline: string;
}

function readProc(pid: number): Proc | undefined {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        let cmdline = "";
        try {
            cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
        } catch {
            // exited meanwhile, or not ours to read: the stat fields are enough
        }
        return { pid, ppid: +f[1], pgid: +f[2], sid: +f[3], start: f[19], zombie: f[0] === "Z", cmdline };
    } catch {
        return undefined; // exited meanwhile
    }
}

/** Every process on the machine now. */
export function processes(): Proc[] {
    return readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .map((d) => readProc(+d))
        .filter((p): p is Proc => p !== undefined);
}

/** The living descendants of `pid`, at any depth, whatever process group or session they moved to. */
export function descendants(pid: number, all: Proc[] = processes()): Proc[] {
    const children = new Map<number, Proc[]>();
    for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const out: Proc[] = [];
    const queue = [pid];
    while (queue.length > 0) {
        for (const c of children.get(queue.shift()!) ?? []) {
            out.push(c);
            queue.push(c.pid);
        }
    }
    return out.filter((p) => !p.zombie);
}

/** The living processes whose environment has `name=value` (only processes this user may read). */
export function withEnv(name: string, value: string, all: Proc[] = processes()): Proc[] {
    const entry = `${name}=${value}`;
    return all.filter((p) => {
        if (p.zombie || p.pid === process.pid) return false;
        try {
            return readFileSync(`/proc/${p.pid}/environ`, "utf8").split("\0").includes(entry);
        } catch {
            return false;
        }
    });
}

/** Whether the process recorded as `p` still runs (the same pid with the same start time, not a zombie). */
export function alive(p: Proc): boolean {
    const now = readProc(p.pid);
    return now !== undefined && now.start === p.start && !now.zombie;
}

/**
 * SIGKILLs every process of `procs` that still runs, and waits (up to `timeoutMs`) until none
 * does. Returns those that were still running, that is, those it had to kill.
 */
export async function reap(procs: Proc[], timeoutMs = 10_000): Promise<Proc[]> {
    // The same process may come both from a tree and from a marker.
    const unique = [...new Map(procs.map((p) => [`${p.pid}/${p.start}`, p])).values()];
    const running = unique.filter(alive);
    for (const p of running) {
        try {
            process.kill(p.pid, "SIGKILL");
        } catch {
            // exited between the check and the kill
        }
    }
    const t0 = Date.now();
    while (running.some(alive)) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`still running after SIGKILL: ${showProcs(running.filter(alive))}`);
        await new Promise((r) => setTimeout(r, 50));
    }
    return running;
}

export const showProcs = (ps: Proc[]) => ps.map((p) => `${p.pid} (pgid ${p.pgid}, sid ${p.sid}) ${p.cmdline.slice(0, 160)}`).join("; ");
