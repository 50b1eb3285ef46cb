// The public SnsCallerRole class under Pulumi's mocks: what it sends to the engine (defaults,
// the ExternalId as a secret, the secret outputs) and that its smsConfiguration output plugs
// into a UserPoolMfaConfig in one line. The provider itself is tested in
// snsCallerRoleProvider.test.ts and against moto.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { SnsCallerRole } from "../../../provider/snsCallerRole/resource";
import { UserPoolMfaConfig } from "../../../provider/userPoolMfaConfig/resource";

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const registered: MockResourceArgs[] = [];

function inputsOf(name: string): Record<string, unknown> {
    const r = registered.find((x) => x.name === name);
    assert.ok(r, `resource ${name} was not registered`);
    return r.inputs as Record<string, unknown>;
}

function isSecretValue(v: unknown, value: unknown): boolean {
    const o = v as Record<string, unknown>;
    return o !== null && typeof o === "object" && Object.values(o).includes(SECRET_SIG) && o.value === value;
}

/** The smsConfiguration of a registered UserPoolMfaConfig, unwrapped from the secret the mock monitor puts around it. */
function registeredSmsConfiguration(inputs: Record<string, unknown>): Record<string, unknown> {
    const sms = inputs.smsMfaConfiguration as Record<string, unknown>;
    const block = (SECRET_SIG && Object.values(sms).includes(SECRET_SIG) ? sms.value : sms) as {
        smsConfiguration: Record<string, unknown>;
    };
    return block.smsConfiguration;
}

/** Lets pending registrations reach the mock monitor. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("SnsCallerRole class (Pulumi mocks)", () => {
    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource(args: MockResourceArgs) {
                    registered.push(args);
                    return {
                        id: `${args.name}-id`,
                        state: { ...(args.inputs as Record<string, unknown>), arn: `arn:aws:iam::123456789012:role/${args.name}` },
                    };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
    });

    it("defaults namePrefix to the resource name and always sends the ExternalId as a secret", async () => {
        new SnsCallerRole("sms role");
        new SnsCallerRole("given", { roleName: "cognito-sms", externalId: "ext-given", userPoolId: "us-east-1_Abc123" });
        await settle();
        const dflt = inputsOf("sms role");
        assert.equal(dflt.namePrefix, "sms-role-");
        assert.ok(isSecretValue(dflt.externalId, ""), `generate marker as a secret: ${JSON.stringify(dflt.externalId)}`);
        assert.equal(
            dflt.__provider,
            'exports.handler = () => require("pulumi-cognito-mfa/engine/sns-caller-role");\n',
            "the __provider travels with the inputs: one require of the stub's subpath",
        );
        assert.equal(dflt.__owner, "project/stack/sms role", "hidden owner: <project>/<stack>/<resource name>");
        const given = inputsOf("given");
        assert.equal(given.roleName, "cognito-sms");
        assert.equal(given.namePrefix, undefined);
        assert.ok(isSecretValue(given.externalId, "ext-given"));
        assert.equal(given.__owner, "project/stack/given", "an explicit roleName gets the owner too (for its owner tag)");
        for (const key of ["arn", "smsConfiguration", "trustPolicy", "region"]) assert.ok(!(key in given), `${key} is an output only`);
    });

    it("marks externalId, smsConfiguration and trustPolicy as secret outputs, keeping the caller's own", async () => {
        let seen: string[] | undefined;
        new SnsCallerRole(
            "opts",
            {},
            {
                additionalSecretOutputs: ["tags"],
                transformations: [
                    (a) => {
                        seen = (a.opts as pulumi.CustomResourceOptions).additionalSecretOutputs;
                        return undefined;
                    },
                ],
            },
        );
        await settle();
        assert.deepEqual(seen, ["tags", "externalId", "smsConfiguration", "trustPolicy"]);
    });

    it("its smsConfiguration output goes straight into a UserPoolMfaConfig", async () => {
        const role = new SnsCallerRole("wired", { userPoolId: "us-east-1_Abc123" });
        new UserPoolMfaConfig("mfa", {
            userPoolId: "us-east-1_Abc123",
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: role.smsConfiguration },
        });
        await settle();
        assert.equal(inputsOf("mfa").mfaConfiguration, "ON");
        const typeToken = registered.find((r) => r.name === "wired")!.type;
        assert.equal(typeToken, "pulumi-nodejs:dynamic/cognito-mfa:SnsCallerRole");
        // The role's ARN and ExternalId as the pool's SNS sender (the mock monitor marks the block
        // secret as a whole; through the engine only the ExternalId is: test/e2e/eums.test.ts).
        const cfg = registeredSmsConfiguration(inputsOf("mfa"));
        assert.deepEqual(Object.keys(cfg).sort(), ["externalId", "snsCallerArn"]);
        assert.equal(cfg.snsCallerArn, "arn:aws:iam::123456789012:role/wired");
    });

    it("with sender eumsSms its smsConfiguration is { eumsSms: { callerArn, externalId, originationIdentity } }", async () => {
        const origin = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1";
        const role = new SnsCallerRole("wired-eums", { userPoolId: "us-east-1_Eums123", sender: "eumsSms", originationIdentity: origin });
        new UserPoolMfaConfig("mfa-eums", {
            userPoolId: "us-east-1_Eums123",
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: role.smsConfiguration },
        });
        await settle();
        const cfg = registeredSmsConfiguration(inputsOf("mfa-eums")) as { eumsSms: Record<string, unknown> };
        assert.deepEqual(Object.keys(cfg), ["eumsSms"]);
        assert.deepEqual(Object.keys(cfg.eumsSms).sort(), ["callerArn", "externalId", "originationIdentity"]);
        assert.equal(cfg.eumsSms.callerArn, "arn:aws:iam::123456789012:role/wired-eums");
        assert.equal(cfg.eumsSms.originationIdentity, origin);
        assert.equal(inputsOf("wired-eums").sender, "eumsSms");
    });
});
