// Pre-flight rules that depend on the user pool as DescribeUserPool returns it: what AWS would
// refuse at `pulumi up` given the pool's tier, email account, SMS configuration, account recovery
// and first factors. Pure: preflight.ts does the read.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { Failure, failure, known, present, show } from "../common/validator";
import { MFA_MODES, MfaMode } from "./model";

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

    // Email MFA sends through SES: the pool must use its own SES identity.
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

    // A pool-level SMS configuration is sticky: ON/OPTIONAL must keep SMS MFA.
    const poolSmsRole = pool.SmsConfiguration?.SnsCallerArn;
    if (on && !present(sms) && poolSmsRole) {
        failure(
            failures,
            "smsMfaConfiguration",
            "undefined",
            `is required with mfaConfiguration "${mode}" on user pool ${poolId}: the pool has an SMS configuration (role ${poolSmsRole}), which cannot be removed, and AWS refuses ${mode} without SMS MFA ("Can't turn off SMS_MFA when SMS configuration is set for the user pool"). Add smsMfaConfiguration { smsConfiguration: { snsCallerArn: "${poolSmsRole}", externalId: <the pool's ExternalId> } }, or set mfaConfiguration to "OFF"`,
        );
    }

    // Account recovery.
    const mechanisms = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((m) => m.Name ?? "");
    if (emailOn && mechanisms.length > 0 && mechanisms.every((n) => n === "verified_email")) {
        failure(
            failures,
            "emailMfaConfiguration",
            show(email),
            `cannot be used while user pool ${poolId} recovers accounts by verified_email only: a code sent to the same mailbox would be both the second factor and the way back in, and AWS refuses it. Add verified_phone_number to the pool's AccountRecoverySetting (or use admin_only), or remove emailMfaConfiguration`,
        );
    }
    if (smsOn && mechanisms.includes("verified_phone_number")) {
        // Named by its smsConfiguration member: the CLI prints the value of a top-level property
        // next to the failure, and the whole SMS block would show the (secret) ExternalId.
        failure(
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
            failure(
                failures,
                "mfaConfiguration",
                show(mode),
                `cannot be "ON" while user pool ${poolId} allows passwordless first factors ${conflicting.join(", ")} (Policies.SignInPolicy.AllowedFirstAuthFactors = ${JSON.stringify(factors)}): AWS refuses required MFA together with passwordless sign-in. Use mfaConfiguration "OPTIONAL", or remove ${conflicting.join(", ")} from the pool's AllowedFirstAuthFactors${passkeyHint}`,
            );
        }
    }
    return failures;
}
