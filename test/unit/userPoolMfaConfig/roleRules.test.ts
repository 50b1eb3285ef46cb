// The pre-flight rules on the SMS role (roleRules.ts) and the IAM policy evaluation behind them
// (snsCallerRole/policyEvaluation.ts): pure, on role documents.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { roleNameOf } from "../../../provider/common/arn";
import { wildcardMatch } from "../../../provider/snsCallerRole/policyEvaluation";
import { roleRules } from "../../../provider/userPoolMfaConfig/roleRules";
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
    expect: string[];
}

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
    },
    {
        name: "no ExternalId condition accepts any ExternalId",
        trust: trust({ Effect: "Allow", Principal: cognito, Action: "sts:AssumeRole" }),
        perms: perms(publishAll),
        externalId: "anything",
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
            const failures = roleRules({ arn: ROLE_ARN, trustPolicy: c.trust, permissionPolicies: c.perms }, c.externalId);
            assert.deepEqual(props(failures), c.expect, JSON.stringify(failures, null, 1));
            for (const f of failures) {
                assert.ok(f.reason.startsWith(f.property), f.reason);
                assert.ok(f.reason.includes(ROLE_ARN), "names the role");
                if (c.externalId)
                    assert.ok(!f.reason.includes(c.externalId) || c.externalId === EXTERNAL_ID.toUpperCase(), "never shows the ExternalId");
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
});
