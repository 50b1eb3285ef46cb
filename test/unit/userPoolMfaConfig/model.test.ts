// Table-driven unit tests of normalize(), the one canonical form of an MFA configuration. No I/O.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MfaConfig, normalize } from "../../../provider/userPoolMfaConfig/model";
import { ROLE, SMS_FULL, WEBAUTHN_LIVE } from "./fixtures";

// ---------------------------------------------------------------------------------------------
// normalize()

const normalizeCases: { name: string; config: MfaConfig; expected: MfaConfig }[] = [
    { name: "mode only", config: { mfaConfiguration: "ON" }, expected: { mfaConfiguration: "ON" } },
    {
        name: "OFF drops SMS, TOTP and email, keeps webAuthn",
        config: {
            mfaConfiguration: "OFF",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: { subject: "S" },
            webAuthnConfiguration: WEBAUTHN_LIVE,
        },
        expected: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
    },
    {
        name: "TOTP enabled:false is the same as no block",
        config: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: false } },
        expected: { mfaConfiguration: "ON" },
    },
    {
        name: "TOTP enabled:true stays",
        config: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        expected: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
    },
    {
        name: "OFF + TOTP enabled:false (lgallard #74)",
        config: { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } },
        expected: { mfaConfiguration: "OFF" },
    },
    {
        name: "empty email block stays present (enabled with default texts)",
        config: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        expected: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
    },
    {
        name: "undefined email members are dropped",
        config: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: { message: undefined, subject: "S" } },
        expected: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: { subject: "S" } },
    },
    {
        name: "empty webAuthn block is no webAuthn management",
        config: { mfaConfiguration: "OFF", webAuthnConfiguration: {} },
        expected: { mfaConfiguration: "OFF" },
    },
    {
        name: "webAuthn block with only undefined members is dropped",
        config: { mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: undefined } },
        expected: { mfaConfiguration: "OFF" },
    },
    {
        name: "undefined and null SMS members are dropped",
        config: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: {
                smsAuthenticationMessage: undefined,
                smsConfiguration: { snsCallerArn: ROLE, externalId: "e", snsRegion: null as unknown as string },
            },
        },
        expected: { mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE, externalId: "e" } } },
    },
    {
        name: "full ON config is unchanged",
        config: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: { message: "m {####}", subject: "s" },
            webAuthnConfiguration: WEBAUTHN_LIVE,
        },
        expected: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: { message: "m {####}", subject: "s" },
            webAuthnConfiguration: WEBAUTHN_LIVE,
        },
    },
];

describe("normalize()", () => {
    for (const c of normalizeCases) {
        test(c.name, () => {
            const before = JSON.stringify(c.config);
            const got = normalize(c.config);
            assert.deepEqual(got, c.expected);
            assert.deepEqual(normalize(got), got, "normalize is idempotent");
            assert.equal(JSON.stringify(c.config), before, "input not modified");
        });
    }
});
