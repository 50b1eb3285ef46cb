// Unit tests of the SMS role's policy documents and their comparison (policies.ts). No I/O.
// Rules: /work/shared/reference/aws-mfa-api.md §4 (trust and permission policy).
import * as assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { partitionOfRegion } from "../../../provider/common/regions";
import {
    bootstrapTrustPolicyDocument,
    canonicalPolicy,
    PERMISSION_POLICY_DOCUMENT,
    policiesEqual,
    sourceArnFor,
    trustPolicyDocument,
} from "../../../provider/snsCallerRole/policies";

const POOL = "us-east-1_AbCdEf123";

describe("policy documents", () => {
    it("trust policy: exactly AWS's recommended document, pool-scoped", () => {
        const sourceArn = sourceArnFor("aws", "us-east-1", "123456789012", POOL);
        assert.equal(sourceArn, "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123");
        assert.equal(
            trustPolicyDocument({ externalId: "ext-1", accountId: "123456789012", sourceArn }),
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},' +
                '"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1","aws:SourceAccount":"123456789012"},' +
                '"ArnLike":{"aws:SourceArn":"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"}}}]}',
        );
    });

    it("trust policy without a pool trusts every pool of the account in the Region, in the Region's partition", () => {
        assert.equal(sourceArnFor("aws", "eu-west-1", "123456789012"), "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*");
        assert.equal(
            sourceArnFor(partitionOfRegion("cn-north-1"), "cn-north-1", "123456789012"),
            "arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/*",
        );
        assert.equal(partitionOfRegion("us-gov-west-1"), "aws-us-gov");
        assert.equal(partitionOfRegion("eu-central-2"), "aws");
    });

    it("bootstrap trust policy (account not yet known): Cognito and the ExternalId only", () => {
        assert.equal(
            bootstrapTrustPolicyDocument("ext-1"),
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},' +
                '"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1"}}}]}',
        );
    });

    it('permission policy: sns:Publish on "*" exactly', () => {
        assert.equal(
            PERMISSION_POLICY_DOCUMENT,
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}',
        );
    });
});

describe("policiesEqual", () => {
    const base = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] };
    const cases: [string, unknown, boolean][] = [
        ["same text", PERMISSION_POLICY_DOCUMENT, true],
        [
            "whitespace and key order",
            '{ "Statement" : [ { "Resource":"*", "Action":"sns:Publish", "Effect":"Allow" } ], "Version":"2012-10-17" }',
            true,
        ],
        [
            "single value vs one-element array",
            { Version: "2012-10-17", Statement: { Effect: "Allow", Action: ["sns:Publish"], Resource: ["*"] } },
            true,
        ],
        ["URL-encoded", encodeURIComponent(PERMISSION_POLICY_DOCUMENT), true],
        [
            "a narrower Resource",
            { ...base, Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:us-east-1:123456789012:t" }] },
            false,
        ],
        ["another action", { ...base, Statement: [{ Effect: "Allow", Action: "sns:*", Resource: "*" }] }, false],
        [
            "an extra statement",
            { ...base, Statement: [...base.Statement, { Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws:sns:*:*:*" }] },
            false,
        ],
        ["unparsable", "{", false],
    ];
    for (const [name, other, equal] of cases) {
        test(`${name}: ${equal ? "equal" : "different"}`, () => {
            assert.equal(policiesEqual(base, other as string), equal);
            assert.equal(policiesEqual(other as string, base), equal);
        });
    }
    test("list order does not matter; missing documents equal nothing", () => {
        assert.equal(policiesEqual({ Action: ["a", "b"] }, { Action: ["b", "a"] }), true);
        assert.equal(policiesEqual(undefined, base), false);
        assert.equal(policiesEqual(undefined, undefined), false);
        assert.deepEqual(canonicalPolicy({ b: [1], a: { d: ["y", "x"], c: 1 } }), { a: { c: 1, d: ["x", "y"] }, b: 1 });
    });
});
