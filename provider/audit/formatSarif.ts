// The audit as a SARIF 2.1.0 log for code-scanning dashboards: one run, the rules that fired in
// tool.driver.rules, one result per finding. The properties the OASIS SARIF 2.1.0 standard
// requires are all there: sarifLog version and runs (§3.13), run.tool (§3.14), toolComponent.name
// (§3.19), reportingDescriptor.id (§3.49), result.message (§3.27) with message.text (§3.11);
// GitHub code scanning also reads ruleId, level and locations[].physicalLocation.artifactLocation.uri.
// A user pool is no file: its location is the artifact URI cognito-idp/<region>/<pool id> plus a
// logical location naming the pool's ARN. Pure.
import { AUDIT_RULES } from "./catalogue";
import type { AuditReport, Level } from "./findings";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const TOOL_URI = "https://www.npmjs.com/package/pulumi-cognito-mfa";

const SARIF_LEVEL: Record<Level, "error" | "warning"> = { failure: "error", warning: "warning" };

export function formatSarif(report: AuditReport, tool: { version: string }): string {
    const used = [...new Set(report.pools.flatMap((p) => p.findings.map((f) => f.id)))].sort();
    const index = new Map(used.map((id, i) => [id, i]));
    const rules = used.map((id) => {
        const r = AUDIT_RULES.get(id);
        return {
            id,
            name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
            shortDescription: { text: r?.title ?? id },
            defaultConfiguration: { level: SARIF_LEVEL[r?.level ?? "warning"] },
            properties: { evidence: r?.evidence },
        };
    });
    const results = report.pools.flatMap((p) => {
        // A rule may fire twice on one pool (two reads refused): the fingerprint counts them.
        const seen = new Map<string, number>();
        return p.findings.map((f) => {
            const n = (seen.get(f.id) ?? 0) + 1;
            seen.set(f.id, n);
            return {
                ruleId: f.id,
                ruleIndex: index.get(f.id),
                level: SARIF_LEVEL[f.level],
                message: { text: `${f.message} Fix: ${f.fix}` },
                locations: [
                    {
                        physicalLocation: { artifactLocation: { uri: `cognito-idp/${p.region}/${p.userPoolId}` } },
                        logicalLocations: [
                            { name: p.userPoolId, fullyQualifiedName: p.arn ?? `${p.region}/${p.userPoolId}`, kind: "resource" },
                        ],
                    },
                ],
                partialFingerprints: { "userPoolFinding/v1": `${p.region}/${p.userPoolId}/${f.id}${n > 1 ? `/${n}` : ""}` },
                properties: {
                    userPoolId: p.userPoolId,
                    name: p.name,
                    region: p.region,
                    mfaConfiguration: p.mfaConfiguration,
                    evidence: f.evidence,
                    fix: f.fix,
                },
            };
        });
    });
    const log = {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "pulumi-cognito-mfa", version: tool.version, informationUri: TOOL_URI, rules } }, results }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
