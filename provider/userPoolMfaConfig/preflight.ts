// Pre-flight: what AWS would refuse at `pulumi up`, caught by `check` at `pulumi preview`.
//
// The static rules live in validate.ts. The pre-flight adds the rules that depend on the pool
// (poolRules.ts) and on the SNS caller role (roleRules.ts) as they are in AWS, read here with
// read-only calls:
//
//   DescribeUserPool                          -> tier, email sending account, pool SMS
//                                                configuration (SNS or EUMS), account recovery,
//                                                first factors, domains, threat protection, and
//                                                the pool's ARN (its account)
//   GetUserPoolMfaConfig                      -> the live WebAuthn FactorConfiguration, only for
//                                                MFA "ON" with a WEB_AUTHN first factor and no
//                                                factorConfiguration in the inputs
//   GetRole, ListRolePolicies, GetRolePolicy,
//   ListAttachedRolePolicies, GetPolicy,
//   GetPolicyVersion                          -> trust (cognito-idp, sts:ExternalId), sns:Publish
//                                                (SNS path) or sms-voice:SendTextMessage (EUMS)
//
// A pool or SMS role that comes from another resource of the stack (the hidden `__fromStack`
// input, sameStack.ts) may be changed by the same update before this resource is written, and
// at preview the reads show it as it was: its rules then warn at preview ("checked again at
// `pulumi up`") and preWriteChecks runs them on fresh reads right before create or update
// writes, which refuses the write with the same message if they still fail.
//
// Nothing here writes. The rules themselves (poolRules, roleRules) are pure functions of the
// inputs and of DescribeUserPool- / IAM-shaped data; livePreflight does the reads, memoized per
// provider process (one DescribeUserPool per pool and one set of role reads per role, however
// many resources or checks ask), and turns a missing permission or any other failed read into
// a warning, never into a failure. The rules' own warnings (what AWS may refuse, or a change the
// diff does not show) travel in the same `warnings` list.
//
// Module-level state (the read caches) is fine here: only the real provider, loaded once per
// provider process from the installed package, uses this module; the engine never serializes it.
import { settingOff } from "../common/settings";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { isAccessDenied } from "../aws/errors";
import { findUserPool, findUserPoolOnce, forgetUserPools } from "../aws/cognito";
import { findRole, findRolePermissionPolicies, LiveRole, RolePermissionPolicy } from "../aws/iam";
import { isUnknown } from "../common/unknown";
import { Failure, Findings, known, knownString, show } from "../common/validator";
import { accountOf, roleNameOf } from "../common/arn";
import { forgetWarnings } from "../runtime/warnings";
import { LiveMfaFacts, needsLiveMfa, poolRules } from "./poolRules";
import { roleRules, rolePropertiesOf, SmsRolePath } from "./roleRules";
import { forgetSmsDeliveryReads, smsDeliveryWarnings } from "./smsDeliveryPreflight";
import { findMfaConfig } from "./live";

/** The stack setting that turns the live checks off: `pulumi config set pulumi-cognito-mfa:preflight false`. */
export const PREFLIGHT_CONFIG_KEY = "pulumi-cognito-mfa:preflight";
/** The environment variable that does the same (for CI runs without touching the stack config). */
export const PREFLIGHT_ENV = "PULUMI_COGNITO_MFA_PREFLIGHT";

/** False for "false", "off", "no", "0", "disabled" (any case); true for anything else, including unset. */
export function preflightEnabled(configValue: string | undefined, envValue: string | undefined = process.env[PREFLIGHT_ENV]): boolean {
    return !settingOff(configValue) && !settingOff(envValue);
}

// ---------------------------------------------------------------------------------------------
// When to run

export { inputsChanged } from "../common/inputs";

// ---------------------------------------------------------------------------------------------
// Reads, memoized per provider process (and fresh ones for the checks right before a write)

type PoolRead = { pool: UserPoolType } | { missing: true } | { error: unknown };
type MfaRead = { mfa: LiveMfaFacts } | { error: unknown };
type RoleRead = { role: LiveRole; policies?: RolePermissionPolicy[]; policiesError?: unknown } | { missing: true } | { error: unknown };

const mfaReads = new Map<string, Promise<MfaRead>>();
const roleReads = new Map<string, Promise<RoleRead>>();

/** Forgets every memoized read (tests; a provider process never needs it). */
export function clearPreflightCache(): void {
    mfaReads.clear();
    roleReads.clear();
    forgetUserPools();
    forgetWarnings();
    forgetSmsDeliveryReads();
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    let p = cache.get(key);
    if (!p) {
        p = read();
        cache.set(key, p);
    }
    return p;
}

const poolAnswer = (p: Promise<UserPoolType | undefined>): Promise<PoolRead> =>
    p.then(
        (pool): PoolRead => (pool ? { pool } : { missing: true }),
        (error): PoolRead => ({ error }),
    );

function readPool(userPoolId: string, region: string | undefined, log?: (m: string) => void): Promise<PoolRead> {
    // The one DescribeUserPool cache (aws/cognito.ts findUserPoolOnce) and its rule: a missing
    // pool or a failed read is asked again by the next check.
    return poolAnswer(findUserPoolOnce(userPoolId, { region, log }));
}

/** DescribeUserPool now, past both caches: the pool after this process's updates of it. */
function freshPool(userPoolId: string, region: string | undefined, log?: (m: string) => void): Promise<PoolRead> {
    return poolAnswer(findUserPool(userPoolId, { region, log }));
}

function freshMfa(userPoolId: string, region: string | undefined, log?: (m: string) => void): Promise<MfaRead> {
    return findMfaConfig(userPoolId, { region, log }).then(
        // A pool gone between the two reads: DescribeUserPool's answer stands; nothing to judge.
        (mfa): MfaRead => (mfa ? { mfa } : { error: new Error("GetUserPoolMfaConfig found no user pool") }),
        (error): MfaRead => ({ error }),
    );
}

function readMfa(userPoolId: string, region: string | undefined, log?: (m: string) => void): Promise<MfaRead> {
    return memo(mfaReads, `${region ?? ""}|${userPoolId}`, () => freshMfa(userPoolId, region, log));
}

async function freshRole(roleName: string, region: string | undefined, log?: (m: string) => void): Promise<RoleRead> {
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
}

function readRole(roleName: string, arn: string, region: string | undefined, log?: (m: string) => void): Promise<RoleRead> {
    return memo(roleReads, `${region ?? ""}|${arn}`, () => freshRole(roleName, region, log));
}

function skipped(what: string, err: unknown, service: "cognito-idp" | "iam"): string {
    if (isAccessDenied(err)) {
        return `pre-flight check of ${what} skipped: the caller may not call ${service}:${err.operation} (${err.awsErrorName}). Grant ${service}:${err.operation} to have it checked at preview; \`pulumi up\` is not affected.`;
    }
    const msg = err instanceof Error ? err.message : String(err);
    return `pre-flight check of ${what} skipped: ${msg}`;
}

export interface PreflightOptions {
    region?: string;
    log?: (message: string) => void;
    /** The pool and role that come from other resources of the stack (the `__fromStack` input). */
    fromStack?: FromStack;
}

/** Its warnings also name the reads that could not be made (missing permission, network, ...). */
export type PreflightResult = Findings;

/** The SMS role the inputs name, on either path, with what its rules need. */
interface SmsRoleTarget {
    arn: string;
    roleName: string;
    externalId?: string;
    smsPath: SmsRolePath;
}

function smsRoleTargets(inputs: Record<string, unknown>): SmsRoleTarget[] {
    if (inputs.mfaConfiguration === "OFF") return [];
    const sms = inputs.smsMfaConfiguration as Record<string, unknown> | undefined;
    const cfg = known(sms) ? (sms.smsConfiguration as Record<string, unknown> | undefined) : undefined;
    if (!known(cfg)) return [];
    const out: SmsRoleTarget[] = [];
    const snsArn = knownString(cfg.snsCallerArn);
    const snsRole = snsArn ? roleNameOf(snsArn) : undefined;
    if (snsArn && snsRole) out.push({ arn: snsArn, roleName: snsRole, externalId: knownString(cfg.externalId), smsPath: { path: "sns" } });
    const eums = cfg.eumsSms as Record<string, unknown> | undefined;
    if (known(eums)) {
        const arn = knownString(eums.callerArn);
        const roleName = arn ? roleNameOf(arn) : undefined;
        if (arn && roleName) {
            out.push({
                arn,
                roleName,
                externalId: knownString(eums.externalId),
                smsPath: {
                    path: "eums",
                    originationIdentity: knownString(eums.originationIdentity),
                    originationIdentityUnknown: isUnknown(eums.originationIdentity),
                },
            });
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// References that the same update may change

/** The references the hidden `__fromStack` input may name (sameStack.ts writes it). */
export type StackReference = "userPool" | "smsRole";
export const FROM_STACK_INPUT = "__fromStack";

/** Which of the pool and the SMS role come from other resources of the stack. */
export interface FromStack {
    userPool: boolean;
    smsRole: boolean;
}

/** What the checked inputs say (a missing or malformed `__fromStack` means neither). */
export function fromStackOf(inputs: object): FromStack {
    const v = (inputs as Record<string, unknown>)[FROM_STACK_INPUT];
    const refs = Array.isArray(v) ? v : [];
    return { userPool: refs.includes("userPool"), smsRole: refs.includes("smsRole") };
}

/** The warning that stands in at preview for a refusal that the same update may make moot. */
function deferred(f: Failure, what: string): string {
    return `pre-flight: ${f.reason}. Not refused yet: ${what} comes from another resource of this stack, which this update may change first; checked again at \`pulumi up\`, right before the write.`;
}

// ---------------------------------------------------------------------------------------------
// The rules on what the reads found

/** How the rules get the pool, its MFA configuration and a role. */
interface Reads {
    pool: (userPoolId: string) => Promise<PoolRead>;
    mfa: (userPoolId: string) => Promise<MfaRead>;
    role: (roleName: string, arn: string) => Promise<RoleRead>;
}

function memoizedReads(region: string | undefined, log?: (m: string) => void): Reads {
    return {
        pool: (id) => readPool(id, region, log),
        mfa: (id) => readMfa(id, region, log),
        role: (name, arn) => readRole(name, arn, region, log),
    };
}

/** What each group of rules found: the pool's rules and the role's apart, for deferring them. */
interface RuleFindings {
    /** Rules that no update of another resource changes (the pool does not exist). */
    failures: Failure[];
    pool: Failure[];
    role: Failure[];
    warnings: string[];
}

async function runRules(inputs: Record<string, unknown>, region: string | undefined, reads: Reads, roles = true): Promise<RuleFindings> {
    const found: RuleFindings = { failures: [], pool: [], role: [], warnings: [] };
    const poolId = knownString(inputs.userPoolId);

    // The pool first: its ARN tells the account the SMS role must be in (IAM reads roles by name
    // in the caller's account, which is the pool's).
    let poolAccount: string | undefined;
    if (poolId !== undefined) {
        const r = await reads.pool(poolId);
        if ("pool" in r) {
            poolAccount = accountOf(r.pool.Arn)?.accountId;
            let liveMfa: LiveMfaFacts | undefined;
            if (needsLiveMfa(inputs, r.pool)) {
                const m = await reads.mfa(poolId);
                if ("mfa" in m) liveMfa = m.mfa;
                else found.warnings.push(skipped(`the MFA configuration of user pool ${poolId}`, m.error, "cognito-idp"));
            }
            const rules = poolRules(inputs, r.pool, { liveMfa, region });
            found.pool.push(...rules.failures);
            found.warnings.push(...rules.warnings);
        } else if ("missing" in r) {
            found.failures.push({
                property: "userPoolId",
                reason: `userPoolId names no user pool in ${region ?? "the configured Region"} (DescribeUserPool answered ResourceNotFoundException). UserPoolMfaConfig manages an existing pool and never creates one: check userPoolId and region (received: ${show(poolId)})`,
            });
        } else found.warnings.push(skipped(`user pool ${poolId}`, r.error, "cognito-idp"));
    }

    if (roles) await Promise.all(smsRoleTargets(inputs).map((t) => checkRole(t, poolAccount, found, reads)));
    return found;
}

/**
 * The live pre-flight checks for checked, statically valid inputs. Reads only; each pool and
 * role is read at most once per process. Unknown values (preview) skip what depends on them:
 * an snsCallerArn of a role created in the same stack is unknown at preview, so the role is
 * not read then. A pool or role that comes from another resource of the stack (`fromStack`)
 * may be changed by the same update before this resource is written: its rules warn here and
 * run again before the write (preWriteChecks).
 */
export async function livePreflight(inputs: Record<string, unknown>, opts: PreflightOptions = {}): Promise<PreflightResult> {
    const result: PreflightResult = { failures: [], warnings: [] };
    const { region, log } = opts;
    if (region !== undefined && isUnknown(region)) return result;
    const from = opts.fromStack ?? { userPool: false, smsRole: false };
    const found = await runRules(inputs, region, memoizedReads(region, log));
    result.failures.push(...found.failures);
    result.warnings.push(...found.warnings);
    const poolId = knownString(inputs.userPoolId);
    if (from.userPool) result.warnings.push(...found.pool.map((f) => deferred(f, `user pool ${poolId}`)));
    else result.failures.push(...found.pool);
    if (from.smsRole) result.warnings.push(...found.role.map((f) => deferred(f, `the SMS role (${f.property})`)));
    else result.failures.push(...found.role);
    result.warnings.push(...(await smsDeliveryWarnings(inputs, { region, log })));
    return result;
}

export interface PreWriteOptions {
    region?: string;
    log?: (message: string) => void;
    fromStack: FromStack;
    /** The pool's MFA configuration as the write's own GetUserPoolMfaConfig found it. */
    liveMfa?: LiveMfaFacts;
}

/**
 * At `pulumi up`, right before create or update writes: the rules that livePreflight deferred
 * (a pool or role from another resource of the stack), on fresh reads, since that resource may
 * have been updated in this same process after check's reads. Returns what still fails; nothing
 * is read when nothing was deferred. A read that fails is a warning, as at preview.
 */
export async function preWriteChecks(inputs: Record<string, unknown>, opts: PreWriteOptions): Promise<PreflightResult> {
    const result: PreflightResult = { failures: [], warnings: [] };
    const { region, log, fromStack } = opts;
    if (!fromStack.userPool && !fromStack.smsRole) return result;
    const memo = memoizedReads(region, log);
    const reads: Reads = {
        // A pool that is not deferred is read only for its account (the role's rules): the
        // memoized answer serves.
        pool: fromStack.userPool ? (id) => freshPool(id, region, log) : memo.pool,
        mfa: (id) => (opts.liveMfa ? Promise.resolve({ mfa: opts.liveMfa }) : freshMfa(id, region, log)),
        role: (name) => freshRole(name, region, log),
    };
    const found = await runRules(inputs, region, reads, fromStack.smsRole);
    result.warnings.push(...found.warnings);
    if (fromStack.userPool) result.failures.push(...found.pool);
    if (fromStack.smsRole) result.failures.push(...found.role);
    return result;
}

async function checkRole(t: SmsRoleTarget, poolAccount: string | undefined, result: RuleFindings, reads: Reads): Promise<void> {
    const arnProp = rolePropertiesOf(t.smsPath.path).arn;
    const roleAccount = accountOf(t.arn)?.accountId;
    const otherAccount = (account: string, whose: string) =>
        `pre-flight check of role ${t.arn} skipped: ${arnProp} names a role in account ${roleAccount}, and ${whose} in account ${account}. IAM reads roles by name in the caller's own account, so the role cannot be checked here; Cognito will assume it at \`pulumi up\` (its trust policy must let cognito-idp.amazonaws.com in with this ExternalId).`;
    if (poolAccount !== undefined && roleAccount !== undefined && roleAccount !== poolAccount) {
        result.warnings.push(otherAccount(poolAccount, "the user pool is"));
        return;
    }
    const r = await reads.role(t.roleName, t.arn);
    if ("missing" in r) {
        // A warning, not a failure: the role may be created by this same update under a name
        // the program spells out.
        result.warnings.push(
            `pre-flight: ${arnProp} names role ${t.arn}, which does not exist (GetRole answered NoSuchEntity). Unless this update creates it, SetUserPoolMfaConfig will fail with InvalidSmsRoleTrustRelationshipException.`,
        );
        return;
    }
    if ("error" in r) {
        result.warnings.push(skipped(`role ${t.arn}`, r.error, "iam"));
        return;
    }
    // The pool's account was not known: GetRole's answer tells which account's role was read.
    const readAccount = accountOf(r.role.arn)?.accountId;
    if (roleAccount !== undefined && readAccount !== undefined && readAccount !== roleAccount) {
        result.warnings.push(otherAccount(readAccount, "the caller's credentials are"));
        return;
    }
    if (r.policiesError !== undefined) result.warnings.push(skipped(`the permissions of role ${t.arn}`, r.policiesError, "iam"));
    const rules = roleRules({ arn: t.arn, trustPolicy: r.role.trustPolicy, permissionPolicies: r.policies }, t.externalId, t.smsPath);
    result.role.push(...rules.failures);
    result.warnings.push(...rules.warnings);
}
