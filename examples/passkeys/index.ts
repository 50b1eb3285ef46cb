import * as pulumi from "@pulumi/pulumi";
import { UserPoolMfaConfig } from "pulumi-cognito-mfa";

const config = new pulumi.Config();
const mode = config.get("mfaConfiguration") ?? "OPTIONAL";
if (mode !== "OFF" && mode !== "OPTIONAL") throw new Error(`mfaConfiguration must be OFF or OPTIONAL, not ${mode}`);

// Passkeys do not count as an MFA factor by themselves: ON or OPTIONAL needs SMS, TOTP or email
// as well (AWS refuses passkeys-only with ON/OPTIONAL, and so does `pulumi preview`). Passkey
// settings are allowed with OFF. MULTI_FACTOR_WITH_USER_VERIFICATION lets a passkey with user
// verification satisfy MFA on its own.
const mfa = new UserPoolMfaConfig("mfa", {
    userPoolId: config.require("userPoolId"),
    mfaConfiguration: mode,
    softwareTokenMfaConfiguration: mode === "OFF" ? undefined : { enabled: true },
    webAuthnConfiguration: {
        relyingPartyId: config.get("relyingPartyId") ?? "auth.example.com",
        userVerification: "required",
        factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
    },
});

export const mfaConfiguration = mfa.mfaConfiguration;
export const webAuthnConfiguration = mfa.webAuthnConfiguration;
