import * as pulumi from "@pulumi/pulumi";
import { UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();

// Creating the resource adopts the pool: it reads the configuration the pool has now, keeps it
// in state (as a secret) and writes only what differs. With deletePolicy
// "restore", `pulumi destroy` (or removing this resource) writes that configuration back exactly.
//
// On AWS, a pool that has ever had an SMS configuration must keep SMS in every ON/OPTIONAL
// configuration ("Can't turn off SMS_MFA when SMS configuration is set"): for such a pool, add its
// smsMfaConfiguration here (`npx pulumi-cognito-mfa snippet <poolId>` prints it).
const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId: config.require("userPoolId"),
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    deletePolicy: "restore",
});

export const mfaConfiguration = mfa.mfaConfiguration;
export const softwareTokenMfaConfiguration = mfa.softwareTokenMfaConfiguration;
