// The audit as JSON: { pools: [{ userPoolId, name, region, mfaConfiguration, findings: [{ id,
// level, message, fix, evidence }] }] }, with each pool's adoption program as `snippet` when
// asked. Pure.
import type { AuditReport } from "./findings";

export function formatJson(report: AuditReport, snippets?: ReadonlyMap<string, string>): string {
    const pools = report.pools.map((p) => {
        const snippet = snippets?.get(`${p.region}|${p.userPoolId}`);
        return {
            userPoolId: p.userPoolId,
            name: p.name,
            region: p.region,
            mfaConfiguration: p.mfaConfiguration,
            findings: p.findings.map((f) => ({ id: f.id, level: f.level, message: f.message, fix: f.fix, evidence: f.evidence })),
            ...(snippet !== undefined ? { snippet } : {}),
        };
    });
    return `${JSON.stringify({ pools }, null, 2)}\n`;
}
