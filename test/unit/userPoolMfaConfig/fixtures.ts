// Configurations the UserPoolMfaConfig unit tests share.

export const POOL = "us-east-1_AbCdEf123";
export const ROLE = "arn:aws:iam::123456789012:role/cognito-sms";
export const SMS_CFG = { snsCallerArn: ROLE, externalId: "ext-123" };
export const SMS = { smsConfiguration: SMS_CFG };
export const SMS_FULL = {
    smsAuthenticationMessage: "Your code is {####}",
    smsConfiguration: { ...SMS_CFG, snsRegion: "us-east-1" },
};
export const WEBAUTHN_FULL = {
    relyingPartyId: "auth.example.com",
    userVerification: "required",
    factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
};
export const WEBAUTHN_LIVE = {
    relyingPartyId: "auth.example.com",
    userVerification: "preferred",
    factorConfiguration: "SINGLE_FACTOR",
} as const;
