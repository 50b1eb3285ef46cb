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
export { SnsCallerRole } from "./snsCallerRole";
export type { SnsCallerRoleArgs } from "./snsCallerRole";
export {
    PERMISSION_POLICY_DOCUMENT,
    PERMISSION_POLICY_NAME,
    policiesEqual,
    trustPolicyDocument,
    validateRole,
} from "./roleModel";
export type { SnsCallerRoleInputs, SnsCallerRoleOutputs } from "./roleModel";
