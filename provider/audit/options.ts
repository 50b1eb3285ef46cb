// The audit's command line: `audit [--region R]... [--format table|json|sarif]
// [--fail-on failure|warning] [--snippet]`. Pure; every refusal names the option.
import { LEVELS, Level } from "./findings";

export const FORMATS = ["table", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface AuditOptions {
    /** Empty: the configured Region. */
    regions: string[];
    format: Format;
    failOn: Level;
    snippet: boolean;
    help: boolean;
}

export class AuditUsageError extends Error {}

// A Region code as AWS spells them (us-east-1, eu-central-2, us-gov-west-1, cn-north-1, eusc-de-east-1).
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

export function parseAuditArgs(argv: string[]): AuditOptions {
    const o: AuditOptions = { regions: [], format: "table", failOn: "failure", snippet: false, help: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const eq = a.indexOf("=");
        const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
        const value = () => {
            if (eq > 0 && a.startsWith("--")) return a.slice(eq + 1);
            const v = argv[++i];
            if (v === undefined || v.startsWith("-")) throw new AuditUsageError(`${name} needs a value`);
            return v;
        };
        switch (name) {
            case "-h":
            case "--help":
                o.help = true;
                break;
            case "--region": {
                const r = value();
                if (!REGION.test(r)) throw new AuditUsageError(`--region "${r}" is not an AWS Region code (e.g. us-east-1)`);
                if (!o.regions.includes(r)) o.regions.push(r);
                break;
            }
            case "--format": {
                const f = value();
                if (!(FORMATS as readonly string[]).includes(f))
                    throw new AuditUsageError(`--format must be one of ${FORMATS.join(", ")} (received: "${f}")`);
                o.format = f as Format;
                break;
            }
            case "--fail-on": {
                const l = value();
                if (!(LEVELS as readonly string[]).includes(l))
                    throw new AuditUsageError(`--fail-on must be one of ${LEVELS.join(", ")} (received: "${l}")`);
                o.failOn = l as Level;
                break;
            }
            case "--snippet":
                if (eq > 0) throw new AuditUsageError("--snippet takes no value");
                o.snippet = true;
                break;
            default:
                throw new AuditUsageError(
                    a.startsWith("-") ? `unknown option ${name} for audit` : `audit takes no arguments (received: "${a}")`,
                );
        }
    }
    // SARIF has no place for a program, and a snippet after the log would make it invalid JSON.
    if (o.snippet && o.format === "sarif") throw new AuditUsageError("--snippet works with --format table or json, not sarif");
    return o;
}

export const AUDIT_USAGE = `Usage: pulumi-cognito-mfa audit [--region <region>]... [--format table|json|sarif] [--fail-on failure|warning] [--snippet]

Reads every user pool in the Regions named (default: the configured Region) and reports each
pool's MFA posture and findings. Read-only.

Options:
  --region <region>   A Region to audit; repeat for more (default: AWS_REGION or the profile's).
  --format <format>   table (default; progress on stderr), json, or sarif (SARIF 2.1.0).
  --fail-on <level>   Exit 1 when a finding of this level or worse is found: failure (default)
                      or warning.
  --snippet           For each pool with findings, print the program that adopts it (as
                      "snippet <userPoolId>" does); with --format json, as each pool's "snippet".

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 a usage error or an account that
cannot be read.`;
