// Turns AWS errors into messages that say what failed, where, and what to do about it.
import { errorName } from "./retry";

const FIXES: Record<string, (op: string) => string> = {
    ResourceNotFoundException: () =>
        "The user pool does not exist in this Region. Check userPoolId and region; this resource manages the MFA settings of an existing pool and never creates one.",
    NotAuthorizedException: (op) => `Grant the caller cognito-idp:${op} on this user pool.`,
    AccessDeniedException: (op) => `Grant the caller cognito-idp:${op} on this user pool.`,
    UnrecognizedClientException: () => "The AWS credentials are not valid: check AWS_PROFILE / AWS_ACCESS_KEY_ID and the Region.",
    ExpiredTokenException: () => "The AWS credentials have expired: refresh them (e.g. aws sso login) and run again.",
    InvalidSmsRoleTrustRelationshipException: () =>
        "Check that the role in smsConfiguration.snsCallerArn exists and that its trust policy lets cognito-idp.amazonaws.com call sts:AssumeRole with sts:ExternalId equal to smsConfiguration.externalId (and aws:SourceAccount / aws:SourceArn matching this pool, if the policy has them). AWS gives this same error when the role has been deleted. A role created seconds ago may still be propagating in IAM.",
    InvalidSmsRoleAccessPolicyException: () =>
        'The role in smsConfiguration.snsCallerArn must allow sns:Publish on "*" (SMS goes to phone numbers, not topics, so a narrower Resource fails Cognito\'s check).',
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

    constructor(operation: string, target: string, err: unknown, userPoolId?: string) {
        const name = errorName(err);
        const awsMessage = err instanceof Error ? err.message : String(err);
        const fix = name === "InvalidParameterException" ? invalidParameterFix(awsMessage) : (FIXES[name]?.(operation) ?? "");
        super(`${operation} on ${target} failed: ${name}: ${awsMessage}${fix ? `. ${fix}` : ""}`);
        this.name = "AwsCallError";
        this.operation = operation;
        this.awsErrorName = name;
        this.userPoolId = userPoolId;
    }
}
