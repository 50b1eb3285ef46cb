// Unit tests of the pure SNS caller role model: exact documents, name rules, ExternalId
// generation, validation, policy comparison. No I/O.
// Rules: /work/shared/reference/aws-mfa-api.md §4 (trust and permission policy), IAM API
// reference for CreateRole/TagRole (name, path, description, boundary, tag limits).
import * as assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { UNKNOWN } from "../../../provider/common/unknown";
import { Failure } from "../../../provider/common/validator";
import { accountOf } from "../../../provider/common/arn";
import { partitionOfRegion } from "../../../provider/common/regions";
import { defaultNamePrefix, GENERATE_EXTERNAL_ID, generateExternalId, generateRoleName, inputKeysOf, MANAGED_TAG_KEYS, NAME_PREFIX_MAX, NAME_SUFFIX_LENGTH, ownerTagValue, randomNameSuffix, ROLE_INSTANCE_TAG, ROLE_NAME_MAX, ROLE_NAME_PATTERN, ROLE_OWNER_TAG, roleNameFor, roleNameFromPrefix, SnsCallerRoleInputs, tagsEqual, userTagsOf, withExternalId } from "../../../provider/snsCallerRole/model";
import { bootstrapTrustPolicyDocument, canonicalPolicy, decodePolicyDocument, PERMISSION_POLICY_DOCUMENT, policiesEqual, sourceArnFor, trustPolicyDocument } from "../../../provider/snsCallerRole/policies";
import { validateRole } from "../../../provider/snsCallerRole/validate";
import { snsCallerRoleProvider } from "../../../provider/snsCallerRole/provider";
import { OWNER_TAG } from "../../../provider/aws/cognito";

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
        assert.equal(sourceArnFor(partitionOfRegion("cn-north-1"), "cn-north-1", "123456789012"), "arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/*");
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

    it("permission policy: sns:Publish on \"*\" exactly", () => {
        assert.equal(PERMISSION_POLICY_DOCUMENT, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}');
    });

    it("decodes the URL-encoded documents IAM returns, and leaves plain JSON alone", () => {
        const encoded = encodeURIComponent(PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument(encoded), PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument(PERMISSION_POLICY_DOCUMENT), PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument('{ "a" : 1 }'), '{"a":1}');
        // A literal "%" in plain JSON is not an encoding.
        assert.equal(decodePolicyDocument('{"a":"100%"}'), '{"a":"100%"}');
        assert.equal(decodePolicyDocument("not json"), "not json");
    });
});

describe("policiesEqual", () => {
    const base = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] };
    const cases: [string, unknown, boolean][] = [
        ["same text", PERMISSION_POLICY_DOCUMENT, true],
        ["whitespace and key order", '{ "Statement" : [ { "Resource":"*", "Action":"sns:Publish", "Effect":"Allow" } ], "Version":"2012-10-17" }', true],
        ["single value vs one-element array", { Version: "2012-10-17", Statement: { Effect: "Allow", Action: ["sns:Publish"], Resource: ["*"] } }, true],
        ["URL-encoded", encodeURIComponent(PERMISSION_POLICY_DOCUMENT), true],
        ["a narrower Resource", { ...base, Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:us-east-1:123456789012:t" }] }, false],
        ["another action", { ...base, Statement: [{ Effect: "Allow", Action: "sns:*", Resource: "*" }] }, false],
        ["an extra statement", { ...base, Statement: [...base.Statement, { Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws:sns:*:*:*" }] }, false],
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

describe("role names", () => {
    it("namePrefix + a 26-character random suffix from the CSPRNG, valid as a role name", () => {
        const names = new Set<string>();
        for (let i = 0; i < 50; i++) {
            const n = generateRoleName("a".repeat(NAME_PREFIX_MAX));
            assert.equal(n.length, 64);
            assert.match(n, /^a{38}[a-z2-7]{26}$/);
            names.add(n);
        }
        assert.equal(names.size, 50);
        assert.equal(randomNameSuffix().length, NAME_SUFFIX_LENGTH);
    });

    it("the name is a deterministic function of prefix and suffix", () => {
        assert.equal(roleNameFromPrefix("sms-", "abc"), "sms-abc");
    });

    it("with an owner the generated name is deterministic: same owner, same name; another owner, prefix or path, another name", () => {
        const owner = "proj/dev/sms";
        const a = roleNameFor("sms-", owner, "/");
        assert.match(a, /^sms-[a-z2-7]{26}$/);
        assert.equal(roleNameFor("sms-", owner, "/"), a, "a repeated create picks the same name");
        assert.equal(roleNameFor("sms-", owner), a, "the path defaults to /");
        const others = [
            roleNameFor("sms-", "proj/prod/sms", "/"),
            roleNameFor("sms-", "proj/dev/sms2", "/"),
            roleNameFor("sms-", "other/dev/sms", "/"),
            roleNameFor("sms-", owner, "/service-role/"),
        ];
        for (const o of others) assert.notEqual(o, a);
        assert.equal(new Set(others).size, others.length);
        // Another prefix: another suffix too, not only another head.
        assert.notEqual(roleNameFor("sms2-", owner, "/").slice(-NAME_SUFFIX_LENGTH), a.slice(-NAME_SUFFIX_LENGTH));
    });

    it("owned names stay within 64 characters and IAM's name pattern for the longest prefix and owner", () => {
        const longOwner = ownerTagValue("p".repeat(200), "s".repeat(200), "r".repeat(200));
        assert.equal(longOwner.length, 256);
        for (const prefix of ["a", "a".repeat(NAME_PREFIX_MAX), defaultNamePrefix("x".repeat(100))]) {
            const n = roleNameFor(prefix, longOwner, "/");
            assert.ok(n.length <= ROLE_NAME_MAX, `${n.length} characters`);
            assert.equal(n.length, prefix.length + NAME_SUFFIX_LENGTH);
            assert.match(n, ROLE_NAME_PATTERN);
        }
        assert.equal(roleNameFor("a".repeat(NAME_PREFIX_MAX), longOwner).length, 64);
    });

    it("without an owner (direct provider use, old states) the suffix stays random", () => {
        assert.notEqual(roleNameFor("sms-", undefined), roleNameFor("sms-", undefined));
        assert.notEqual(roleNameFor("sms-", ""), roleNameFor("sms-", ""));
    });

    it("the owner is <project>/<stack>/<name> in IAM's tag value alphabet, the key the pools use", () => {
        assert.equal(ownerTagValue("proj", "dev", "sms"), "proj/dev/sms");
        assert.equal(ownerTagValue("proj", "org#dev", "my role*"), "proj/org_dev/my role_");
        assert.equal(ROLE_OWNER_TAG, OWNER_TAG);
    });

    it("the default prefix is the resource name with IAM-invalid characters replaced", () => {
        assert.equal(defaultNamePrefix("sms"), "sms-");
        assert.equal(defaultNamePrefix("my role/with:colons"), "my-role-with-colons-");
        const long = defaultNamePrefix("x".repeat(100));
        assert.equal(long.length, NAME_PREFIX_MAX);
        assert.deepEqual(validateRole({ namePrefix: long }), []);
    });
});

describe("ExternalId", () => {
    it("is a UUID from the CSPRNG, valid for sts:ExternalId", () => {
        const id = generateExternalId();
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.notEqual(generateExternalId(), id);
        assert.deepEqual(validateRole({ namePrefix: "x-", externalId: id }), []);
    });

    it("check generates one when neither the program nor the old inputs have one, and then keeps it", async () => {
        const provider = snsCallerRoleProvider();
        const first = await provider.check!({}, { namePrefix: "sms-", externalId: GENERATE_EXTERNAL_ID });
        assert.deepEqual(first.failures, []);
        const id = first.inputs!.externalId!;
        assert.match(id, /^[0-9a-f-]{36}$/);
        // Next preview / up: olds are the checked inputs of the previous run.
        const second = await provider.check!(first.inputs!, { namePrefix: "sms-", externalId: GENERATE_EXTERNAL_ID });
        assert.equal(second.inputs!.externalId, id);
        // And again after an unrelated change.
        const third = await provider.check!(second.inputs!, { namePrefix: "sms-", description: "x" });
        assert.equal(third.inputs!.externalId, id);
        // A program that has never been applied gets a fresh one on each preview (olds empty).
        const other = await provider.check!({}, { namePrefix: "sms-" });
        assert.notEqual(other.inputs!.externalId, id);
    });

    it("a given ExternalId wins, unknown ones are left for later", () => {
        assert.equal(withExternalId({ externalId: "old-1" }, { externalId: "new-1" }).externalId, "new-1");
        assert.equal(withExternalId({ externalId: "old-1" }, { externalId: UNKNOWN }).externalId, UNKNOWN);
        assert.equal(withExternalId({ externalId: UNKNOWN }, {}).externalId!.length, 36);
        assert.equal(withExternalId(undefined, {}).externalId!.length, 36);
    });
});

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
        ["boundary not a policy ARN", { permissionsBoundary: "arn:aws:iam::123456789012:role/boundary" }, "permissionsBoundary", /ARN of a managed policy/],
        ["too many tags", { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, "tags", /at most 50 keys \(it has 51\)/],
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
        ["region malformed", { region: "USEAST1" }, "region", /AWS Region code/],
        ["region other than the pool's", { userPoolId: POOL, region: "eu-west-1" }, "region", /pool us-east-1_AbCdEf123 is in us-east-1/],
        ["accountId not 12 digits", { accountId: "1234" }, "accountId", /12-digit/],
        ["forceDelete not boolean", { forceDelete: "yes" }, "forceDelete", /true or false/],
        ["unknown key", { roleArn: "x" }, "roleArn", /not a known property; allowed: roleName, namePrefix/],
    ];
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
        assert.equal(one({ externalId: "a" }).reason, "externalId must be at least 2 characters long (it has 1) (received: [secret, 1 characters])");
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

describe("helpers", () => {
    it("accountOf reads account and partition from role and pool ARNs", () => {
        assert.deepEqual(accountOf("arn:aws:iam::123456789012:role/svc/r"), { accountId: "123456789012", partition: "aws" });
        assert.deepEqual(accountOf("arn:aws-cn:cognito-idp:cn-north-1:210987654321:userpool/cn-north-1_x"), { accountId: "210987654321", partition: "aws-cn" });
        assert.equal(accountOf("arn:aws:iam::aws:policy/x"), undefined);
        assert.equal(accountOf(undefined), undefined);
    });

    it("tagsEqual treats missing as empty; inputKeysOf lists the args that are set", () => {
        assert.equal(tagsEqual(undefined, {}), true);
        assert.equal(tagsEqual({ a: "1" }, { a: "2" }), false);
        const i: SnsCallerRoleInputs = { namePrefix: "x-", externalId: "e1", forceDelete: false };
        assert.deepEqual(inputKeysOf(i), ["namePrefix", "externalId", "forceDelete"]);
        assert.deepEqual(inputKeysOf({ ...i, __owner: "p/s/r" }), ["namePrefix", "externalId", "forceDelete"], "__owner is not a user arg");
    });

    it("the owner and instance tags are the provider's: not in the tags output, not drift", () => {
        const live = { team: "id", [ROLE_OWNER_TAG]: "p/s/r", [ROLE_INSTANCE_TAG]: "abc" };
        assert.deepEqual(userTagsOf(live), { team: "id" });
        assert.equal(tagsEqual(live, { team: "id" }), true);
        assert.equal(tagsEqual({ [ROLE_OWNER_TAG]: "p/s/r" }, undefined), true);
        assert.equal(tagsEqual(live, { team: "x" }), false);
        assert.deepEqual([...MANAGED_TAG_KEYS], [ROLE_OWNER_TAG, ROLE_INSTANCE_TAG]);
    });

    it("validation: the provider's tag keys are reserved, and with an owner 48 user tags fit", () => {
        const reserved = validateRole({ namePrefix: "x-", tags: { "Pulumi-Cognito-MFA:Owner": "me" } });
        assert.equal(reserved.length, 1);
        assert.match(reserved[0].reason, /key is reserved/);
        const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, "v"]));
        assert.deepEqual(validateRole({ namePrefix: "x-", tags }), [], "49 without an owner (old behaviour: 50)");
        const owned = validateRole({ namePrefix: "x-", tags, __owner: "p/s/r" });
        assert.equal(owned.length, 1);
        assert.match(owned[0].reason, /at most 48 keys/);
        const { k48: _dropped, ...fits } = tags;
        assert.deepEqual(validateRole({ namePrefix: "x-", tags: fits, __owner: "p/s/r" }), []);
    });
});
