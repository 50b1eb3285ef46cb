// Unit tests of the pure SNS caller role model: name rules, ExternalId generation, tags and the
// other helpers (model.ts, common/arn.ts, common/regions.ts). No I/O.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../../provider/common/unknown";
import { accountOf } from "../../../provider/common/arn";
import { OWNER_TAG_KEY, ownerTagValue } from "../../../provider/common/tags";
import {
    defaultNamePrefix,
    GENERATE_EXTERNAL_ID,
    generateExternalId,
    generateRoleName,
    inputKeysOf,
    MANAGED_TAG_KEYS,
    NAME_PREFIX_MAX,
    NAME_SUFFIX_LENGTH,
    randomNameSuffix,
    ROLE_INSTANCE_TAG,
    ROLE_NAME_MAX,
    ROLE_NAME_PATTERN,
    roleNameFor,
    roleNameFromPrefix,
    SnsCallerRoleInputs,
    tagsEqual,
    userTagsOf,
    withExternalId,
} from "../../../provider/snsCallerRole/model";
import { validateRole } from "../../../provider/snsCallerRole/validate";
import { snsCallerRoleProvider } from "../../../provider/snsCallerRole/provider";
import { managedTags } from "../../../provider/snsCallerRole/roleSpec";

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
        // The key test/reliability/ownership.test.ts finds on the pools.
        assert.deepEqual(managedTags("proj/dev/sms", undefined), { "pulumi-cognito-mfa:owner": "proj/dev/sms" });
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

describe("helpers", () => {
    it("accountOf reads account and partition from role and pool ARNs", () => {
        assert.deepEqual(accountOf("arn:aws:iam::123456789012:role/svc/r"), { accountId: "123456789012", partition: "aws" });
        assert.deepEqual(accountOf("arn:aws-cn:cognito-idp:cn-north-1:210987654321:userpool/cn-north-1_x"), {
            accountId: "210987654321",
            partition: "aws-cn",
        });
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
        const live = { team: "id", [OWNER_TAG_KEY]: "p/s/r", [ROLE_INSTANCE_TAG]: "abc" };
        assert.deepEqual(userTagsOf(live), { team: "id" });
        assert.equal(tagsEqual(live, { team: "id" }), true);
        assert.equal(tagsEqual({ [OWNER_TAG_KEY]: "p/s/r" }, undefined), true);
        assert.equal(tagsEqual(live, { team: "x" }), false);
        assert.deepEqual([...MANAGED_TAG_KEYS], [OWNER_TAG_KEY, ROLE_INSTANCE_TAG]);
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
