// Structural checks of the audit's two machine formats (no network, so no downloaded schema):
//
// - our JSON: { pools: [{ userPoolId, name, region, mfaConfiguration, findings: [{ id, level,
//   message, fix, evidence: { rating, source } }], snippet? }] }, nothing else (docs/audit.md);
// - SARIF 2.1.0: the properties the OASIS standard (SARIF v2.1.0, errata 01) makes required, plus
//   what GitHub code scanning reads: sarifLog.version "2.1.0" and runs (§3.13.2, §3.13.4), $schema
//   a URI (§3.13.3), run.tool (§3.14.6), tool.driver (§3.18.2), toolComponent.name (§3.19.8),
//   driver.rules[] each with an id (§3.49.3), result.message (§3.27.11) with text (§3.11.8),
//   result.level one of none|note|warning|error (§3.27.10), result.ruleId naming a rule of the
//   driver and ruleIndex pointing at it (§3.27.5, §3.27.6), locations[].physicalLocation
//   .artifactLocation.uri (§3.28.3, §3.4.3; GitHub "SARIF support for code scanning").
//
// Each returns the list of violations, empty when the value conforms.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === "string" && v.length > 0;

function onlyKeys(errs: string[], path: string, v: Record<string, unknown>, allowed: string[]): void {
    for (const k of Object.keys(v)) if (!allowed.includes(k)) errs.push(`${path}: unexpected property ${k}`);
}

export const MFA_MODES = ["OFF", "ON", "OPTIONAL"];
export const LEVELS = ["failure", "warning"];
export const RATINGS = ["DOCUMENTED", "OBSERVED", "INFERRED", "DESIGN"];

export function checkAuditJson(doc: unknown): string[] {
    const errs: string[] = [];
    if (!isObj(doc)) return ["document: not an object"];
    onlyKeys(errs, "document", doc, ["pools"]);
    if (!Array.isArray(doc.pools)) return [...errs, "pools: not an array"];
    doc.pools.forEach((p: unknown, i) => {
        const at = `pools[${i}]`;
        if (!isObj(p)) return errs.push(`${at}: not an object`);
        onlyKeys(errs, at, p, ["userPoolId", "name", "region", "mfaConfiguration", "findings", "snippet"]);
        if (!str(p.userPoolId) || !/^[\w-]+_[0-9a-zA-Z]+$/.test(p.userPoolId as string)) errs.push(`${at}.userPoolId: not a user pool id`);
        if (typeof p.name !== "string") errs.push(`${at}.name: not a string`);
        if (!str(p.region)) errs.push(`${at}.region: not a Region`);
        if (p.mfaConfiguration !== null && !MFA_MODES.includes(p.mfaConfiguration as string))
            errs.push(`${at}.mfaConfiguration: ${JSON.stringify(p.mfaConfiguration)}`);
        if (p.snippet !== undefined && !str(p.snippet)) errs.push(`${at}.snippet: not a string`);
        if (!Array.isArray(p.findings)) return errs.push(`${at}.findings: not an array`);
        p.findings.forEach((f: unknown, j) => {
            const fat = `${at}.findings[${j}]`;
            if (!isObj(f)) return errs.push(`${fat}: not an object`);
            onlyKeys(errs, fat, f, ["id", "level", "message", "fix", "evidence"]);
            if (!str(f.id) || !/^[a-z0-9-]+$/.test(f.id as string)) errs.push(`${fat}.id: ${JSON.stringify(f.id)}`);
            if (!LEVELS.includes(f.level as string)) errs.push(`${fat}.level: ${JSON.stringify(f.level)}`);
            if (!str(f.message)) errs.push(`${fat}.message: empty`);
            if (!str(f.fix)) errs.push(`${fat}.fix: empty`);
            const e = f.evidence;
            if (!isObj(e)) return errs.push(`${fat}.evidence: not an object`);
            onlyKeys(errs, `${fat}.evidence`, e, ["rating", "source"]);
            if (!RATINGS.includes(e.rating as string)) errs.push(`${fat}.evidence.rating: ${JSON.stringify(e.rating)}`);
            if (!str(e.source)) errs.push(`${fat}.evidence.source: empty`);
        });
    });
    return errs;
}

const SARIF_LEVELS = ["none", "note", "warning", "error"];

export function checkSarif(doc: unknown): string[] {
    const errs: string[] = [];
    if (!isObj(doc)) return ["sarifLog: not an object"];
    if (doc.version !== "2.1.0") errs.push(`sarifLog.version: ${JSON.stringify(doc.version)}, not "2.1.0"`);
    if (doc.$schema !== undefined && !(typeof doc.$schema === "string" && /^https?:\/\/\S+$/.test(doc.$schema)))
        errs.push("sarifLog.$schema: not a URI");
    if (!Array.isArray(doc.runs)) return [...errs, "sarifLog.runs: not an array"];
    doc.runs.forEach((run: unknown, r) => {
        const at = `runs[${r}]`;
        if (!isObj(run)) return errs.push(`${at}: not an object`);
        const driver = isObj(run.tool) ? run.tool.driver : undefined;
        if (!isObj(driver)) return errs.push(`${at}.tool.driver: missing`);
        if (!str(driver.name)) errs.push(`${at}.tool.driver.name: missing`);
        const rules = driver.rules;
        if (!Array.isArray(rules)) return errs.push(`${at}.tool.driver.rules: not an array`);
        const ids = rules.map((x: unknown) => (isObj(x) ? x.id : undefined));
        ids.forEach((id, i) => !str(id) && errs.push(`${at}.tool.driver.rules[${i}].id: missing`));
        if (new Set(ids).size !== ids.length) errs.push(`${at}.tool.driver.rules: duplicate ids`);
        if (run.results === undefined) return;
        if (!Array.isArray(run.results)) return errs.push(`${at}.results: not an array`);
        run.results.forEach((res: unknown, i) => {
            const rat = `${at}.results[${i}]`;
            if (!isObj(res)) return errs.push(`${rat}: not an object`);
            if (!isObj(res.message) || !str(res.message.text)) errs.push(`${rat}.message.text: missing`);
            if (!SARIF_LEVELS.includes(res.level as string)) errs.push(`${rat}.level: ${JSON.stringify(res.level)}`);
            if (!str(res.ruleId) || !ids.includes(res.ruleId))
                errs.push(`${rat}.ruleId: ${JSON.stringify(res.ruleId)} names no rule of the driver`);
            if (res.ruleIndex !== undefined && ids[res.ruleIndex as number] !== res.ruleId)
                errs.push(`${rat}.ruleIndex: does not point at ${String(res.ruleId)}`);
            if (!Array.isArray(res.locations) || res.locations.length === 0) return errs.push(`${rat}.locations: empty`);
            res.locations.forEach((l: unknown, k) => {
                const uri =
                    isObj(l) && isObj(l.physicalLocation) && isObj(l.physicalLocation.artifactLocation)
                        ? l.physicalLocation.artifactLocation.uri
                        : undefined;
                if (!str(uri)) errs.push(`${rat}.locations[${k}].physicalLocation.artifactLocation.uri: missing`);
            });
        });
    });
    return errs;
}
