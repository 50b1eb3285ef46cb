// The audit's formatters (table, json, sarif) and its command line: pure. The JSON and SARIF are
// checked by test/harness/auditSchemas.ts, which is itself shown to reject broken documents.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { auditRule } from "../../../provider/audit/catalogue";
import type { AuditReport, Finding } from "../../../provider/audit/findings";
import { formatJson } from "../../../provider/audit/formatJson";
import { formatSarif } from "../../../provider/audit/formatSarif";
import { formatTable } from "../../../provider/audit/formatTable";
import { AuditUsageError, parseAuditArgs } from "../../../provider/audit/options";
import { checkAuditJson, checkSarif } from "../../harness/auditSchemas";

const f = (id: string, message = `${id} found`): Finding => {
    const r = auditRule(id);
    return { id, level: r.level, message, fix: `fix ${id}`, evidence: r.evidence };
};

const REPORT: AuditReport = {
    pools: [
        {
            userPoolId: "us-east-1_Aaa",
            name: "off",
            region: "us-east-1",
            mfaConfiguration: "OFF",
            arn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Aaa",
            findings: [f("mfa-off")],
        },
        {
            userPoolId: "us-east-1_Bbb",
            name: "sms",
            region: "us-east-1",
            mfaConfiguration: "ON",
            findings: [f("sms-only-second-factor"), f("sms-sandbox")],
        },
        {
            userPoolId: "eu-west-1_Ccc",
            name: "denied",
            region: "eu-west-1",
            mfaConfiguration: null,
            findings: [f("pool-unreadable", "a"), f("pool-unreadable", "b")],
        },
        { userPoolId: "eu-west-1_Ddd", name: "fine", region: "eu-west-1", mfaConfiguration: "ON", findings: [] },
    ],
};

describe("audit formats", () => {
    it("json: one entry per pool with its findings, conforming to the documented shape", () => {
        const doc = JSON.parse(formatJson(REPORT)) as { pools: { userPoolId: string; findings: Finding[]; snippet?: string }[] };
        assert.deepEqual(checkAuditJson(doc), []);
        assert.deepEqual(
            doc.pools.map((p) => [p.userPoolId, p.findings.map((x) => `${x.level}:${x.id}`)]),
            [
                ["us-east-1_Aaa", ["failure:mfa-off"]],
                ["us-east-1_Bbb", ["warning:sms-only-second-factor", "warning:sms-sandbox"]],
                ["eu-west-1_Ccc", ["failure:pool-unreadable", "failure:pool-unreadable"]],
                ["eu-west-1_Ddd", []],
            ],
        );
        assert.ok(doc.pools.every((p) => p.snippet === undefined));
        const withSnippet = JSON.parse(
            formatJson(REPORT, new Map([["us-east-1|us-east-1_Aaa", "new UserPoolMfaConfig(...)"]])),
        ) as typeof doc;
        assert.deepEqual(checkAuditJson(withSnippet), []);
        assert.equal(withSnippet.pools[0].snippet, "new UserPoolMfaConfig(...)");
    });

    it("the JSON check rejects what the shape does not allow", () => {
        const doc = JSON.parse(formatJson(REPORT)) as { pools: Record<string, unknown>[]; extra?: 1 };
        const broken = structuredClone(doc);
        broken.extra = 1;
        broken.pools[0].mfaConfiguration = "MAYBE";
        (broken.pools[1].findings as Record<string, unknown>[])[0].level = "error";
        delete (broken.pools[1].findings as Record<string, unknown>[])[1].fix;
        ((broken.pools[2].findings as Record<string, unknown>[])[0].evidence as Record<string, unknown>).rating = "LIKELY";
        assert.deepEqual(checkAuditJson(broken), [
            "document: unexpected property extra",
            'pools[0].mfaConfiguration: "MAYBE"',
            'pools[1].findings[0].level: "error"',
            "pools[1].findings[1].fix: empty",
            'pools[2].findings[0].evidence.rating: "LIKELY"',
        ]);
    });

    it("sarif: SARIF 2.1.0, the fired rules in tool.driver.rules, one result per finding", () => {
        const log = JSON.parse(formatSarif(REPORT, { version: "9.9.9" })) as {
            version: string;
            $schema: string;
            runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
        };
        assert.deepEqual(checkSarif(log), []);
        assert.equal(log.version, "2.1.0");
        const run = log.runs[0];
        assert.equal(run.tool.driver.name, "pulumi-cognito-mfa");
        assert.equal(run.tool.driver.version, "9.9.9");
        assert.deepEqual(
            run.tool.driver.rules.map((r) => r.id),
            ["mfa-off", "pool-unreadable", "sms-only-second-factor", "sms-sandbox"],
        );
        assert.equal(run.results.length, 5);
        assert.deepEqual(
            run.results.map((r) => [r.ruleId, r.level]),
            [
                ["mfa-off", "error"],
                ["sms-only-second-factor", "warning"],
                ["sms-sandbox", "warning"],
                ["pool-unreadable", "error"],
                ["pool-unreadable", "error"],
            ],
        );
        const fps = run.results.map((r) => (r.partialFingerprints as Record<string, string>)["userPoolFinding/v1"]);
        assert.equal(new Set(fps).size, fps.length, "fingerprints are unique");
        assert.match(JSON.stringify(run.results[0].locations), /cognito-idp\/us-east-1\/us-east-1_Aaa/);
        assert.match(JSON.stringify(run.results[0].locations), /arn:aws:cognito-idp:us-east-1:123456789012:userpool\/us-east-1_Aaa/);
        assert.match((run.results[0].message as { text: string }).text, /mfa-off found Fix: fix mfa-off/);
    });

    it("the SARIF check rejects a log without what 2.1.0 requires", () => {
        const log = JSON.parse(formatSarif(REPORT, { version: "1" })) as Record<string, unknown> & { runs: Record<string, unknown>[] };
        const broken = structuredClone(log);
        broken.version = "2.0.0";
        const results = broken.runs[0].results as Record<string, unknown>[];
        results[0].ruleId = "no-such-rule";
        delete results[1].message;
        results[2].level = "failure";
        results[3].locations = [];
        assert.deepEqual(checkSarif(broken), [
            'sarifLog.version: "2.0.0", not "2.1.0"',
            'runs[0].results[0].ruleId: "no-such-rule" names no rule of the driver',
            "runs[0].results[0].ruleIndex: does not point at no-such-rule",
            "runs[0].results[1].message.text: missing",
            'runs[0].results[2].level: "failure"',
            "runs[0].results[3].locations: empty",
        ]);
        assert.deepEqual(checkSarif({ version: "2.1.0", runs: [{ tool: {} }] }), ["runs[0].tool.driver: missing"]);
    });

    it("table: a line per pool, its findings with fix and rating, a summary; snippets after their pool", () => {
        const t = formatTable(REPORT, new Map([["us-east-1|us-east-1_Aaa", "line one\nline two\n"]]));
        const lines = t.split("\n");
        assert.match(lines[0], /^USER POOL\s+NAME\s+REGION\s+MFA\s+FAILURES\s+WARNINGS$/);
        assert.match(t, /^us-east-1_Aaa\s+off\s+us-east-1\s+OFF\s+1\s+0$/m);
        assert.match(t, /^eu-west-1_Ccc\s+denied\s+eu-west-1\s+\?\s+2\s+0$/m);
        assert.match(t, /^ {2}failure {2}mfa-off {2}\[DOCUMENTED\]\n {11}mfa-off found\n {11}fix: fix mfa-off$/m);
        assert.match(t, /adopts us-east-1_Aaa .*\n {2}line one\n {2}line two\nus-east-1_Bbb/);
        assert.match(t, /4 user pools in 2 Regions: 3 with findings \(3 failures, 2 warnings\)\.\n$/);
    });
});

describe("audit command line", () => {
    it("defaults: the configured Region, table, --fail-on failure, no snippet", () => {
        assert.deepEqual(parseAuditArgs([]), { regions: [], format: "table", failOn: "failure", snippet: false, help: false });
        assert.deepEqual(
            parseAuditArgs([
                "--region",
                "us-east-1",
                "--region=eu-west-1",
                "--region",
                "us-east-1",
                "--format=json",
                "--fail-on",
                "warning",
                "--snippet",
            ]),
            {
                regions: ["us-east-1", "eu-west-1"],
                format: "json",
                failOn: "warning",
                snippet: true,
                help: false,
            },
        );
    });

    it("every usage error names the option", () => {
        const cases: [string[], RegExp][] = [
            [["--format", "xml"], /^--format must be one of table, json, sarif \(received: "xml"\)$/],
            [["--fail-on=info"], /^--fail-on must be one of failure, warning \(received: "info"\)$/],
            [["--region", "mars"], /^--region "mars" is not an AWS Region code/],
            [["--region"], /^--region needs a value$/],
            [["--region", "--format"], /^--region needs a value$/],
            [["--verbose"], /^unknown option --verbose for audit$/],
            [["us-east-1_Abc"], /^audit takes no arguments \(received: "us-east-1_Abc"\)$/],
            [["--snippet", "--format", "sarif"], /^--snippet works with --format table or json, not sarif$/],
            [["--snippet=yes"], /^--snippet takes no value$/],
        ];
        for (const [argv, re] of cases)
            assert.throws(
                () => parseAuditArgs(argv),
                (e: Error) => e instanceof AuditUsageError && re.test(e.message),
                argv.join(" "),
            );
    });
});
