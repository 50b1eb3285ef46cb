#!/usr/bin/env node
// `npx pulumi-cognito-mfa`: look at a pool's MFA configuration the way the resource sees it, and
// print the code that adopts it. AWS is reached only through the gateway (findMfaConfig), with
// credentials and Region from the standard AWS chain.
import { findMfaConfig } from "./userPoolMfaConfig/live";
import { skeleton } from "./common/shape";
import { toResponse } from "./userPoolMfaConfig/mapping";
import { MFA_CONFIG } from "./userPoolMfaConfig/shape";
import { poolRegion } from "./common/regions";
import { MfaConfig, normalize } from "./userPoolMfaConfig/model";

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
 * writes nothing. The ExternalId is replaced by `config.requireSecret("externalId")`.
 */
export function adoptionSnippet(userPoolId: string, live: MfaConfig, opts: { name?: string; region?: string } = {}): string {
    const c = normalize(live);
    const sms = c.smsMfaConfiguration;
    const cfg = sms?.smsConfiguration;
    // The ExternalId (SNS's or End User Messaging SMS's) is read from the stack's secret config.
    const secretId = new Code(`config.requireSecret("externalId")`);
    const smsConfiguration = cfg && {
        ...cfg,
        ...(cfg.externalId !== undefined ? { externalId: secretId } : {}),
        ...(cfg.eumsSms ? { eumsSms: { ...cfg.eumsSms, ...(cfg.eumsSms.externalId !== undefined ? { externalId: secretId } : {}) } } : {}),
    };
    const roleArn = cfg?.snsCallerArn ?? cfg?.eumsSms?.callerArn;
    const hasSecret = cfg?.externalId !== undefined || cfg?.eumsSms?.externalId !== undefined;
    const args: Record<string, unknown> = {
        userPoolId,
        ...(opts.region && opts.region !== poolRegion(userPoolId) ? { region: opts.region } : {}),
        mfaConfiguration: c.mfaConfiguration,
        smsMfaConfiguration: sms && { smsAuthenticationMessage: sms.smsAuthenticationMessage, smsConfiguration },
        softwareTokenMfaConfiguration: c.softwareTokenMfaConfiguration,
        emailMfaConfiguration: c.emailMfaConfiguration,
        webAuthnConfiguration: c.webAuthnConfiguration,
        deletePolicy: "restore",
    };
    const lines = [
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { UserPoolMfaConfig } from "pulumi-cognito-mfa";`,
        ``,
        `const config = new pulumi.Config();`,
        ...(hasSecret
            ? [
                  ``,
                  `// The pool's SMS ExternalId is not printed here; store it as a secret first:`,
                  `//   pulumi config set --secret externalId <the ExternalId of ${roleArn ?? "the SMS role"}>`,
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
    const region = p.region ?? poolRegion(poolId);
    const config = await findMfaConfig(poolId, { region });
    if (!config) {
        throw new Error(`User pool ${poolId} does not exist in ${region ?? process.env.AWS_REGION ?? "the configured Region"}.`);
    }
    return { poolId, region, config };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
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
