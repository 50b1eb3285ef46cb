export { UserPoolMfaConfig } from "./userPoolMfaConfig/resource";
export type {
    EmailMfaConfigurationArgs,
    EumsSmsConfigurationArgs,
    SmsConfigurationArgs,
    SmsMfaConfigurationArgs,
    UserPoolMfaConfigArgs,
    WebAuthnConfigurationArgs,
} from "./userPoolMfaConfig/resource";
export { fromSetRequest, toSetRequest } from "./userPoolMfaConfig/mapping";
export { normalize } from "./userPoolMfaConfig/model";
export { validate } from "./userPoolMfaConfig/validate";
export { diffConfig } from "./userPoolMfaConfig/diff";
export type {
    DeletePolicy,
    EmailMfaConfiguration,
    EumsSmsConfiguration,
    MfaConfig,
    MfaMode,
    SmsConfiguration,
    SmsMfaConfiguration,
    SoftwareTokenMfaConfiguration,
    UserVerification,
    WebAuthnConfiguration,
    WebAuthnFactorConfiguration,
} from "./userPoolMfaConfig/model";
export { AwsCallError } from "./aws/errors";
export { SnsCallerRole } from "./snsCallerRole/resource";
export type { SnsCallerRoleArgs } from "./snsCallerRole/resource";
export type { RoleSmsConfigurationArgs } from "./common/roleSmsConfiguration";
export { PERMISSION_POLICY_NAME } from "./snsCallerRole/model";
export { PERMISSION_POLICY_DOCUMENT, policiesEqual, trustPolicyDocument } from "./snsCallerRole/policies";
export { validateRole } from "./snsCallerRole/validate";
export type { SmsSender, SnsCallerRoleInputs, SnsCallerRoleOutputs } from "./snsCallerRole/model";
