export { UserPoolMfaConfig } from "./userPoolMfaConfig";
export type {
    EmailMfaConfigurationArgs,
    SmsMfaConfigurationArgs,
    UserPoolMfaConfigArgs,
    WebAuthnConfigurationArgs,
} from "./userPoolMfaConfig";
export { fromSetRequest, toSetRequest } from "./mapping";
export { validate, normalize, diffConfig } from "./model";
export type {
    DeletePolicy,
    EmailMfaConfiguration,
    MfaConfig,
    MfaMode,
    SmsConfiguration,
    SmsMfaConfiguration,
    SoftwareTokenMfaConfiguration,
    UserVerification,
    WebAuthnConfiguration,
    WebAuthnFactorConfiguration,
} from "./model";
export { AwsCallError } from "./errors";
