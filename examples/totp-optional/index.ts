import * as pulumi from "@pulumi/pulumi";
import { UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();

// Users may add an authenticator app; nobody is forced to. Destroying the stack sets MFA back
// to OFF (deletePolicy "reset", the default).
const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId: config.require("userPoolId"),
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
});

export const mfaConfiguration = mfa.mfaConfiguration;
export const softwareTokenMfaConfiguration = mfa.softwareTokenMfaConfiguration;
