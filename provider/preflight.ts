// Pre-flight: what AWS would refuse at `pulumi up`, caught by `check` at `pulumi preview`.
//
// The static rules live in model.validate. This module adds the rules that depend on the pool
// and on the SNS caller role as they are in AWS, read with read-only calls:
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
// Module-level state (the caches, the warning sink) is fine here: this module is require()d by
// reference from the installed package, so it lives once per provider process; it is never
// captured by value in the serialized provider.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { warnLog } from "./engineLog";
import { AwsCallError } from "./errors";
import { findUserPool } from "./gateway";
import { findRole, findRolePermissionPolicies, LiveRole, RolePermissionPolicy } from "./iamGateway";
import { Failure, isUnknown, MFA_MODES, MfaMode } from "./model";
import { COGNITO_SERVICE_PRINCIPAL, parseArn } from "./roleModel";

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
// Pure rules

const present = (v: unknown) => v !== undefined && v !== null;
const known = (v: unknown) => present(v) && !isUnknown(v);

/** A value for a message; blocks that may hold the (secret) ExternalId are never shown. */
function show(v: unknown): string {
    if (typeof v === "string") return JSON.stringify(v.length > 80 ? v.slice(0, 77) + "..." : v);
    return JSON.stringify(v) ?? "undefined";
}

function fail(failures: Failure[], property: string, received: string, text: string): void {
    failures.push({ property, reason: `${property} ${text} (received: ${received})` });
}

/** The first factors that are passwordless, which AWS refuses together with MFA "ON". */
export const PASSWORDLESS_FIRST_FACTORS = ["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"];

/**
 * The live rules that depend on the pool (DescribeUserPool's `UserPool`). Inputs are the
 * checked inputs of a UserPoolMfaConfig; unknown values skip the rules that need them.
 */
export function poolRules(inputs: Record<string, unknown>, pool: UserPoolType): Failure[] {
    const failures: Failure[] = [];
    const mode = inputs.mfaConfiguration;
    if (typeof mode !== "string" || !MFA_MODES.includes(mode as MfaMode)) return failures;
    const poolId = typeof inputs.userPoolId === "string" ? inputs.userPoolId : (pool.Id ?? "the user pool");
    const on = mode !== "OFF";
    const email = inputs.emailMfaConfiguration;
    const sms = inputs.smsMfaConfiguration;
    const webAuthn = inputs.webAuthnConfiguration as Record<string, unknown> | undefined;
    const emailOn = on && known(email);
    const smsOn = on && known(sms);
    const webAuthnSet = known(webAuthn) && Object.values(webAuthn!).some(present);
    const tier = pool.UserPoolTier;

    // Feature plan: email MFA and passkeys need Essentials or Plus.
    if (tier === "LITE") {
        if (emailOn) {
            fail(
                failures,
                "emailMfaConfiguration",
                show(email),
                `needs the Essentials or Plus feature plan, but user pool ${poolId} has UserPoolTier "LITE" (AWS answers FeatureUnavailableInTierException). Raise the pool's UserPoolTier to "ESSENTIALS" or "PLUS" (aws cognito-idp update-user-pool --user-pool-tier ESSENTIALS, or userPoolTier on the pool resource), or remove emailMfaConfiguration`,
            );
        }
        if (webAuthnSet) {
            fail(
                failures,
                "webAuthnConfiguration",
                show(webAuthn),
                `needs the Essentials or Plus feature plan, but user pool ${poolId} has UserPoolTier "LITE": passkeys (WebAuthn) are not part of Lite (AWS answers FeatureUnavailableInTierException). Raise the pool's UserPoolTier to "ESSENTIALS" or "PLUS", or remove webAuthnConfiguration`,
            );
        }
    }

    // Email MFA sends through SES: the pool must use its own SES identity.
    if (emailOn) {
        const account = pool.EmailConfiguration?.EmailSendingAccount ?? "COGNITO_DEFAULT";
        if (account !== "DEVELOPER") {
            fail(
                failures,
                "emailMfaConfiguration",
                show(email),
                `needs the pool to send email through Amazon SES, but user pool ${poolId} has EmailConfiguration.EmailSendingAccount "${account}" (AWS answers "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT"). Set the pool's EmailConfiguration to EmailSendingAccount "DEVELOPER" with a verified SES SourceArn first, or remove emailMfaConfiguration`,
            );
        }
    }

    // A pool-level SMS configuration is sticky: ON/OPTIONAL must keep SMS MFA.
    const poolSmsRole = pool.SmsConfiguration?.SnsCallerArn;
    if (on && !present(sms) && poolSmsRole) {
        fail(
            failures,
            "smsMfaConfiguration",
            "undefined",
            `is required with mfaConfiguration "${mode}" on user pool ${poolId}: the pool has an SMS configuration (role ${poolSmsRole}), which cannot be removed, and AWS refuses ${mode} without SMS MFA ("Can't turn off SMS_MFA when SMS configuration is set for the user pool"). Add smsMfaConfiguration { smsConfiguration: { snsCallerArn: "${poolSmsRole}", externalId: <the pool's ExternalId> } }, or set mfaConfiguration to "OFF"`,
        );
    }

    // Account recovery.
    const mechanisms = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((m) => m.Name ?? "");
    if (emailOn && mechanisms.length > 0 && mechanisms.every((n) => n === "verified_email")) {
        fail(
            failures,
            "emailMfaConfiguration",
            show(email),
            `cannot be used while user pool ${poolId} recovers accounts by verified_email only: a code sent to the same mailbox would be both the second factor and the way back in, and AWS refuses it. Add verified_phone_number to the pool's AccountRecoverySetting (or use admin_only), or remove emailMfaConfiguration`,
        );
    }
    if (smsOn && mechanisms.includes("verified_phone_number")) {
        // Named by its smsConfiguration member: the CLI prints the value of a top-level property
        // next to the failure, and the whole SMS block would show the (secret) ExternalId.
        fail(
            failures,
            "smsMfaConfiguration.smsConfiguration",
            "SMS MFA",
            `turns SMS MFA on, which AWS refuses while user pool ${poolId} uses verified_phone_number as an account recovery mechanism (AWS: "Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured"). Set the pool's AccountRecoverySetting to verified_email (or admin_only), or remove smsMfaConfiguration`,
        );
    }

    // Passwordless first factors and required MFA.
    if (mode === "ON") {
        const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
        const passkeyIsMfa = known(webAuthn) && webAuthn!.factorConfiguration === "MULTI_FACTOR_WITH_USER_VERIFICATION";
        const conflicting = factors.filter((f) => PASSWORDLESS_FIRST_FACTORS.includes(f) && !(f === "WEB_AUTHN" && passkeyIsMfa));
        if (conflicting.length > 0) {
            const passkeyHint = conflicting.includes("WEB_AUTHN")
                ? ` (for WEB_AUTHN alone, webAuthnConfiguration.factorConfiguration "MULTI_FACTOR_WITH_USER_VERIFICATION" also works)`
                : "";
            fail(
                failures,
                "mfaConfiguration",
                show(mode),
                `cannot be "ON" while user pool ${poolId} allows passwordless first factors ${conflicting.join(", ")} (Policies.SignInPolicy.AllowedFirstAuthFactors = ${JSON.stringify(factors)}): AWS refuses required MFA together with passwordless sign-in. Use mfaConfiguration "OPTIONAL", or remove ${conflicting.join(", ")} from the pool's AllowedFirstAuthFactors${passkeyHint}`,
            );
        }
    }
    return failures;
}

// --- IAM policy evaluation (enough of it to predict Cognito's role checks) -------------------

interface Statement {
    Effect?: string;
    Principal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function statements(document: string | object): Statement[] {
    let doc: unknown = document;
    if (typeof document === "string") {
        try {
            doc = JSON.parse(document);
        } catch {
            return [];
        }
    }
    const s = (doc as { Statement?: unknown } | null)?.Statement;
    return (Array.isArray(s) ? s : s ? [s] : []) as Statement[];
}

/** IAM wildcard match: `*` any run, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, ignoreCase ? "is" : "s");
    return re.test(value);
}

function actionMatches(st: Statement, action: string): boolean {
    if (st.Action !== undefined) return list(st.Action).some((a) => wildcardMatch(a, action, true));
    if (st.NotAction !== undefined) return !list(st.NotAction).some((a) => wildcardMatch(a, action, true));
    return false;
}

function admitsCognito(st: Statement): boolean {
    const p = st.Principal;
    if (p === "*") return true;
    if (p && typeof p === "object") {
        const o = p as Record<string, unknown>;
        if (list(o.AWS).includes("*")) return true;
        return list(o.Service).some((s) => s.toLowerCase() === COGNITO_SERVICE_PRINCIPAL);
    }
    return false;
}

/** Whether the statement's conditions on `sts:ExternalId` (if any) accept `externalId`. */
function externalIdAccepted(st: Statement, externalId: string): boolean {
    for (const [rawOp, conds] of Object.entries(st.Condition ?? {})) {
        for (const [key, raw] of Object.entries(conds ?? {})) {
            if (key.toLowerCase() !== "sts:externalid") continue;
            const values = list(raw);
            const op = rawOp.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
            let ok: boolean;
            switch (op) {
                case "StringEquals":
                    ok = values.includes(externalId);
                    break;
                case "StringEqualsIgnoreCase":
                    ok = values.some((v) => v.toLowerCase() === externalId.toLowerCase());
                    break;
                case "StringLike":
                    ok = values.some((v) => wildcardMatch(v, externalId));
                    break;
                case "StringNotEquals":
                    ok = !values.includes(externalId);
                    break;
                case "StringNotEqualsIgnoreCase":
                    ok = !values.some((v) => v.toLowerCase() === externalId.toLowerCase());
                    break;
                case "StringNotLike":
                    ok = !values.some((v) => wildcardMatch(v, externalId));
                    break;
                case "Null":
                    ok = values.every((v) => v.toLowerCase() === "false");
                    break;
                default:
                    ok = true; // an operator this check does not model: give the role the benefit of the doubt
            }
            if (!ok) return false;
        }
    }
    return true;
}

function resourceIsAll(st: Statement): boolean {
    if (st.Resource !== undefined) return list(st.Resource).includes("*");
    return false;
}

/** What the role documents say about Cognito using it to send SMS. */
export interface RoleDocuments {
    /** The role's ARN, for messages. */
    arn: string;
    /** The trust policy (decoded JSON). */
    trustPolicy: string;
    /** The permission policies, or undefined when they could not be read (the sns:Publish rule is skipped). */
    permissionPolicies?: RolePermissionPolicy[];
}

/**
 * The live rules on the SNS caller role: its trust policy must let cognito-idp.amazonaws.com
 * call sts:AssumeRole with the configured ExternalId, and its permissions must allow
 * sns:Publish on "*". `externalId` undefined (unknown at preview) skips the ExternalId rule.
 */
export function roleRules(role: RoleDocuments, externalId: string | undefined): Failure[] {
    const failures: Failure[] = [];
    const arnProp = "smsMfaConfiguration.smsConfiguration.snsCallerArn";
    const trust = statements(role.trustPolicy).filter((st) => st.Effect === "Allow" && admitsCognito(st) && actionMatches(st, "sts:AssumeRole"));
    if (trust.length === 0) {
        fail(
            failures,
            arnProp,
            show(role.arn),
            `names a role whose trust policy does not let ${COGNITO_SERVICE_PRINCIPAL} call sts:AssumeRole (AWS answers InvalidSmsRoleTrustRelationshipException: "Role does not have a trust relationship allowing Cognito to assume the role"). Add a statement { Effect: "Allow", Principal: { Service: "${COGNITO_SERVICE_PRINCIPAL}" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": <externalId> } } } to the role's trust policy, or use SnsCallerRole to create a correct role`,
        );
    } else if (externalId !== undefined && !trust.some((st) => externalIdAccepted(st, externalId))) {
        failures.push({
            property: "smsMfaConfiguration.smsConfiguration.externalId",
            reason: `smsMfaConfiguration.smsConfiguration.externalId does not match the sts:ExternalId condition in the trust policy of role ${role.arn} (AWS answers InvalidSmsRoleTrustRelationshipException). Set externalId to the role's sts:ExternalId, or change the condition in the role's trust policy to this externalId (received: value not shown, the ExternalId is secret)`,
        });
    }

    if (role.permissionPolicies !== undefined) {
        const all = role.permissionPolicies.flatMap((p) => statements(p.document).map((st) => ({ st, source: p.source })));
        const publish = all.filter(({ st }) => actionMatches(st, "sns:Publish"));
        const denied = publish.find(({ st }) => st.Effect === "Deny" && (resourceIsAll(st) || st.NotResource !== undefined) && !st.Condition);
        const allowed = publish.some(({ st }) => st.Effect === "Allow" && resourceIsAll(st));
        if (denied) {
            fail(
                failures,
                arnProp,
                show(role.arn),
                `names a role whose ${denied.source} denies sns:Publish (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Remove the Deny from the role`,
            );
        } else if (!allowed) {
            const narrow = publish.filter(({ st }) => st.Effect === "Allow").flatMap(({ st }) => list(st.Resource));
            const why =
                narrow.length > 0
                    ? `allows sns:Publish only on ${narrow.map((r) => JSON.stringify(r)).join(", ")}; Cognito publishes SMS to phone numbers, not to topics, so the Resource must be "*"`
                    : "has no permission policy that allows sns:Publish";
            fail(
                failures,
                arnProp,
                show(role.arn),
                `names a role that ${why} (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Give the role an inline policy { Effect: "Allow", Action: "sns:Publish", Resource: "*" }, or use SnsCallerRole to create a correct role`,
            );
        }
    }
    return failures;
}

/** The role name an IAM role ARN names (`arn:aws:iam::1:role/path/name` -> `name`), or undefined. */
export function roleNameOf(arn: string): string | undefined {
    const a = parseArn(arn);
    if (!a || a.service !== "iam" || !a.resource.startsWith("role/")) return undefined;
    return a.resource.split("/").pop() || undefined;
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
    emitted.clear();
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
                    if (r.policiesError !== undefined) result.warnings.push(skipped(`the permissions of role ${arn}`, r.policiesError, "iam"));
                    result.failures.push(...roleRules({ arn, trustPolicy: r.role.trustPolicy, permissionPolicies: r.policies }, externalId));
                }
            }),
        );
    }
    await Promise.all(tasks);
    return result;
}

// ---------------------------------------------------------------------------------------------
// Warnings

const emitted = new Set<string>();

/**
 * Where warnings go. Under the engine's dynamic-provider host they are sent to the engine's Log
 * service (the address the host was started with), so `pulumi preview` shows them as
 * "warning: ..." and counts them; elsewhere, and if that fails, they go to stderr, which the
 * CLI shows as a message. Tests replace `warn`.
 */
export const warningSink = {
    warn: (message: string): Promise<void> => warnLog(message),
};

/** Emits a warning once per process (two resources on one denied pool warn once). */
export async function emitWarning(message: string): Promise<void> {
    const text = `pulumi-cognito-mfa: ${message}`;
    if (emitted.has(text)) return;
    emitted.add(text);
    await warningSink.warn(text);
}
