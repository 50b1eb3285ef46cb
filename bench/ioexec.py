#!/usr/bin/env python3
# Runs one command and records what it wrote, for scripts/bench.mjs:
#
#   python bench/ioexec.py OUT.json CMD ARGS...
#
# The command's /proc/<pid>/io is read after it exits but before it is reaped:
# waitid(WEXITED | WNOWAIT) leaves the zombie (and its /proc entry) in place. At that point the
# kernel has folded into it the I/O of every thread of the process and of every child the
# process itself reaped (the language host, the Node program, the dynamic-provider plugins:
# the CLI waits for its plugins). Counters (proc(5)):
#   write_bytes           bytes of page cache dirtied for files on a block device, at the time
#                         they are dirtied, so a file written and deleted or renamed over before
#                         writeback still counts: what the backend (file:// on ext4) was asked
#                         to store, plus any other file the tree wrote;
#   wchar                 every byte passed to write(2)-family calls, pipes and sockets included
#                         (the gRPC between engine and plugins, stdout);
#   cancelled_write_bytes dirtied bytes later dropped by truncation or deletion before writeback.
# Wall time is taken here too (fork to exit), so the interpreter's own start-up is not in it.
# Exits with the command's code; stdio is inherited.
import json
import os
import sys
import time


def main() -> int:
    out, argv = sys.argv[1], sys.argv[2:]
    t0 = time.monotonic_ns()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        except OSError as e:
            os.write(2, f"ioexec: cannot run {argv[0]}: {e}\n".encode())
        os._exit(127)
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    wall_ms = (time.monotonic_ns() - t0) / 1e6
    io = {}
    try:
        with open(f"/proc/{pid}/io") as f:
            for line in f:
                k, v = line.split(":")
                io[k.strip()] = int(v)
    except OSError as e:
        io = {"error": str(e)}
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    with open(out, "w") as f:
        json.dump({"wallMs": wall_ms, "io": io, "exitCode": code}, f)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
