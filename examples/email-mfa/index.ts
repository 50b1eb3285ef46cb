import * as pulumi from "@pulumi/pulumi";
import { UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();

// Users choose between a code by email and an authenticator app. Email MFA needs the pool on the
// Essentials tier (or higher) and sending its email through Amazon SES (EmailSendingAccount
// "DEVELOPER"); AWS refuses the write otherwise, naming the reason.
// `emailMfaConfiguration: {}` would enable email MFA with Cognito's default subject and text.
const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId: config.require("userPoolId"),
    mfaConfiguration: "OPTIONAL",
    emailMfaConfiguration: {
        subject: "Your sign-in code",
        message: "Your sign-in code is {####}. It expires in 3 minutes.",
    },
    softwareTokenMfaConfiguration: { enabled: true },
});

export const mfaConfiguration = mfa.mfaConfiguration;
export const emailMfaConfiguration = mfa.emailMfaConfiguration;
export const softwareTokenMfaConfiguration = mfa.softwareTokenMfaConfiguration;
