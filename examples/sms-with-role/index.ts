import * as pulumi from "@pulumi/pulumi";
import { SnsCallerRole, UserPoolMfaConfig } from "pulumi-cognito-mfa";

const userPoolId = new pulumi.Config().require("userPoolId");

// The role Cognito assumes to send SMS: trusted by cognito-idp with a generated ExternalId
// (kept secret in state) and scoped to this pool through aws:SourceArn.
const smsRole = new SnsCallerRole("sms", { userPoolId });

const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId,
    mfaConfiguration: "OPTIONAL",
    smsMfaConfiguration: {
        smsAuthenticationMessage: "Your sign-in code is {####}",
        smsConfiguration: smsRole.smsConfiguration,
    },
    softwareTokenMfaConfiguration: { enabled: true },
});

export const roleArn = smsRole.arn;
export const roleName = smsRole.roleName;
export const mfaConfiguration = mfa.mfaConfiguration;
export const snsCallerArn = mfa.smsMfaConfiguration.apply((s) => s?.smsConfiguration.snsCallerArn);
