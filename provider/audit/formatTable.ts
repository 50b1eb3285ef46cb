// The audit for people: one line per pool (id, name, Region, MFA mode, counts), its findings
// below it with their fix and evidence rating, and a summary. Pure.
import type { AuditReport, PoolReport } from "./findings";

function pad(s: string, n: number): string {
    return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function counts(p: PoolReport): { failures: number; warnings: number } {
    return {
        failures: p.findings.filter((f) => f.level === "failure").length,
        warnings: p.findings.filter((f) => f.level === "warning").length,
    };
}

export function formatTable(report: AuditReport, snippets?: ReadonlyMap<string, string>): string {
    const rows = report.pools.map((p) => ({ p, ...counts(p), mode: p.mfaConfiguration ?? "?" }));
    const w = {
        id: Math.max(9, ...rows.map((r) => r.p.userPoolId.length)),
        name: Math.min(30, Math.max(4, ...rows.map((r) => r.p.name.length))),
        region: Math.max(6, ...rows.map((r) => r.p.region.length)),
    };
    const lines: string[] = [];
    lines.push(`${pad("USER POOL", w.id)}  ${pad("NAME", w.name)}  ${pad("REGION", w.region)}  MFA       FAILURES  WARNINGS`);
    for (const r of rows) {
        const name = r.p.name.length > w.name ? r.p.name.slice(0, w.name - 1) + "…" : r.p.name;
        lines.push(
            `${pad(r.p.userPoolId, w.id)}  ${pad(name, w.name)}  ${pad(r.p.region, w.region)}  ${pad(r.mode, 8)}  ${pad(String(r.failures), 8)}  ${r.warnings}`,
        );
        for (const f of r.p.findings) {
            lines.push(`  ${pad(f.level, 7)}  ${f.id}  [${f.evidence.rating}]`);
            lines.push(`           ${f.message}`);
            lines.push(`           fix: ${f.fix}`);
        }
        const snippet = snippets?.get(`${r.p.region}|${r.p.userPoolId}`);
        if (snippet !== undefined) {
            lines.push(`  // ---- the program that adopts ${r.p.userPoolId} (pulumi-cognito-mfa snippet ${r.p.userPoolId}) ----`);
            lines.push(
                ...snippet
                    .trimEnd()
                    .split("\n")
                    .map((l) => (l ? `  ${l}` : "")),
            );
        }
    }
    const failures = rows.reduce((n, r) => n + r.failures, 0);
    const warnings = rows.reduce((n, r) => n + r.warnings, 0);
    const regions = new Set(report.pools.map((p) => p.region)).size;
    const withFindings = rows.filter((r) => r.p.findings.length > 0).length;
    lines.push("");
    lines.push(
        `${report.pools.length} user pool${report.pools.length === 1 ? "" : "s"} in ${regions} Region${regions === 1 ? "" : "s"}: ${withFindings} with findings (${failures} failure${failures === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}).`,
    );
    return `${lines.join("\n")}\n`;
}
