// `pulumi-cognito-mfa audit`: parse the options, walk the account, judge each pool, print the
// report in the format asked, and answer with the exit code: 0 when no finding reaches --fail-on,
// 1 when one does, 2 for a usage error or an account that cannot be read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDefaultRegion } from "../aws/iam";
import type { MfaConfig } from "../userPoolMfaConfig/model";
import { AuditReport, PoolReport, reaches } from "./findings";
import { formatJson } from "./formatJson";
import { formatSarif } from "./formatSarif";
import { formatTable } from "./formatTable";
import { AUDIT_USAGE, AuditUsageError, parseAuditArgs } from "./options";
import { postureFindings } from "./postureRules";
import { AccountUnreadable, walkAccount } from "./walk";

export interface AuditIo {
    out: (s: string) => void;
    err: (s: string) => void;
    /** The program that adopts a pool, as `snippet <userPoolId>` prints it (cli.ts's adoptionSnippet). */
    snippet: (userPoolId: string, live: MfaConfig, opts: { region?: string }) => string;
}

function packageVersion(): string {
    try {
        // dist/provider/audit/command.js -> the package root; provider/audit/command.ts under ts-node alike.
        return (JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
    } catch {
        return "0.0.0";
    }
}

export async function runAudit(argv: string[], io: AuditIo): Promise<number> {
    let o;
    try {
        o = parseAuditArgs(argv);
    } catch (e) {
        if (!(e instanceof AuditUsageError)) throw e;
        io.err(`pulumi-cognito-mfa audit: ${e.message}\n\n${AUDIT_USAGE}\n`);
        return 2;
    }
    if (o.help) {
        io.out(`${AUDIT_USAGE}\n`);
        return 0;
    }
    const regions = o.regions.length > 0 ? o.regions : [await findDefaultRegion()].filter((r): r is string => !!r);
    if (regions.length === 0) {
        io.err("pulumi-cognito-mfa audit: no Region to audit: pass --region <region>, or set AWS_REGION (or a profile's region).\n");
        return 2;
    }
    const table = o.format === "table";
    let lastShown = 0;
    let walk;
    try {
        walk = await walkAccount({
            regions,
            progress: table
                ? ({ region, done, total }) => {
                      // One line per 10% (and the last), so a long run shows it is moving without flooding a log.
                      const step = Math.max(1, Math.ceil(total / 10));
                      if (done === total || done - lastShown >= step) {
                          lastShown = done === total ? 0 : done;
                          io.err(`audit: ${done}/${total} user pools read in ${region}\n`);
                      }
                  }
                : undefined,
        });
    } catch (e) {
        if (e instanceof AccountUnreadable) {
            io.err(`pulumi-cognito-mfa audit: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    for (const n of walk.notes) io.err(`audit: ${n}\n`);
    const pools: PoolReport[] = walk.facts.map((f) => ({
        userPoolId: f.userPoolId,
        name: f.name,
        region: f.region,
        mfaConfiguration: f.mfa?.mfaConfiguration ?? null,
        ...(f.pool?.Arn ? { arn: f.pool.Arn } : {}),
        findings: postureFindings(f),
    }));
    const report: AuditReport = { pools };
    let snippets: Map<string, string> | undefined;
    if (o.snippet) {
        snippets = new Map();
        for (const f of walk.facts) {
            const p = pools.find((x) => x.userPoolId === f.userPoolId && x.region === f.region);
            if (f.mfa && p && p.findings.length > 0)
                snippets.set(`${f.region}|${f.userPoolId}`, io.snippet(f.userPoolId, f.mfa, { region: f.region }));
        }
    }
    if (o.format === "json") io.out(formatJson(report, snippets));
    else if (o.format === "sarif") io.out(formatSarif(report, { version: packageVersion() }));
    else io.out(formatTable(report, snippets));
    return pools.some((p) => p.findings.some((f) => reaches(f.level, o.failOn))) ? 1 : 0;
}
