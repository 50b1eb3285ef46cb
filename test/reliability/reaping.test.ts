// The rig cleans up after itself: a command killed with its process group, or one that exits
// leaving something behind, leaves nothing running once Stack.start's result settles. The tree is
// built like the one under a `pulumi up` (whose plugins run in process groups of their own, and
// go on running after the CLI's SIGKILL), without the CLI, so that it runs in a second.
import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Stack } from "../harness/pulumi";
import { descendants, Proc, processes } from "../harness/processes";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each process writes its own pid ($$ of a bash that then execs `sleep`), so setsid's fork cannot hide it. */
const sleeper = (name: string) => `bash -c 'echo $$ > ${name}.pid; exec sleep 300'`;

async function pidsOf(dir: string, names: string[]): Promise<Map<string, Proc>> {
    const t0 = Date.now();
    while (!names.every((n) => existsSync(join(dir, `${n}.pid`)) && readFileSync(join(dir, `${n}.pid`), "utf8").endsWith("\n"))) {
        if (Date.now() - t0 > 30_000) throw new Error(`the tree did not start: ${names.join(", ")}`);
        await sleep(50);
    }
    const all = processes();
    return new Map(
        names.map((n) => {
            const pid = Number(readFileSync(join(dir, `${n}.pid`), "utf8").trim());
            const p = all.find((x) => x.pid === pid);
            assert.ok(p, `${n} (${pid}) runs`);
            return [n, p];
        }),
    );
}

const isRunning = (p: Proc) => processes().some((x) => x.pid === p.pid && x.start === p.start && !x.zombie);

describe("the rig reaps what a command leaves running", () => {
    const stack = Stack.inPlace("examples/totp-optional");

    it("SIGKILL to a command's process group: every descendant dies, in whatever group or session it moved to", async () => {
        const dir = mkdtempSync(join(tmpdir(), "reaping-"));
        // `set -m`: each background job gets a process group of its own, as the engine gives each plugin.
        const script = [
            "set -m",
            `${sleeper("group")} &`,
            // -w: setsid forks (a job leads its group already) and waits, so the session stays under the command.
            `setsid -w ${sleeper("session")} &`,
            // Its parent exits at once: it is no descendant of the command when the signal comes.
            `(setsid ${sleeper("orphan")} &)`,
            // The command itself, like the CLI, waits until it is killed.
            "exec sleep 300",
        ].join("\n");
        const run = stack.start("bash", ["-c", script], { cwd: dir, allowFailure: true, ownGroup: true });
        const procs = await pidsOf(dir, ["group", "session", "orphan"]);
        const group = procs.get("group")!;
        const session = procs.get("session")!;
        const orphan = procs.get("orphan")!;
        // The tree is what the test means it to be: out of reach of a signal to the command's group.
        const top = processes().find((p) => p.pid === run.pid)!;
        assert.equal(top.pgid, run.pid, "the command leads a process group of its own");
        assert.notEqual(group.pgid, top.pgid, "group: another process group");
        assert.notEqual(session.sid, top.sid, "session: another session");
        assert.notEqual(orphan.sid, top.sid, "orphan: another session");
        const tree = descendants(run.pid).map((p) => p.pid);
        assert.ok(tree.includes(group.pid) && tree.includes(session.pid), "group and session are under the command");
        assert.ok(!tree.includes(orphan.pid), "orphan is not under the command (only its RIG_EXEC_ID finds it)");

        run.signal("SIGKILL");
        const result = await run.result;
        assert.equal(result.code, 128, "the command was killed");
        // Each survived the group's SIGKILL and had to be reaped: the group kill alone leaks them.
        const reaped = new Set(result.reaped.map((p) => `${p.pid}/${p.start}`));
        for (const [name, p] of procs)
            assert.ok(reaped.has(`${p.pid}/${p.start}`), `${name} (${p.pid}) outlived the group's SIGKILL and was reaped`);
        for (const [name, p] of procs) assert.ok(!isRunning(p), `${name} (${p.pid}) no longer runs`);
    });

    it("a command that exits 0 leaving a daemon behind: the daemon is killed too", async () => {
        const dir = mkdtempSync(join(tmpdir(), "reaping-"));
        const result = await stack.exec("bash", ["-c", `setsid ${sleeper("daemon")} &\nwhile [ ! -s daemon.pid ]; do sleep 0.05; done`], {
            cwd: dir,
        });
        assert.equal(result.code, 0);
        const pid = Number(readFileSync(join(dir, "daemon.pid"), "utf8").trim());
        assert.deepEqual(
            result.reaped.map((p) => p.pid),
            [pid],
            "the daemon outlived the command and was reaped",
        );
        const daemon = result.reaped[0];
        assert.ok(!isRunning(daemon), `the daemon (${daemon.pid}) no longer runs`);
    });
});
