// Versioned state (common/stateVersion.ts and each resource's stateVersion.ts): which version a
// stored state is, its upgrade to the current layout, the way back for read, and the refusal of a
// state from a newer release. The providers on real states: test/integration (moto) and
// test/e2e/upgrade*.test.ts (from the 0.1.0 and the 0.1.0+ffc662c tarballs).
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inVersionOf, STATE_VERSION_KEY, stamped, stateVersionOf, upgradeState } from "../../../provider/common/stateVersion";
import { MFA_STATE } from "../../../provider/userPoolMfaConfig/stateVersion";
import { recordedShape } from "../../../provider/userPoolMfaConfig/diff";
import { ROLE_STATE } from "../../../provider/snsCallerRole/stateVersion";
import { PERMISSION_POLICY_NAME } from "../../../provider/snsCallerRole/model";

const SHAPE = { userPoolId: "*", mfaConfiguration: "*", softwareTokenMfaConfiguration: { enabled: "*" } };
const MFA_LIVE = { userPoolId: "us-east-1_Abc123", region: "us-east-1", deletePolicy: "restore", mfaConfiguration: "OPTIONAL" };
const ADOPTED_TOTP = { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };

const ARN = "arn:aws:iam::123456789012:role/sms";
const ROLE_LIVE = { arn: ARN, roleName: "sms", externalId: "ext-1", region: "us-east-1", path: "/" };

describe("state versions", () => {
    it("the version of a state: its key, else what the layout says (0.1.0's names: 0; otherwise 1)", () => {
        assert.equal(stateVersionOf(MFA_STATE, { ...MFA_LIVE, inputShape: SHAPE }), 0);
        assert.equal(stateVersionOf(MFA_STATE, { ...MFA_LIVE, adoptedConfiguration: ADOPTED_TOTP }), 0);
        assert.equal(stateVersionOf(MFA_STATE, { ...MFA_LIVE, __inputShape: SHAPE }), 1, "a state of 0.1.0+ffc662c has no key");
        assert.equal(stateVersionOf(MFA_STATE, { ...MFA_LIVE, __inputShape: SHAPE, [STATE_VERSION_KEY]: 1 }), 1);
        assert.equal(stateVersionOf(ROLE_STATE, { ...ROLE_LIVE, inputKeys: [], policyName: "p" }), 0);
        assert.equal(stateVersionOf(ROLE_STATE, { ...ROLE_LIVE, __inputKeys: [] }), 1);
    });

    it("a state of a newer release, or a malformed version, is refused by name", () => {
        assert.throws(
            () => upgradeState(MFA_STATE, { ...MFA_LIVE, [STATE_VERSION_KEY]: 3 }),
            /UserPoolMfaConfig has version 3, written by a newer pulumi-cognito-mfa; this one reads versions up to 2/,
        );
        assert.throws(() => upgradeState(ROLE_STATE, { ...ROLE_LIVE, [STATE_VERSION_KEY]: 7 }), /SnsCallerRole has version 7/);
        assert.throws(() => stateVersionOf(MFA_STATE, { [STATE_VERSION_KEY]: "1" }), /"1", which is no state version/);
    });

    it("UserPoolMfaConfig 0 -> 1 -> 2: the __ names, no record of a plain MFA OFF adoption, the input shape as JSON text", () => {
        const v0 = { ...MFA_LIVE, inputShape: SHAPE, adoptedConfiguration: ADOPTED_TOTP };
        const v2 = upgradeState(MFA_STATE, v0);
        assert.deepEqual(v2, {
            ...MFA_LIVE,
            __inputShape: JSON.stringify(SHAPE),
            __adoptedConfiguration: ADOPTED_TOTP,
            [STATE_VERSION_KEY]: 2,
        });
        assert.deepEqual(recordedShape(v2 as { __inputShape?: string }), SHAPE, "the text reads back as the shape it was");
        const off = upgradeState(MFA_STATE, { ...MFA_LIVE, inputShape: SHAPE, adoptedConfiguration: { mfaConfiguration: "OFF" } });
        assert.ok(!("__adoptedConfiguration" in off) && !("adoptedConfiguration" in off), Object.keys(off).join());
        const v1 = { ...MFA_LIVE, __inputShape: SHAPE, __owner: "p/s/mfa" };
        assert.deepEqual(
            upgradeState(MFA_STATE, v1),
            { ...v1, __inputShape: JSON.stringify(SHAPE), [STATE_VERSION_KEY]: 2 },
            "version 1 without its key: the shape becomes text, nothing else changes",
        );
        const noShape = { ...MFA_LIVE, [STATE_VERSION_KEY]: 1 };
        assert.deepEqual(upgradeState(MFA_STATE, noShape), { ...noShape, [STATE_VERSION_KEY]: 2 }, "no shape recorded: none made up");
    });

    it("UserPoolMfaConfig: read gives back the layout it was given, key or no key", () => {
        for (const adopted of [ADOPTED_TOTP, { mfaConfiguration: "OFF" }]) {
            const v0 = { ...MFA_LIVE, inputShape: SHAPE, adoptedConfiguration: adopted };
            assert.deepEqual(inVersionOf(MFA_STATE, v0, upgradeState(MFA_STATE, v0)), v0);
        }
        const unversioned = { ...MFA_LIVE, __inputShape: SHAPE };
        assert.deepEqual(inVersionOf(MFA_STATE, unversioned, upgradeState(MFA_STATE, unversioned)), unversioned);
        const v1 = { ...unversioned, [STATE_VERSION_KEY]: 1 };
        assert.deepEqual(inVersionOf(MFA_STATE, v1, upgradeState(MFA_STATE, v1)), v1, "version 1 keeps its shape as an object");
        const versioned = stamped(MFA_STATE, { ...MFA_LIVE, __inputShape: JSON.stringify(SHAPE) });
        assert.equal(versioned[STATE_VERSION_KEY], 2);
        assert.deepEqual(inVersionOf(MFA_STATE, versioned, upgradeState(MFA_STATE, versioned)), versioned);
    });

    it("SnsCallerRole 0 -> 1: the __ names, no default policy name, no smsConfiguration; and back for read", () => {
        const smsConfiguration = { snsCallerArn: ARN, externalId: "ext-1" };
        const v0 = { ...ROLE_LIVE, inputKeys: ["roleName"], policyName: PERMISSION_POLICY_NAME, smsConfiguration };
        const up = upgradeState(ROLE_STATE, v0);
        assert.deepEqual(up, { ...ROLE_LIVE, __inputKeys: ["roleName"], [STATE_VERSION_KEY]: 1 });
        assert.deepEqual(inVersionOf(ROLE_STATE, v0, up), v0);
        // A policy name that is not the sender's is kept; a 0.1.0 state without smsConfiguration gets none back.
        const other = { ...ROLE_LIVE, inputKeys: [], policyName: "custom" };
        assert.equal((upgradeState(ROLE_STATE, other) as Record<string, unknown>).__policyName, "custom");
        assert.deepEqual(inVersionOf(ROLE_STATE, other, upgradeState(ROLE_STATE, other)), other);
        // End User Messaging SMS: smsConfiguration is the eumsSms block, with the origination identity.
        const eums = {
            ...ROLE_LIVE,
            sender: "eumsSms",
            originationIdentity: "+12065550100",
            inputKeys: ["sender"],
            policyName: "custom-send-text",
            smsConfiguration: { eumsSms: { callerArn: ARN, externalId: "ext-1", originationIdentity: "+12065550100" } },
        };
        assert.deepEqual(inVersionOf(ROLE_STATE, eums, upgradeState(ROLE_STATE, eums)), eums);
    });
});
