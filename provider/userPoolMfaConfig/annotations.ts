// What UserPoolMfaConfig decides on top of botocore's SetUserPoolMfaConfig request: which members
// are secret or service-filled, the words of its failures, its prose and defaults, its type names.
// scripts/generate.mjs reads it with the model and deviations.ts and writes generated.ts and the
// argument table of docs/user-pool-mfa-config.md. Data only: no imports but types.
import type { ResourceAnnotations } from "../common/shape";

const ROLE_ARN_TEXT = 'be an IAM role ARN such as "arn:aws:iam::123456789012:role/cognito-sms"';
const SMS = "smsMfaConfiguration";
const CFG = `${SMS}.smsConfiguration`;
const EUMS = `${CFG}.eumsSms`;

export const ANNOTATIONS: ResourceAnnotations = {
    service: "cognito-idp",
    request: "SetUserPoolMfaConfigRequest",
    shapeName: "MFA_CONFIG",
    typeName: "MfaConfig",
    argsName: "UserPoolMfaConfigArgs",
    argsDoc: "Arguments of {@link UserPoolMfaConfig}: the SetUserPoolMfaConfig request in camelCase.",
    omit: ["userPoolId"],
    docsFile: "docs/user-pool-mfa-config.md",
    members: {
        userPoolId: {
            note: "Id of the existing user pool, e.g. `us-east-1_AbCdEf123`. Changing it replaces the resource.",
            docs: "The existing pool. Changing it replaces the resource (delete before create).",
            typeText: "string, 1–55, `<region>_<id>`",
        },
        [SMS]: {
            typeName: "SmsMfaConfiguration",
            note: "Leaving it out turns SMS MFA off (the pool keeps its SMS role setting).",
            docs: "SMS as a factor. Leaving it out turns SMS MFA off (the pool keeps its SMS configuration: an AWS rule).",
            default: "no SMS MFA",
        },
        [`${SMS}.smsAuthenticationMessage`]: {
            patternText: 'contain the code placeholder {####} on one line, for example "Your code is {####}"',
            serviceFilled: true,
            note: "One line containing `{####}`, where Cognito puts the code.",
            docs: "The SMS text.",
            default: "Cognito's message",
            typeText: "string, 6–140, one line containing `{####}`",
        },
        [CFG]: {
            typeName: "SmsConfiguration",
            // An SMS block without it uses the SMS configuration the pool already has.
            serviceFilled: true,
            note: "The sender: `role.smsConfiguration` of a {@link SnsCallerRole}, `{ snsCallerArn, externalId }`, or `{ eumsSms: { callerArn, externalId } }`; Amazon SNS or End User Messaging SMS, never both.",
            docs: "The sender: Amazon SNS or AWS End User Messaging SMS, exactly one of the two. `role.smsConfiguration` of an [`SnsCallerRole`](sns-caller-role.md) fits either way.",
            default: "the SMS configuration the pool already has",
            typeText: "`{ snsCallerArn, externalId, snsRegion? }` or `{ eumsSms: {...} }`",
        },
        [`${CFG}.snsCallerArn`]: {
            patternText: ROLE_ARN_TEXT,
            note: "The IAM role Cognito assumes to publish SMS through Amazon SNS; it must allow `sns:Publish`. See {@link SnsCallerRole}.",
            docs: "SNS path: the role Cognito assumes to publish SMS (`sns:Publish`).",
            default: "—",
            typeText: "IAM role ARN, 20–2048",
        },
        [`${CFG}.externalId`]: {
            secret: true,
            note: "With `snsCallerArn`: must equal the `sts:ExternalId` condition of the role's trust policy.",
            docs: "Must equal the role trust policy's `sts:ExternalId`. Outside STS's 2–1224 characters of `[\\w+=,.@:/-]` it warns. With `eumsSms` it warns: that path uses `eumsSms.externalId`.",
            default: "required with `snsCallerArn`",
        },
        [`${CFG}.snsRegion`]: {
            serviceFilled: true,
            note: "The pool's own Region or a documented alternate Region.",
            docs: "SNS path: the Region whose SNS sends. Must be one the Developer Guide's table lists for the pool's Region (Seoul: Tokyo only); see [preflight.md](preflight.md) M1.",
            default: "the user pool's Region",
            typeText: "Region code, 5–32",
        },
        [EUMS]: {
            typeName: "EumsSmsConfiguration",
            note: "Excludes `snsCallerArn`.",
            docs: "End User Messaging SMS path, instead of `snsCallerArn`.",
            default: "none: the SNS path",
        },
        [`${EUMS}.callerArn`]: {
            requiredText: "the ARN of the IAM role Cognito assumes to send SMS through End User Messaging SMS",
            patternText: ROLE_ARN_TEXT,
            note: 'It must allow `sms-voice:SendTextMessage`. See {@link SnsCallerRole} (`sender: "eumsSms"`).',
            docs: 'End User Messaging SMS path: the role Cognito assumes to call `sms-voice:SendTextMessage` (`SnsCallerRole` with `sender: "eumsSms"`).',
            default: "required in `eumsSms`",
            typeText: "IAM role ARN, 20–2048",
        },
        [`${EUMS}.externalId`]: {
            secret: true,
            note: "Must equal the `sts:ExternalId` condition of the role's trust policy.",
            docs: "Must equal the role trust policy's `sts:ExternalId`; outside STS's pattern it warns.",
            default: "none",
        },
        [`${EUMS}.originationIdentity`]: {
            note: "The phone number (E.164), or the ARN of the phone number, sender ID or phone pool to send from; an ARN when the role's policy scopes `sms-voice:SendTextMessage` to ARNs.",
            default: "End User Messaging SMS chooses",
        },
        [`${EUMS}.configurationSetName`]: { default: "none" },
        [`${EUMS}.inEntityId`]: { note: "India DLT.", default: "none" },
        [`${EUMS}.inTemplateId`]: { note: "India DLT.", default: "none" },
        [`${EUMS}.region`]: {
            serviceFilled: true,
            note: "AWS accepts only the pool's own.",
            docs: "Only the pool's own Region is accepted (AWS refuses any other). The direct path does not exist in Hong Kong, Malaysia and Thailand: there `eumsSms` fails at preview.",
            default: "the user pool's Region",
            typeText: "Region code, 5–32",
        },
        softwareTokenMfaConfiguration: { typeName: "SoftwareTokenMfaConfiguration", default: "off" },
        "softwareTokenMfaConfiguration.enabled": {
            docs: "Authenticator apps (TOTP). `{}`, `enabled: false` and no block all mean no TOTP.",
            default: "off",
        },
        emailMfaConfiguration: {
            typeName: "EmailMfaConfiguration",
            note: "`{}` enables it with Cognito's default texts. Needs the Essentials tier and SES (`DEVELOPER`) email.",
            default: "no email MFA",
        },
        "emailMfaConfiguration.message": {
            patternText: 'contain the code placeholder {####}, for example "Your sign-in code is {####}"',
            note: "It must contain `{####}`.",
            docs: "The email body. `{}` enables email MFA with default texts.",
            default: "Cognito's message",
            typeText: "string, 6–20000, contains `{####}`",
        },
        "emailMfaConfiguration.subject": {
            patternText: "consist of letters, marks, digits, punctuation, symbols and ASCII white space",
            note: "CloudFormation documents at most 140 characters; longer ones get a warning.",
            docs: "Over 140 characters it warns (CloudFormation's limit; the API model sets none).",
            default: "Cognito's subject",
        },
        mfaConfiguration: {
            typeName: "MfaMode",
            valuesName: "MFA_MODES",
            note: "`ON` is required. ON and OPTIONAL need an SMS, TOTP or email factor; OFF allows none of them (passkey settings are allowed with any mode).",
            docs: '`ON` = required. ON/OPTIONAL need SMS, TOTP (`enabled: true`) or email; OFF allows none of them. Passkeys alone with `factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION"` get a warning, not a refusal.',
        },
        webAuthnConfiguration: {
            typeName: "WebAuthnConfiguration",
            serviceFilled: true,
            note: "Members left unset keep their value on the pool.",
            default: "the pool's current passkey settings are kept as they are",
        },
        "webAuthnConfiguration.relyingPartyId": {
            serviceFilled: true,
            note: "The custom domain when the pool has one.",
            default: "kept as on the pool",
        },
        "webAuthnConfiguration.userVerification": {
            typeName: "UserVerification",
            valuesName: "USER_VERIFICATIONS",
            serviceFilled: true,
            default: "kept as on the pool",
        },
        "webAuthnConfiguration.factorConfiguration": {
            typeName: "WebAuthnFactorConfiguration",
            valuesName: "WEBAUTHN_FACTOR_CONFIGURATIONS",
            serviceFilled: true,
            note: "With `MULTI_FACTOR_WITH_USER_VERIFICATION` a passkey with user verification satisfies MFA.",
            default: "kept as on the pool",
        },
    },
    extra: {
        region: {
            tsType: "string",
            doc: "The pool's Region. Changing it replaces the resource.",
            docs: "The pool's Region. One that differs from the pool id's Region, or that botocore's partitions do not list, warns (right only for a multi-Region replica). Changing it replaces the resource.",
            default: "the Region in the pool id, then `aws:region`, then the AWS SDK's own chain",
            typeText: "Region code, 5–32",
        },
        deletePolicy: {
            values: ["reset", "restore", "retain"],
            typeName: "DeletePolicy",
            valuesName: "DELETE_POLICIES",
            doc: 'What `pulumi destroy` (or removing the resource) does to the pool: `"reset"` sets MFA OFF (passkey settings stay), `"restore"` puts back the configuration found when this resource adopted the pool, `"retain"` leaves the pool as it is.',
            docs: "See [Delete policy](#delete-policy).",
            default: '"reset"',
        },
    },
};
