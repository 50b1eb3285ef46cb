// Pre-flight: what AWS would refuse at `pulumi up`, caught by `check` at `pulumi preview`.
//
// The static rules live in validate.ts. The pre-flight adds the rules that depend on the pool
// (poolRules.ts) and on the SNS caller role (roleRules.ts) as they are in AWS, read here with
// read-only calls:
//
//   DescribeUserPool                          -> tier, email sending account, pool SMS
//                                                configuration, account recovery, first factors
//   GetRole, ListRolePolicies, GetRolePolicy,
//   ListAttachedRolePolicies, GetPolicy,
//   GetPolicyVersion                          -> trust (cognito-idp, sts:ExternalId), sns:Publish
//
// Nothing here writes. The rules themselves (poolRules, roleRules) are pure functions of the
// inputs and of DescribeUserPool- / IAM-shaped data; livePreflight does the reads, memoized per
// provider process (one DescribeUserPool per pool and one set of role reads per role, however
// many resources or checks ask), and turns a missing permission or any other failed read into
// a warning, never into a failure.
//
// Module-level state (the read caches) is fine here: only the real provider, loaded once per
// provider process from the installed package, uses this module; the engine never serializes it.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "../aws/errors";
import { findUserPool } from "../aws/cognito";
import { findRole, findRolePermissionPolicies, LiveRole, RolePermissionPolicy } from "../aws/iam";
import { isUnknown } from "../common/unknown";
import { Failure, known, show } from "../common/validator";
import { roleNameOf } from "../common/arn";
import { forgetWarnings } from "../engine/warnings";
import { poolRules } from "./poolRules";
import { roleRules } from "./roleRules";

/** The stack setting that turns the live checks off: `pulumi config set pulumi-cognito-mfa:preflight false`. */
export const PREFLIGHT_CONFIG_KEY = "pulumi-cognito-mfa:preflight";
/** The environment variable that does the same (for CI runs without touching the stack config). */
export const PREFLIGHT_ENV = "PULUMI_COGNITO_MFA_PREFLIGHT";

/** False for "false", "off", "no", "0", "disabled" (any case); true for anything else, including unset. */
export function preflightEnabled(configValue: string | undefined, envValue: string | undefined = process.env[PREFLIGHT_ENV]): boolean {
    const off = (v: string | undefined) => v !== undefined && /^\s*(false|off|no|0|disabled?)\s*$/i.test(v);
    return !off(configValue) && !off(envValue);
}

/** The error names AWS uses for a missing permission (Cognito, IAM, STS). */
export const ACCESS_DENIED_NAMES = ["AccessDeniedException", "AccessDenied", "NotAuthorizedException", "UnauthorizedOperation"];

export function isAccessDenied(err: unknown): boolean {
    return err instanceof AwsCallError && ACCESS_DENIED_NAMES.includes(err.awsErrorName);
}

// ---------------------------------------------------------------------------------------------
// When to run

function canonical(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(canonical);
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        return Object.fromEntries(
            Object.keys(o)
                .filter((k) => !k.startsWith("__") && o[k] !== undefined)
                .sort()
                .map((k) => [k, canonical(o[k])]),
        );
    }
    return v;
}

/**
 * True when the program's inputs differ from the stored ones (or there are none: a create).
 * Engine-internal keys (`__provider`) do not count: a new provider version alone is no reason
 * to call AWS at preview.
 */
export function inputsChanged(olds: object | undefined, news: object): boolean {
    const o = canonical(olds ?? {}) as Record<string, unknown>;
    if (Object.keys(o).length === 0) return true;
    return JSON.stringify(o) !== JSON.stringify(canonical(news));
}

// ---------------------------------------------------------------------------------------------
// Reads, memoized per provider process

type PoolRead = { pool: UserPoolType } | { missing: true } | { error: unknown };
type RoleRead = { role: LiveRole; policies?: RolePermissionPolicy[]; policiesError?: unknown } | { missing: true } | { error: unknown };

const poolReads = new Map<string, Promise<PoolRead>>();
const roleReads = new Map<string, Promise<RoleRead>>();

/** Forgets every memoized read (tests; a provider process never needs it). */
export function clearPreflightCache(): void {
    poolReads.clear();
    roleReads.clear();
    forgetWarnings();
}

function readPool(userPoolId: string, region: string | undefined, log?: (m: string) => void): Promise<PoolRead> {
    const key = `${region ?? ""}|${userPoolId}`;
    let p = poolReads.get(key);
    if (!p) {
        p = findUserPool(userPoolId, { region, log }).then(
            (pool): PoolRead => (pool ? { pool } : { missing: true }),
            (error): PoolRead => ({ error }),
        );
        poolReads.set(key, p);
    }
    return p;
}

function readRole(roleName: string, arn: string, region: string | undefined, log?: (m: string) => void): Promise<RoleRead> {
    const key = `${region ?? ""}|${arn}`;
    let p = roleReads.get(key);
    if (!p) {
        p = (async (): Promise<RoleRead> => {
            let role: LiveRole | undefined;
            try {
                role = await findRole(roleName, { region, log });
            } catch (error) {
                return { error };
            }
            if (!role) return { missing: true };
            try {
                return { role, policies: await findRolePermissionPolicies(roleName, { region, log }) };
            } catch (policiesError) {
                return { role, policiesError };
            }
        })();
        roleReads.set(key, p);
    }
    return p;
}

function skipped(what: string, err: unknown, service: "cognito-idp" | "iam"): string {
    if (err instanceof AwsCallError && isAccessDenied(err)) {
        return `pre-flight check of ${what} skipped: the caller may not call ${service}:${err.operation} (${err.awsErrorName}). Grant ${service}:${err.operation} to have it checked at preview; \`pulumi up\` is not affected.`;
    }
    const msg = err instanceof Error ? err.message : String(err);
    return `pre-flight check of ${what} skipped: ${msg}`;
}

export interface PreflightOptions {
    region?: string;
    log?: (message: string) => void;
}

export interface PreflightResult {
    failures: Failure[];
    /** Reads that could not be made (missing permission, network, ...): reported, never failing. */
    warnings: string[];
}

/**
 * The live pre-flight checks for checked, statically valid inputs. Reads only; each pool and
 * role is read at most once per process. Unknown values (preview) skip what depends on them:
 * an snsCallerArn of a role created in the same stack is unknown at preview, so the role is
 * not read then.
 */
export async function livePreflight(inputs: Record<string, unknown>, opts: PreflightOptions = {}): Promise<PreflightResult> {
    const result: PreflightResult = { failures: [], warnings: [] };
    const { region, log } = opts;
    if (region !== undefined && isUnknown(region)) return result;
    const poolId = inputs.userPoolId;
    const tasks: Promise<void>[] = [];

    if (typeof poolId === "string" && !isUnknown(poolId)) {
        tasks.push(
            readPool(poolId, region, log).then((r) => {
                if ("pool" in r) result.failures.push(...poolRules(inputs, r.pool));
                else if ("missing" in r) {
                    result.failures.push({
                        property: "userPoolId",
                        reason: `userPoolId names no user pool in ${region ?? "the configured Region"} (DescribeUserPool answered ResourceNotFoundException). UserPoolMfaConfig manages an existing pool and never creates one: check userPoolId and region (received: ${show(poolId)})`,
                    });
                } else result.warnings.push(skipped(`user pool ${poolId}`, r.error, "cognito-idp"));
            }),
        );
    }

    const sms = inputs.smsMfaConfiguration as Record<string, unknown> | undefined;
    const cfg = known(sms) ? (sms!.smsConfiguration as Record<string, unknown> | undefined) : undefined;
    const arn = known(cfg) ? cfg!.snsCallerArn : undefined;
    const roleName = typeof arn === "string" && !isUnknown(arn) ? roleNameOf(arn) : undefined;
    if (roleName && typeof arn === "string" && inputs.mfaConfiguration !== "OFF") {
        const externalId = typeof cfg!.externalId === "string" && !isUnknown(cfg!.externalId) ? cfg!.externalId : undefined;
        tasks.push(
            readRole(roleName, arn, region, log).then((r) => {
                if ("missing" in r) {
                    // A warning, not a failure: the role may be created by this same update
                    // under a name the program spells out.
                    result.warnings.push(
                        `pre-flight: smsMfaConfiguration.smsConfiguration.snsCallerArn names role ${arn}, which does not exist (GetRole answered NoSuchEntity). Unless this update creates it, SetUserPoolMfaConfig will fail with InvalidSmsRoleTrustRelationshipException.`,
                    );
                } else if ("error" in r) {
                    result.warnings.push(skipped(`role ${arn}`, r.error, "iam"));
                } else {
                    if (r.policiesError !== undefined)
                        result.warnings.push(skipped(`the permissions of role ${arn}`, r.policiesError, "iam"));
                    result.failures.push(
                        ...roleRules({ arn, trustPolicy: r.role.trustPolicy, permissionPolicies: r.policies }, externalId),
                    );
                }
            }),
        );
    }
    await Promise.all(tasks);
    return result;
}
