// Unit tests of validateRole (validate.ts). No I/O. Rules: IAM API reference for
// CreateRole/TagRole (name, path, description, boundary, tag limits), STS for the ExternalId.
import * as assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { UNKNOWN } from "../../../provider/common/unknown";
import { Failure } from "../../../provider/common/validator";
import { GENERATE_EXTERNAL_ID } from "../../../provider/snsCallerRole/model";
import { validateRole, validateRoleInputs } from "../../../provider/snsCallerRole/validate";

const POOL = "us-east-1_AbCdEf123";

describe("validateRole", () => {
    function one(inputs: Record<string, unknown>): Failure {
        const f = validateRole({ namePrefix: "sms-", ...inputs });
        assert.equal(f.length, 1, JSON.stringify(f));
        return f[0];
    }

    const valid: Record<string, unknown>[] = [
        { roleName: "a", namePrefix: undefined },
        { roleName: "A+=,.@_-z".padEnd(64, "x"), namePrefix: undefined },
        { path: "/" },
        { path: "/service-role/" },
        { path: "/a/b/c/" },
        { description: "" },
        { description: "Cognito SMS role\n\tused by pool X (ü)" },
        { permissionsBoundary: "arn:aws:iam::123456789012:policy/boundary" },
        { permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess" },
        { permissionsBoundary: "arn:aws-us-gov:iam::123456789012:policy/team/boundary" },
        { tags: { env: "prod", "a b:c/d=e+f-g@h_i.j": "", Ünïcode: "välue" } },
        { tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])) },
        { externalId: "ab" },
        { externalId: "x".repeat(1224) },
        { externalId: "A+=,.@:/_-z" },
        { userPoolId: POOL, region: "us-east-1" },
        { userPoolId: POOL },
        { accountId: "123456789012" },
        { forceDelete: true },
        { __provider: "code" },
    ];
    for (const v of valid) {
        test(`accepts ${JSON.stringify(v).slice(0, 80)}`, () => {
            const inputs = { namePrefix: "sms-", ...v };
            for (const [k, x] of Object.entries(inputs)) if (x === undefined) delete (inputs as Record<string, unknown>)[k];
            assert.deepEqual(validateRole(inputs), []);
        });
    }

    const invalid: [string, Record<string, unknown>, string, RegExp][] = [
        ["roleName too long", { roleName: "x".repeat(65), namePrefix: undefined }, "roleName", /at most 64 characters/],
        ["roleName with a slash", { roleName: "a/b", namePrefix: undefined }, "roleName", /letters, digits and \+ = , \. @ _ -/],
        ["roleName empty", { roleName: "", namePrefix: undefined }, "roleName", /at least 1/],
        ["namePrefix too long", { namePrefix: "x".repeat(39) }, "namePrefix", /at most 38 characters/],
        ["namePrefix with a space", { namePrefix: "a b" }, "namePrefix", /letters, digits/],
        ["both roleName and namePrefix", { roleName: "r" }, "namePrefix", /cannot be set together with roleName/],
        ["neither", { namePrefix: undefined }, "roleName", /or namePrefix is required/],
        ["path without trailing slash", { path: "/a" }, "path", /start and end with "\/"/],
        ["path without leading slash", { path: "a/" }, "path", /start and end with/],
        ["path with a space", { path: "/a b/" }, "path", /printable ASCII/],
        ["path too long", { path: "/" + "a".repeat(511) + "/" }, "path", /at most 512/],
        ["description too long", { description: "x".repeat(1001) }, "description", /at most 1000/],
        ["description with emoji", { description: "hi 😀" }, "description", /printable Latin-1/],
        [
            "boundary not a policy ARN",
            { permissionsBoundary: "arn:aws:iam::123456789012:role/boundary" },
            "permissionsBoundary",
            /ARN of a managed policy/,
        ],
        [
            "too many tags",
            { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) },
            "tags",
            /at most 50 keys \(it has 51\)/,
        ],
        ["tag key reserved", { tags: { "aws:x": "v" } }, "tags.aws:x", /reserved for AWS/],
        ["tag key invalid char", { tags: { "a*b": "v" } }, "tags.a*b", /letters, digits, spaces/],
        ["tag key too long", { tags: { ["k".repeat(129)]: "v" } }, `tags.${"k".repeat(129)}`, /at most 128/],
        ["tag value too long", { tags: { k: "v".repeat(257) } }, "tags.k", /at most 256/],
        ["tag value invalid", { tags: { k: "a|b" } }, "tags.k", /letters, digits, spaces/],
        ["tag keys differing in case", { tags: { Env: "a", env: "b" } }, "tags.env", /differs only in case from "Env"/],
        ["tags not a map", { tags: ["a"] }, "tags", /map of tag keys/],
        ["externalId too short", { externalId: "a" }, "externalId", /at least 2/],
        ["externalId too long", { externalId: "x".repeat(1225) }, "externalId", /at most 1224/],
        ["externalId with a space", { externalId: "a b" }, "externalId", /characters sts:ExternalId allows/],
        ["userPoolId malformed", { userPoolId: "pool" }, "userPoolId", /<region>_<id>/],
        ["region too short", { region: "eu" }, "region", /at least 5 characters/],
        ["sender unknown", { sender: "pinpoint" }, "sender", /must be one of "sns", "eumsSms"/],
        [
            "originationIdentity without sender eumsSms",
            { originationIdentity: "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1" },
            "originationIdentity",
            /goes with sender "eumsSms"/,
        ],
        ["originationIdentity not an ARN", { sender: "eumsSms", originationIdentity: "+12065550100" }, "originationIdentity", /be the ARN/],
        ["tag value null (IAM's Tag.Value is required)", { tags: { team: null } }, "tags.team", /value is required/],
        ["accountId not 12 digits", { accountId: "1234" }, "accountId", /12-digit/],
        ["forceDelete not boolean", { forceDelete: "yes" }, "forceDelete", /true or false/],
        ["unknown key", { roleArn: "x" }, "roleArn", /not a known property; allowed: roleName, namePrefix/],
    ];
    test("a region other than the pool id's is a warning, not a refusal (multi-Region replicas)", () => {
        const r = validateRoleInputs({ namePrefix: "sms-", userPoolId: POOL, region: "eu-west-1" });
        assert.deepEqual(r.failures, []);
        assert.equal(r.warnings.length, 1);
        assert.match(r.warnings[0], /^region differs from the Region in the pool id \(us-east-1_AbCdEf123 is in us-east-1\)/);
    });
    test("sender eumsSms with an origination identity ARN", () => {
        assert.deepEqual(
            validateRole({
                namePrefix: "sms-",
                sender: "eumsSms",
                originationIdentity: "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1",
            }),
            [],
        );
    });
    for (const [name, inputs, property, reason] of invalid) {
        test(`refuses ${name}, naming ${property}`, () => {
            const cleaned = { namePrefix: "sms-", ...inputs };
            for (const [k, x] of Object.entries(cleaned)) if (x === undefined) delete (cleaned as Record<string, unknown>)[k];
            const f = validateRole(cleaned);
            assert.equal(f.length, 1, JSON.stringify(f));
            assert.equal(f[0].property, property);
            assert.match(f[0].reason, reason);
            assert.match(f[0].reason, /\(received: /);
        });
    }

    it("failures say what was received, but never the ExternalId itself", () => {
        assert.equal(
            one({ externalId: "a" }).reason,
            "externalId must be at least 2 characters long (it has 1) (received: [secret, 1 characters])",
        );
        assert.ok(!one({ externalId: "bad id with spaces" }).reason.includes("bad id with spaces"));
        assert.equal(one({ path: "/a" }).reason.endsWith('(received: "/a")'), true);
    });

    it("skips unknown values (preview) everywhere", () => {
        const unknowns = {
            roleName: UNKNOWN,
            path: UNKNOWN,
            description: UNKNOWN,
            permissionsBoundary: UNKNOWN,
            tags: { a: UNKNOWN },
            externalId: UNKNOWN,
            userPoolId: UNKNOWN,
            region: UNKNOWN,
            accountId: UNKNOWN,
            forceDelete: UNKNOWN,
        };
        assert.deepEqual(validateRole(unknowns), []);
        assert.deepEqual(validateRole({ namePrefix: "sms-", tags: UNKNOWN, region: "eu-west-1", userPoolId: UNKNOWN }), []);
    });

    it("the generate marker is not an ExternalId of length 0", () => {
        assert.deepEqual(validateRole({ namePrefix: "sms-", externalId: GENERATE_EXTERNAL_ID }), []);
    });
});
