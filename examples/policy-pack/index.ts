// A policy pack for stacks that use pulumi-cognito-mfa:
//   pulumi preview --policy-pack examples/policy-pack
import { PolicyPack } from "@pulumi/policy";
import { mfaRequiredInProd, smsMessageHasCode } from "./policies";

new PolicyPack("cognito-mfa", {
    policies: [
        {
            name: "mfa-required-in-prod",
            description: "MFA must be ON (required) for UserPoolMfaConfig resources of stacks named prod.",
            enforcementLevel: "mandatory",
            validateResource: mfaRequiredInProd,
        },
        {
            name: "sms-message-has-code",
            description: "SMS authentication messages must contain {####}, the placeholder for the code.",
            enforcementLevel: "mandatory",
            validateResource: smsMessageHasCode,
        },
    ],
});
