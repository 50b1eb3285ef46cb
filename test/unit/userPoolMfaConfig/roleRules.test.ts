// The pre-flight rules on the SMS role (roleRules.ts) and the IAM policy evaluation behind them
// (common/policyEvaluation.ts): pure, on role documents.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { roleNameOf } from "../../../provider/common/arn";
import { hasExternalIdCondition, resourceCovers, wildcardMatch } from "../../../provider/common/policyEvaluation";
import { roleRules, SmsRolePath } from "../../../provider/userPoolMfaConfig/roleRules";
import { EXTERNAL_ID, GOOD_TRUST, ROLE_ARN } from "./badInputCatalogue";

const props = (fs: { property: string }[]) => fs.map((f) => f.property);

// ---------------------------------------------------------------------------------------------
// Pure: role rules

const trust = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const cognito = { Service: "cognito-idp.amazonaws.com" };
const perms = (...statements: object[]) => [
    { source: "inline policy p", document: JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
];
const publishAll = { Effect: "Allow", Action: "sns:Publish", Resource: "*" };
const ARN = "smsMfaConfiguration.smsConfiguration.snsCallerArn";
const EXT = "smsMfaConfiguration.smsConfiguration.externalId";

interface RoleCase {
    name: string;
    trust: string;
    perms?: { source: string; document: string }[];
    externalId?: string;
    /** The SMS path; the SNS path when unset. */
    path?: SmsRolePath;
    /** The properties of the failures, in order. */
    expect: string[];
    /** One pattern per warning, in order (none when unset). */
    warn?: RegExp[];
}

const EUMS_ARN = "smsMfaConfiguration.smsConfiguration.eumsSms.callerArn";
const EUMS_EXT = "smsMfaConfiguration.smsConfiguration.eumsSms.externalId";
const OI = "smsMfaConfiguration.smsConfiguration.eumsSms.originationIdentity";
const PHONE_ARN = "arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-a1b2c3d4e5f6EXAMPLE";
const eums = (originationIdentity?: string): SmsRolePath => ({ path: "eums", originationIdentity });
const send = (resource: unknown, extra: object = {}) => ({
    Effect: "Allow",
    Action: "sms-voice:SendTextMessage",
    Resource: resource,
    ...extra,
});
const NO_EXTERNAL_ID = /without an sts:ExternalId condition.*"your IAM role trust policy must have an sts:ExternalId condition"/;

const ROLE_CASES: RoleCase[] = [
    {
        name: "the SnsCallerRole shape passes",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll),
        externalId: EXTERNAL_ID,
        expect: [],
    },
    {
        name: "trust with SourceAccount / SourceArn too passes",
        trust: trust({
            Effect: "Allow",
            Principal: cognito,
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*" },
            },
        }),
        perms: perms(publishAll),
        externalId: EXTERNAL_ID,
        expect: [],
    },
    {
        name: "principal as a list of services",
        trust: trust({
            Effect: "Allow",
            Principal: { Service: ["lambda.amazonaws.com", "cognito-idp.amazonaws.com"] },
            Action: ["sts:AssumeRole"],
        }),
        perms: perms(publishAll),
        externalId: "x1",
        expect: [],
        warn: [NO_EXTERNAL_ID],
    },
    {
        name: "no ExternalId condition accepts any ExternalId, with a warning (M5)",
        trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole" }),
        perms: perms(publishAll),
        externalId: "anything",
        expect: [],
        warn: [NO_EXTERNAL_ID],
    },
    {
        name: "an ExternalId condition under another operator counts as a condition (no M5 warning)",
        trust: trust({
            Effect: "Allow",
            Principal: cognito,
            Action: "sts:AssumeRole",
            Condition: { StringEqualsIgnoreCase: { "STS:ExternalID": "Ext-1" } },
        }),
        perms: perms(publishAll),
        externalId: "ext-1",
        expect: [],
    },
    {
        name: "action sts:* admits AssumeRole",
        trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:*", Condition: { StringEquals: { "sts:ExternalId": "e1" } } }),
        externalId: "e1",
        expect: [],
    },
    {
        name: "StringLike pattern matches",
        trust: trust({
            Effect: "Allow",
            Principal: cognito,
            Action: "sts:AssumeRole",
            Condition: { StringLike: { "sts:ExternalId": "pool-*" } },
        }),
        externalId: "pool-42",
        expect: [],
    },
    {
        name: "StringLike pattern does not match",
        trust: trust({
            Effect: "Allow",
            Principal: cognito,
            Action: "sts:AssumeRole",
            Condition: { StringLike: { "sts:ExternalId": "pool-*" } },
        }),
        externalId: "other",
        expect: [EXT],
    },
    {
        name: "ExternalId in a list of allowed values",
        trust: trust({
            Effect: "Allow",
            Principal: cognito,
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": ["a1", "b2"] } },
        }),
        externalId: "b2",
        expect: [],
    },
    { name: "ExternalId differs", trust: JSON.stringify(GOOD_TRUST), externalId: "wrong", expect: [EXT] },
    { name: "ExternalId unknown at preview is not judged", trust: JSON.stringify(GOOD_TRUST), externalId: undefined, expect: [] },
    {
        name: "ExternalId compared case-sensitively",
        trust: JSON.stringify(GOOD_TRUST),
        externalId: EXTERNAL_ID.toUpperCase(),
        expect: [EXT],
    },
    {
        name: "Deny statement for Cognito does not admit",
        trust: trust({ Effect: "Deny", Principal: cognito, Action: "sts:AssumeRole" }),
        expect: [ARN],
    },
    {
        name: "another service only",
        trust: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
        expect: [ARN],
    },
    {
        name: "an account principal only",
        trust: trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }),
        expect: [ARN],
    },
    { name: "unparsable trust policy", trust: "{not json", expect: [ARN] },
    {
        name: "sns:* on *",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "sns:*", Resource: "*" }),
        expect: [],
    },
    { name: "* on *", trust: JSON.stringify(GOOD_TRUST), perms: perms({ Effect: "Allow", Action: "*", Resource: "*" }), expect: [] },
    {
        name: "action case differs (IAM actions are case-insensitive)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "SNS:publish", Resource: ["*"] }),
        expect: [],
    },
    {
        name: "NotAction that leaves sns:Publish allowed",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
        expect: [],
    },
    {
        name: "Allow with NotResource (a topic excluded) allows publishing to phone numbers (P11, no false refusal)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "sns:Publish", NotResource: "arn:aws:sns:eu-west-1:123456789012:alerts" }),
        expect: [],
    },
    {
        name: 'Allow with NotResource "*" allows nothing',
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "sns:Publish", NotResource: "*" }),
        expect: [ARN],
    },
    {
        name: "Deny with NotResource (a topic excluded) still denies phone numbers",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll, { Effect: "Deny", Action: "sns:Publish", NotResource: ["arn:aws:sns:*:*:allowed-topic"] }),
        expect: [ARN],
    },
    {
        name: 'Deny with NotResource "*" denies nothing',
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll, { Effect: "Deny", Action: "sns:Publish", NotResource: "*" }),
        expect: [],
    },
    {
        name: "Deny on one topic leaves phone numbers allowed",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll, { Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws:sns:eu-west-1:123456789012:alerts" }),
        expect: [],
    },
    {
        name: "Deny under a Condition is not counted",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll, {
            Effect: "Deny",
            Action: "sns:Publish",
            Resource: "*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
        expect: [],
    },
    {
        name: "the only Allow has a Condition: a warning, not a failure (M7)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ ...publishAll, Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
        expect: [],
        warn: [
            /allows sns:Publish only under a Condition \(inline policy p: \{"StringEquals":\{"aws:RequestedRegion":"eu-west-1"\}\}\).*remove the Condition/,
        ],
    },
    {
        name: "an unconditional Allow next to a conditional one: no warning",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ ...publishAll, Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }, publishAll),
        expect: [],
    },
    {
        name: "publish on a topic only",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:eu-west-1:123456789012:t" }),
        expect: [ARN],
    },
    { name: "no statements", trust: JSON.stringify(GOOD_TRUST), perms: [], expect: [ARN] },
    {
        name: "explicit Deny wins",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll, { Effect: "Deny", Action: "sns:Publish", Resource: "*" }),
        expect: [ARN],
    },
    { name: "permissions unreadable: the sns:Publish rule is skipped", trust: JSON.stringify(GOOD_TRUST), perms: undefined, expect: [] },
    // --- the End User Messaging SMS path (eumsSms.callerArn): sms-voice:SendTextMessage
    {
        name: "EUMS: SendTextMessage on * passes, with or without an origination identity",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send("*")),
        externalId: EXTERNAL_ID,
        path: eums(),
        expect: [],
    },
    {
        name: "EUMS: scoped to the phone number's ARN, originationIdentity that ARN passes",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(PHONE_ARN)),
        externalId: EXTERNAL_ID,
        path: eums(PHONE_ARN),
        expect: [],
    },
    {
        name: "EUMS: scoped with a wildcard that matches the ARN passes",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(["arn:aws:sms-voice:eu-west-1:123456789012:phone-number/*"])),
        path: eums(PHONE_ARN),
        expect: [],
    },
    {
        name: "EUMS: scoped to an ARN, originationIdentity an E.164 number fails (documented)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(PHONE_ARN)),
        path: eums("+12065550100"),
        expect: [OI],
    },
    {
        name: "EUMS: scoped to an ARN, originationIdentity another ARN fails",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(PHONE_ARN)),
        path: eums("arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-1"),
        expect: [OI],
    },
    {
        name: "EUMS: scoped to an ARN, no originationIdentity: a warning (not documented either way)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(PHONE_ARN)),
        path: eums(),
        expect: [],
        warn: [/allows sms-voice:SendTextMessage only on .*phone-number.*eumsSms\.originationIdentity is not set/],
    },
    {
        name: "EUMS: originationIdentity unknown at preview: the permission is not judged",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send(PHONE_ARN)),
        path: { path: "eums", originationIdentityUnknown: true },
        expect: [],
    },
    {
        name: "EUMS: a role that allows only sns:Publish fails (the direct path needs SendTextMessage)",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(publishAll),
        path: eums(),
        expect: [EUMS_ARN],
    },
    {
        name: "EUMS: sms-voice:* on * passes",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms({ Effect: "Allow", Action: "sms-voice:*", Resource: "*" }),
        path: eums("+12065550100"),
        expect: [],
    },
    {
        name: "EUMS: a Deny on the origination identity fails",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send("*"), { Effect: "Deny", Action: "sms-voice:SendTextMessage", Resource: PHONE_ARN }),
        path: eums(PHONE_ARN),
        expect: [EUMS_ARN],
    },
    {
        name: "EUMS: the only Allow has a Condition: a warning",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send("*", { Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } })),
        path: eums(),
        expect: [],
        warn: [/allows sms-voice:SendTextMessage only under a Condition/],
    },
    {
        name: "EUMS: the trust rules are the same, named at eumsSms",
        trust: JSON.stringify(GOOD_TRUST),
        perms: perms(send("*")),
        externalId: "wrong",
        path: eums(),
        expect: [EUMS_EXT],
    },
    {
        name: "EUMS: a trust without Cognito fails at eumsSms.callerArn",
        trust: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
        perms: perms(send("*")),
        path: eums(),
        expect: [EUMS_ARN],
    },
    {
        name: "EUMS: no ExternalId condition warns, naming eumsSms.callerArn",
        trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole" }),
        perms: perms(send("*")),
        path: eums(),
        expect: [],
        warn: [/eumsSms\.callerArn names role .*without an sts:ExternalId condition.*<externalId>/],
    },
    {
        name: "trust and permissions both wrong: two failures",
        trust: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
        perms: [],
        expect: [ARN, ARN],
    },
];

describe("pre-flight role rules (pure, role documents)", () => {
    for (const c of ROLE_CASES) {
        it(c.name, () => {
            const { failures, warnings } = roleRules(
                { arn: ROLE_ARN, trustPolicy: c.trust, permissionPolicies: c.perms },
                c.externalId,
                c.path,
            );
            assert.deepEqual(props(failures), c.expect, JSON.stringify(failures, null, 1));
            for (const f of failures) {
                assert.ok(f.reason.startsWith(f.property), f.reason);
                assert.ok(f.reason.includes(ROLE_ARN), "names the role");
                assert.match(f.reason, /\(received: .*\)$/, "ends with the value received");
                if (c.externalId)
                    assert.ok(!f.reason.includes(c.externalId) || c.externalId === EXTERNAL_ID.toUpperCase(), "never shows the ExternalId");
            }
            const expected = c.warn ?? [];
            assert.equal(warnings.length, expected.length, JSON.stringify(warnings, null, 1));
            expected.forEach((re, i) => assert.match(warnings[i], re));
            for (const w of warnings) {
                assert.match(w, /^pre-flight: /);
                assert.ok(w.includes(ROLE_ARN), "names the role");
                if (c.externalId) assert.ok(!w.includes(c.externalId), "never shows the ExternalId");
            }
        });
    }

    it("helpers: role names from ARNs with paths, wildcard matching", () => {
        assert.equal(roleNameOf("arn:aws:iam::123456789012:role/service-role/cognito-sms"), "cognito-sms");
        assert.equal(roleNameOf("arn:aws-cn:iam::123456789012:role/r"), "r");
        assert.equal(roleNameOf("arn:aws:sns:eu-west-1:123456789012:topic"), undefined);
        assert.ok(wildcardMatch("sns:Pub*", "sns:Publish"));
        assert.ok(wildcardMatch("sns:Publis?", "sns:Publish"));
        assert.ok(!wildcardMatch("sns:Pub", "sns:Publish"));
        assert.ok(!wildcardMatch("a.c", "abc"), "regex characters are literal");
    });

    it("helpers: resourceCovers and hasExternalIdCondition", () => {
        assert.ok(resourceCovers({ Resource: "*" }, "*"));
        assert.ok(!resourceCovers({ Resource: "arn:*" }, "*"), "a pattern is not the ARN-less request");
        assert.ok(resourceCovers({ Resource: "arn:*" }, PHONE_ARN));
        assert.ok(resourceCovers({ NotResource: ["arn:aws:sns:*:*:t"] }, "*"));
        assert.ok(!resourceCovers({ NotResource: "*" }, "*"));
        assert.ok(!resourceCovers({ NotResource: PHONE_ARN }, PHONE_ARN));
        assert.ok(!resourceCovers({}, "*"), "neither Resource nor NotResource covers nothing");
        assert.ok(hasExternalIdCondition({ Condition: { StringLike: { "sts:externalid": "x*" } } }));
        assert.ok(!hasExternalIdCondition({ Condition: { StringEquals: { "aws:SourceAccount": "1" } } }));
        assert.ok(!hasExternalIdCondition({}));
    });
});
