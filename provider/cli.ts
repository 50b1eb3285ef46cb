#!/usr/bin/env node
// `npx pulumi-cognito-mfa`: look at a pool's MFA configuration the way the resource sees it, and
// print the code that adopts it. AWS is reached only through the gateway (findMfaConfig), with
// credentials and Region from the standard AWS chain.
import { findMfaConfig } from "./userPoolMfaConfig/live";
import { Member, skeleton } from "./common/shape";
import { toResponse } from "./userPoolMfaConfig/mapping";
import { MFA_CONFIG } from "./userPoolMfaConfig/shape";
import { namedRegion, poolRegion } from "./common/regions";
import { MfaConfig, normalize } from "./userPoolMfaConfig/model";
import { runAudit } from "./audit/command";

const USAGE = `Usage: pulumi-cognito-mfa <command> [options]

Commands:
  get <userPoolId>       Print the pool's live MFA configuration as the GetUserPoolMfaConfig
                         response JSON (without $metadata).
  skeleton               Print a SetUserPoolMfaConfig request skeleton (like
                         aws cognito-idp set-user-pool-mfa-config --generate-cli-skeleton), which
                         UserPoolMfaConfig.argsFromRequest() takes.
  snippet <userPoolId>   Print a Pulumi TypeScript program that adopts the pool's current MFA
                         configuration with UserPoolMfaConfig (the ExternalId is read from the
                         stack's secret config "externalId", never printed).
  audit                  Report the MFA posture and findings of every user pool in the Regions
                         named (pulumi-cognito-mfa audit --help; docs/audit.md).

Options:
  --region <region>      The pool's Region (default: the Region in the pool id, then AWS_REGION).
  --name <name>          Resource name used by "snippet" (default: mfa).
  -h, --help             Show this help.

Credentials come from the standard AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, ...).`;

class UsageError extends Error {}

interface Parsed {
    command?: string;
    positional: string[];
    region?: string;
    name: string;
    help: boolean;
}

function parse(argv: string[]): Parsed {
    const out: Parsed = { positional: [], name: "mfa", help: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("-")) throw new UsageError(`${a} needs a value`);
            return v;
        };
        if (a === "-h" || a === "--help") out.help = true;
        else if (a === "--region") out.region = value();
        else if (a.startsWith("--region=")) out.region = a.slice("--region=".length);
        else if (a === "--name") out.name = value();
        else if (a.startsWith("--name=")) out.name = a.slice("--name=".length);
        else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
        else if (out.command === undefined) out.command = a;
        else out.positional.push(a);
    }
    return out;
}

/**
 * The SetUserPoolMfaConfig request skeleton, as the AWS CLI generates it: every member, strings
 * empty, booleans true, enums at their first value.
 */
export function requestSkeleton(): Record<string, unknown> {
    return { UserPoolId: "", ...(skeleton(MFA_CONFIG) as Record<string, unknown>) };
}

/** A TypeScript expression that is emitted as is (not quoted). */
class Code {
    constructor(readonly text: string) {}
}

function isIdentifier(key: string): boolean {
    return /^[A-Za-z_$][\w$]*$/.test(key);
}

/** Renders a value as a TypeScript literal, four spaces per level. */
function literal(value: unknown, indent: string): string {
    if (value instanceof Code) return value.text;
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(", ")}]`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const key = (k: string) => (isIdentifier(k) ? k : JSON.stringify(k));
    // A small flat object stays on one line: { enabled: true }.
    if (entries.every(([, v]) => v === null || typeof v !== "object")) {
        const flat = `{ ${entries.map(([k, v]) => `${key(k)}: ${literal(v, indent)}`).join(", ")} }`;
        if (flat.length <= 60) return flat;
    }
    const inner = indent + "    ";
    const lines = entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`);
    return `{\n${lines.join("\n")}\n${indent}}`;
}

/**
 * A Pulumi TypeScript program that adopts a pool's configuration as it is: the args are the
 * normalized live configuration (what the resource compares with), so the first `pulumi up`
 * writes nothing. Each secret member (the ExternalIds) is replaced by `config.requireSecret("<member>")`.
 */
export function adoptionSnippet(userPoolId: string, live: MfaConfig, opts: { name?: string; region?: string } = {}): string {
    const c = normalize(live);
    // Every member the shape marks secret (the ExternalIds) is read from the stack's secret config.
    const secrets = new Map<string, string>();
    const masked = (m: Member, x: unknown, name: string): unknown => {
        if (x === undefined) return x;
        if (m.secret) {
            secrets.set(name, m.aws);
            return new Code(`config.requireSecret(${JSON.stringify(name)})`);
        }
        if (m.kind !== "structure") return x;
        const o = x as Record<string, unknown>;
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k in m.members ? masked(m.members[k], v, k) : v]));
    };
    const config = masked(MFA_CONFIG, c, "") as Record<string, unknown>;
    const cfg = c.smsMfaConfiguration?.smsConfiguration;
    const roleArn = cfg?.snsCallerArn ?? cfg?.eumsSms?.callerArn;
    const args: Record<string, unknown> = {
        userPoolId,
        ...(opts.region && opts.region !== poolRegion(userPoolId) ? { region: opts.region } : {}),
        mfaConfiguration: config.mfaConfiguration,
        smsMfaConfiguration: config.smsMfaConfiguration,
        softwareTokenMfaConfiguration: config.softwareTokenMfaConfiguration,
        emailMfaConfiguration: config.emailMfaConfiguration,
        webAuthnConfiguration: config.webAuthnConfiguration,
        deletePolicy: "restore",
    };
    const lines = [
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { UserPoolMfaConfig } from "pulumi-cognito-mfa";`,
        ``,
        `const config = new pulumi.Config();`,
        ...(secrets.size > 0
            ? [
                  ``,
                  `// The pool's SMS ExternalId is not printed here; store it as a secret first:`,
                  ...[...secrets].map(
                      ([name, aws]) => `//   pulumi config set --secret ${name} <the ${aws} of ${roleArn ?? "the SMS role"}>`,
                  ),
              ]
            : []),
        ``,
        `// The MFA configuration of ${userPoolId} as it is now (GetUserPoolMfaConfig), so the first`,
        `// \`pulumi up\` adopts the pool without writing to it. On destroy, "restore" puts this back.`,
        `new UserPoolMfaConfig(${JSON.stringify(opts.name ?? "mfa")}, ${literal(args, "")});`,
        ``,
    ];
    return lines.join("\n");
}

async function live(p: Parsed): Promise<{ poolId: string; region?: string; config: MfaConfig }> {
    const poolId = p.positional[0];
    if (!poolId || p.positional.length > 1) throw new UsageError(`${p.command} takes exactly one user pool id`);
    const region = namedRegion(p.region, poolId);
    const config = await findMfaConfig(poolId, { region });
    if (!config) {
        throw new Error(`User pool ${poolId} does not exist in ${region ?? process.env.AWS_REGION ?? "the configured Region"}.`);
    }
    return { poolId, region, config };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
    // audit has options of its own (provider/audit/options.ts).
    if (argv[0] === "audit") {
        return runAudit(argv.slice(1), { out, err: (s) => process.stderr.write(s), snippet: adoptionSnippet }).catch((e: Error) => {
            process.stderr.write(`pulumi-cognito-mfa audit: ${e.message}\n`);
            return 2;
        });
    }
    let p: Parsed;
    try {
        p = parse(argv);
    } catch (e) {
        process.stderr.write(`pulumi-cognito-mfa: ${(e as Error).message}\n\n${USAGE}\n`);
        return 2;
    }
    if (p.help || p.command === undefined || p.command === "help") {
        (p.help || p.command === "help" ? out : (s: string) => process.stderr.write(s))(`${USAGE}\n`);
        return p.help || p.command === "help" ? 0 : 2;
    }
    try {
        switch (p.command) {
            case "get": {
                const { config } = await live(p);
                out(`${JSON.stringify(toResponse(config), null, 4)}\n`);
                return 0;
            }
            case "skeleton": {
                if (p.positional.length > 0) throw new UsageError("skeleton takes no arguments");
                out(`${JSON.stringify(requestSkeleton(), null, 4)}\n`);
                return 0;
            }
            case "snippet": {
                const { poolId, region, config } = await live(p);
                out(adoptionSnippet(poolId, config, { name: p.name, region }));
                return 0;
            }
            default:
                throw new UsageError(`unknown command "${p.command}"`);
        }
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`pulumi-cognito-mfa: ${e.message}\n\n${USAGE}\n`);
            return 2;
        }
        process.stderr.write(`pulumi-cognito-mfa: ${(e as Error).message}\n`);
        return 1;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
