// The emulator's SetUserPoolMfaConfig / GetUserPoolMfaConfig (tools/moto-ext, docs/emulator.md)
// against botocore's model: every member of the Set request round-trips through Get, a Set is a
// full replace, and the defaults are AWS's documented ones.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useMoto } from "../harness/moto";
import { loadModel, ModelShape, ServiceModel } from "../conformance/botocore";
import { call, errorOf, pool } from "./wire";

const m = useMoto();

/** Every leaf member path under `shape` ("SmsMfaConfiguration.SmsConfiguration.SnsCallerArn"). */
function leaves(model: ServiceModel, shape: string, prefix = ""): string[] {
    const s: ModelShape = model.shapes[shape];
    if (s.type !== "structure") return [prefix];
    return Object.entries(s.members).flatMap(([name, ref]) => leaves(model, ref.shape, prefix ? `${prefix}.${name}` : name));
}

function withPath(target: Record<string, unknown>, path: string, value: unknown): void {
    const keys = path.split(".");
    let at = target;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]] = value;
}

// One valid value per leaf of SetUserPoolMfaConfigRequest (UserPoolId aside). A botocore bump that
// adds a member fails the first test until it is given a value here.
const SAMPLE: Record<string, unknown> = {
    "SmsMfaConfiguration.SmsAuthenticationMessage": "Your code is {####}",
    "SmsMfaConfiguration.SmsConfiguration.SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms",
    "SmsMfaConfiguration.SmsConfiguration.ExternalId": "external-id-1",
    "SmsMfaConfiguration.SmsConfiguration.SnsRegion": "us-east-1",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.CallerArn": "arn:aws:iam::123456789012:role/cognito-eums",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.ExternalId": "eums-external-id",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.OriginationIdentity": "+12065550100",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.ConfigurationSetName": "cognito-set",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.InEntityId": "1101000000000000001",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.InTemplateId": "1107000000000000001",
    "SmsMfaConfiguration.SmsConfiguration.EumsSms.Region": "us-east-1",
    "SoftwareTokenMfaConfiguration.Enabled": true,
    "EmailMfaConfiguration.Message": "Your sign-in code is {####}.",
    "EmailMfaConfiguration.Subject": "Your sign-in code",
    MfaConfiguration: "OPTIONAL",
    "WebAuthnConfiguration.RelyingPartyId": "auth.example.com",
    "WebAuthnConfiguration.UserVerification": "required",
    "WebAuthnConfiguration.FactorConfiguration": "MULTI_FACTOR_WITH_USER_VERIFICATION",
};
// The SNS and the End User Messaging path exclude each other (botocore SmsConfigurationType.EumsSms),
// so the members are sent in two requests.
const SNS_ONLY = /^SmsMfaConfiguration\.SmsConfiguration\.(SnsCallerArn|ExternalId|SnsRegion)$/;
const EUMS_ONLY = /^SmsMfaConfiguration\.SmsConfiguration\.EumsSms\./;

function request(paths: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of paths) withPath(out, p, SAMPLE[p]);
    return out;
}

async function getConfig(poolId: string): Promise<Record<string, unknown>> {
    const got = await call(m.moto.endpoint, "GetUserPoolMfaConfig", { UserPoolId: poolId });
    assert.equal(got.status, 200, JSON.stringify(got.body));
    return got.body;
}

describe("emulator: Set/GetUserPoolMfaConfig as botocore's model has them", () => {
    const model = loadModel("cognito-idp");
    const setLeaves = leaves(model, "SetUserPoolMfaConfigRequest").filter((p) => p !== "UserPoolId");

    it("the sample covers every member of SetUserPoolMfaConfigRequest, and Get's response has the same members", () => {
        assert.deepEqual([...setLeaves].sort(), Object.keys(SAMPLE).sort());
        const structure = (name: string) => model.shapes[name] as { members: Record<string, { shape: string }> };
        const setMembers = Object.keys(structure("SetUserPoolMfaConfigRequest").members).filter((k) => k !== "UserPoolId");
        assert.deepEqual(Object.keys(structure("GetUserPoolMfaConfigResponse").members).sort(), setMembers.sort());
        assert.deepEqual(Object.keys(structure("SetUserPoolMfaConfigResponse").members).sort(), setMembers.sort());
    });

    for (const [path, paths] of [
        ["SNS", setLeaves.filter((p) => !EUMS_ONLY.test(p))],
        ["End User Messaging SMS", setLeaves.filter((p) => !SNS_ONLY.test(p))],
    ] as const) {
        it(`every member round-trips: Set's response and Get return the request as sent (SMS through ${path})`, async () => {
            const poolId = await pool(m.moto.endpoint);
            const req = request(paths);
            const set = await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...req });
            assert.equal(set.status, 200, JSON.stringify(set.body));
            assert.deepEqual(set.body, req);
            assert.deepEqual(await getConfig(poolId), req);
        });
    }

    it("every enum value of WebAuthnConfiguration round-trips", async () => {
        const poolId = await pool(m.moto.endpoint);
        const enums = (name: string) => (model.shapes[name] as { enum: string[] }).enum;
        for (const UserVerification of enums("UserVerificationType")) {
            for (const FactorConfiguration of enums("WebAuthnFactorConfigurationType")) {
                const req = { MfaConfiguration: "OFF", WebAuthnConfiguration: { UserVerification, FactorConfiguration } };
                assert.equal((await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...req })).status, 200);
                assert.deepEqual(await getConfig(poolId), req);
            }
        }
    });

    it("a Set replaces the whole configuration: what it leaves out is gone", async () => {
        const poolId = await pool(m.moto.endpoint);
        const full = request(setLeaves.filter((p) => !EUMS_ONLY.test(p)));
        assert.equal((await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...full })).status, 200);
        const totpOnly = { MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } };
        assert.equal((await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...totpOnly })).status, 200);
        assert.deepEqual(await getConfig(poolId), totpOnly);
    });

    it("defaults: a fresh pool is OFF with no blocks; no MfaConfiguration means OFF; an empty email block stays empty", async () => {
        const poolId = await pool(m.moto.endpoint);
        assert.deepEqual(await getConfig(poolId), { MfaConfiguration: "OFF" });

        const email = { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} };
        assert.equal((await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId, ...email })).status, 200);
        // terraform-provider-aws's acceptance test: an empty block reads back with no Message and no Subject.
        assert.deepEqual(await getConfig(poolId), email);

        // cdkd #1923 / #1968 measured that a Set with the pool id alone turns MFA off.
        const bare = await call(m.moto.endpoint, "SetUserPoolMfaConfig", { UserPoolId: poolId });
        assert.equal(bare.status, 200, JSON.stringify(bare.body));
        assert.deepEqual(await getConfig(poolId), { MfaConfiguration: "OFF" });
    });

    it("DescribeUserPool has UserPoolTier: ESSENTIALS unless the pool was created with another", async () => {
        const tierOf = async (poolId: string) =>
            ((await call(m.moto.endpoint, "DescribeUserPool", { UserPoolId: poolId })).body.UserPool as { UserPoolTier?: string })
                .UserPoolTier;
        // botocore CreateUserPoolRequest.UserPoolTier: "Defaults to ESSENTIALS."
        assert.equal(await tierOf(await pool(m.moto.endpoint, {})), "ESSENTIALS");
        assert.equal(await tierOf(await pool(m.moto.endpoint, { UserPoolTier: "LITE" })), "LITE");
        assert.equal(await tierOf(await pool(m.moto.endpoint, { UserPoolTier: "PLUS" })), "PLUS");
    });

    it("an unknown pool is ResourceNotFoundException, for Set and for Get", async () => {
        for (const op of ["SetUserPoolMfaConfig", "GetUserPoolMfaConfig"]) {
            const a = await call(m.moto.endpoint, op, { UserPoolId: "us-east-1_doesnotexist", MfaConfiguration: "OFF" });
            assert.deepEqual(errorOf(a), {
                type: "ResourceNotFoundException",
                message: "User pool us-east-1_doesnotexist does not exist.",
            });
        }
    });
});
