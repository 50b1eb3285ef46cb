// The sts:ExternalId Cognito sends when it assumes a pool's SMS role. STS's AssumeRole takes it
// (externalIdType: 2-1224 characters of `[\w+=,.@:/-]`), so both resources check it against the
// same limits: the role's trust condition (SnsCallerRole) and the pool's SmsConfiguration
// (UserPoolMfaConfig). Pure.

export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]*$/;
export const EXTERNAL_ID_MIN = 2;
export const EXTERNAL_ID_MAX = 1224;
