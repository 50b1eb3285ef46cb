// The demo program: MFA on an existing user pool, required, with authenticator apps (TOTP).
// It imports the package by its name, as a user would (this resolves to the local build).
import * as pulumi from "@pulumi/pulumi";
import { UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();

const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId: config.require("userPoolId"),
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    // Put back whatever the pool had before, on `pulumi destroy`.
    deletePolicy: "restore",
});

export const userPoolId = mfa.userPoolId;
export const mfaConfiguration = mfa.mfaConfiguration;
export const softwareTokenMfaConfiguration = mfa.softwareTokenMfaConfiguration;
