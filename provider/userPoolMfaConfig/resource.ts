import * as pulumi from "@pulumi/pulumi";
import { fromSetRequest, toSetRequest } from "./mapping";
import type {
    DeletePolicy,
    EmailMfaConfiguration,
    MfaConfig,
    MfaMode,
    SmsMfaConfiguration,
    SoftwareTokenMfaConfiguration,
    WebAuthnConfiguration,
    UserVerification,
    WebAuthnFactorConfiguration,
} from "./model";
import stub = require("../engine/userPoolMfaConfigStub");
import { ownerInput } from "./claims";
import { fromStackInput } from "./sameStack";

/** Sending SMS through AWS End User Messaging SMS (`EumsSmsConfigurationType`). */
export interface EumsSmsConfigurationArgs {
    /** ARN of the IAM role Cognito assumes; it must allow `sms-voice:SendTextMessage`. See {@link SnsCallerRole} (`sender: "eumsSms"`). */
    callerArn: pulumi.Input<string>;
    /** Must equal the `sts:ExternalId` condition of the role's trust policy. Stored as a secret. */
    externalId?: pulumi.Input<string>;
    /**
     * The phone number (E.164), or the ARN of the phone number, sender ID or phone pool to send
     * from. An ARN when the role's policy scopes `sms-voice:SendTextMessage` to ARNs.
     * @default End User Messaging SMS chooses
     */
    originationIdentity?: pulumi.Input<string>;
    /**
     * The configuration set applied to messages (logging, event destinations).
     * @default none
     */
    configurationSetName?: pulumi.Input<string>;
    /** India DLT: the principal entity id. */
    inEntityId?: pulumi.Input<string>;
    /** India DLT: the registered template id. */
    inTemplateId?: pulumi.Input<string>;
    /**
     * The Region of the End User Messaging SMS resources; AWS accepts only the pool's own.
     * @default the user pool's Region
     */
    region?: pulumi.Input<string>;
}

/** The pool's SMS sender (`SmsConfigurationType`): Amazon SNS or End User Messaging SMS, never both. */
export interface SmsConfigurationArgs {
    /** ARN of the IAM role that Cognito assumes to publish SMS through Amazon SNS; it must allow `sns:Publish`. See {@link SnsCallerRole}. */
    snsCallerArn?: pulumi.Input<string>;
    /** With `snsCallerArn`: must equal the `sts:ExternalId` condition of the role's trust policy. Stored as a secret. */
    externalId?: pulumi.Input<string>;
    /**
     * The Region whose SNS sends the SMS: the pool's own or a documented alternate Region.
     * @default the user pool's Region
     */
    snsRegion?: pulumi.Input<string>;
    /** Send through AWS End User Messaging SMS instead of Amazon SNS. Excludes `snsCallerArn`. */
    eumsSms?: pulumi.Input<EumsSmsConfigurationArgs>;
}

/** SMS MFA settings (`SmsMfaConfigType`). */
export interface SmsMfaConfigurationArgs {
    /**
     * The SMS text: one line containing `{####}`, where Cognito puts the code. 6–140 characters.
     * @default Cognito's default message
     */
    smsAuthenticationMessage?: pulumi.Input<string>;
    /**
     * The sender: `role.smsConfiguration` of a {@link SnsCallerRole}, or `{ snsCallerArn, externalId }`,
     * or `{ eumsSms: { callerArn, externalId } }`.
     * @default the SMS configuration the pool already has
     */
    smsConfiguration?: pulumi.Input<SmsConfigurationArgs>;
}

/** Email MFA settings (`EmailMfaConfigType`). Needs the Essentials tier and SES (`DEVELOPER`) email. */
export interface EmailMfaConfigurationArgs {
    /**
     * The email body; must contain `{####}`. 6–20000 characters.
     * @default Cognito's default message
     */
    message?: pulumi.Input<string>;
    /**
     * The email subject (CloudFormation documents at most 140 characters; longer ones get a warning).
     * @default Cognito's default subject
     */
    subject?: pulumi.Input<string>;
}

/** Passkey settings (`WebAuthnConfigurationType`). Members left unset keep their value on the pool. */
export interface WebAuthnConfigurationArgs {
    /** The relying party id, 1–127 characters; the custom domain when the pool has one. */
    relyingPartyId?: pulumi.Input<string>;
    /** `"required"` or `"preferred"`. */
    userVerification?: pulumi.Input<UserVerification>;
    /** `"SINGLE_FACTOR"` or `"MULTI_FACTOR_WITH_USER_VERIFICATION"` (a passkey with user verification satisfies MFA). */
    factorConfiguration?: pulumi.Input<WebAuthnFactorConfiguration>;
}

/** Arguments of {@link UserPoolMfaConfig}: the SetUserPoolMfaConfig request in camelCase. */
export interface UserPoolMfaConfigArgs {
    /** Id of the existing user pool, e.g. `us-east-1_AbCdEf123`. Changing it replaces the resource. */
    userPoolId: pulumi.Input<string>;
    /**
     * `"OFF"`, `"ON"` (required) or `"OPTIONAL"`. ON and OPTIONAL need an SMS, TOTP or email factor;
     * OFF allows none of them (passkey settings are allowed with any mode).
     */
    mfaConfiguration: pulumi.Input<MfaMode>;
    /** SMS as a factor. Leaving it out turns SMS MFA off (the pool keeps its SMS role setting). */
    smsMfaConfiguration?: pulumi.Input<SmsMfaConfigurationArgs>;
    /**
     * Authenticator apps (TOTP) as a factor.
     * @default off
     */
    softwareTokenMfaConfiguration?: pulumi.Input<{ enabled?: pulumi.Input<boolean> }>;
    /** Email as a factor; `{}` enables it with Cognito's default texts. */
    emailMfaConfiguration?: pulumi.Input<EmailMfaConfigurationArgs>;
    /**
     * Passkey settings.
     * @default the pool's current passkey settings are kept as they are
     */
    webAuthnConfiguration?: pulumi.Input<WebAuthnConfigurationArgs>;
    /**
     * The pool's Region. Changing it replaces the resource.
     * @default the Region in the pool id, then `aws:region`, then the AWS SDK's own chain
     */
    region?: pulumi.Input<string>;
    /**
     * What `pulumi destroy` (or removing the resource) does to the pool: `"reset"` sets MFA OFF
     * (passkey settings stay), `"restore"` puts back the configuration found when this resource
     * adopted the pool, `"retain"` leaves the pool as it is.
     * @default "reset"
     */
    deletePolicy?: pulumi.Input<DeletePolicy>;
}

/** Whether a value is known now (a plain value), as opposed to an Output or a Promise. */
function plain<T>(x: pulumi.Input<T> | undefined): x is T {
    return x !== undefined && !pulumi.Output.isInstance(x) && !(x instanceof Promise);
}

/** The value as a secret, when it is one. */
function secretIfSet<T>(x: pulumi.Input<T> | undefined): pulumi.Input<T> | undefined {
    return x === undefined ? undefined : (pulumi.secret(x) as pulumi.Input<T>);
}

/**
 * Makes the ExternalIds (SNS's and End User Messaging SMS's) secrets in inputs and state without
 * hiding the rest of the SMS block. A block that is not known yet is made secret whole.
 */
function secretExternalId(sms: UserPoolMfaConfigArgs["smsMfaConfiguration"]): UserPoolMfaConfigArgs["smsMfaConfiguration"] {
    if (!plain(sms)) return secretIfSet(sms);
    const cfg = sms.smsConfiguration;
    if (!plain(cfg)) return { ...sms, smsConfiguration: secretIfSet(cfg) };
    const eums = cfg.eumsSms;
    const eumsSms = plain(eums) ? { ...eums, externalId: secretIfSet(eums.externalId) } : secretIfSet(eums);
    return { ...sms, smsConfiguration: { ...cfg, externalId: secretIfSet(cfg.externalId), ...(eums === undefined ? {} : { eumsSms }) } };
}

/**
 * The MFA configuration of an existing Amazon Cognito user pool, managed through
 * SetUserPoolMfaConfig / GetUserPoolMfaConfig. Creating it adopts the pool's current
 * configuration (and writes only if it differs); `pulumi refresh` reads it back field by field.
 *
 * ```ts
 * new UserPoolMfaConfig("mfa", {
 *     userPoolId: pool.id,
 *     mfaConfiguration: "OPTIONAL",
 *     softwareTokenMfaConfiguration: { enabled: true },
 * });
 * ```
 */
export class UserPoolMfaConfig extends pulumi.dynamic.Resource {
    declare readonly userPoolId: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly mfaConfiguration: pulumi.Output<MfaMode>;
    declare readonly smsMfaConfiguration: pulumi.Output<SmsMfaConfiguration | undefined>;
    declare readonly softwareTokenMfaConfiguration: pulumi.Output<SoftwareTokenMfaConfiguration | undefined>;
    declare readonly emailMfaConfiguration: pulumi.Output<EmailMfaConfiguration | undefined>;
    declare readonly webAuthnConfiguration: pulumi.Output<WebAuthnConfiguration | undefined>;
    declare readonly deletePolicy: pulumi.Output<DeletePolicy>;

    constructor(name: string, args: UserPoolMfaConfigArgs, opts?: pulumi.CustomResourceOptions) {
        // Every declared output is a key of props, or the engine never resolves it and the
        // property is undefined instead of an Output.
        const props = {
            region: undefined,
            deletePolicy: undefined,
            softwareTokenMfaConfiguration: undefined,
            emailMfaConfiguration: undefined,
            webAuthnConfiguration: undefined,
            ...args,
            smsMfaConfiguration: secretExternalId(args.smsMfaConfiguration),
            __owner: ownerInput(name, args.userPoolId, args.region),
            __fromStack: fromStackInput(args),
        };
        super(
            stub,
            name,
            props,
            // What restore puts back may hold an ExternalId (0.1.0 stored it as adoptedConfiguration).
            {
                ...opts,
                additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "__adoptedConfiguration", "adoptedConfiguration"],
            },
            "cognito-mfa",
            "UserPoolMfaConfig",
        );
    }

    /**
     * Args from a SetUserPoolMfaConfig request JSON, as `aws cognito-idp set-user-pool-mfa-config
     * --cli-input-json` takes it.
     */
    static argsFromRequest(request: string | object): UserPoolMfaConfigArgs {
        return fromSetRequest(request as never);
    }

    /** The exact SetUserPoolMfaConfig request that these (resolved) args produce. */
    static requestFor(args: { userPoolId: string } & MfaConfig): ReturnType<typeof toSetRequest> {
        return toSetRequest(args.userPoolId, args);
    }
}
