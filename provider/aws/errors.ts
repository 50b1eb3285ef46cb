// Turns AWS errors into messages that say what failed, where, and what to do about it.
import { errorName } from "./retry";

const FIXES: Record<string, (op: string) => string> = {
    ResourceNotFoundException: () =>
        "The user pool does not exist in this Region. Check userPoolId and region; this resource manages the MFA settings of an existing pool and never creates one.",
    // The service model documents NotAuthorizedException only as "a user isn't authorized"; a
    // missing IAM permission usually surfaces as AccessDeniedException ("... is not authorized to
    // perform: cognito-idp:..."), and in Cognito identity pools NotAuthorized is the answer to a
    // role the caller may not pass. No user-pool source settles it, so the fix names both causes.
    NotAuthorizedException: (op) =>
        op === "SetUserPoolMfaConfig"
            ? `The caller may lack cognito-idp:${op} on this user pool, or iam:PassRole on the SMS role the request names (smsConfiguration.snsCallerArn or eumsSms.callerArn): grant both and run again.`
            : `Grant the caller cognito-idp:${op} on this user pool.`,
    AccessDeniedException: (op) => `Grant the caller cognito-idp:${op} on this user pool.`,
    UnrecognizedClientException: () => "The AWS credentials are not valid: check AWS_PROFILE / AWS_ACCESS_KEY_ID and the Region.",
    ExpiredTokenException: () => "The AWS credentials have expired: refresh them (e.g. aws sso login) and run again.",
    InvalidSmsRoleTrustRelationshipException: () =>
        "Check that the role in smsConfiguration.snsCallerArn (End User Messaging SMS: smsConfiguration.eumsSms.callerArn) exists and that its trust policy lets cognito-idp.amazonaws.com call sts:AssumeRole with sts:ExternalId equal to smsConfiguration.externalId (eumsSms.externalId), and aws:SourceAccount / aws:SourceArn matching this pool if the policy has them. AWS gives this same error when the role has been deleted. A role created seconds ago may still be propagating in IAM.",
    InvalidSmsRoleAccessPolicyException: () =>
        'The role in smsConfiguration.snsCallerArn must allow sns:Publish on "*" (SMS goes to phone numbers, not topics, so a narrower Resource fails Cognito\'s check), with no Condition on the Allow. On the End User Messaging SMS path the role in eumsSms.callerArn must allow sms-voice:SendTextMessage on "*", or on the ARN given as eumsSms.originationIdentity (a phone number in E.164 form does not match an ARN-scoped policy).',
    FeatureUnavailableInTierException: () =>
        "Email MFA and passkey (WebAuthn) settings need the Essentials tier or higher: raise the pool's UserPoolTier, or remove emailMfaConfiguration / webAuthnConfiguration.",
    TooManyRequestsException: () =>
        "Still throttled after retrying: lower the number of parallel operations (pulumi up --parallel N) or ask for a higher Cognito quota (UserPoolUpdate / UserPoolRead requests per second).",
    ConcurrentModificationException: () =>
        "Another change to this user pool was in progress for the whole retry window: run again once it has finished.",
    OperationNotEnabledException: () =>
        "MFA settings cannot be changed in this Region for this pool (for example a replica Region): manage them in the pool's primary Region.",
    InternalErrorException: () => "Cognito had an internal error; run again.",
};

function invalidParameterFix(message: string): string {
    // Texts seen from SetUserPoolMfaConfig (cdkd #2064 and its code, terraform-provider-aws
    // #50110 and #28294, aws-cdk #11478, a public deploy log), each with its own remedy.
    if (/Only PASSWORD and WEB_AUTHN \(if configured\) can be enabled as an auth factor if MFA is enabled/i.test(message)) {
        return 'mfaConfiguration "ON" cannot be combined with EMAIL_OTP or SMS_OTP in the pool\'s Policies.SignInPolicy.AllowedFirstAuthFactors: use mfaConfiguration "OPTIONAL", or remove those first factors from the pool (UpdateUserPool).';
    }
    if (/Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required/i.test(message)) {
        return 'With mfaConfiguration "ON" and WEB_AUTHN among the pool\'s AllowedFirstAuthFactors, passkeys must satisfy MFA: set webAuthnConfiguration.factorConfiguration to "MULTI_FACTOR_WITH_USER_VERIFICATION" (a request without it counts as SINGLE_FACTOR), use mfaConfiguration "OPTIONAL", or remove WEB_AUTHN from the pool\'s first factors.';
    }
    if (/WEB_AUTHN cannot be used as an auth factor when MFA is enabled if not configured for MFA/i.test(message)) {
        return 'WEB_AUTHN is a first factor of this pool, so with MFA on, passkeys must count as MFA: set webAuthnConfiguration.factorConfiguration to "MULTI_FACTOR_WITH_USER_VERIFICATION", or remove WEB_AUTHN from the pool\'s AllowedFirstAuthFactors.';
    }
    if (/RelyingPartyId cannot be reserved domain/i.test(message)) {
        return "webAuthnConfiguration.relyingPartyId may be in amazoncognito.com only as the pool's own prefix domain (<prefix>.auth.<region>.amazoncognito.com): use that, the pool's custom domain, or your application's domain.";
    }
    if (/Invalid account recovery setting parameter/i.test(message)) {
        return "Cognito refused the pool's AccountRecoverySetting together with this MFA configuration. AWS documents SMS MFA with verified_phone_number recovery as valid (a user whose MFA is SMS is sent the reset code by email), and the one reported case (aws-cdk #11478) was a pool with phone-number-only sign-in: check the pool's AccountRecoverySetting and sign-in attributes; removing verified_phone_number from the recovery mechanisms (or admin_only) avoids the refusal.";
    }
    if (/SMS configuration is required when phone_number is selected for auto verification/i.test(message)) {
        return "The pool verifies phone numbers automatically (AutoVerifiedAttributes includes phone_number), which needs an SMS configuration: include smsMfaConfiguration with its smsConfiguration, or remove phone_number from the pool's AutoVerifiedAttributes.";
    }
    if (/can't turn off MFA and configure/i.test(message)) {
        return 'With mfaConfiguration "OFF" no SMS, TOTP or email factor may be configured.';
    }
    if (/can't disable all MFAs|must be enabled/i.test(message)) {
        return 'mfaConfiguration "ON" or "OPTIONAL" needs an SMS, TOTP or email factor.';
    }
    if (/SMS_MFA when SMS configuration is set/i.test(message)) {
        return "The pool has an SMS configuration, so every ON/OPTIONAL configuration must include smsMfaConfiguration (a pool's SMS configuration cannot be removed).";
    }
    if (/EmailSendingAccount of COGNITO_DEFAULT/i.test(message)) {
        return "Email MFA needs the pool to send email through Amazon SES: set the pool's EmailConfiguration.EmailSendingAccount to DEVELOPER first.";
    }
    return "The request was refused as invalid; the message above names the member.";
}

/** An AWS call that failed, with the operation, the pool and what to do. */
export class AwsCallError extends Error {
    readonly operation: string;
    readonly awsErrorName: string;
    readonly userPoolId?: string;

    /**
     * `fix` replaces the Cognito fix looked up by error name (IAM calls bring their own, as does a
     * caller that knows more, e.g. what blocks a DeleteRole).
     */
    constructor(operation: string, target: string, err: unknown, userPoolId?: string, fix?: string) {
        const name = errorName(err);
        const awsMessage = err instanceof Error ? err.message : String(err);
        const text = fix ?? (name === "InvalidParameterException" ? invalidParameterFix(awsMessage) : (FIXES[name]?.(operation) ?? ""));
        super(`${operation} on ${target} failed: ${name}: ${awsMessage}${text ? `. ${text}` : ""}`);
        this.name = "AwsCallError";
        this.operation = operation;
        this.awsErrorName = name;
        this.userPoolId = userPoolId;
    }
}

/** Whether a failed call was refused for a missing permission (the names Cognito, IAM and STS use). */
export function isAccessDenied(err: unknown): err is AwsCallError {
    return (
        err instanceof AwsCallError &&
        ["AccessDeniedException", "AccessDenied", "NotAuthorizedException", "UnauthorizedOperation"].includes(err.awsErrorName)
    );
}

/** Whether a failed call failed with one of `names` (IAM's names with or without the SDK's "Exception" suffix). */
export function failedWith(err: unknown, ...names: string[]): err is AwsCallError {
    return err instanceof AwsCallError && names.some((n) => err.awsErrorName === n || err.awsErrorName === `${n}Exception`);
}
