// The pure model of a user pool's MFA configuration: its types, defaults, constraints and one
// canonical form (normalize). Validation is in validate.ts, the diff in diff.ts. No I/O here, so
// that check, diff, read and the tests all agree on what "the same configuration" means.

/** MFA mode of the pool (`MfaConfiguration` in the API). */
export type MfaMode = "OFF" | "ON" | "OPTIONAL";
export const MFA_MODES: readonly MfaMode[] = ["OFF", "ON", "OPTIONAL"];

export type UserVerification = "required" | "preferred";
export const USER_VERIFICATIONS: readonly UserVerification[] = ["required", "preferred"];

export type WebAuthnFactorConfiguration = "SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION";
export const WEBAUTHN_FACTOR_CONFIGURATIONS: readonly WebAuthnFactorConfiguration[] = [
    "SINGLE_FACTOR",
    "MULTI_FACTOR_WITH_USER_VERIFICATION",
];

/** What happens to the pool's MFA configuration when the resource is deleted. */
export type DeletePolicy = "reset" | "restore" | "retain";
export const DELETE_POLICIES: readonly DeletePolicy[] = ["reset", "restore", "retain"];
export const DEFAULT_DELETE_POLICY: DeletePolicy = "reset";

/** Sending SMS through AWS End User Messaging SMS instead of Amazon SNS (`EumsSmsConfigurationType`). */
export interface EumsSmsConfiguration {
    callerArn: string;
    externalId?: string;
    originationIdentity?: string;
    configurationSetName?: string;
    inEntityId?: string;
    inTemplateId?: string;
    region?: string;
}

/**
 * The pool's SMS sender (`SmsConfigurationType`): Amazon SNS (`snsCallerArn`) or AWS End User
 * Messaging SMS (`eumsSms`), never both.
 */
export interface SmsConfiguration {
    snsCallerArn?: string;
    externalId?: string;
    snsRegion?: string;
    eumsSms?: EumsSmsConfiguration;
}

export interface SmsMfaConfiguration {
    smsAuthenticationMessage?: string;
    smsConfiguration?: SmsConfiguration;
}

export interface SoftwareTokenMfaConfiguration {
    enabled?: boolean;
}

export interface EmailMfaConfiguration {
    message?: string;
    subject?: string;
}

export interface WebAuthnConfiguration {
    relyingPartyId?: string;
    userVerification?: UserVerification;
    factorConfiguration?: WebAuthnFactorConfiguration;
}

/** The MFA configuration itself, in the API's shape (camelCase). */
export interface MfaConfig {
    mfaConfiguration: MfaMode;
    smsMfaConfiguration?: SmsMfaConfiguration;
    softwareTokenMfaConfiguration?: SoftwareTokenMfaConfiguration;
    emailMfaConfiguration?: EmailMfaConfiguration;
    webAuthnConfiguration?: WebAuthnConfiguration;
}

/** Resolved (plain) inputs of a UserPoolMfaConfig. */
export interface MfaConfigInputs extends MfaConfig {
    userPoolId: string;
    region?: string;
    deletePolicy?: DeletePolicy;
}

/**
 * Stored outputs: the live configuration as last read, plus bookkeeping under `__` names, which
 * the engine never displays, so `preview --diff` and `refresh --diff` show only the configuration.
 */
export interface MfaConfigOutputs extends MfaConfigInputs {
    region: string;
    deletePolicy: DeletePolicy;
    /** The configuration found on the pool when this resource adopted it (for `restore`). Secret. */
    __adoptedConfiguration?: MfaConfig;
    /** Which members the program set, values replaced by "*" (see diff.ts shapeOf). */
    __inputShape?: MfaConfigInputs;
    /** `<project>/<stack>/<resource name>`: the owner tag this resource put on the pool. */
    __owner?: string;
}

/**
 * The names 0.1.0 stored the bookkeeping under. A resource written by 0.1.0 keeps them until its
 * next update, so that a refresh after upgrading reports no change.
 */
export interface LegacyBookkeeping {
    adoptedConfiguration?: MfaConfig;
    inputShape?: MfaConfigInputs;
}

// ---------------------------------------------------------------------------------------------
// Normalization: one canonical form for desired and live configurations

export function defined<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The canonical form of an MFA configuration, used by both read and diff:
 * - with OFF, no SMS / TOTP / email block exists (AWS refuses them and stores none);
 * - TOTP `enabled: false` (or no `enabled`) is the same as no TOTP block (Get returns either);
 * - an empty WebAuthn block is no WebAuthn management at all;
 * - empty optional members are dropped.
 * An empty email block stays: it means "email MFA with Cognito's default texts".
 */
export function normalize(config: MfaConfig): MfaConfig {
    const out: MfaConfig = { mfaConfiguration: config.mfaConfiguration };
    const off = config.mfaConfiguration === "OFF";
    if (!off && config.smsMfaConfiguration) {
        const sms = config.smsMfaConfiguration;
        const cfg = sms.smsConfiguration && defined({ ...sms.smsConfiguration });
        if (cfg?.eumsSms) cfg.eumsSms = defined({ ...cfg.eumsSms });
        out.smsMfaConfiguration = defined({ smsAuthenticationMessage: sms.smsAuthenticationMessage, smsConfiguration: cfg });
    }
    if (!off && config.softwareTokenMfaConfiguration?.enabled === true) {
        out.softwareTokenMfaConfiguration = { enabled: true };
    }
    if (!off && config.emailMfaConfiguration) {
        out.emailMfaConfiguration = defined({ ...config.emailMfaConfiguration });
    }
    if (config.webAuthnConfiguration) {
        const w = defined({ ...config.webAuthnConfiguration });
        if (Object.keys(w).length > 0) out.webAuthnConfiguration = w;
    }
    return out;
}

/** The configuration part of inputs or outputs, without bookkeeping fields. */
export function configOf(x: MfaConfig): MfaConfig {
    return defined({
        mfaConfiguration: x.mfaConfiguration,
        smsMfaConfiguration: x.smsMfaConfiguration,
        softwareTokenMfaConfiguration: x.softwareTokenMfaConfiguration,
        emailMfaConfiguration: x.emailMfaConfiguration,
        webAuthnConfiguration: x.webAuthnConfiguration,
    });
}
