// The SetUserPoolMfaConfig request in our names (camelCase of the API's), member by member, from
// botocore's cognito-idp model (2016-04-18): lengths, patterns (verbatim, matched as Java does)
// and enums. It drives validation, the mapping both ways, the CLI's skeleton and the docs. Where
// this resource asks more (or less) than the model, provider/common/deviations.ts says so and
// why; test/conformance holds the two against each other.
import { ARN_PATTERN } from "../common/arn";
import { boolean, enumeration, javaPattern, string, structure } from "../common/shape";
import { MFA_MODES, USER_VERIFICATIONS, WEBAUTHN_FACTOR_CONFIGURATIONS } from "./model";

/** Where the SMS configuration sits in the inputs, for the failures and warnings that name its members. */
export const SMS_CFG = "smsMfaConfiguration.smsConfiguration";

/** botocore SmsVerificationMessageType. */
export const SMS_MESSAGE_PATTERN = javaPattern(".*\\{####\\}.*");
/** botocore EmailMfaMessageType. */
export const EMAIL_MESSAGE_PATTERN = javaPattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
/** botocore EmailMfaSubjectType. */
export const EMAIL_SUBJECT_PATTERN = javaPattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+");
export const CODE_PLACEHOLDER = "{####}";

const ROLE_ARN_TEXT = 'be an IAM role ARN such as "arn:aws:iam::123456789012:role/cognito-sms"';

export const EUMS_SMS = structure("EumsSms", "Sends SMS through AWS End User Messaging SMS instead of Amazon SNS.", {
    callerArn: string(
        "CallerArn",
        'The IAM role Cognito assumes to call sms-voice:SendTextMessage (see SnsCallerRole with sender "eumsSms").',
        {
            required: true,
            requiredText: "the ARN of the IAM role Cognito assumes to send SMS through End User Messaging SMS",
            min: 20,
            max: 2048,
            pattern: ARN_PATTERN,
            patternText: ROLE_ARN_TEXT,
        },
    ),
    externalId: string("ExternalId", "Must equal the sts:ExternalId condition of the role's trust policy. Secret.", {
        secret: true,
        max: 131072,
    }),
    originationIdentity: string(
        "OriginationIdentity",
        "The phone number (E.164) or the ARN of the phone number, sender ID or phone pool to send from; an ARN when the role's policy scopes sms-voice:SendTextMessage to ARNs.",
        { max: 131072 },
    ),
    configurationSetName: string(
        "ConfigurationSetName",
        "The End User Messaging SMS configuration set applied to messages (logging, events).",
        {
            max: 131072,
        },
    ),
    inEntityId: string("InEntityId", "India DLT: the principal entity id.", { max: 131072 }),
    inTemplateId: string("InTemplateId", "India DLT: the registered template id.", { max: 131072 }),
    region: string("Region", "The Region of the End User Messaging SMS resources: the pool's own (the only value AWS accepts).", {
        min: 5,
        max: 32,
        serviceFilled: true,
    }),
});

export const SMS_CONFIGURATION = structure(
    "SmsConfiguration",
    "The pool's SMS sender: Amazon SNS (snsCallerArn) or End User Messaging SMS (eumsSms), never both.",
    {
        snsCallerArn: string("SnsCallerArn", "The IAM role Cognito assumes to publish SMS through Amazon SNS (see SnsCallerRole).", {
            min: 20,
            max: 2048,
            pattern: ARN_PATTERN,
            patternText: ROLE_ARN_TEXT,
        }),
        externalId: string("ExternalId", "Must equal the sts:ExternalId condition of the SNS role's trust policy. Secret.", {
            secret: true,
            max: 131072,
        }),
        snsRegion: string("SnsRegion", "The Region whose SNS sends the SMS: the pool's own, or a documented alternate Region.", {
            min: 5,
            max: 32,
            serviceFilled: true,
        }),
        eumsSms: EUMS_SMS,
    },
    // An SMS block without it uses the SMS configuration the pool already has.
    { serviceFilled: true },
);

export const SMS_MFA_CONFIGURATION = structure("SmsMfaConfiguration", "SMS as an MFA factor.", {
    smsAuthenticationMessage: string("SmsAuthenticationMessage", "The SMS text: one line containing {####}, where Cognito puts the code.", {
        min: 6,
        max: 140,
        pattern: SMS_MESSAGE_PATTERN,
        patternText: 'contain the code placeholder {####} on one line, for example "Your code is {####}"',
        serviceFilled: true,
    }),
    smsConfiguration: SMS_CONFIGURATION,
});

export const SOFTWARE_TOKEN_MFA_CONFIGURATION = structure("SoftwareTokenMfaConfiguration", "Authenticator apps (TOTP) as an MFA factor.", {
    enabled: boolean("Enabled", "true offers TOTP; false, no enabled and no block all mean no TOTP."),
});

export const EMAIL_MFA_CONFIGURATION = structure("EmailMfaConfiguration", "Email as an MFA factor; {} uses Cognito's default texts.", {
    message: string("Message", "The email body, containing {####}.", {
        min: 6,
        max: 20000,
        pattern: EMAIL_MESSAGE_PATTERN,
        patternText: 'contain the code placeholder {####}, for example "Your sign-in code is {####}"',
    }),
    subject: string("Subject", "The email subject.", {
        min: 1,
        pattern: EMAIL_SUBJECT_PATTERN,
        patternText: "consist of letters, marks, digits, punctuation, symbols and ASCII white space",
    }),
});

export const WEBAUTHN_CONFIGURATION = structure(
    "WebAuthnConfiguration",
    "Passkey settings; members left unset keep their value on the pool.",
    {
        relyingPartyId: string("RelyingPartyId", "The relying party id: the custom domain when the pool has one.", {
            min: 1,
            max: 127,
            serviceFilled: true,
        }),
        userVerification: enumeration("UserVerification", "Whether passkeys must verify the user.", USER_VERIFICATIONS, {
            serviceFilled: true,
        }),
        factorConfiguration: enumeration(
            "FactorConfiguration",
            "MULTI_FACTOR_WITH_USER_VERIFICATION lets a passkey with user verification satisfy MFA.",
            WEBAUTHN_FACTOR_CONFIGURATIONS,
            { serviceFilled: true },
        ),
    },
    { serviceFilled: true },
);

/** The configuration members of SetUserPoolMfaConfig (the request without UserPoolId). */
export const MFA_CONFIG = structure("SetUserPoolMfaConfigRequest", "The MFA configuration of a user pool.", {
    smsMfaConfiguration: SMS_MFA_CONFIGURATION,
    softwareTokenMfaConfiguration: SOFTWARE_TOKEN_MFA_CONFIGURATION,
    emailMfaConfiguration: EMAIL_MFA_CONFIGURATION,
    mfaConfiguration: enumeration("MfaConfiguration", '"OFF", "ON" (required) or "OPTIONAL".', MFA_MODES, {
        required: true,
        requiredText: `one of ${MFA_MODES.map((m) => `"${m}"`).join(", ")}`,
    }),
    webAuthnConfiguration: WEBAUTHN_CONFIGURATION,
});
