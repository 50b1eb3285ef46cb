// Pre-flight rules that depend on the user pool as DescribeUserPool returns it: what AWS would
// refuse at `pulumi up` given the pool's tier, email account, SMS configuration, account recovery,
// first factors, domains and threat protection. Pure: preflight.ts does the reads.
//
// Each rule carries its evidence (docs/preflight.md lists them): a rule fails only where AWS
// documents or was seen to refuse the request; where the sources are indirect it warns, because
// a refusal AWS does not make blocks `pulumi preview` with no way past it.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { parseArn } from "../common/arn";
import { poolRegion } from "../common/regions";
import { isUnknown } from "../common/unknown";
import { failure, Findings, known, knownString, present, show } from "../common/validator";
import { MFA_MODES, MfaMode } from "./model";

/** The first factors that are passwordless, which AWS refuses together with MFA "ON". */
export const PASSWORDLESS_FIRST_FACTORS = ["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"];

const MULTI = "MULTI_FACTOR_WITH_USER_VERIFICATION";

/** The pool's MFA configuration as GetUserPoolMfaConfig has it: only what the rules need. */
export interface LiveMfaFacts {
    webAuthnConfiguration?: { factorConfiguration?: string };
}

/** What else the pool rules may know besides DescribeUserPool. */
export interface PoolRuleContext {
    /** The pool's live MFA configuration; undefined when not read (or the read failed). */
    liveMfa?: LiveMfaFacts;
    /** The Region the provider calls; the pool's ARN and id tell it too. */
    region?: string;
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
    known(v) && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The SMS path the inputs configure: "sns" (snsCallerArn), "eums" (eumsSms), or undefined (none, or unknown). */
export function smsPathOf(inputs: Record<string, unknown>): "sns" | "eums" | undefined {
    const cfg = obj(obj(inputs.smsMfaConfiguration)?.smsConfiguration);
    if (!cfg) return undefined;
    if (present(cfg.eumsSms)) return isUnknown(cfg.eumsSms) ? undefined : "eums";
    if (present(cfg.snsCallerArn)) return isUnknown(cfg.snsCallerArn) ? undefined : "sns";
    return undefined;
}

/** The pool's current SMS path, from DescribeUserPool's SmsConfiguration. */
function poolSmsPath(pool: UserPoolType): { path: "sns" | "eums"; role: string } | undefined {
    const sms = pool.SmsConfiguration;
    if (sms?.EumsSms?.CallerArn) return { path: "eums", role: sms.EumsSms.CallerArn };
    if (sms?.SnsCallerArn) return { path: "sns", role: sms.SnsCallerArn };
    return undefined;
}

const firstFactorsOf = (pool: UserPoolType): string[] => pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];

/**
 * Whether the pool rules need the pool's live MFA configuration (GetUserPoolMfaConfig): for MFA
 * "ON" on a pool that allows WEB_AUTHN as a first factor, when the inputs leave
 * webAuthnConfiguration.factorConfiguration to the live value (the provider sends the live
 * WebAuthn settings back, and DescribeUserPool does not show them).
 */
export function needsLiveMfa(inputs: Record<string, unknown>, pool: UserPoolType): boolean {
    if (inputs.mfaConfiguration !== "ON" || !firstFactorsOf(pool).includes("WEB_AUTHN")) return false;
    const webAuthn = inputs.webAuthnConfiguration;
    if (isUnknown(webAuthn)) return false;
    const fc = obj(webAuthn)?.factorConfiguration;
    return fc === undefined || fc === null;
}

/** The Region of the pool: its ARN's, else the one the provider calls, else its id's. */
function regionOf(pool: UserPoolType, inputs: Record<string, unknown>, context: PoolRuleContext): string | undefined {
    const fromArn = pool.Arn ? parseArn(pool.Arn)?.region : undefined;
    const id = knownString(inputs.userPoolId) ?? pool.Id;
    return fromArn || context.region || (id ? poolRegion(id) : undefined);
}

/**
 * The live rules that depend on the pool (DescribeUserPool's `UserPool`). Inputs are the
 * checked inputs of a UserPoolMfaConfig; unknown values skip the rules that need them.
 */
export function poolRules(inputs: Record<string, unknown>, pool: UserPoolType, context: PoolRuleContext = {}): Findings {
    const result: Findings = { failures: [], warnings: [] };
    const { failures, warnings } = result;
    const mode = inputs.mfaConfiguration;
    if (typeof mode !== "string" || !MFA_MODES.includes(mode as MfaMode)) return result;
    const poolId = knownString(inputs.userPoolId) ?? pool.Id ?? "the user pool";
    const on = mode !== "OFF";
    const email = inputs.emailMfaConfiguration;
    const sms = inputs.smsMfaConfiguration;
    const webAuthn = obj(inputs.webAuthnConfiguration);
    const emailOn = on && known(email);
    const smsOn = on && known(sms);
    const webAuthnSet = webAuthn !== undefined && Object.values(webAuthn).some(present);
    const tier = pool.UserPoolTier;
    const addOns = pool.UserPoolAddOns;
    const advancedSecurity = addOns?.AdvancedSecurityMode;

    // P1, P2. Feature plan: email MFA and passkeys need Essentials or Plus (service model
    // EmailMfaConfigType and WebAuthnConfigurationType; FeatureUnavailableInTierException).
    if (tier === "LITE") {
        if (emailOn && (advancedSecurity === "AUDIT" || advancedSecurity === "ENFORCED")) {
            // AWS CDK (validateEmailMfa) lets a Lite pool with legacy advanced security have
            // email MFA; AWS documents no such exception, so this neither refuses nor stays silent.
            warnings.push(
                `pre-flight: emailMfaConfiguration needs the Essentials or Plus feature plan, and user pool ${poolId} has UserPoolTier "LITE", with legacy advanced security (UserPoolAddOns.AdvancedSecurityMode "${advancedSecurity}"), which AWS CDK accepts for email MFA. If SetUserPoolMfaConfig answers FeatureUnavailableInTierException, raise the pool's UserPoolTier to "ESSENTIALS" or "PLUS".`,
            );
        } else if (emailOn) {
            failure(
                failures,
                "emailMfaConfiguration",
                show(email),
                `needs the Essentials or Plus feature plan, but user pool ${poolId} has UserPoolTier "LITE" (AWS answers FeatureUnavailableInTierException). Raise the pool's UserPoolTier to "ESSENTIALS" or "PLUS" (aws cognito-idp update-user-pool --user-pool-tier ESSENTIALS, or userPoolTier on the pool resource), or remove emailMfaConfiguration`,
            );
        }
        if (webAuthnSet) {
            failure(
                failures,
                "webAuthnConfiguration",
                show(webAuthn),
                `needs the Essentials or Plus feature plan, but user pool ${poolId} has UserPoolTier "LITE": passkeys (WebAuthn) are not part of Lite (AWS answers FeatureUnavailableInTierException). Raise the pool's UserPoolTier to "ESSENTIALS" or "PLUS", or remove webAuthnConfiguration`,
            );
        }
    }

    // P3. Email MFA sends through SES: the pool must use its own SES identity.
    if (emailOn) {
        const account = pool.EmailConfiguration?.EmailSendingAccount ?? "COGNITO_DEFAULT";
        if (account !== "DEVELOPER") {
            failure(
                failures,
                "emailMfaConfiguration",
                show(email),
                `needs the pool to send email through Amazon SES, but user pool ${poolId} has EmailConfiguration.EmailSendingAccount "${account}" (AWS answers "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT"). Set the pool's EmailConfiguration to EmailSendingAccount "DEVELOPER" with a verified SES SourceArn first, or remove emailMfaConfiguration`,
            );
        }
    }

    // P4. A pool-level SMS configuration (SNS or End User Messaging SMS) is sticky: ON/OPTIONAL
    // must keep SMS MFA ("Can't turn off SMS_MFA when SMS configuration is set for the user pool").
    const poolSms = poolSmsPath(pool);
    if (on && !present(sms) && poolSms) {
        const block =
            poolSms.path === "sns"
                ? `smsMfaConfiguration { smsConfiguration: { snsCallerArn: "${poolSms.role}", externalId: <the pool's ExternalId> } }`
                : `smsMfaConfiguration { smsConfiguration: { eumsSms: { callerArn: "${poolSms.role}", externalId: <the pool's ExternalId> } } }`;
        const what = poolSms.path === "sns" ? "an SMS configuration" : "an SMS configuration through End User Messaging SMS";
        failure(
            failures,
            "smsMfaConfiguration",
            "undefined",
            `is required with mfaConfiguration "${mode}" on user pool ${poolId}: the pool has ${what} (role ${poolSms.role}), which cannot be removed, and AWS refuses ${mode} without SMS MFA ("Can't turn off SMS_MFA when SMS configuration is set for the user pool"). Add ${block}, or set mfaConfiguration to "OFF"`,
        );
    }

    // P4b. The SNS and End User Messaging SMS paths exclude each other, and "When you set one
    // configuration, Amazon Cognito clears the other" (Developer Guide, "SMS message settings";
    // SetUserPoolMfaConfig included). Not a refusal, but a change the diff does not show.
    const wanted = smsOn ? smsPathOf(inputs) : undefined;
    if (wanted && poolSms && wanted !== poolSms.path) {
        const name = (p: "sns" | "eums") => (p === "sns" ? "Amazon SNS (snsCallerArn)" : "End User Messaging SMS direct (eumsSms)");
        warnings.push(
            `pre-flight: smsMfaConfiguration.smsConfiguration switches user pool ${poolId} from ${name(poolSms.path)} to ${name(wanted)}: the pool now sends SMS through ${name(poolSms.path)} with role ${poolSms.role}, and AWS documents that setting one SMS path clears the other, so every SMS the pool sends (sign-up, verification, password reset, MFA) will use the new path. To keep the current path, configure ${poolSms.path === "sns" ? "snsCallerArn" : "eumsSms"} instead.`,
        );
    }

    // Account recovery.
    const mechanisms = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((m) => m.Name ?? "");
    // P5. The Developer Guide ("Adding MFA to a user pool"): "you can't enable email MFA and set
    // the recovery option to Email only in the same user pool". AWS's error text is not known.
    if (emailOn && mechanisms.length > 0 && mechanisms.every((n) => n === "verified_email")) {
        failure(
            failures,
            "emailMfaConfiguration",
            show(email),
            `cannot be used while user pool ${poolId} recovers accounts by verified_email only: AWS documents that "you can't enable email MFA and set the recovery option to Email only in the same user pool" (Developer Guide, "Adding MFA to a user pool"). Add verified_phone_number to the pool's AccountRecoverySetting (or use admin_only), or remove emailMfaConfiguration`,
        );
    }
    // P6 (dropped as a refusal). SMS MFA with verified_phone_number among the recovery mechanisms
    // is valid: AWS's own CloudFormation example and CDK's default pool combine them, and Cognito
    // sends a user whose MFA is SMS the reset code by email. Only phone-only recovery leaves such
    // users without self-service recovery, which is worth a warning, not a refusal.
    if (smsOn && mechanisms.length > 0 && mechanisms.every((n) => n === "verified_phone_number")) {
        warnings.push(
            `pre-flight: smsMfaConfiguration turns SMS MFA on while user pool ${poolId} recovers accounts by verified_phone_number only: AWS does not send a password-reset code by SMS to a user whose MFA is SMS ("If they use OTPs from SMS messages for MFA, they must use email messages for account recovery", Developer Guide, "Adding MFA to a user pool"), so those users cannot reset their password themselves. Add verified_email to the pool's AccountRecoverySetting.`,
        );
    }

    // P7, P7b. Passwordless first factors and required MFA (Developer Guide: "You can't set MFA to
    // required in user pools that support one-time passwords or passkeys"). WEB_AUTHN is accepted
    // when passkeys satisfy MFA: the WebAuthn FactorConfiguration the provider really sends (the
    // input's, else the pool's live one, which it sends back) must be MULTI_FACTOR_WITH_USER_
    // VERIFICATION; a request without it is read as SINGLE_FACTOR ("Cannot set WebAuthn factor
    // configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth
    // factor", measured by cdkd #2064).
    if (mode === "ON") {
        const factors = firstFactorsOf(pool);
        const inputFc = webAuthn?.factorConfiguration;
        const liveFc = context.liveMfa?.webAuthnConfiguration?.factorConfiguration;
        const fcUnknown = isUnknown(inputs.webAuthnConfiguration) || isUnknown(inputFc);
        const inputFcSet = inputFc !== undefined && inputFc !== null && !fcUnknown;
        const effectiveFc = inputFcSet ? inputFc : liveFc;
        const liveNeededButUnread = !inputFcSet && !fcUnknown && context.liveMfa === undefined;
        const passkeyIsMfa = effectiveFc === MULTI;
        const conflicting = factors.filter(
            (f) => PASSWORDLESS_FIRST_FACTORS.includes(f) && !(f === "WEB_AUTHN" && (passkeyIsMfa || fcUnknown || liveNeededButUnread)),
        );
        if (conflicting.length > 0) {
            const passkeyHint = conflicting.includes("WEB_AUTHN")
                ? ` (for WEB_AUTHN, webAuthnConfiguration.factorConfiguration "${MULTI}" also works${inputFcSet ? "" : "; the pool's live WebAuthn FactorConfiguration, which the provider sends back when the input leaves it unset, is " + JSON.stringify(liveFc ?? "unset (SINGLE_FACTOR)")})`
                : "";
            failure(
                failures,
                "mfaConfiguration",
                show(mode),
                `cannot be "ON" while user pool ${poolId} allows passwordless first factors ${conflicting.join(", ")} (Policies.SignInPolicy.AllowedFirstAuthFactors = ${JSON.stringify(factors)}): AWS refuses required MFA together with passwordless sign-in. Use mfaConfiguration "OPTIONAL", or remove ${conflicting.join(", ")} from the pool's AllowedFirstAuthFactors${passkeyHint}`,
            );
        } else if (factors.includes("WEB_AUTHN") && liveNeededButUnread) {
            warnings.push(
                `pre-flight: mfaConfiguration "ON" on user pool ${poolId}, which allows WEB_AUTHN as a first factor, needs passkeys to satisfy MFA (WebAuthn FactorConfiguration "${MULTI}"), and webAuthnConfiguration.factorConfiguration is not set, so the pool's live value will be sent; it could not be read (GetUserPoolMfaConfig). If it is not "${MULTI}", SetUserPoolMfaConfig will fail; set webAuthnConfiguration.factorConfiguration to "${MULTI}" to be sure.`,
            );
        }
    }

    // Relying-party id and the pool's domains.
    const rpId = knownString(webAuthn?.relyingPartyId);
    if (rpId !== undefined) {
        const region = regionOf(pool, inputs, context);
        const rp = rpId.toLowerCase().replace(/\.$/, "");
        // M2. A public deploy log: "RelyingPartyId cannot be reserved domain other than User
        // Pool's prefix domain". The prefix domain is <Domain>.auth.<region>.amazoncognito.com
        // (auth-fips. for FIPS endpoints).
        if (rp === "amazoncognito.com" || rp.endsWith(".amazoncognito.com")) {
            const prefix = pool.Domain?.toLowerCase();
            const own =
                prefix && region ? [`${prefix}.auth.${region}.amazoncognito.com`, `${prefix}.auth-fips.${region}.amazoncognito.com`] : [];
            if (!own.includes(rp)) {
                const ownText =
                    own.length > 0
                        ? `; the prefix domain of user pool ${poolId} is "${own[0]}"`
                        : `; user pool ${poolId} has no prefix domain`;
                failure(
                    failures,
                    "webAuthnConfiguration.relyingPartyId",
                    show(rpId),
                    `is in amazoncognito.com, a domain AWS reserves: it accepts there only the pool's own prefix domain (AWS answers "RelyingPartyId cannot be reserved domain other than User Pool's prefix domain")${ownText}. Use ${own.length > 0 ? `"${own[0]}", ` : ""}the pool's custom domain or your application's domain`,
                );
            }
        }
        // M3. The API reference (WebAuthnConfigurationType.RelyingPartyId): with a custom domain
        // and managed login or the classic hosted UI, the RP ID must be the custom domain's FQDN.
        // Whether apps use managed login is not visible here: a warning.
        const custom = pool.CustomDomain?.toLowerCase().replace(/\.$/, "");
        if (custom && rp !== custom) {
            warnings.push(
                `pre-flight: webAuthnConfiguration.relyingPartyId is "${rpId}", but user pool ${poolId} has the custom domain "${pool.CustomDomain}": AWS documents that when a pool has a custom domain and its apps use managed login or the classic hosted UI, the relying-party id must be the custom domain's fully qualified name. If passkeys are used through managed login, set relyingPartyId to "${pool.CustomDomain}".`,
            );
        }
    }

    // M9. The Developer Guide ("Adding MFA to a user pool"): "When you activate threat protection
    // and configure adaptive-authentication responses in full-function mode, MFA must be optional
    // in your user pool." Full-function mode is AdvancedSecurityMode "ENFORCED" (UserPoolAddOnsType:
    // "To configure automatic security responses ..., set to ENFORCED"; custom authentication has
    // its own AdvancedSecurityAdditionalFlows.CustomAuthMode). Whether the responses include MFA
    // (DescribeRiskConfiguration) is not read, and no source shows AWS refusing: a warning.
    const enforced = advancedSecurity === "ENFORCED" || addOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode === "ENFORCED";
    if (enforced && mode !== "OPTIONAL") {
        warnings.push(
            `pre-flight: mfaConfiguration "${mode}" on user pool ${poolId}, whose threat protection runs in full-function mode (UserPoolAddOns ${JSON.stringify(addOns)}): AWS documents that with adaptive-authentication responses in full-function mode "MFA must be optional in your user pool" (Developer Guide, "Adding MFA to a user pool"), so an adaptive response that requires MFA cannot work with "${mode}". If adaptive authentication is to require MFA, set mfaConfiguration to "OPTIONAL".`,
        );
    }
    return result;
}
