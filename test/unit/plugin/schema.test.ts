// The provider plugin's package schema: the committed provider/plugin/schema.json is what
// scripts/gen-plugin-schema.mjs writes from the API description today, and the schema says what
// the resources take: every member of MFA_CONFIG with its doc and secret flag, every
// SnsCallerRole argument of the model, the secret ExternalIds.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memberPaths } from "../../../provider/common/shape";
import { MFA_TOKEN, packageSchema, ROLE_TOKEN, schemaSecretPaths, SchemaProperty } from "../../../provider/plugin/schema";
import { schemaText } from "../../../provider/plugin/schemaFile";
import { INPUT_KEYS } from "../../../provider/snsCallerRole/model";
import { MFA_CONFIG } from "../../../provider/userPoolMfaConfig/shape";
import { repoRoot } from "../../harness/moto";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
const schema = packageSchema(pkg.version);

/** The schema property at a dotted path of a resource's inputs, following $refs into the types. */
function propertyAt(token: string, path: string): SchemaProperty | undefined {
    let props = schema.resources[token].inputProperties;
    let p: SchemaProperty | undefined;
    for (const key of path.split(".")) {
        p = props[key];
        if (!p) return undefined;
        const t = p.$ref ? schema.types[p.$ref.replace("#/types/", "")] : undefined;
        props = t && "properties" in t ? t.properties : {};
    }
    return p;
}

describe("plugin schema", () => {
    it("provider/plugin/schema.json is fresh (node scripts/gen-plugin-schema.mjs writes it)", () => {
        const committed = readFileSync(join(repoRoot, "provider/plugin/schema.json"), "utf8");
        assert.equal(committed, schemaText(pkg.version), "stale: run npm run build && node scripts/gen-plugin-schema.mjs");
    });

    it("names the package cognito-mfa at the package's version, with the two resource tokens", () => {
        assert.equal(schema.name, "cognito-mfa");
        assert.equal(schema.version, pkg.version);
        assert.deepEqual(Object.keys(schema.resources).sort(), ["cognito-mfa:index:SnsCallerRole", "cognito-mfa:index:UserPoolMfaConfig"]);
    });

    it("UserPoolMfaConfig: every member of SetUserPoolMfaConfig, with its doc, type and secret flag", () => {
        const paths = memberPaths(MFA_CONFIG);
        assert.ok(paths.length > 15, `only ${paths.length} members`);
        for (const { path, member } of paths) {
            const p = propertyAt(MFA_TOKEN, path);
            assert.ok(p, `${path} is not in the schema`);
            assert.equal(p.description, member.doc, path);
            assert.equal(p.secret === true, member.secret === true, `${path} secret`);
            if (member.kind === "string") assert.equal(p.type, "string", path);
            if (member.kind === "boolean") assert.equal(p.type, "boolean", path);
            if (member.kind === "structure" || member.kind === "enum")
                assert.match(p.$ref ?? "", /^#\/types\/cognito-mfa:index:\w+$/, path);
            if (member.kind === "enum") {
                const t = schema.types[p.$ref!.replace("#/types/", "")];
                assert.deepEqual("enum" in t ? t.enum.map((e) => e.value) : [], member.values, path);
            }
        }
        assert.deepEqual(schema.resources[MFA_TOKEN].requiredInputs, ["userPoolId", "mfaConfiguration"]);
    });

    it("the ExternalIds and SnsCallerRole's trust policy are secret, inputs and outputs", () => {
        assert.deepEqual(schemaSecretPaths(schema, MFA_TOKEN, "inputProperties"), [
            "smsMfaConfiguration.smsConfiguration.externalId",
            "smsMfaConfiguration.smsConfiguration.eumsSms.externalId",
        ]);
        assert.deepEqual(schemaSecretPaths(schema, MFA_TOKEN, "properties"), schemaSecretPaths(schema, MFA_TOKEN, "inputProperties"));
        assert.deepEqual(schemaSecretPaths(schema, ROLE_TOKEN, "inputProperties"), ["externalId"]);
        assert.deepEqual(schemaSecretPaths(schema, ROLE_TOKEN, "properties").sort(), ["externalId", "trustPolicy"]);
    });

    it("SnsCallerRole: exactly the model's arguments as inputs, each documented", () => {
        const inputs = schema.resources[ROLE_TOKEN].inputProperties;
        assert.deepEqual(Object.keys(inputs).sort(), [...INPUT_KEYS].sort());
        for (const [name, p] of Object.entries(inputs)) assert.ok((p.description ?? "").length > 20, `${name} has no doc`);
        for (const r of schema.resources[ROLE_TOKEN].required) assert.ok(r in schema.resources[ROLE_TOKEN].properties, r);
    });

    it("every $ref names a type the schema defines", () => {
        const refs = JSON.stringify(schema).match(/#\/types\/[^"]+/g) ?? [];
        assert.ok(refs.length > 5);
        for (const r of refs) assert.ok(r.replace("#/types/", "") in schema.types, r);
    });
});
