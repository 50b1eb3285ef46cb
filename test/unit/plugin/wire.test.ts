// The plugin's wire translation: secrets unwrapped with their paths and wrapped again, output
// values, unknowns, URNs.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../../provider/common/unknown";
import { OUTPUT_VALUE_SIG, parseUrn, SECRET_SIG, SIG_KEY, unwrap, withoutUndefined, wrap } from "../../../provider/plugin/wire";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("plugin wire values", () => {
    it("unwrap returns the plain value and every secret path; wrap puts them back", () => {
        const wire = {
            userPoolId: "us-east-1_x",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: "arn", externalId: secret("ext") } },
            tags: secret({ a: "b" }),
        };
        const { value, secrets } = unwrap(wire);
        assert.deepEqual(value, {
            userPoolId: "us-east-1_x",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: "arn", externalId: "ext" } },
            tags: { a: "b" },
        });
        assert.deepEqual([...secrets].sort(), ["smsMfaConfiguration.smsConfiguration.externalId", "tags"]);
        assert.deepEqual(wrap(value, secrets), wire);
    });

    it("wrap skips absent paths, nests a secret parent around a secret child, never wraps twice", () => {
        assert.deepEqual(wrap({ a: 1 }, ["b.c", "a.x"]), { a: 1 });
        assert.deepEqual(wrap({ a: { b: "x" } }, ["a", "a.b"]), { a: secret({ b: secret("x") }) });
        assert.deepEqual(wrap({ a: secret("x") }, ["a"]), { a: secret("x") });
    });

    it("an output value without a value is unknown; its secret flag counts", () => {
        const { value, secrets } = unwrap({
            a: { [SIG_KEY]: OUTPUT_VALUE_SIG, secret: true },
            b: { [SIG_KEY]: OUTPUT_VALUE_SIG, value: "v" },
        });
        assert.deepEqual(value, { a: UNKNOWN, b: "v" });
        assert.deepEqual([...secrets], ["a"]);
    });

    it("withoutUndefined drops undefined members deep", () => {
        assert.deepEqual(withoutUndefined({ a: undefined, b: { c: undefined, d: 1 }, e: [1] }), { b: { d: 1 }, e: [1] });
    });

    it("parseUrn: stack, project, the resource's own type, a name with ::", () => {
        assert.deepEqual(parseUrn("urn:pulumi:dev::proj::cognito-mfa:index:UserPoolMfaConfig::mfa"), {
            stack: "dev",
            project: "proj",
            type: "cognito-mfa:index:UserPoolMfaConfig",
            name: "mfa",
        });
        assert.equal(
            parseUrn("urn:pulumi:s::p::my:index:Comp$cognito-mfa:index:SnsCallerRole::a::b").type,
            "cognito-mfa:index:SnsCallerRole",
        );
        assert.equal(parseUrn("urn:pulumi:s::p::t::a::b").name, "a::b");
        assert.throws(() => parseUrn("nope"), /not a resource URN/);
    });
});
