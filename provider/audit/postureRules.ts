// The audit's rules for one pool, from what the account walk read (PoolFacts): the posture rules
// (MFA off or optional, SMS as the only second factor, passkeys without user verification under
// MFA ON, an SMS role open to the confused deputy), the pre-flight's own pool and role rules run
// on the live configuration, and the SMS delivery rules. Pure.
import { actionMatches, admitsCognito, statements } from "../common/policyEvaluation";
import { poolRules } from "../userPoolMfaConfig/poolRules";
import { roleRules, SmsRolePath } from "../userPoolMfaConfig/roleRules";
import { normalize, MfaConfig } from "../userPoolMfaConfig/model";
import { smsDeliveryRules } from "../userPoolMfaConfig/smsDeliveryRules";
import { skippedText } from "../userPoolMfaConfig/smsDeliveryPreflight";
import { auditRule } from "./catalogue";
import type { FailedRead, PoolFacts, RoleFacts } from "./facts";
import type { Finding, Level } from "./findings";
import { preflightFindings } from "./preflightFindings";

function finding(id: string, message: string, fix: string, level?: Level): Finding {
    const rule = auditRule(id);
    return { id, level: level ?? rule.level, message, fix, evidence: rule.evidence };
}

function unreadable(id: "pool-unreadable" | "sms-role-unreadable", what: string, read: FailedRead): Finding {
    const fix = read.accessDenied
        ? `Grant the auditing identity ${read.action} (read-only), then run the audit again.`
        : "Run the audit again; if the error stays, the message names its cause.";
    return finding(id, `${what} could not be read: ${read.message}`, fix);
}

/** The SMS path and role the live configuration names, if SMS MFA is on. */
export function smsRoleOf(mfa: MfaConfig): { arn: string; externalId?: string; path: SmsRolePath } | undefined {
    if (mfa.mfaConfiguration === "OFF") return undefined;
    const cfg = mfa.smsMfaConfiguration?.smsConfiguration;
    if (cfg?.eumsSms?.callerArn) {
        return {
            arn: cfg.eumsSms.callerArn,
            externalId: cfg.eumsSms.externalId,
            path: { path: "eums", originationIdentity: cfg.eumsSms.originationIdentity },
        };
    }
    if (cfg?.snsCallerArn) return { arn: cfg.snsCallerArn, externalId: cfg.externalId, path: { path: "sns" } };
    return undefined;
}

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn"];

/** Trust statements that let Cognito assume the role, none of which conditions on the pool's account or ARN. */
function trustWithoutSource(trustPolicy: string): boolean {
    const trust = statements(trustPolicy).filter((st) => st.Effect === "Allow" && admitsCognito(st) && actionMatches(st, "sts:AssumeRole"));
    const keys = (st: (typeof trust)[number]) =>
        Object.values(st.Condition ?? {}).flatMap((c) => Object.keys(c ?? {}).map((k) => k.toLowerCase()));
    return trust.length > 0 && !trust.some((st) => keys(st).some((k) => SOURCE_KEYS.includes(k)));
}

function modeFindings(f: PoolFacts, mfa: MfaConfig): Finding[] {
    const out: Finding[] = [];
    const id = f.userPoolId;
    const mode = mfa.mfaConfiguration;
    if (mode === "OFF") {
        const factors = f.pool?.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
        const passwordless = factors !== undefined && factors.length > 0 && !factors.includes("PASSWORD");
        out.push(
            finding(
                "mfa-off",
                passwordless
                    ? `user pool ${id} has MFA "OFF"; its users sign in without a password (AllowedFirstAuthFactors ${JSON.stringify(factors)}), so no second factor is asked of anyone.`
                    : `user pool ${id} has MFA "OFF": no user is asked for a second factor after the password.`,
                'Turn MFA on with a factor users can enroll in, e.g. mfaConfiguration "OPTIONAL" or "ON" with softwareTokenMfaConfiguration { enabled: true } (pulumi-cognito-mfa snippet prints the program that adopts the pool).',
                passwordless ? "warning" : undefined,
            ),
        );
        return out;
    }
    if (mode === "OPTIONAL") {
        out.push(
            finding(
                "mfa-optional",
                `user pool ${id} has MFA "OPTIONAL": only users who chose to set up a factor are asked for one, and managed login does not prompt anyone to set one up.`,
                'Set mfaConfiguration "ON" if every user must have a second factor (it needs no passwordless first factor other than passkeys with MULTI_FACTOR_WITH_USER_VERIFICATION).',
            ),
        );
    }
    const sms = mfa.smsMfaConfiguration !== undefined;
    const totp = mfa.softwareTokenMfaConfiguration?.enabled === true;
    const email = mfa.emailMfaConfiguration !== undefined;
    const passkeyMfa = mfa.webAuthnConfiguration?.factorConfiguration === "MULTI_FACTOR_WITH_USER_VERIFICATION";
    if (sms && !totp && !email && !passkeyMfa) {
        out.push(
            finding(
                "sms-only-second-factor",
                `user pool ${id} offers SMS as its only second factor: a user whose SMS does not arrive (SMS sandbox, spend limit, carrier filtering) or whose number is taken over has no other.`,
                "Add an authenticator-app factor (softwareTokenMfaConfiguration { enabled: true }) so users can move off SMS.",
            ),
        );
    }
    const w = mfa.webAuthnConfiguration;
    if (mode === "ON" && w !== undefined && w.userVerification !== "required") {
        out.push(
            finding(
                "passkey-uv-preferred",
                `user pool ${id} requires MFA and has passkeys with userVerification ${JSON.stringify(w.userVerification ?? "preferred (the default)")}: a passkey without user verification is one factor only, and only passkey sign-in with user verification satisfies MFA.`,
                'Set webAuthnConfiguration.userVerification to "required".',
            ),
        );
    }
    return out;
}

function roleFindings(f: PoolFacts, mfa: MfaConfig, role: RoleFacts): Finding[] {
    const target = smsRoleOf(mfa);
    const id = f.userPoolId;
    if ("missing" in role) {
        return [
            finding(
                "sms-role-missing",
                `user pool ${id} sends SMS with role ${role.arn}, which does not exist (GetRole answered NoSuchEntity): Cognito cannot assume it, so no SMS code is sent.`,
                "Create the role again (SnsCallerRole creates a correct one) or point the pool's SMS configuration at an existing role.",
            ),
        ];
    }
    if ("error" in role) return [unreadable("sms-role-unreadable", `role ${role.arn}, which user pool ${id} sends SMS with,`, role.error)];
    if ("otherAccount" in role) {
        return [
            finding(
                "sms-role-unreadable",
                `user pool ${id} sends SMS with role ${role.arn}, in account ${role.otherAccount}, not the caller's: IAM reads roles by name in the caller's own account, so the role was not checked.`,
                `Audit with credentials of account ${role.otherAccount} to have the role checked.`,
            ),
        ];
    }
    const out: Finding[] = [];
    if (role.policiesError) out.push(unreadable("sms-role-unreadable", `the permission policies of role ${role.arn}`, role.policiesError));
    if (target) {
        out.push(
            ...preflightFindings(
                roleRules(
                    { arn: role.arn, trustPolicy: role.trustPolicy, permissionPolicies: role.permissionPolicies },
                    target.externalId,
                    target.path,
                ),
            ),
        );
    }
    if (trustWithoutSource(role.trustPolicy)) {
        out.push(
            finding(
                "sms-role-trust-no-source",
                `role ${role.arn}, which user pool ${id} sends SMS with, lets cognito-idp.amazonaws.com assume it without an aws:SourceAccount or aws:SourceArn condition: any user pool in any account that knows the ExternalId could send SMS with it.`,
                `Add to the trust statement Condition { StringEquals: { "aws:SourceAccount": "<account>" }, ArnLike: { "aws:SourceArn": "arn:<partition>:cognito-idp:${f.region}:<account>:userpool/${id}" } } (SnsCallerRole writes both).`,
            ),
        );
    }
    return out;
}

function smsFindings(f: PoolFacts): Finding[] {
    if (!f.sms) return [];
    const { state, skipped } = f.sms;
    const out: Finding[] = [];
    for (const s of skipped) {
        // An endpoint without the operation (an emulator) is reported once per run on stderr, not per pool.
        if (s.unsupported) continue;
        out.push(
            finding(
                "sms-delivery-unreadable",
                `user pool ${f.userPoolId} sends SMS through ${state.path === "eums" ? "AWS End User Messaging SMS" : "Amazon SNS"}; the ${skippedText(s, state.region, "")}`,
                `Grant the auditing identity ${s.service ?? "sns"}:${s.operation} (read-only), then run the audit again.`,
            ),
        );
    }
    for (const d of smsDeliveryRules(state, f.userPoolId)) out.push(finding(d.id, d.message, d.fix));
    return out;
}

/** Every finding for one pool. */
export function postureFindings(f: PoolFacts): Finding[] {
    const out: Finding[] = [];
    if (f.poolError) out.push(unreadable("pool-unreadable", `user pool ${f.userPoolId} (DescribeUserPool)`, f.poolError));
    if (f.mfaError)
        out.push(unreadable("pool-unreadable", `the MFA configuration of user pool ${f.userPoolId} (GetUserPoolMfaConfig)`, f.mfaError));
    const mfa = f.mfa;
    if (!mfa) return out;
    out.push(...modeFindings(f, mfa));
    if (f.pool) {
        const inputs: Record<string, unknown> = { userPoolId: f.userPoolId, ...normalize(mfa) };
        out.push(
            ...preflightFindings(
                poolRules(inputs, f.pool, { region: f.region, liveMfa: { webAuthnConfiguration: mfa.webAuthnConfiguration } }),
            ),
        );
    }
    if (f.role) out.push(...roleFindings(f, mfa, f.role));
    out.push(...smsFindings(f));
    return out;
}
