// Table-driven unit tests of the SDK mapping: toSetRequest, fromResponse, fromSetRequest. No I/O.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { GetUserPoolMfaConfigResponse, SetUserPoolMfaConfigRequest } from "@aws-sdk/client-cognito-identity-provider";
import { fromResponse, fromSetRequest, toSetRequest } from "../../../provider/userPoolMfaConfig/mapping";
import { MfaConfig, normalize } from "../../../provider/userPoolMfaConfig/model";
import { validate } from "../../../provider/userPoolMfaConfig/validate";

const POOL = "us-east-1_AbCdEf123";
const ROLE = "arn:aws:iam::123456789012:role/cognito-sms";
const SMS = { smsConfiguration: { snsCallerArn: ROLE, externalId: "ext-123" } };
const SMS_FULL = {
    smsAuthenticationMessage: "Your code is {####}",
    smsConfiguration: { snsCallerArn: ROLE, externalId: "ext-123", snsRegion: "us-east-1" },
};
const SMS_REQ = { SmsConfiguration: { SnsCallerArn: ROLE, ExternalId: "ext-123" } };
const SMS_FULL_REQ = {
    SmsAuthenticationMessage: "Your code is {####}",
    SmsConfiguration: { SnsCallerArn: ROLE, ExternalId: "ext-123", SnsRegion: "us-east-1" },
};
const EMAIL = { message: "Your sign-in code is {####}", subject: "Sign-in code" };
const EMAIL_REQ = { Message: "Your sign-in code is {####}", Subject: "Sign-in code" };
const WEBAUTHN = {
    relyingPartyId: "auth.example.com",
    userVerification: "required",
    factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
} as const;
const WEBAUTHN_REQ = {
    RelyingPartyId: "auth.example.com",
    UserVerification: "required",
    FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
} as const;

// ---------------------------------------------------------------------------------------------
// toSetRequest(): the exact request for each configuration (deepEqual is strict: no undefined keys)

const setCases: { name: string; config: MfaConfig; request: SetUserPoolMfaConfigRequest }[] = [
    {
        name: "SMS only, minimal",
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
        request: { UserPoolId: POOL, MfaConfiguration: "ON", SmsMfaConfiguration: SMS_REQ },
    },
    {
        name: "SMS with message and snsRegion",
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_FULL },
        request: { UserPoolId: POOL, MfaConfiguration: "ON", SmsMfaConfiguration: SMS_FULL_REQ },
    },
    {
        name: "TOTP only",
        config: { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
        request: { UserPoolId: POOL, MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } },
    },
    {
        name: "SMS + TOTP",
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_FULL, softwareTokenMfaConfiguration: { enabled: true } },
        request: {
            UserPoolId: POOL,
            MfaConfiguration: "ON",
            SmsMfaConfiguration: SMS_FULL_REQ,
            SoftwareTokenMfaConfiguration: { Enabled: true },
        },
    },
    {
        name: "SMS + TOTP {enabled:false}: no TOTP block (leaving it out turns TOTP off; sst #5022)",
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
        request: { UserPoolId: POOL, MfaConfiguration: "ON", SmsMfaConfiguration: SMS_REQ },
    },
    {
        name: "email with texts",
        config: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL },
        request: { UserPoolId: POOL, MfaConfiguration: "ON", EmailMfaConfiguration: EMAIL_REQ },
    },
    {
        name: "empty email block is sent as an empty block (TF #43917)",
        config: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} },
        request: { UserPoolId: POOL, MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} },
    },
    {
        name: "email subject only",
        config: { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: { subject: "S" } },
        request: { UserPoolId: POOL, MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: { Subject: "S" } },
    },
    {
        name: "TOTP + webAuthn",
        config: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: WEBAUTHN },
        request: {
            UserPoolId: POOL,
            MfaConfiguration: "ON",
            SoftwareTokenMfaConfiguration: { Enabled: true },
            WebAuthnConfiguration: WEBAUTHN_REQ,
        },
    },
    {
        name: "partial webAuthn",
        config: { mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "preferred" } },
        request: { UserPoolId: POOL, MfaConfiguration: "OFF", WebAuthnConfiguration: { UserVerification: "preferred" } },
    },
    { name: "OFF alone", config: { mfaConfiguration: "OFF" }, request: { UserPoolId: POOL, MfaConfiguration: "OFF" } },
    {
        name: "OFF sends no SMS/TOTP/email, keeps WebAuthn (A2)",
        config: {
            mfaConfiguration: "OFF",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: EMAIL,
            webAuthnConfiguration: WEBAUTHN,
        },
        request: { UserPoolId: POOL, MfaConfiguration: "OFF", WebAuthnConfiguration: WEBAUTHN_REQ },
    },
    {
        name: "OFF + TOTP {enabled:false} sends no TOTP block (lgallard #74)",
        config: { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } },
        request: { UserPoolId: POOL, MfaConfiguration: "OFF" },
    },
    {
        name: "OFF + empty email block sends no email block (TF #46801)",
        config: { mfaConfiguration: "OFF", emailMfaConfiguration: {} },
        request: { UserPoolId: POOL, MfaConfiguration: "OFF" },
    },
    {
        name: "empty webAuthn block is not sent",
        config: { mfaConfiguration: "OFF", webAuthnConfiguration: {} },
        request: { UserPoolId: POOL, MfaConfiguration: "OFF" },
    },
    {
        name: "ON with factors always carries the full desired state (aws-sdk-js #4186)",
        config: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: SMS,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: {},
        },
        request: {
            UserPoolId: POOL,
            MfaConfiguration: "ON",
            SmsMfaConfiguration: SMS_REQ,
            SoftwareTokenMfaConfiguration: { Enabled: true },
            EmailMfaConfiguration: {},
        },
    },
];

describe("toSetRequest()", () => {
    for (const c of setCases) {
        test(c.name, () => {
            const req = toSetRequest(POOL, c.config);
            assert.deepEqual(req, c.request);
            assert.ok(req.MfaConfiguration, "MfaConfiguration is always sent (omitted means OFF)");
            if (req.MfaConfiguration === "OFF") {
                assert.equal(req.SmsMfaConfiguration, undefined);
                assert.equal(req.SoftwareTokenMfaConfiguration, undefined);
                assert.equal(req.EmailMfaConfiguration, undefined);
            }
            if (req.SoftwareTokenMfaConfiguration) assert.deepEqual(req.SoftwareTokenMfaConfiguration, { Enabled: true });
        });
    }
    test("the config passed in is not modified", () => {
        const config: MfaConfig = {
            mfaConfiguration: "OFF",
            smsMfaConfiguration: { ...SMS },
            softwareTokenMfaConfiguration: { enabled: false },
        };
        const before = JSON.stringify(config);
        toSetRequest(POOL, config);
        assert.equal(JSON.stringify(config), before);
    });
});

// ---------------------------------------------------------------------------------------------
// fromResponse(): Get (and Set) response shapes

const responseCases: { name: string; response: GetUserPoolMfaConfigResponse; config: MfaConfig }[] = [
    {
        name: "fresh pool as moto returns it: only MfaConfiguration OFF",
        response: { MfaConfiguration: "OFF" },
        config: { mfaConfiguration: "OFF" },
    },
    { name: "empty response means OFF", response: {}, config: { mfaConfiguration: "OFF" } },
    {
        name: "SDK $metadata is ignored",
        response: {
            $metadata: { httpStatusCode: 200, requestId: "r" },
            MfaConfiguration: "ON",
            SoftwareTokenMfaConfiguration: { Enabled: true },
        } as GetUserPoolMfaConfigResponse,
        config: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
    },
    {
        name: "TOTP enabled",
        response: { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } },
        config: { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
    },
    {
        name: "TOTP Enabled:false is read as enabled:false (not yet normalized)",
        response: { MfaConfiguration: "ON", SmsMfaConfiguration: SMS_REQ, SoftwareTokenMfaConfiguration: { Enabled: false } },
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS, softwareTokenMfaConfiguration: { enabled: false } },
    },
    {
        // As the service returned it; normalize() treats it as no TOTP.
        name: "TOTP block without Enabled reads back as it is",
        response: { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: {} },
        config: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: {} },
    },
    {
        name: "SMS with message and snsRegion",
        response: { MfaConfiguration: "ON", SmsMfaConfiguration: SMS_FULL_REQ },
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS_FULL },
    },
    {
        name: "SMS minimal",
        response: { MfaConfiguration: "ON", SmsMfaConfiguration: SMS_REQ },
        config: { mfaConfiguration: "ON", smsMfaConfiguration: SMS },
    },
    {
        name: "email with texts",
        response: { MfaConfiguration: "ON", EmailMfaConfiguration: EMAIL_REQ },
        config: { mfaConfiguration: "ON", emailMfaConfiguration: EMAIL },
    },
    {
        name: "email block without texts stays an (empty) block",
        response: { MfaConfiguration: "ON", EmailMfaConfiguration: {} },
        config: { mfaConfiguration: "ON", emailMfaConfiguration: {} },
    },
    {
        name: "webAuthn with FactorConfiguration",
        response: { MfaConfiguration: "OFF", WebAuthnConfiguration: WEBAUTHN_REQ },
        config: { mfaConfiguration: "OFF", webAuthnConfiguration: WEBAUTHN },
    },
    {
        name: "every block at once",
        response: {
            MfaConfiguration: "ON",
            SmsMfaConfiguration: SMS_FULL_REQ,
            SoftwareTokenMfaConfiguration: { Enabled: true },
            EmailMfaConfiguration: EMAIL_REQ,
            WebAuthnConfiguration: WEBAUTHN_REQ,
        },
        config: {
            mfaConfiguration: "ON",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
            emailMfaConfiguration: EMAIL,
            webAuthnConfiguration: WEBAUTHN,
        },
    },
];

describe("fromResponse()", () => {
    for (const c of responseCases) {
        test(c.name, () => {
            assert.deepEqual(fromResponse(c.response), c.config);
        });
    }
    test("a Set response (no UserPoolId) maps the same way", () => {
        const res = { $metadata: {}, MfaConfiguration: "ON" as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
        assert.deepEqual(fromResponse(res), { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } });
    });
    test("what toSetRequest sends reads back, after normalization, as the desired config", () => {
        for (const c of setCases) {
            const { UserPoolId: _id, ...echo } = toSetRequest(POOL, c.config);
            assert.deepEqual(normalize(fromResponse(echo)), normalize(c.config), c.name);
        }
    });
});

// ---------------------------------------------------------------------------------------------
// fromSetRequest(): --cli-input-json style args

describe("fromSetRequest()", () => {
    for (const c of setCases) {
        test(`round trip: ${c.name}`, () => {
            assert.deepEqual(fromSetRequest(toSetRequest(POOL, c.config)), { userPoolId: POOL, ...normalize(c.config) });
        });
    }

    test("accepts a JSON string", () => {
        const json = JSON.stringify({
            UserPoolId: POOL,
            MfaConfiguration: "ON",
            SmsMfaConfiguration: SMS_FULL_REQ,
            SoftwareTokenMfaConfiguration: { Enabled: true },
        });
        assert.deepEqual(fromSetRequest(json), {
            userPoolId: POOL,
            mfaConfiguration: "ON",
            smsMfaConfiguration: SMS_FULL,
            softwareTokenMfaConfiguration: { enabled: true },
        });
    });

    test("a request without MfaConfiguration means OFF and keeps its blocks so validate can name them", () => {
        const args = fromSetRequest({ UserPoolId: POOL, SoftwareTokenMfaConfiguration: { Enabled: true } });
        assert.deepEqual(args, { userPoolId: POOL, mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: true } });
        assert.deepEqual(
            validate(args as unknown as Record<string, unknown>).map((f) => f.property),
            ["softwareTokenMfaConfiguration"],
        );
    });

    const refused: { name: string; request: unknown; message: RegExp; todo?: string }[] = [
        {
            name: "unknown top-level member",
            request: { UserPoolId: POOL, MfaConfiguration: "ON", EnabledMfas: ["SMS_MFA"] },
            message: /does not manage: EnabledMfas/,
        },
        {
            name: "several unknown members are all named",
            request: { UserPoolId: POOL, MfaConfiguration: "OFF", ClientMetadata: {}, Foo: 1 },
            message: /ClientMetadata, Foo/,
        },
        {
            name: "unknown member in a JSON string",
            request: JSON.stringify({ UserPoolId: POOL, userPoolId: POOL }),
            message: /does not manage: userPoolId/,
        },
        {
            name: "missing UserPoolId",
            request: { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } },
            message: /needs UserPoolId \(received: undefined\)/,
        },
        {
            name: "UserPoolId not a string",
            request: { UserPoolId: 42, MfaConfiguration: "OFF" },
            message: /needs UserPoolId \(received: 42\)/,
        },
        { name: "UserPoolId missing in a JSON string", request: '{"MfaConfiguration":"OFF"}', message: /needs UserPoolId/ },
        {
            name: "unknown nested member (SmsConfiguration.EumsSms.Foo) is refused, not dropped",
            request: {
                UserPoolId: POOL,
                MfaConfiguration: "ON",
                SmsMfaConfiguration: { SmsConfiguration: { EumsSms: { CallerArn: ROLE, Foo: "x" } } },
            },
            message: /SmsMfaConfiguration\.SmsConfiguration\.EumsSms\.Foo/,
        },
        {
            name: "unknown nested member in SoftwareTokenMfaConfiguration is refused, not dropped",
            request: { UserPoolId: POOL, MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true, Foo: 1 } },
            message: /Foo/,
        },
    ];
    for (const c of refused) {
        test(`refuses: ${c.name}`, c.todo ? { todo: c.todo } : {}, () => {
            assert.throws(() => fromSetRequest(c.request as SetUserPoolMfaConfigRequest), c.message);
        });
    }
});
