// Table-driven unit tests of validate(): lengths, patterns, enums, unknown keys and cross-field
// rules, and preview with unknown values. No I/O.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UNKNOWN } from "../../../provider/common/unknown";
import { Failure } from "../../../provider/common/validator";
import { validate, validateInputs } from "../../../provider/userPoolMfaConfig/validate";
import { POOL, ROLE, SMS, SMS_CFG, SMS_FULL, WEBAUTHN_FULL } from "./fixtures";

/**
 * A valid input (OPTIONAL + TOTP) with overrides; an override of `undefined` removes the key,
 * so cases never carry keys the user did not write.
 */
function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const out: Record<string, unknown> = {
        userPoolId: POOL,
        mfaConfiguration: "OPTIONAL",
        softwareTokenMfaConfiguration: { enabled: true },
    };
    for (const [k, v] of Object.entries(overrides)) {
        if (v === undefined) delete out[k];
        else out[k] = v;
    }
    return out;
}

/** OFF with nothing else, plus overrides. */
function off(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return inputs({ mfaConfiguration: "OFF", softwareTokenMfaConfiguration: undefined, ...overrides });
}

/** ON with an SMS factor (so the TOTP and email blocks can be tested on their own), plus overrides. */
function onSms(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: undefined, smsMfaConfiguration: SMS, ...overrides });
}

function smsWith(cfg: Record<string, unknown>, message?: unknown): Record<string, unknown> {
    const sms: Record<string, unknown> = { smsConfiguration: cfg };
    if (message !== undefined) sms.smsAuthenticationMessage = message;
    return onSms({ smsMfaConfiguration: sms });
}

function smsCfg(overrides: Record<string, unknown>): Record<string, unknown> {
    const cfg: Record<string, unknown> = { ...SMS_CFG };
    for (const [k, v] of Object.entries(overrides)) {
        if (v === undefined) delete cfg[k];
        else cfg[k] = v;
    }
    return cfg;
}

const MISSING = Symbol("missing");

/** The "(received: …)" text a failure must carry. Long strings are shortened in messages, so only a prefix is expected. */
/** What a failure shows for a secret: never the value itself. */
const SECRET = (length: number) => ({ secretLength: length });

function receivedText(v: unknown): string {
    if (v === MISSING) return "(received: undefined)";
    if (v && typeof v === "object" && "secretLength" in v)
        return `(received: [secret, ${(v as { secretLength: number }).secretLength} characters])`;
    // ExternalIds inside a shown block are redacted too.
    if (v && typeof v === "object")
        return `(received: ${JSON.stringify(v, (k, x: unknown) => (k === "externalId" && typeof x === "string" ? "[secret]" : x))})`;
    if (typeof v === "string" && v.length > 80) return `(received: ${JSON.stringify(v.slice(0, 40)).slice(0, -1)}`;
    return `(received: ${JSON.stringify(v)})`;
}

interface ExpectedFailure {
    property: string;
    /** The value the failure reports (MISSING for an absent value). */
    received: unknown;
    /** Substrings naming the rule or the allowed values. */
    rule: string[];
}

interface ValidateCase {
    name: string;
    inputs: Record<string, unknown>;
    failures: ExpectedFailure[];
    /** The warnings check shows (rules whose evidence is too thin to refuse); none when left out. */
    warnings?: { property: string; rule: string[] }[];
    /** Set for cases that expose a provider bug (reported, not fixed). */
    todo?: string;
}

function checkFailures(got: Failure[], expected: ExpectedFailure[]): void {
    const show = JSON.stringify(got, null, 1);
    // Every failure names its property and what was received, whatever the rule.
    for (const f of got) {
        assert.equal(typeof f.property, "string");
        assert.ok(f.reason.startsWith(f.property) || f.reason.includes(f.property), `reason does not name ${f.property}: ${f.reason}`);
        assert.ok(f.reason.includes("(received: "), `reason does not show the received value: ${f.reason}`);
    }
    const props = (l: { property: string }[]) => [...new Set(l.map((f) => f.property))].sort();
    assert.deepEqual(props(got), props(expected), `failing properties differ; got ${show}`);
    for (const e of expected) {
        const candidates = got.filter((f) => f.property === e.property);
        const hit = candidates.find(
            (f) =>
                f.reason.includes(e.property) && f.reason.includes(receivedText(e.received)) && e.rule.every((r) => f.reason.includes(r)),
        );
        assert.ok(
            hit,
            `no failure for ${e.property} contains ${JSON.stringify([e.property, receivedText(e.received), ...e.rule])}; got ${show}`,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// validate(): one table for lengths, patterns, enums, unknown keys and cross-field rules

const MFA_ENUM = `"OFF", "ON", "OPTIONAL"`;
const PLACEHOLDER = "{####}";
const long = (n: number, c = "a") => c.repeat(n);
const ARN_PREFIX = "arn:aws:iam::123456789012:role/"; // 31 characters

const validateCases: ValidateCase[] = [
    // --- accepted configurations ---------------------------------------------------------
    { name: "OPTIONAL + TOTP", inputs: inputs(), failures: [] },
    { name: "ON + SMS with message and snsRegion", inputs: onSms({ smsMfaConfiguration: SMS_FULL }), failures: [] },
    { name: "ON + SMS + TOTP", inputs: onSms({ softwareTokenMfaConfiguration: { enabled: true } }), failures: [] },
    {
        name: "ON + SMS + TOTP {enabled:false} (TF acceptance step: accepted, reads back as false)",
        inputs: onSms({ softwareTokenMfaConfiguration: { enabled: false } }),
        failures: [],
    },
    {
        name: "OPTIONAL + empty email block (default texts, TF #43917)",
        inputs: inputs({ softwareTokenMfaConfiguration: undefined, emailMfaConfiguration: {} }),
        failures: [],
    },
    {
        name: "ON + email with unicode message and subject",
        inputs: inputs({
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: undefined,
            emailMfaConfiguration: {
                message: "Votre code de connexion est {####} — 🔐 漢字\n\tMerci !",
                subject: "Código de acceso ✉️ 🔐",
            },
        }),
        failures: [],
    },
    { name: "OFF alone", inputs: off(), failures: [] },
    {
        name: "OFF + TOTP {enabled:false} is accepted (normalized away; lgallard #74)",
        inputs: off({ softwareTokenMfaConfiguration: { enabled: false } }),
        failures: [],
    },
    { name: "OFF + webAuthn (passkey-only pool, A2)", inputs: off({ webAuthnConfiguration: WEBAUTHN_FULL }), failures: [] },
    { name: "ON + TOTP + webAuthn", inputs: inputs({ mfaConfiguration: "ON", webAuthnConfiguration: WEBAUTHN_FULL }), failures: [] },
    { name: "region equal to the pool's prefix", inputs: inputs({ region: "us-east-1" }), failures: [] },
    {
        name: "region with a pool id that names no Region",
        inputs: inputs({ userPoolId: "local_AbC123", region: "eu-west-1" }),
        failures: [],
    },
    { name: "us-gov region and pool", inputs: inputs({ userPoolId: "us-gov-west-1_Abc", region: "us-gov-west-1" }), failures: [] },
    { name: "deletePolicy reset", inputs: inputs({ deletePolicy: "reset" }), failures: [] },
    { name: "deletePolicy restore", inputs: inputs({ deletePolicy: "restore" }), failures: [] },
    { name: "deletePolicy retain", inputs: inputs({ deletePolicy: "retain" }), failures: [] },
    { name: "engine-internal __provider key is ignored", inputs: inputs({ __provider: "serialized" }), failures: [] },
    { name: "userPoolId of 55 characters", inputs: inputs({ userPoolId: `us-east-1_${long(45, "A")}` }), failures: [] },
    { name: "smsAuthenticationMessage of exactly 6 ({####})", inputs: smsWith(SMS_CFG, PLACEHOLDER), failures: [] },
    { name: "smsAuthenticationMessage of 140", inputs: smsWith(SMS_CFG, PLACEHOLDER + long(134)), failures: [] },
    { name: "snsCallerArn of 20 characters", inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws:iam::1:role/" })), failures: [] },
    { name: "snsCallerArn of 2048 characters", inputs: smsWith(smsCfg({ snsCallerArn: ARN_PREFIX + long(2048 - 31) })), failures: [] },
    {
        name: "snsCallerArn with a role path",
        inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws:iam::123456789012:role/service-role/cognito" })),
        failures: [],
    },
    {
        name: "snsCallerArn in aws-cn partition",
        inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws-cn:iam::123456789012:role/sms" })),
        failures: [],
    },
    {
        name: "externalId of 1 (too short for STS: a warning)",
        inputs: smsWith(smsCfg({ externalId: "x" })),
        failures: [],
        warnings: [{ property: "smsMfaConfiguration.smsConfiguration.externalId", rule: ["is not a valid sts:ExternalId"] }],
    },
    { name: "externalId of 1224 (longest sts:ExternalId)", inputs: smsWith(smsCfg({ externalId: long(1224) })), failures: [] },
    {
        // The SMS settings guide: pools in Seoul must use the SNS configuration in Tokyo.
        name: "snsRegion Tokyo for a pool in Seoul",
        inputs: { ...smsWith(smsCfg({ snsRegion: "ap-northeast-1" })), userPoolId: "ap-northeast-2_Abc123" },
        failures: [],
    },
    { name: "email message of exactly 6", inputs: onSms({ emailMfaConfiguration: { message: PLACEHOLDER } }), failures: [] },
    {
        name: "email message of 20000 (CJK)",
        inputs: onSms({ emailMfaConfiguration: { message: long(19994, "漢") + PLACEHOLDER } }),
        failures: [],
    },
    { name: "email subject of 1", inputs: onSms({ emailMfaConfiguration: { subject: "S" } }), failures: [] },
    { name: "email subject of 140", inputs: onSms({ emailMfaConfiguration: { subject: long(140, "é") } }), failures: [] },
    { name: "relyingPartyId of 1", inputs: inputs({ webAuthnConfiguration: { relyingPartyId: "a" } }), failures: [] },
    { name: "relyingPartyId of 127", inputs: inputs({ webAuthnConfiguration: { relyingPartyId: long(127) } }), failures: [] },
    {
        name: "relyingPartyId not a domain (TF acceptance '123456789')",
        inputs: inputs({ webAuthnConfiguration: { relyingPartyId: "123456789" } }),
        failures: [],
    },
    {
        name: "userVerification preferred + SINGLE_FACTOR",
        inputs: inputs({ webAuthnConfiguration: { userVerification: "preferred", factorConfiguration: "SINGLE_FACTOR" } }),
        failures: [],
    },

    // --- userPoolId ------------------------------------------------------------------------
    {
        name: "userPoolId missing",
        inputs: inputs({ userPoolId: undefined }),
        failures: [{ property: "userPoolId", received: MISSING, rule: ["is required", "us-east-1_AbCdEf123"] }],
    },
    {
        name: "userPoolId null",
        inputs: inputs({ userPoolId: null }),
        failures: [{ property: "userPoolId", received: null, rule: ["is required"] }],
    },
    {
        name: "userPoolId empty",
        inputs: inputs({ userPoolId: "" }),
        failures: [{ property: "userPoolId", received: "", rule: ["at least 1 characters"] }],
    },
    {
        name: "userPoolId of 56 characters",
        inputs: inputs({ userPoolId: `us-east-1_${long(46, "A")}` }),
        failures: [{ property: "userPoolId", received: `us-east-1_${long(46, "A")}`, rule: ["at most 55 characters", "it has 56"] }],
    },
    {
        name: "userPoolId without underscore",
        inputs: inputs({ userPoolId: "us-east-1" }),
        failures: [{ property: "userPoolId", received: "us-east-1", rule: ['"<region>_<id>"'] }],
    },
    {
        name: "userPoolId with punctuation in the suffix",
        inputs: inputs({ userPoolId: "us-east-1_abc!" }),
        failures: [{ property: "userPoolId", received: "us-east-1_abc!", rule: ['"<region>_<id>"'] }],
    },
    {
        name: "userPoolId not a string",
        inputs: inputs({ userPoolId: 12345 }),
        failures: [{ property: "userPoolId", received: 12345, rule: ["must be a string"] }],
    },

    // --- region / deletePolicy ---------------------------------------------------------------
    {
        name: "region too short",
        inputs: inputs({ userPoolId: "local_Abc", region: "us" }),
        failures: [{ property: "region", received: "us", rule: ["at least 5 characters"] }],
    },
    {
        name: "region too long",
        inputs: inputs({ userPoolId: "local_Abc", region: `us-${long(28, "x")}-1` }),
        failures: [{ property: "region", received: `us-${long(28, "x")}-1`, rule: ["at most 32 characters"] }],
    },
    {
        // botocore's RegionCodeType has no pattern: an unknown Region may be a new one.
        name: "region not a Region botocore knows is a warning",
        inputs: inputs({ userPoolId: "local_Abc", region: "US-EAST-1" }),
        failures: [],
        warnings: [{ property: "region", rule: ["is not a Region", '"us-east-1"'] }],
    },
    {
        name: "region of a partition the old pattern refused (eusc-de-east-1, aws-eusc)",
        inputs: inputs({ userPoolId: "eusc-de-east-1_Abc123", region: "eusc-de-east-1" }),
        failures: [],
    },
    {
        // Multi-Region replicas share the primary's pool id and are managed in their own Region.
        name: "region disagreeing with the pool-id prefix is a warning (a replica Region)",
        inputs: inputs({ region: "eu-west-1" }),
        failures: [],
        warnings: [
            { property: "region", rule: ["differs from the Region in the pool id", "multi-Region replica", 'set it to "us-east-1"'] },
        ],
    },
    {
        name: "deletePolicy outside the enum",
        inputs: inputs({ deletePolicy: "delete" }),
        failures: [{ property: "deletePolicy", received: "delete", rule: [`must be one of "reset", "restore", "retain"`] }],
    },

    // --- mfaConfiguration --------------------------------------------------------------------
    {
        name: "mfaConfiguration missing",
        inputs: inputs({ mfaConfiguration: undefined }),
        failures: [{ property: "mfaConfiguration", received: MISSING, rule: ["is required", MFA_ENUM] }],
    },
    {
        name: "mfaConfiguration null",
        inputs: inputs({ mfaConfiguration: null }),
        failures: [{ property: "mfaConfiguration", received: null, rule: ["is required", MFA_ENUM] }],
    },
    {
        name: "mfaConfiguration lower case",
        inputs: inputs({ mfaConfiguration: "on" }),
        failures: [{ property: "mfaConfiguration", received: "on", rule: [`must be one of ${MFA_ENUM}`] }],
    },
    {
        name: "mfaConfiguration REQUIRED (CDK spelling)",
        inputs: inputs({ mfaConfiguration: "REQUIRED" }),
        failures: [{ property: "mfaConfiguration", received: "REQUIRED", rule: [`must be one of ${MFA_ENUM}`] }],
    },
    {
        name: "mfaConfiguration boolean",
        inputs: inputs({ mfaConfiguration: true }),
        failures: [{ property: "mfaConfiguration", received: true, rule: [`must be one of ${MFA_ENUM}`] }],
    },

    // --- unknown keys ----------------------------------------------------------------------------
    {
        name: "unknown top-level key",
        inputs: inputs({ enabledMfas: ["SMS_MFA"] }),
        failures: [
            { property: "enabledMfas", received: ["SMS_MFA"], rule: ["is not a known property", "userPoolId", "webAuthnConfiguration"] },
        ],
    },
    {
        name: "unknown key in smsMfaConfiguration",
        inputs: onSms({ smsMfaConfiguration: { ...SMS, message: "x" } }),
        failures: [
            {
                property: "smsMfaConfiguration.message",
                received: "x",
                rule: ["is not a known property", "smsAuthenticationMessage, smsConfiguration"],
            },
        ],
    },
    {
        name: "unknown key in smsConfiguration",
        inputs: smsWith(smsCfg({ SnsRegion: "us-east-1" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.SnsRegion",
                received: "us-east-1",
                rule: ["is not a known property", "snsCallerArn, externalId, snsRegion, eumsSms"],
            },
        ],
    },
    {
        name: "unknown key in eumsSms",
        inputs: smsWith({ eumsSms: { callerArn: ROLE, OriginationIdentity: "+12065550100" } }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.eumsSms.OriginationIdentity",
                received: "+12065550100",
                rule: [
                    "is not a known property",
                    "callerArn, externalId, originationIdentity, configurationSetName, inEntityId, inTemplateId, region",
                ],
            },
        ],
    },
    {
        name: "unknown key in softwareTokenMfaConfiguration (API casing)",
        inputs: onSms({ softwareTokenMfaConfiguration: { Enabled: true } }),
        failures: [{ property: "softwareTokenMfaConfiguration.Enabled", received: true, rule: ["is not a known property", "enabled"] }],
    },
    {
        name: "unknown key in emailMfaConfiguration",
        inputs: onSms({ emailMfaConfiguration: { body: "x" } }),
        failures: [{ property: "emailMfaConfiguration.body", received: "x", rule: ["is not a known property", "message, subject"] }],
    },
    {
        name: "unknown key in webAuthnConfiguration",
        inputs: inputs({ webAuthnConfiguration: { rpId: "example.com" } }),
        failures: [
            {
                property: "webAuthnConfiguration.rpId",
                received: "example.com",
                rule: ["is not a known property", "relyingPartyId, userVerification, factorConfiguration"],
            },
        ],
    },

    // --- block types -------------------------------------------------------------------------------
    {
        name: "smsMfaConfiguration not an object",
        inputs: onSms({ smsMfaConfiguration: "yes", softwareTokenMfaConfiguration: { enabled: true } }),
        failures: [{ property: "smsMfaConfiguration", received: "yes", rule: ["must be an object"] }],
    },
    {
        name: "softwareTokenMfaConfiguration not an object",
        inputs: onSms({ softwareTokenMfaConfiguration: true }),
        failures: [{ property: "softwareTokenMfaConfiguration", received: true, rule: ["must be an object"] }],
    },
    {
        name: "emailMfaConfiguration an array",
        inputs: onSms({ emailMfaConfiguration: [] }),
        failures: [{ property: "emailMfaConfiguration", received: [], rule: ["must be an object"] }],
    },
    {
        name: "webAuthnConfiguration a string",
        inputs: inputs({ webAuthnConfiguration: "x" }),
        failures: [{ property: "webAuthnConfiguration", received: "x", rule: ["must be an object"] }],
    },
    {
        name: "smsConfiguration not an object",
        inputs: onSms({ smsMfaConfiguration: { smsConfiguration: "arn" } }),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration", received: "arn", rule: ["must be an object"] }],
    },

    // --- SMS ---------------------------------------------------------------------------------------
    {
        name: "smsAuthenticationMessage of 5",
        inputs: smsWith(SMS_CFG, "{###}"),
        failures: [
            { property: "smsMfaConfiguration.smsAuthenticationMessage", received: "{###}", rule: ["at least 6 characters", "it has 5"] },
        ],
    },
    {
        name: "smsAuthenticationMessage of 141",
        inputs: smsWith(SMS_CFG, PLACEHOLDER + long(135)),
        failures: [
            {
                property: "smsMfaConfiguration.smsAuthenticationMessage",
                received: PLACEHOLDER + long(135),
                rule: ["at most 140 characters", "it has 141"],
            },
        ],
    },
    {
        name: "smsAuthenticationMessage without {####}",
        inputs: smsWith(SMS_CFG, "Your code is ####"),
        failures: [
            { property: "smsMfaConfiguration.smsAuthenticationMessage", received: "Your code is ####", rule: ["placeholder {####}"] },
        ],
    },
    {
        name: "smsAuthenticationMessage not a string",
        inputs: smsWith(SMS_CFG, 123456),
        failures: [{ property: "smsMfaConfiguration.smsAuthenticationMessage", received: 123456, rule: ["must be a string"] }],
    },
    {
        // The API makes it optional: the pool's own SMS configuration is used.
        name: "smsConfiguration missing: the pool's own is used",
        inputs: onSms({ smsMfaConfiguration: { smsAuthenticationMessage: "Code {####}" } }),
        failures: [],
    },
    {
        name: "smsConfiguration with neither snsCallerArn nor eumsSms",
        inputs: smsWith({ externalId: "ext-1" }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: MISSING,
                rule: ["is required", "eumsSms"],
            },
        ],
    },
    {
        name: "SMS message on two lines (Java's `.` stops at line terminators)",
        inputs: smsWith(SMS_CFG, "Line 1\nYour code is {####}"),
        failures: [
            { property: "smsMfaConfiguration.smsAuthenticationMessage", received: "Line 1\nYour code is {####}", rule: ["on one line"] },
        ],
    },
    {
        name: "SMS message with U+0085 (a line terminator to Java, not to JavaScript's `.`)",
        inputs: smsWith(SMS_CFG, "Code\u0085{####}"),
        failures: [{ property: "smsMfaConfiguration.smsAuthenticationMessage", received: "Code\u0085{####}", rule: ["on one line"] }],
    },

    // --- End User Messaging SMS (EumsSms) ---------------------------------------------------------
    {
        name: "eumsSms with callerArn and externalId",
        inputs: smsWith({ eumsSms: { callerArn: ROLE, externalId: "ext-1" } }),
        failures: [],
    },
    {
        name: "eumsSms with every member",
        inputs: smsWith({
            eumsSms: {
                callerArn: ROLE,
                externalId: "ext-1",
                originationIdentity: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
                configurationSetName: "cognito",
                inEntityId: "1101000000000000001",
                inTemplateId: "1107000000000000001",
                region: "us-east-1",
            },
        }),
        failures: [],
    },
    {
        name: "eumsSms without callerArn",
        inputs: smsWith({ eumsSms: { externalId: "ext-1" } }),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.eumsSms.callerArn", received: MISSING, rule: ["is required"] }],
    },
    {
        name: "eumsSms callerArn not a role",
        inputs: smsWith({ eumsSms: { callerArn: "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1" } }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.eumsSms.callerArn",
                received: "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1",
                rule: ["must be the ARN of an IAM role"],
            },
        ],
    },
    {
        name: "eumsSms region other than the pool's",
        inputs: smsWith({ eumsSms: { callerArn: ROLE, region: "eu-west-1" } }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.eumsSms.region",
                received: "eu-west-1",
                rule: ["must be the user pool's own Region, us-east-1"],
            },
        ],
    },
    {
        name: "snsCallerArn and eumsSms together",
        inputs: smsWith({ ...SMS_CFG, eumsSms: { callerArn: ROLE } }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.eumsSms",
                received: { callerArn: ROLE },
                rule: ["cannot be set together with snsCallerArn"],
            },
        ],
    },
    {
        name: "eumsSms with the SNS-only externalId and snsRegion beside it",
        inputs: smsWith({ externalId: "ext-1", snsRegion: "us-east-1", eumsSms: { callerArn: ROLE, externalId: "ext-2" } }),
        failures: [],
        warnings: [
            { property: "smsMfaConfiguration.smsConfiguration.externalId", rule: ["goes with snsCallerArn"] },
            { property: "smsMfaConfiguration.smsConfiguration.snsRegion", rule: ["belongs to the Amazon SNS path"] },
        ],
    },
    {
        name: "eumsSms externalId of 1225",
        inputs: smsWith({ eumsSms: { callerArn: ROLE, externalId: long(1225) } }),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.eumsSms.externalId",
                received: SECRET(1225),
                rule: ["at most 1224 characters"],
            },
        ],
    },
    {
        // STS's externalIdType: 2-1224 of [\w+=,.@:/-]; Cognito's own type allows any string.
        name: "externalId that STS would refuse is a warning (one character, a space, an accent)",
        inputs: smsWith(smsCfg({ externalId: "ext id" })),
        failures: [],
        warnings: [
            {
                property: "smsMfaConfiguration.smsConfiguration.externalId",
                rule: ["is not a valid sts:ExternalId", "[secret, 6 characters]"],
            },
        ],
    },
    {
        name: "snsCallerArn missing",
        inputs: smsWith(smsCfg({ snsCallerArn: undefined })),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.snsCallerArn", received: MISSING, rule: ["is required", "IAM role"] }],
    },
    {
        name: "snsCallerArn of 19",
        inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws:iam::1:role" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: "arn:aws:iam::1:role",
                rule: ["at least 20 characters", "it has 19"],
            },
        ],
    },
    {
        name: "snsCallerArn of 2049",
        inputs: smsWith(smsCfg({ snsCallerArn: ARN_PREFIX + long(2049 - 31) })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: ARN_PREFIX + long(2049 - 31),
                rule: ["at most 2048 characters", "it has 2049"],
            },
        ],
    },
    {
        name: "snsCallerArn not an ARN",
        inputs: smsWith(smsCfg({ snsCallerArn: "cognito-sms-role-name-only" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: "cognito-sms-role-name-only",
                rule: ["be an IAM role ARN", "arn:aws:iam::123456789012:role/"],
            },
        ],
    },
    {
        name: "snsCallerArn an SNS topic ARN",
        inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws:sns:us-east-1:123456789012:sms-topic" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: "arn:aws:sns:us-east-1:123456789012:sms-topic",
                rule: ["must be the ARN of an IAM role", ":role/"],
            },
        ],
    },
    {
        name: "snsCallerArn an IAM user ARN",
        inputs: smsWith(smsCfg({ snsCallerArn: "arn:aws:iam::123456789012:user/alice" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                received: "arn:aws:iam::123456789012:user/alice",
                rule: ["must be the ARN of an IAM role"],
            },
        ],
    },
    {
        name: "externalId missing (A9: 'Value null at smsConfiguration.externalId')",
        inputs: smsWith(smsCfg({ externalId: undefined })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.externalId",
                received: MISSING,
                rule: ["is required with SMS MFA", "sts:ExternalId"],
            },
        ],
    },
    {
        name: "externalId null",
        inputs: smsWith(smsCfg({ externalId: null })),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.externalId", received: null, rule: ["is required with SMS MFA"] }],
    },
    {
        name: "externalId empty",
        inputs: smsWith(smsCfg({ externalId: "" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.externalId",
                received: SECRET(0),
                rule: ["is required with SMS MFA", "sts:ExternalId"],
            },
        ],
    },
    {
        name: "externalId of 1225",
        inputs: smsWith(smsCfg({ externalId: long(1225) })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.externalId",
                received: SECRET(1225),
                rule: ["at most 1224 characters", "it has 1225"],
            },
        ],
    },
    {
        name: "externalId not a string",
        inputs: smsWith(smsCfg({ externalId: 42 })),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.externalId", received: 42, rule: ["must be a string"] }],
    },
    {
        name: "snsRegion of 4",
        inputs: smsWith(smsCfg({ snsRegion: "use1" })),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.snsRegion", received: "use1", rule: ["at least 5 characters"] }],
    },
    {
        name: "snsRegion of 33",
        inputs: smsWith(smsCfg({ snsRegion: `us-${long(29, "x")}-1` })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsRegion",
                received: `us-${long(29, "x")}-1`,
                rule: ["at most 32 characters"],
            },
        ],
    },
    {
        // botocore RegionCodeType is 5-32 characters with no pattern; the SMS settings guide names the SNS Regions a pool may use.
        name: "snsRegion outside the documented table for the pool's Region",
        inputs: smsWith(smsCfg({ snsRegion: "ap-northeast-1" })),
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration.snsRegion",
                received: "ap-northeast-1",
                rule: ['must be "us-east-1"', "SNS Regions AWS documents"],
            },
        ],
    },

    // --- TOTP ----------------------------------------------------------------------------------------
    {
        // The API makes Enabled optional; a block that does not enable TOTP means no TOTP.
        name: "TOTP block without enabled (no TOTP)",
        inputs: onSms({ softwareTokenMfaConfiguration: {} }),
        failures: [],
    },
    {
        name: "TOTP enabled null (no TOTP)",
        inputs: onSms({ softwareTokenMfaConfiguration: { enabled: null } }),
        failures: [],
    },
    {
        name: "TOTP enabled a string",
        inputs: onSms({ softwareTokenMfaConfiguration: { enabled: "true" } }),
        failures: [{ property: "softwareTokenMfaConfiguration.enabled", received: "true", rule: ["must be true or false"] }],
    },

    // --- email ------------------------------------------------------------------------------------------
    {
        name: "email message of 5",
        inputs: onSms({ emailMfaConfiguration: { message: "{###}" } }),
        failures: [{ property: "emailMfaConfiguration.message", received: "{###}", rule: ["at least 6 characters"] }],
    },
    {
        name: "email message of 20001",
        inputs: onSms({ emailMfaConfiguration: { message: long(19995, "漢") + PLACEHOLDER } }),
        failures: [
            {
                property: "emailMfaConfiguration.message",
                received: long(19995, "漢") + PLACEHOLDER,
                rule: ["at most 20000 characters", "it has 20001"],
            },
        ],
    },
    {
        name: "email message without {####}",
        inputs: onSms({ emailMfaConfiguration: { message: "Your code is ####" } }),
        failures: [{ property: "emailMfaConfiguration.message", received: "Your code is ####", rule: ["placeholder {####}"] }],
    },
    {
        name: "email message with a control character",
        inputs: onSms({ emailMfaConfiguration: { message: "Code {####}\u0007" } }),
        failures: [{ property: "emailMfaConfiguration.message", received: "Code {####}\u0007", rule: ["placeholder {####}"] }],
    },
    {
        name: "email message not a string",
        inputs: onSms({ emailMfaConfiguration: { message: 7 } }),
        failures: [{ property: "emailMfaConfiguration.message", received: 7, rule: ["must be a string"] }],
    },
    {
        name: "email subject empty",
        inputs: onSms({ emailMfaConfiguration: { subject: "" } }),
        failures: [{ property: "emailMfaConfiguration.subject", received: "", rule: ["at least 1 characters"] }],
    },
    {
        // The API model sets no length; CloudFormation documents 1-140.
        name: "email subject of 141 is a warning",
        inputs: onSms({ emailMfaConfiguration: { subject: long(141, "é") } }),
        failures: [],
        warnings: [{ property: "emailMfaConfiguration.subject", rule: ["longer than 140 characters", "CloudFormation"] }],
    },
    {
        // Java's \s is ASCII white space: U+3000 (ideographic space) is no letter, mark,
        // symbol, number or punctuation either.
        name: "email subject with U+3000",
        inputs: onSms({ emailMfaConfiguration: { subject: "Sign\u3000in" } }),
        failures: [{ property: "emailMfaConfiguration.subject", received: "Sign\u3000in", rule: ["ASCII white space"] }],
    },
    {
        name: "email message with U+00A0 (no-break space)",
        inputs: onSms({ emailMfaConfiguration: { message: "Your\u00A0code {####}" } }),
        failures: [{ property: "emailMfaConfiguration.message", received: "Your\u00A0code {####}", rule: ["{####}"] }],
    },
    {
        name: "email subject with a control character",
        inputs: onSms({ emailMfaConfiguration: { subject: "Sign-in\u0000code" } }),
        failures: [
            {
                property: "emailMfaConfiguration.subject",
                received: "Sign-in\u0000code",
                rule: ["letters, marks, digits, punctuation, symbols and ASCII white space"],
            },
        ],
    },

    // --- webAuthn ------------------------------------------------------------------------------------------
    {
        name: "relyingPartyId empty",
        inputs: inputs({ webAuthnConfiguration: { relyingPartyId: "" } }),
        failures: [{ property: "webAuthnConfiguration.relyingPartyId", received: "", rule: ["at least 1 characters"] }],
    },
    {
        name: "relyingPartyId of 128",
        inputs: inputs({ webAuthnConfiguration: { relyingPartyId: long(128) } }),
        failures: [
            { property: "webAuthnConfiguration.relyingPartyId", received: long(128), rule: ["at most 127 characters", "it has 128"] },
        ],
    },
    {
        name: "userVerification upper case",
        inputs: inputs({ webAuthnConfiguration: { userVerification: "REQUIRED" } }),
        failures: [
            { property: "webAuthnConfiguration.userVerification", received: "REQUIRED", rule: [`must be one of "required", "preferred"`] },
        ],
    },
    {
        name: "userVerification discouraged (WebAuthn value the API lacks)",
        inputs: inputs({ webAuthnConfiguration: { userVerification: "discouraged" } }),
        failures: [
            {
                property: "webAuthnConfiguration.userVerification",
                received: "discouraged",
                rule: [`must be one of "required", "preferred"`],
            },
        ],
    },
    {
        name: "factorConfiguration outside the enum",
        inputs: inputs({ webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR" } }),
        failures: [
            {
                property: "webAuthnConfiguration.factorConfiguration",
                received: "MULTI_FACTOR",
                rule: [`must be one of "SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"`],
            },
        ],
    },

    // --- cross-field rules (A1-A3) ------------------------------------------------------------------------------
    {
        name: "OFF + SMS is refused (A2)",
        inputs: off({ smsMfaConfiguration: SMS }),
        // Reported at the nested smsConfiguration: the engine prints a failing top-level property's value, secrets included.
        failures: [
            {
                property: "smsMfaConfiguration.smsConfiguration",
                received: SMS.smsConfiguration,
                rule: [`cannot be set while mfaConfiguration is "OFF"`, `"OPTIONAL" or "ON"`],
            },
        ],
    },
    {
        name: "OFF + empty email block is refused (TF #46801)",
        inputs: off({ emailMfaConfiguration: {} }),
        failures: [{ property: "emailMfaConfiguration", received: {}, rule: [`cannot be set while mfaConfiguration is "OFF"`] }],
    },
    {
        name: "OFF + TOTP enabled is refused",
        inputs: off({ softwareTokenMfaConfiguration: { enabled: true } }),
        failures: [
            {
                property: "softwareTokenMfaConfiguration",
                received: { enabled: true },
                rule: [`cannot be set while mfaConfiguration is "OFF"`],
            },
        ],
    },
    {
        // A TOTP block that does not enable TOTP is no TOTP, which OFF means anyway: normalized away.
        name: "OFF + TOTP block without enabled",
        inputs: off({ softwareTokenMfaConfiguration: {} }),
        failures: [],
    },
    {
        name: "OFF + SMS + email + TOTP names each block",
        inputs: off({
            smsMfaConfiguration: SMS,
            emailMfaConfiguration: { subject: "S" },
            softwareTokenMfaConfiguration: { enabled: true },
        }),
        failures: [
            { property: "smsMfaConfiguration.smsConfiguration", received: SMS.smsConfiguration, rule: [`"OFF"`] },
            { property: "emailMfaConfiguration", received: { subject: "S" }, rule: [`"OFF"`] },
            { property: "softwareTokenMfaConfiguration", received: { enabled: true }, rule: [`"OFF"`] },
        ],
    },
    {
        name: "ON with no factor (A1, aws-sdk-js #4186)",
        inputs: inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: undefined }),
        failures: [
            {
                property: "mfaConfiguration",
                received: "ON",
                rule: ['"ON" needs at least one MFA factor', "smsMfaConfiguration, emailMfaConfiguration or softwareTokenMfaConfiguration"],
            },
        ],
    },
    {
        name: "OPTIONAL with no factor",
        inputs: inputs({ softwareTokenMfaConfiguration: undefined }),
        failures: [{ property: "mfaConfiguration", received: "OPTIONAL", rule: ['"OPTIONAL" needs at least one MFA factor', '"OFF"'] }],
    },
    {
        name: "ON with only TOTP {enabled:false}",
        inputs: inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: false } }),
        failures: [{ property: "mfaConfiguration", received: "ON", rule: ["needs at least one MFA factor"] }],
    },
    {
        name: "ON with only webAuthn (A3, measured without FactorConfiguration)",
        inputs: inputs({
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: undefined,
            webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },
        }),
        failures: [
            {
                property: "mfaConfiguration",
                received: "ON",
                rule: ["needs at least one MFA factor", 'count only with factorConfiguration "MULTI_FACTOR_WITH_USER_VERIFICATION"'],
            },
        ],
    },
    {
        // No source says whether AWS accepts passkeys alone once they can satisfy MFA (S18).
        name: "OPTIONAL with only webAuthn MULTI_FACTOR_WITH_USER_VERIFICATION is a warning",
        inputs: inputs({
            softwareTokenMfaConfiguration: undefined,
            webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
        }),
        failures: [],
        warnings: [{ property: "mfaConfiguration", rule: ["passkeys (MULTI_FACTOR_WITH_USER_VERIFICATION) as the only factor"] }],
    },
    {
        name: "several independent failures are all reported",
        inputs: onSms({
            userPoolId: "nope",
            smsMfaConfiguration: { smsAuthenticationMessage: "no code", smsConfiguration: SMS_CFG },
            webAuthnConfiguration: { userVerification: "always" },
        }),
        failures: [
            { property: "userPoolId", received: "nope", rule: ['"<region>_<id>"'] },
            { property: "smsMfaConfiguration.smsAuthenticationMessage", received: "no code", rule: ["{####}"] },
            { property: "webAuthnConfiguration.userVerification", received: "always", rule: [`"required", "preferred"`] },
        ],
    },
];

describe("validate(): lengths, patterns, enums, unknown keys and cross-field rules", () => {
    test("the table has at least 40 cases", () => {
        assert.ok(validateCases.length >= 40, `only ${validateCases.length} cases`);
    });
    for (const c of validateCases) {
        test(c.name, c.todo ? { todo: c.todo } : {}, () => {
            const result = validateInputs(c.inputs);
            checkFailures(result.failures, c.failures);
            assert.deepEqual(validate(c.inputs), result.failures, "validate() gives the failures of validateInputs()");
            const expected = c.warnings ?? [];
            assert.equal(result.warnings.length, expected.length, `warnings: ${JSON.stringify(result.warnings, null, 1)}`);
            for (const w of expected) {
                assert.ok(
                    result.warnings.some((x) => x.startsWith(w.property) && w.rule.every((r) => x.includes(r))),
                    `no warning for ${w.property} with ${JSON.stringify(w.rule)}: ${JSON.stringify(result.warnings, null, 1)}`,
                );
            }
        });
    }
    test("validate does not modify its inputs", () => {
        const i = off({ smsMfaConfiguration: { ...SMS }, softwareTokenMfaConfiguration: { enabled: false } });
        const copy = JSON.parse(JSON.stringify(i)) as typeof i;
        validate(i);
        assert.deepEqual(i, copy);
    });
});

// A value that can only be checked at apply time must not fail preview, and neither may a rule that
// depends on it; other, known bad fields must still fail.
const U = UNKNOWN;
const unknownCases: ValidateCase[] = [
    { name: "userPoolId unknown", inputs: inputs({ userPoolId: U }), failures: [] },
    {
        name: "userPoolId unknown with region set: the region/prefix rule waits",
        inputs: inputs({ userPoolId: U, region: "eu-west-1" }),
        failures: [],
    },
    { name: "region unknown", inputs: inputs({ region: U }), failures: [] },
    { name: "deletePolicy unknown", inputs: inputs({ deletePolicy: U }), failures: [] },
    {
        name: "mfaConfiguration unknown with no factor",
        inputs: inputs({ mfaConfiguration: U, softwareTokenMfaConfiguration: undefined }),
        failures: [],
    },
    {
        name: "mfaConfiguration unknown with SMS + email + TOTP (OFF rule waits)",
        inputs: onSms({ mfaConfiguration: U, emailMfaConfiguration: {}, softwareTokenMfaConfiguration: { enabled: true } }),
        failures: [],
    },
    {
        name: "mfaConfiguration unknown with only webAuthn",
        inputs: inputs({ mfaConfiguration: U, softwareTokenMfaConfiguration: undefined, webAuthnConfiguration: WEBAUTHN_FULL }),
        failures: [],
    },
    { name: "ON + whole SMS block unknown", inputs: onSms({ smsMfaConfiguration: U }), failures: [] },
    { name: "ON + smsConfiguration unknown", inputs: onSms({ smsMfaConfiguration: { smsConfiguration: U } }), failures: [] },
    { name: "ON + smsAuthenticationMessage unknown", inputs: smsWith(SMS_CFG, U), failures: [] },
    {
        name: "ON + snsCallerArn, externalId and snsRegion unknown",
        inputs: smsWith({ snsCallerArn: U, externalId: U, snsRegion: U }),
        failures: [],
    },
    {
        name: "ON + only TOTP with enabled unknown",
        inputs: inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: U } }),
        failures: [],
    },
    { name: "ON + only TOTP block unknown", inputs: inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: U }), failures: [] },
    {
        name: "OPTIONAL + only email block unknown",
        inputs: inputs({ softwareTokenMfaConfiguration: undefined, emailMfaConfiguration: U }),
        failures: [],
    },
    {
        name: "ON + email message and subject unknown",
        inputs: inputs({
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: undefined,
            emailMfaConfiguration: { message: U, subject: U },
        }),
        failures: [],
    },
    { name: "webAuthn block unknown", inputs: inputs({ webAuthnConfiguration: U }), failures: [] },
    {
        name: "webAuthn fields unknown",
        inputs: inputs({ webAuthnConfiguration: { relyingPartyId: U, userVerification: U, factorConfiguration: U } }),
        failures: [],
    },
    { name: "OFF + TOTP block unknown", inputs: off({ softwareTokenMfaConfiguration: U }), failures: [] },
    {
        name: "OFF + TOTP with enabled unknown (it may resolve to false, which OFF accepts)",
        inputs: off({ softwareTokenMfaConfiguration: { enabled: U } }),
        failures: [],
    },
    {
        name: "OFF + whole SMS block unknown (it may resolve to undefined)",
        inputs: off({ smsMfaConfiguration: U }),
        failures: [],
    },
    {
        name: "OFF + whole email block unknown (it may resolve to undefined)",
        inputs: off({ emailMfaConfiguration: U }),
        failures: [],
    },
    // Known bad fields next to unknowns still fail.
    {
        name: "userPoolId unknown, mfaConfiguration bad",
        inputs: inputs({ userPoolId: U, mfaConfiguration: "on" }),
        failures: [{ property: "mfaConfiguration", received: "on", rule: [MFA_ENUM] }],
    },
    {
        name: "mfaConfiguration unknown, SMS message bad",
        inputs: { ...smsWith(SMS_CFG, "no placeholder"), mfaConfiguration: U },
        failures: [{ property: "smsMfaConfiguration.smsAuthenticationMessage", received: "no placeholder", rule: ["{####}"] }],
    },
    {
        name: "snsCallerArn unknown, externalId still required",
        inputs: smsWith({ snsCallerArn: U }),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration.externalId", received: MISSING, rule: ["is required"] }],
    },
    {
        name: "TOTP block unknown, email subject bad",
        inputs: inputs({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: U, emailMfaConfiguration: { subject: "" } }),
        failures: [{ property: "emailMfaConfiguration.subject", received: "", rule: ["at least 1"] }],
    },
    {
        name: "region unknown, userPoolId bad",
        inputs: inputs({ region: U, userPoolId: "bad id" }),
        failures: [{ property: "userPoolId", received: "bad id", rule: ['"<region>_<id>"'] }],
    },
    {
        name: "webAuthn relyingPartyId unknown, userVerification bad",
        inputs: inputs({ webAuthnConfiguration: { relyingPartyId: U, userVerification: "sometimes" } }),
        failures: [{ property: "webAuthnConfiguration.userVerification", received: "sometimes", rule: [`"required", "preferred"`] }],
    },
    {
        name: "OFF + known SMS block whose message is unknown is still refused",
        inputs: off({ smsMfaConfiguration: { smsAuthenticationMessage: U, smsConfiguration: SMS_CFG } }),
        failures: [{ property: "smsMfaConfiguration.smsConfiguration", received: SMS_CFG, rule: [`"OFF"`] }],
    },
    {
        name: "unknown top-level key is refused even when its value is unknown",
        inputs: inputs({ enabledMfas: U }),
        failures: [{ property: "enabledMfas", received: U, rule: ["is not a known property"] }],
    },
];

describe("validate(): preview with unknown values", () => {
    for (const c of unknownCases) {
        test(c.name, c.todo ? { todo: c.todo } : {}, () => {
            checkFailures(validate(c.inputs), c.failures);
        });
    }
});

describe("validate(): one failure per broken rule", () => {
    test('externalId "" breaks one rule and gets one failure', {}, () => {
        const got = validate(smsWith(smsCfg({ externalId: "" })));
        assert.equal(got.length, 1, JSON.stringify(got));
    });
});
