// The plugin's translation around the dynamic providers, on the calls that make no AWS call
// (SnsCallerRole's check and diff): what the resource class adds in a Node.js program is added
// from the URN, secrets come back wrapped where they went in and where the schema says, and an
// unknown resource type is refused. The AWS side runs in test/e2e/plugin.test.ts against moto.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pluginProvider } from "../../../provider/plugin/adapter";
import { MFA_TOKEN, packageSchema, ROLE_TOKEN } from "../../../provider/plugin/schema";
import { SECRET_SIG, SIG_KEY } from "../../../provider/plugin/wire";
import { UNKNOWN } from "../../../provider/common/unknown";

const p = pluginProvider("0.1.0", packageSchema("0.1.0"));
const urn = `urn:pulumi:dev::proj::${ROLE_TOKEN}::sms`;
const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
type Inputs = Record<string, unknown>;

describe("plugin adapter", () => {
    it("serves the version and the schema", () => {
        assert.equal(p.version, "0.1.0");
        assert.equal((JSON.parse(p.schema!) as { name: string }).name, "cognito-mfa");
    });

    it("SnsCallerRole check: default namePrefix, __owner from the URN, a generated ExternalId as a secret", async () => {
        const r = await p.check!(urn, {}, { userPoolId: "us-east-1_AbCdEf123" });
        assert.deepEqual(r.failures, []);
        const inputs = r.inputs as Inputs;
        assert.equal(inputs.namePrefix, "sms-");
        assert.equal(inputs.__owner, "proj/dev/sms");
        const ext = inputs.externalId as Inputs;
        assert.equal(ext[SIG_KEY], SECRET_SIG);
        assert.match(String(ext.value), /^[0-9a-f-]{36}$/);

        // The next check keeps the generated ExternalId (olds arrive wrapped too).
        const again = await p.check!(urn, inputs, { userPoolId: "us-east-1_AbCdEf123" });
        assert.deepEqual((again.inputs as Inputs).externalId, ext);
    });

    it("configure takes the plugin's settings: with ownerTag off, UserPoolMfaConfig's check adds no __owner (no tag to write)", async () => {
        const q = pluginProvider("0.1.0", packageSchema("0.1.0"));
        const mfaUrn = `urn:pulumi:dev::proj::${MFA_TOKEN}::mfa`;
        const news = { userPoolId: "us-east-1_AbCdEf123", mfaConfiguration: "OFF" };
        // preflight off: check makes no AWS call here (the live checks run in test/e2e/plugin.test.ts).
        await q.configure({ preflight: "false" });
        assert.equal(((await q.check!(mfaUrn, {}, news)).inputs as Inputs).__owner, "proj/dev/mfa");
        await q.configure({ preflight: "false", ownerTag: "false" });
        const off = (await q.check!(mfaUrn, {}, news)).inputs as Inputs;
        assert.ok(!("__owner" in off), JSON.stringify(off));
        // SnsCallerRole's owner names its own role (create finds it again by it): the setting leaves it.
        assert.equal(((await q.check!(urn, {}, {})).inputs as Inputs).__owner, "proj/dev/sms");
        await q.configure({ preflight: "false", ownerTag: "true" });
        assert.equal(((await q.check!(mfaUrn, {}, news)).inputs as Inputs).__owner, "proj/dev/mfa");
    });

    it("check keeps the program's secrets secret and its names; failures come back as failures", async () => {
        const r = await p.check!(urn, {}, { roleName: "my-role", tags: secret({ team: "a" }) });
        const inputs = r.inputs as Inputs;
        assert.equal(inputs.namePrefix, undefined);
        assert.deepEqual(inputs.tags, secret({ team: "a" }));
        const bad = await p.check!(urn, {}, { roleName: "x", namePrefix: "y-" });
        assert.ok((bad.failures ?? []).length > 0, "roleName with namePrefix is refused");
    });

    it("SnsCallerRole diff sees unwrapped values: the same secret ExternalId is no change, an unknown path a replacement", async () => {
        const olds = {
            roleName: "sms-abc",
            namePrefix: "sms-",
            path: "/",
            externalId: secret("e"),
            tags: {},
            region: "us-east-1",
            forceDelete: false,
            __owner: "proj/dev/sms",
        };
        const news = { namePrefix: "sms-", externalId: secret("e"), __owner: "proj/dev/sms" };
        const same = await p.diff!("sms-abc", urn, olds, news);
        assert.equal(same.replaces?.includes("path"), false);
        const unknownPath = await p.diff!("sms-abc", urn, olds, { ...news, path: UNKNOWN });
        assert.equal(unknownPath.changes, true);
        assert.deepEqual(unknownPath.replaces, ["path"]);
    });

    it("refuses a type it does not serve", async () => {
        await assert.rejects(
            p.check!("urn:pulumi:dev::proj::cognito-mfa:index:Nope::x", {}, {}),
            /unknown resource type cognito-mfa:index:Nope/,
        );
    });
});
