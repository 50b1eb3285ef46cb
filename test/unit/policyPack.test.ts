// The policies of examples/policy-pack, called directly (the pulumi CLI here cannot run policy
// packs: see test/e2e/examples.test.ts).
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    mfaRequiredInProd,
    ResourceArgs,
    smsMessageHasCode,
    stackOf,
    USER_POOL_MFA_CONFIG_TYPE,
} from "../../examples/policy-pack/policies";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function resource(stack: string, props: Record<string, unknown>, type = USER_POOL_MFA_CONFIG_TYPE): ResourceArgs {
    return { type, urn: `urn:pulumi:${stack}::app::${type}::mfa`, props };
}

function violations(policy: (a: ResourceArgs, r: (m: string) => void) => void, args: ResourceArgs): string[] {
    const out: string[] = [];
    policy(args, (m) => out.push(m));
    return out;
}

describe("policy pack: mfa-required-in-prod", () => {
    const cases: Array<[string, string, Record<string, unknown>, number]> = [
        ["prod with ON", "prod", { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }, 0],
        ["prod with OPTIONAL", "prod", { mfaConfiguration: "OPTIONAL" }, 1],
        ["prod with OFF", "prod", { mfaConfiguration: "OFF" }, 1],
        ["prod with an unknown mode (preview)", "prod", { mfaConfiguration: UNKNOWN }, 0],
        ["dev with OFF", "dev", { mfaConfiguration: "OFF" }, 0],
        ["a stack merely containing prod", "preprod", { mfaConfiguration: "OFF" }, 0],
    ];
    for (const [name, stack, props, n] of cases) {
        it(name, () => {
            assert.equal(violations(mfaRequiredInProd, resource(stack, props)).length, n);
        });
    }

    it("names the stack and the value", () => {
        assert.deepEqual(violations(mfaRequiredInProd, resource("prod", { mfaConfiguration: "OPTIONAL" })), [
            'MFA must be required on stack "prod": mfaConfiguration is "OPTIONAL", set it to "ON".',
        ]);
    });

    it("ignores other resource types", () => {
        assert.deepEqual(violations(mfaRequiredInProd, resource("prod", { mfaConfiguration: "OFF" }, "aws:cognito/userPool:UserPool")), []);
    });

    it("reads the stack from the URN", () => {
        assert.equal(stackOf("urn:pulumi:prod::app::pulumi-nodejs:dynamic/cognito-mfa:UserPoolMfaConfig::mfa"), "prod");
        assert.equal(stackOf("urn:pulumi:org-prod::app::t::n"), "org-prod");
    });
});

describe("policy pack: sms-message-has-code", () => {
    const sms = (message: unknown) => ({
        mfaConfiguration: "ON",
        smsMfaConfiguration: { smsAuthenticationMessage: message, smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/r" } },
    });
    const cases: Array<[string, Record<string, unknown>, number]> = [
        ["a message with {####}", sms("Your code is {####}"), 0],
        ["a message without {####}", sms("Your code is ####"), 1],
        ["no message (Cognito's default has the code)", sms(undefined), 0],
        ["no SMS at all", { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }, 0],
        ["an unknown message (preview)", sms(UNKNOWN), 0],
    ];
    for (const [name, props, n] of cases) {
        it(name, () => {
            assert.equal(violations(smsMessageHasCode, resource("dev", props)).length, n);
        });
    }

    it("quotes the message", () => {
        assert.deepEqual(violations(smsMessageHasCode, resource("prod", sms("Code: ####"))), [
            'smsMfaConfiguration.smsAuthenticationMessage must contain {####}, where Cognito puts the code: "Code: ####".',
        ]);
    });
});
