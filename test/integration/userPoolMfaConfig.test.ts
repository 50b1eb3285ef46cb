// The provider's lifecycle methods against a real moto server, called as the engine calls them
// (olds are the last outputs). Email MFA and passkeys: emailPasskeys.test.ts; what the emulator
// refuses: docs/emulator.md.
import * as assert from "node:assert/strict";
import { describe, it, beforeEach } from "node:test";
import { DeleteUserPoolCommand, SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, createUserPool, liveMfa, useMoto } from "../harness/moto";
import { UserPoolMfaConfigProvider } from "../../provider/userPoolMfaConfig/provider";
import * as model from "../../provider/userPoolMfaConfig/model";
import { MfaConfig, MfaConfigInputs } from "../../provider/userPoolMfaConfig/model";

const m = useMoto();
const ROLE = "arn:aws:iam::123456789012:role/cognito-sms";

const FACTOR_SETS: Record<string, Omit<MfaConfig, "mfaConfiguration"> & { mfaConfiguration: MfaConfig["mfaConfiguration"] }> = {
    OFF: { mfaConfiguration: "OFF" },
    SMS: {
        mfaConfiguration: "ON",
        smsMfaConfiguration: { smsAuthenticationMessage: "Code: {####}", smsConfiguration: { snsCallerArn: ROLE, externalId: "ext-1" } },
    },
    TOTP: { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
    "SMS+TOTP": {
        mfaConfiguration: "OPTIONAL",
        smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE, externalId: "ext-2", snsRegion: "us-east-1" } },
        softwareTokenMfaConfiguration: { enabled: true },
    },
};

const liveConfig = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

function expectedGet(c: MfaConfig) {
    const out: Record<string, unknown> = { MfaConfiguration: c.mfaConfiguration };
    if (c.smsMfaConfiguration) {
        const s = c.smsMfaConfiguration;
        out.SmsMfaConfiguration = {
            ...(s.smsAuthenticationMessage ? { SmsAuthenticationMessage: s.smsAuthenticationMessage } : {}),
            SmsConfiguration: {
                SnsCallerArn: s.smsConfiguration?.snsCallerArn,
                ExternalId: s.smsConfiguration?.externalId,
                ...(s.smsConfiguration?.snsRegion ? { SnsRegion: s.smsConfiguration.snsRegion } : {}),
            },
        };
    }
    if (c.softwareTokenMfaConfiguration) out.SoftwareTokenMfaConfiguration = { Enabled: true };
    return out;
}

describe("UserPoolMfaConfig provider against moto", () => {
    let provider: UserPoolMfaConfigProvider;
    let poolId: string;

    beforeEach(async () => {
        Object.assign(process.env, awsEnv(m.moto.endpoint));
        provider = new UserPoolMfaConfigProvider();
        poolId = await createUserPool(m.moto.endpoint);
    });

    it("basic: adopts an OFF pool and turns TOTP on", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.TOTP };
        const { id, outs } = await provider.create(inputs);
        assert.equal(id, poolId);
        assert.equal(outs!.region, "us-east-1");
        // Adopted with MFA OFF and nothing else: nothing to record (restore writes what reset writes).
        assert.ok(!("__adoptedConfiguration" in outs!));
        assert.equal(outs!.mfaConfiguration, "OPTIONAL");
        assert.deepEqual(outs!.softwareTokenMfaConfiguration, { enabled: true });
        assert.deepEqual(await liveConfig(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        // The engine's next preview: outputs as olds, same inputs as news -> no change.
        const d = await provider.diff(id, outs!, inputs);
        assert.equal(d.changes, false);
    });

    for (const [from, a] of Object.entries(FACTOR_SETS)) {
        for (const [to, b] of Object.entries(FACTOR_SETS)) {
            it(`update: ${from} -> ${to} leaves exactly ${to} on the pool`, async () => {
                const created = await provider.create({ userPoolId: poolId, ...a });
                assert.deepEqual(await liveConfig(poolId), expectedGet(a));
                const news: MfaConfigInputs = { userPoolId: poolId, ...b };
                const d = await provider.diff(poolId, created.outs!, news);
                assert.equal(d.changes, from !== to, `diff ${from} -> ${to}`);
                assert.deepEqual(d.replaces, []);
                const { outs } = await provider.update(poolId, created.outs!, news);
                assert.deepEqual(await liveConfig(poolId), expectedGet(b));
                assert.equal(outs!.mfaConfiguration, b.mfaConfiguration);
                assert.equal((await provider.diff(poolId, outs!, news)).changes, false, "second preview must be empty");
            });
        }
    }

    it("read: reports out-of-band drift field by field", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.SMS };
        const { outs } = await provider.create(inputs);
        // Someone switches the pool to TOTP-only in the console.
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
        );
        const r = await provider.read(poolId, outs);
        assert.equal(r.id, poolId);
        assert.equal(r.props!.mfaConfiguration, "OPTIONAL");
        assert.equal(r.props!.smsMfaConfiguration, undefined);
        assert.deepEqual(r.inputs, { userPoolId: poolId, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        // The next preview compares the program (SMS) with the refreshed outputs: a change.
        assert.equal((await provider.diff(poolId, r.props!, inputs)).changes, true);
        // And up restores it.
        await provider.update(poolId, r.props!, inputs);
        assert.deepEqual(await liveConfig(poolId), expectedGet(FACTOR_SETS.SMS));
    });

    it("read: a clean refresh returns the same inputs the program has", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS["SMS+TOTP"] };
        const { outs } = await provider.create(inputs);
        const r = await provider.read(poolId, outs);
        assert.deepEqual(r.inputs, inputs);
        assert.equal((await provider.diff(poolId, r.props!, inputs)).changes, false);
    });

    it("delete: reset (the default) turns MFA off", async () => {
        const { outs } = await provider.create({ userPoolId: poolId, ...FACTOR_SETS["SMS+TOTP"] });
        await provider.delete(poolId, outs!);
        assert.deepEqual(await liveConfig(poolId), { MfaConfiguration: "OFF" });
    });

    it("delete: restore puts back what the pool had before adoption", async () => {
        const before = FACTOR_SETS.SMS;
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "ON",
                SmsMfaConfiguration: {
                    SmsAuthenticationMessage: "Code: {####}",
                    SmsConfiguration: { SnsCallerArn: ROLE, ExternalId: "ext-1" },
                },
            }),
        );
        const { outs } = await provider.create({ userPoolId: poolId, deletePolicy: "restore", ...FACTOR_SETS.TOTP });
        assert.deepEqual(await liveConfig(poolId), expectedGet(FACTOR_SETS.TOTP));
        await provider.delete(poolId, outs!);
        assert.deepEqual(await liveConfig(poolId), expectedGet(before));
    });

    it("delete: restore of a pool adopted with MFA OFF (no record kept) turns MFA off again", async () => {
        const { outs } = await provider.create({ userPoolId: poolId, deletePolicy: "restore", ...FACTOR_SETS.SMS });
        assert.ok(!("__adoptedConfiguration" in outs!));
        assert.deepEqual(await liveConfig(poolId), expectedGet(FACTOR_SETS.SMS));
        await provider.delete(poolId, outs!);
        assert.deepEqual(await liveConfig(poolId), { MfaConfiguration: "OFF" });
    });

    it("delete: retain leaves the pool as it is", async () => {
        const { outs } = await provider.create({ userPoolId: poolId, deletePolicy: "retain", ...FACTOR_SETS.TOTP });
        await provider.delete(poolId, outs!);
        assert.deepEqual(await liveConfig(poolId), expectedGet(FACTOR_SETS.TOTP));
    });

    it("disappears: a pool deleted out of band reads as gone, update says so, delete succeeds", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.TOTP };
        const { outs } = await provider.create(inputs);
        await cognitoClient(m.moto.endpoint).send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
        assert.deepEqual(await provider.read(poolId, outs), {});
        await assert.rejects(provider.update(poolId, outs!, { ...inputs, mfaConfiguration: "ON" }), (e: Error) => {
            assert.match(e.message, new RegExp(`User pool ${poolId} does not exist in us-east-1`));
            assert.match(e.message, /never creates one/);
            return true;
        });
        await provider.delete(poolId, outs!);
    });

    it("create on a missing pool fails with a clear message and no id", async () => {
        await assert.rejects(
            provider.create({ userPoolId: "us-east-1_doesnotexist", mfaConfiguration: "OFF" }),
            (e: Error & { id?: string }) => {
                assert.match(e.message, /User pool us-east-1_doesnotexist does not exist in us-east-1/);
                assert.equal(e.id, undefined);
                return true;
            },
        );
    });

    it("bookkeeping: new resources keep it under __ names, which the engine never displays", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.TOTP };
        const { outs } = await provider.create(inputs);
        const visible = Object.keys(outs!).filter((k) => !k.startsWith("__"));
        assert.deepEqual(visible.sort(), ["deletePolicy", "mfaConfiguration", "region", "softwareTokenMfaConfiguration", "userPoolId"]);
        // One string (state version 2): the checkpoint's cost per save is per property as much as per byte.
        assert.equal(typeof outs!.__inputShape, "string");
        assert.deepEqual(JSON.parse(outs!.__inputShape!), {
            userPoolId: "*",
            mfaConfiguration: "*",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        const read = await provider.read(poolId, outs);
        assert.deepEqual(read.props, outs, "a refresh with nothing changed gives back the same outputs");
        const { outs: updated } = await provider.update(poolId, outs!, { userPoolId: poolId, ...FACTOR_SETS.SMS });
        assert.deepEqual(
            Object.keys(updated!)
                .filter((k) => !k.startsWith("__"))
                .sort(),
            ["deletePolicy", "mfaConfiguration", "region", "smsMfaConfiguration", "userPoolId"],
        );
    });

    it("bookkeeping of a 0.1.0 state: read keeps its names (no change on refresh), update moves them to __ names", async () => {
        const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.TOTP };
        const { outs } = await provider.create(inputs);
        // The outputs as 0.1.0 stored them: the same values under inputShape / adoptedConfiguration.
        // (0.1.0 recorded every adopted configuration, the OFF of a new pool too, and no state version.)
        const { __inputShape, __stateVersion, ...rest } = outs!;
        assert.equal(__stateVersion, 2, "a new state carries the current state version");
        const legacy = {
            ...rest,
            inputShape: JSON.parse(__inputShape!) as MfaConfigInputs,
            adoptedConfiguration: { mfaConfiguration: "OFF" as const },
        };
        const read = await provider.read(poolId, legacy);
        assert.deepEqual(read.props, legacy, "a refresh of an upgraded stack reports no change");
        assert.equal((await provider.diff(poolId, legacy, inputs)).changes, false);
        const { outs: updated } = await provider.update(poolId, legacy, inputs);
        assert.deepEqual(updated, outs, "the next update writes the __ names");
        // restore still finds what was adopted, under the old name.
        await provider.delete(poolId, { ...legacy, deletePolicy: "restore" });
        assert.deepEqual(await liveConfig(poolId), { MfaConfiguration: "OFF" });
    });

    it("End User Messaging SMS: create, no diff against itself, and a switch from SNS is a visible change", async () => {
        const eums = { callerArn: "arn:aws:iam::123456789012:role/eums", externalId: "ext-eums", originationIdentity: "+12065550100" };
        const sns: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.SMS };
        const { outs } = await provider.create(sns);
        const toEums: MfaConfigInputs = {
            userPoolId: poolId,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { eumsSms: eums } },
        };
        assert.equal((await provider.diff(poolId, outs!, toEums)).changes, true, "SNS -> End User Messaging SMS is a change");
        const { outs: after } = await provider.update(poolId, outs!, toEums);
        assert.deepEqual((await liveConfig(poolId)).SmsMfaConfiguration, {
            SmsConfiguration: {
                EumsSms: { CallerArn: eums.callerArn, ExternalId: eums.externalId, OriginationIdentity: eums.originationIdentity },
            },
        });
        assert.deepEqual(after!.smsMfaConfiguration, { smsConfiguration: { eumsSms: eums } });
        assert.equal((await provider.diff(poolId, after!, toEums)).changes, false, "no perpetual diff");
        const read = await provider.read(poolId, after);
        assert.deepEqual(read.props, after);
        assert.deepEqual(read.inputs, toEums);
    });

    it("removals: a custom SMS text the program drops is a change, the write leaves it out, and the next diff is quiet", async () => {
        const withText: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.SMS };
        const { outs } = await provider.create(withText);
        assert.equal((await liveConfig(poolId)).SmsMfaConfiguration?.SmsAuthenticationMessage, "Code: {####}");
        const withoutText: MfaConfigInputs = {
            userPoolId: poolId,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: FACTOR_SETS.SMS.smsMfaConfiguration!.smsConfiguration },
        };
        assert.equal((await provider.diff(poolId, outs!, withoutText)).changes, true, "the removal shows");
        const { outs: after } = await provider.update(poolId, outs!, withoutText);
        assert.equal((await liveConfig(poolId)).SmsMfaConfiguration?.SmsAuthenticationMessage, undefined, "the write left it out");
        assert.equal((await provider.diff(poolId, after!, withoutText)).changes, false);
        // A text the program never set and the service has (Cognito's default, on AWS) stays quiet.
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "ON",
                SmsMfaConfiguration: {
                    SmsAuthenticationMessage: "Default {####}",
                    SmsConfiguration: { SnsCallerArn: ROLE, ExternalId: "ext-1" },
                },
            }),
        );
        const refreshed = await provider.read(poolId, after);
        assert.equal((await provider.diff(poolId, refreshed.props!, withoutText)).changes, false);
    });

    it("normalizes each configuration once, where it enters: the program's, each answer of AWS, the stored one", async () => {
        // The modules call normalize through model's exports object, so counting it there counts
        // every call the provider makes.
        const exported = model as unknown as { normalize: typeof model.normalize };
        const original = exported.normalize;
        let calls = 0;
        exported.normalize = (c) => {
            calls++;
            return original(c);
        };
        const count = async (run: () => Promise<unknown>) => {
            calls = 0;
            await run();
            return calls;
        };
        try {
            const inputs: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.TOTP };
            let outs: Awaited<ReturnType<typeof provider.create>>["outs"];
            // The program's configuration, the Get answer (adopted) and the Set answer.
            assert.equal(await count(async () => ({ outs } = await provider.create(inputs))), 3, "create");
            // The program's configuration and the stored one.
            assert.equal(await count(() => provider.diff(poolId, outs!, inputs)), 2, "diff");
            const sms: MfaConfigInputs = { userPoolId: poolId, ...FACTOR_SETS.SMS };
            // The program's configuration, the Get answer and the Set answer.
            assert.equal(await count(async () => ({ outs } = await provider.update(poolId, outs!, sms))), 3, "update that writes");
            // The program's configuration and the Get answer: no write.
            assert.equal(await count(() => provider.update(poolId, outs!, sms)), 2, "update that does not write");
            // The Get answer.
            assert.equal(await count(() => provider.read(poolId, outs)), 1, "read");
            // The Get answer, the configuration delete writes (reset: MFA OFF) and the Set answer.
            assert.equal(await count(() => provider.delete(poolId, outs!)), 3, "delete");
            assert.deepEqual(await liveConfig(poolId), { MfaConfiguration: "OFF" });
        } finally {
            exported.normalize = original;
        }
    });
});
