// Table-driven unit tests of the diff: diffConfig(), desiredWithLiveWebAuthn() and
// inputsFromLive(). No I/O.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import { desiredWithLiveWebAuthn, diffConfig, FieldChange, inputsFromLive } from "../../../provider/userPoolMfaConfig/diff";
import { MfaConfig, MfaConfigInputs, normalize } from "../../../provider/userPoolMfaConfig/model";
import { POOL, ROLE, SMS, SMS_CFG, SMS_FULL, WEBAUTHN_LIVE } from "./fixtures";

// ---------------------------------------------------------------------------------------------
// diffConfig()

const byPath = (l: FieldChange[]) => [...l].sort((a, b) => a.path.localeCompare(b.path));
const SMS_LIVE = {
    smsAuthenticationMessage: "Your verification code is {####}. ",
    smsConfiguration: { ...SMS_CFG, snsRegion: "us-east-1" },
};
const EMAIL_LIVE = { message: "Your code is {####}", subject: "Your sign-in code" };

const diffCases: { name: string; desired: MfaConfig; live: MfaConfig; changes: FieldChange[] }[] = [
    {
        name: "identical",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_FULL },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_FULL },
        changes: [],
    },
    {
        name: "TOTP enabled:false desired, absent live",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        changes: [],
    },
    {
        name: "TOTP absent desired, enabled:false live",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
        changes: [],
    },
    {
        name: "lgallard #74: second apply of OFF + TOTP false against a fresh pool is a no-op",
        desired: { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } },
        live: { mfaConfiguration: "OFF" },
        changes: [],
    },
    {
        name: "OFF desired, live OFF with unmanaged webAuthn",
        desired: { mfaConfiguration: "OFF" },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        changes: [],
    },
    {
        name: "OFF desired, live OFF still reporting a pool SMS configuration",
        desired: { mfaConfiguration: "OFF" },
        live: { mfaConfiguration: "OFF", smsMfaConfiguration: SMS_LIVE },
        changes: [],
    },
    {
        name: "SMS message and snsRegion unset in desired are service-filled",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [],
    },
    {
        // Email texts are not service-filled: Get returns none when none was set (TF
        // acceptance test of an empty block), so live texts the program lacks are a difference.
        name: "empty email block vs live texts set out of band",
        desired: { mfaConfiguration: "ON", emailMfaConfiguration: {} },
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        changes: [
            { path: "emailMfaConfiguration.message", desired: undefined, live: EMAIL_LIVE.message },
            { path: "emailMfaConfiguration.subject", desired: undefined, live: EMAIL_LIVE.subject },
        ],
    },
    {
        name: "email subject set, a live message the program lacks",
        desired: { mfaConfiguration: "ON", emailMfaConfiguration: { subject: EMAIL_LIVE.subject } },
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        changes: [{ path: "emailMfaConfiguration.message", desired: undefined, live: EMAIL_LIVE.message }],
    },
    {
        name: "webAuthn unset in desired",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: WEBAUTHN_LIVE },
        changes: [],
    },
    {
        name: "empty webAuthn in desired",
        desired: { mfaConfiguration: "OFF", webAuthnConfiguration: {} },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        changes: [],
    },
    {
        name: "partial webAuthn equal on the managed member",
        desired: { mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "auth.example.com" } },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        changes: [],
    },
    // real changes
    {
        name: "aws-sdk-js #4186: ON -> OPTIONAL is a mode change only",
        desired: { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        changes: [{ path: "mfaConfiguration", desired: "OPTIONAL", live: "ON" }],
    },
    {
        name: "TF #46801: removing email MFA is a change to absent",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, emailMfaConfiguration: EMAIL_LIVE },
        changes: [{ path: "emailMfaConfiguration", desired: undefined, live: EMAIL_LIVE }],
    },
    {
        name: "TF #46801: turning MFA OFF removes the email block",
        desired: { mfaConfiguration: "OFF" },
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        changes: [
            { path: "emailMfaConfiguration", desired: undefined, live: EMAIL_LIVE },
            { path: "mfaConfiguration", desired: "OFF", live: "ON" },
        ],
    },
    {
        name: "TF #43917: adding an empty email block is a change",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, emailMfaConfiguration: {} },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        changes: [{ path: "emailMfaConfiguration", desired: {}, live: undefined }],
    },
    {
        name: "switching SMS -> TOTP",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [
            { path: "smsMfaConfiguration", desired: undefined, live: SMS_LIVE },
            { path: "softwareTokenMfaConfiguration", desired: { enabled: true }, live: undefined },
        ],
    },
    {
        name: "switching TOTP -> SMS",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        changes: [
            { path: "smsMfaConfiguration", desired: SMS, live: undefined },
            { path: "softwareTokenMfaConfiguration", desired: undefined, live: { enabled: true } },
        ],
    },
    {
        name: "disabling TOTP with enabled:false while SMS stays",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: true } },
        changes: [{ path: "softwareTokenMfaConfiguration", desired: undefined, live: { enabled: true } }],
    },
    {
        name: "ON -> OFF with SMS live drops the SMS factor",
        desired: { mfaConfiguration: "OFF" },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [
            { path: "mfaConfiguration", desired: "OFF", live: "ON" },
            { path: "smsMfaConfiguration", desired: undefined, live: SMS_LIVE },
        ],
    },
    {
        name: "SMS message set and different",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: { ...SMS, smsAuthenticationMessage: "Code: {####}" } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [
            { path: "smsMfaConfiguration.smsAuthenticationMessage", desired: "Code: {####}", live: SMS_LIVE.smsAuthenticationMessage },
        ],
    },
    {
        name: "SMS message set, live has none",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: { ...SMS, smsAuthenticationMessage: "Code: {####}" } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        changes: [{ path: "smsMfaConfiguration.smsAuthenticationMessage", desired: "Code: {####}", live: undefined }],
    },
    {
        name: "externalId rotated",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { ...SMS_CFG, externalId: "new" } } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [{ path: "smsMfaConfiguration.smsConfiguration.externalId", desired: "new", live: "ext-123" }],
    },
    {
        name: "snsCallerArn changed",
        desired: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { ...SMS_CFG, snsCallerArn: "arn:aws:iam::123456789012:role/other" } },
        },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [
            { path: "smsMfaConfiguration.smsConfiguration.snsCallerArn", desired: "arn:aws:iam::123456789012:role/other", live: ROLE },
        ],
    },
    {
        name: "snsRegion set and different",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { ...SMS_CFG, snsRegion: "ap-northeast-1" } } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        changes: [{ path: "smsMfaConfiguration.smsConfiguration.snsRegion", desired: "ap-northeast-1", live: "us-east-1" }],
    },
    {
        name: "email subject changed",
        desired: { mfaConfiguration: "ON", emailMfaConfiguration: { message: EMAIL_LIVE.message, subject: "New" } },
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        changes: [{ path: "emailMfaConfiguration.subject", desired: "New", live: EMAIL_LIVE.subject }],
    },
    {
        name: "webAuthn userVerification changed",
        desired: { mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "required" } },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        changes: [{ path: "webAuthnConfiguration.userVerification", desired: "required", live: "preferred" }],
    },
    {
        name: "webAuthn managed but absent live",
        desired: { mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "example.com" } },
        live: { mfaConfiguration: "OFF" },
        changes: [{ path: "webAuthnConfiguration", desired: { relyingPartyId: "example.com" }, live: undefined }],
    },
];

describe("diffConfig()", () => {
    for (const c of diffCases) {
        test(c.name, () => {
            assert.deepEqual(byPath(diffConfig(c.desired, c.live)), byPath(c.changes));
        });
    }
    test("a configuration never differs from itself, in raw or normalized form", () => {
        for (const c of diffCases) {
            assert.deepEqual(diffConfig(c.desired, c.desired), [], c.name);
            assert.deepEqual(diffConfig(c.live, normalize(c.live)), [], c.name);
        }
    });
});

// ---------------------------------------------------------------------------------------------
// desiredWithLiveWebAuthn()

const mergeCases: { name: string; desired: MfaConfig; live: MfaConfig | undefined; expected: MfaConfig }[] = [
    {
        name: "unmanaged webAuthn is taken from live",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: WEBAUTHN_LIVE },
    },
    {
        name: "partial desired webAuthn is merged over live",
        desired: { mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "required" } },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: { mfaConfiguration: "OFF", webAuthnConfiguration: { ...WEBAUTHN_LIVE, userVerification: "required" } },
    },
    {
        name: "full desired webAuthn wins over live",
        desired: {
            mfaConfiguration: "OFF",
            webAuthnConfiguration: {
                relyingPartyId: "new.example.com",
                userVerification: "required",
                factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
            },
        },
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: {
            mfaConfiguration: "OFF",
            webAuthnConfiguration: {
                relyingPartyId: "new.example.com",
                userVerification: "required",
                factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
            },
        },
    },
    {
        name: "desired is normalized (OFF drops factors, TOTP false dropped) and keeps live webAuthn",
        desired: { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } },
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
    },
    {
        name: "no live configuration",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, webAuthnConfiguration: { relyingPartyId: "a" } },
        live: undefined,
        expected: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, webAuthnConfiguration: { relyingPartyId: "a" } },
    },
    {
        name: "no webAuthn anywhere: no key added",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        expected: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
    },
    {
        name: "empty live webAuthn adds nothing",
        desired: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE, webAuthnConfiguration: {} },
        expected: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
    },
    {
        name: "live factors are never merged in (full replace is the desired state)",
        desired: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE, emailMfaConfiguration: EMAIL_LIVE },
        expected: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
    },
];

describe("desiredWithLiveWebAuthn()", () => {
    for (const c of mergeCases) {
        test(c.name, () => {
            const got = desiredWithLiveWebAuthn(normalize(c.desired), c.live);
            assert.deepEqual(got, c.expected);
            // What is written must not differ from what was asked for.
            assert.deepEqual(diffConfig(c.desired, got), []);
        });
    }
});

// ---------------------------------------------------------------------------------------------
// inputsFromLive()

const old = (x: Partial<MfaConfigInputs>): MfaConfigInputs => ({ userPoolId: POOL, mfaConfiguration: "ON", ...x });

const fromLiveCases: { name: string; old: MfaConfigInputs; live: MfaConfig; expected: MfaConfigInputs }[] = [
    {
        name: "no drift: service-filled SMS members the user never set are not listed",
        old: old({ smsMfaConfiguration: SMS }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        expected: old({ smsMfaConfiguration: SMS }),
    },
    {
        name: "SMS members the user set show their live values",
        old: old({
            smsMfaConfiguration: { smsAuthenticationMessage: "Code {####}", smsConfiguration: { ...SMS_CFG, snsRegion: "us-west-2" } },
        }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE },
        expected: old({ smsMfaConfiguration: SMS_LIVE }),
    },
    {
        name: "externalId drift",
        old: old({ smsMfaConfiguration: SMS }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: { ...SMS_CFG, externalId: "changed" } } },
        expected: old({ smsMfaConfiguration: { smsConfiguration: { ...SMS_CFG, externalId: "changed" } } }),
    },
    {
        name: "mode drift",
        old: old({ softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }),
    },
    {
        name: "TOTP turned off out of band",
        old: old({ smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
        expected: old({ smsMfaConfiguration: SMS }),
    },
    {
        name: "TOTP turned on out of band",
        old: old({ smsMfaConfiguration: SMS }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: true } }),
    },
    {
        name: "the user's TOTP {enabled:false} spelling is kept (lgallard #74)",
        old: old({ mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } }),
        live: { mfaConfiguration: "OFF" },
        expected: old({ mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } }),
    },
    {
        name: "SMS removed out of band",
        old: old({ smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ softwareTokenMfaConfiguration: { enabled: true } }),
    },
    {
        name: "SMS added out of band is listed in full",
        old: old({ softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_LIVE, softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ smsMfaConfiguration: SMS_LIVE, softwareTokenMfaConfiguration: { enabled: true } }),
    },
    {
        // Email texts are not service-filled: texts set out of band are drift the inputs show.
        name: "empty email block: texts set out of band are listed",
        old: old({ emailMfaConfiguration: {} }),
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        expected: old({ emailMfaConfiguration: EMAIL_LIVE }),
    },
    {
        name: "email subject drift, and the message set out of band too",
        old: old({ emailMfaConfiguration: { subject: "Mine" } }),
        live: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL_LIVE },
        expected: old({ emailMfaConfiguration: EMAIL_LIVE }),
    },
    {
        name: "email added out of band is listed in full",
        old: old({ softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, emailMfaConfiguration: EMAIL_LIVE },
        expected: old({ softwareTokenMfaConfiguration: { enabled: true }, emailMfaConfiguration: EMAIL_LIVE }),
    },
    {
        name: "email removed out of band",
        old: old({ softwareTokenMfaConfiguration: { enabled: true }, emailMfaConfiguration: {} }),
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ softwareTokenMfaConfiguration: { enabled: true } }),
    },
    {
        name: "unmanaged webAuthn is not listed",
        old: old({ mfaConfiguration: "OFF" }),
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: old({ mfaConfiguration: "OFF" }),
    },
    {
        name: "managed webAuthn members show their live values, others are not listed",
        old: old({ mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "required" } }),
        live: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN_LIVE },
        expected: old({ mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "preferred" } }),
    },
    {
        name: "region and deletePolicy come from the old inputs",
        old: old({ region: "us-east-1", deletePolicy: "retain", softwareTokenMfaConfiguration: { enabled: true } }),
        live: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
        expected: old({ region: "us-east-1", deletePolicy: "retain", softwareTokenMfaConfiguration: { enabled: true } }),
    },
];

describe("inputsFromLive()", () => {
    for (const c of fromLiveCases) {
        test(c.name, () => {
            // deepEqual is strict: a key with an undefined value would fail it.
            assert.deepEqual(inputsFromLive(c.old, c.live), c.expected);
        });
    }
    test("the inputs built from live describe live exactly (no diff against it)", () => {
        for (const c of fromLiveCases) {
            const got = inputsFromLive(c.old, c.live);
            assert.deepEqual(diffConfig(got, c.live), [], c.name);
        }
    });
});
