// The public UserPoolMfaConfig class under Pulumi's mocks: every declared output is an Output
// whatever the args, the hidden owner input, and the one-pool-one-resource refusal. The provider
// itself is tested in provider.test.ts and against moto.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { UserPoolMfaConfig } from "../../../provider/userPoolMfaConfig/resource";

const registered: MockResourceArgs[] = [];

/** The outputs the class declares (docs/user-pool-mfa-config.md, "Outputs"). */
const DECLARED_OUTPUTS = [
    "userPoolId",
    "region",
    "mfaConfiguration",
    "smsMfaConfiguration",
    "softwareTokenMfaConfiguration",
    "emailMfaConfiguration",
    "webAuthnConfiguration",
    "deletePolicy",
] as const;

/** Lets pending registrations reach the mock monitor. */
const settle = () => new Promise((r) => setTimeout(r, 50));

function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("UserPoolMfaConfig class (Pulumi mocks)", () => {
    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource(args: MockResourceArgs) {
                    registered.push(args);
                    // What the provider returns for a TOTP-only pool: the blocks it does not have are absent.
                    const inputs = args.inputs as Record<string, unknown>;
                    return { id: String(inputs.userPoolId), state: { ...inputs, region: "us-east-1" } };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
    });

    it("every declared output is an Output, also for the blocks the program does not set", async () => {
        const mfa = new UserPoolMfaConfig("totp only", {
            userPoolId: "us-east-1_Abc123",
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        for (const key of DECLARED_OUTPUTS) assert.ok(pulumi.Output.isInstance(mfa[key]), `${key} is ${typeof mfa[key]}, not an Output`);
        assert.equal(await valueOf(mfa.webAuthnConfiguration), undefined);
        assert.equal(await valueOf(mfa.emailMfaConfiguration), undefined);
        assert.equal(await valueOf(mfa.region), "us-east-1");
        assert.deepEqual(await valueOf(mfa.softwareTokenMfaConfiguration), { enabled: true });
    });

    it("sends the owner <project>/<stack>/<name> as a plain string for a plain pool id, and no output-only key", async () => {
        new UserPoolMfaConfig("owned", { userPoolId: "us-east-1_Owned1", mfaConfiguration: "OFF" });
        await settle();
        const inputs = registered.find((r) => r.name === "owned")!.inputs as Record<string, unknown>;
        assert.equal(inputs.__owner, "project/stack/owned");
        assert.equal(inputs.userPoolId, "us-east-1_Owned1");
        for (const key of ["region", "deletePolicy", "emailMfaConfiguration", "webAuthnConfiguration"]) {
            assert.equal(inputs[key], undefined, `${key} is not sent when the program does not set it`);
        }
    });

    it("registers as dynamic.Resource would: its type token, and a __provider of one require of the stub's subpath", async () => {
        new UserPoolMfaConfig("registered", { userPoolId: "us-east-1_Regist1", mfaConfiguration: "OFF" });
        await settle();
        const r = registered.find((x) => x.name === "registered")!;
        assert.equal(r.type, "pulumi-nodejs:dynamic/cognito-mfa:UserPoolMfaConfig");
        assert.equal(
            (r.inputs as Record<string, unknown>).__provider,
            'exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");\n',
        );
    });

    it("a pool id known only later gets its owner (and the same-pool check) when it resolves", async () => {
        new UserPoolMfaConfig("later", { userPoolId: pulumi.output("us-east-1_Later1"), mfaConfiguration: "OFF" });
        await settle();
        const inputs = registered.find((r) => r.name === "later")!.inputs as Record<string, unknown>;
        assert.equal(inputs.__owner, "project/stack/later");
    });

    it("with the owner tag off, a plain pool id sends no owner (no tag to write), and the same-pool refusal stays", async () => {
        pulumi.runtime.setConfig("pulumi-cognito-mfa:ownerTag", "false");
        try {
            new UserPoolMfaConfig("untagged", { userPoolId: "us-east-1_NoTag1", mfaConfiguration: "OFF" });
            new UserPoolMfaConfig("untagged later", { userPoolId: pulumi.output("us-east-1_NoTag2"), mfaConfiguration: "OFF" });
            assert.throws(
                () => new UserPoolMfaConfig("untagged twice", { userPoolId: "us-east-1_NoTag1", mfaConfiguration: "OFF" }),
                /UserPoolMfaConfig "untagged twice" and UserPoolMfaConfig "untagged" both manage user pool us-east-1_NoTag1/,
            );
        } finally {
            pulumi.runtime.setConfig("pulumi-cognito-mfa:ownerTag", undefined as unknown as string);
        }
        await settle();
        const inputs = (name: string) => registered.find((r) => r.name === name)!.inputs as Record<string, unknown>;
        assert.equal("__owner" in inputs("untagged"), false, "no __owner input with the tag off");
        assert.equal(inputs("untagged").userPoolId, "us-east-1_NoTag1");
        // A pool id that resolves later is checked when it resolves, through the owner input.
        assert.equal(inputs("untagged later").__owner, "project/stack/untagged later");
    });

    it("refuses a second resource on the same pool at construction, naming both", () => {
        new UserPoolMfaConfig("first", { userPoolId: "us-east-1_Twice1", mfaConfiguration: "OFF" });
        assert.throws(
            () => new UserPoolMfaConfig("second", { userPoolId: "us-east-1_Twice1", mfaConfiguration: "OFF" }),
            /UserPoolMfaConfig "second" and UserPoolMfaConfig "first" both manage user pool us-east-1_Twice1/,
        );
    });
});
