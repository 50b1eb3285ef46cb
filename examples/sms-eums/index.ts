import * as pulumi from "@pulumi/pulumi";
import { SnsCallerRole, UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();
const userPoolId = config.require("userPoolId");

// The role Cognito assumes to send SMS through AWS End User Messaging SMS: the same trust as for
// Amazon SNS (cognito-idp with a generated, secret ExternalId, scoped to this pool), and an inline
// policy allowing sms-voice:SendTextMessage. Set originationIdentity to scope that permission to
// one phone number, sender ID or pool (its ARN then travels in smsConfiguration.eumsSms too).
const smsRole = new SnsCallerRole("sms", { userPoolId, sender: "eumsSms" });

const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId,
    mfaConfiguration: "OPTIONAL",
    smsMfaConfiguration: {
        smsAuthenticationMessage: "Your sign-in code is {####}",
        // { eumsSms: { callerArn, externalId } }: End User Messaging SMS instead of Amazon SNS.
        smsConfiguration: smsRole.smsConfiguration,
    },
    softwareTokenMfaConfiguration: { enabled: true },
});

export const roleArn = smsRole.arn;
export const roleName = smsRole.roleName;
export const mfaConfiguration = mfa.mfaConfiguration;
export const callerArn = mfa.smsMfaConfiguration.apply((s) => s?.smsConfiguration?.eumsSms?.callerArn);
