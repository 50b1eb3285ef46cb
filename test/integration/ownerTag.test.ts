// The stack setting pulumi-cognito-mfa:ownerTag (provider/userPoolMfaConfig/ownerTag.ts), the
// provider called in process as the engine calls it, through the recording fault proxy (no
// faults) in front of moto, which does the tagging (tools/moto-ext): what each setting sends,
// and what turning the tag off gives up.
import * as assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { DescribeUserPoolCommand, TagResourceCommand } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, createUserPool, liveMfa, useMoto } from "../harness/moto";
import { FaultProxy, startFaultProxy } from "../harness/faultProxy";
import { forgetUserPools } from "../../provider/aws/cognito";
import { UserPoolMfaConfigProvider } from "../../provider/userPoolMfaConfig/provider";
import { OWNER_TAG_CONFIG_KEY } from "../../provider/userPoolMfaConfig/ownerTag";
import { MfaConfigInputs } from "../../provider/userPoolMfaConfig/model";

const m = useMoto();
const OWNER_TAG = "pulumi-cognito-mfa:owner";
const TOTP = { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } } as const;

describe("pulumi-cognito-mfa:ownerTag", () => {
    let proxy: FaultProxy;
    before(async () => {
        proxy = await startFaultProxy(m.moto.endpoint);
    });
    after(async () => proxy?.stop());
    beforeEach(() => {
        Object.assign(process.env, awsEnv(proxy.endpoint));
        forgetUserPools();
        proxy.reset();
    });

    async function provider(setting?: string): Promise<UserPoolMfaConfigProvider> {
        const p = new UserPoolMfaConfigProvider();
        await p.configure({ config: { get: (k: string) => (k === OWNER_TAG_CONFIG_KEY ? setting : undefined), require: () => "" } });
        return p;
    }
    const ops = (since: number) =>
        proxy
            .requests()
            .slice(since)
            .map((r) => r.op);
    const tagsOf = async (id: string) =>
        (await cognitoClient(m.moto.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!.UserPoolTags ?? {};

    it("default: create claims the pool (DescribeUserPool + TagResource), delete releases it", async () => {
        const pool = await createUserPool(m.moto.endpoint);
        const p = await provider();
        const inputs = { userPoolId: pool, ...TOTP, __owner: "proj/a/mfa-0" } as MfaConfigInputs;
        const { outs } = await p.create(inputs);
        assert.deepEqual(ops(0), ["GetUserPoolMfaConfig", "DescribeUserPool", "TagResource", "SetUserPoolMfaConfig"]);
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "proj/a/mfa-0" });
        const mark = proxy.requests().length;
        await p.delete(pool, outs!);
        assert.deepEqual(ops(mark), ["GetUserPoolMfaConfig", "SetUserPoolMfaConfig", "UntagResource"]);
        assert.deepEqual(await tagsOf(pool), {});
    });

    it("false: create is Get + Set and delete Get + Set, no tag written", async () => {
        const pool = await createUserPool(m.moto.endpoint);
        const p = await provider("false");
        const { outs } = await p.create({ userPoolId: pool, ...TOTP, __owner: "proj/a/mfa-0" });
        assert.deepEqual(ops(0), ["GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]);
        assert.deepEqual(await tagsOf(pool), {});
        assert.equal("__owner" in outs!, false, "no record of a tag that was not written");
        const mark = proxy.requests().length;
        await p.delete(pool, outs!);
        assert.deepEqual(ops(mark), ["GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]);
        assert.deepEqual(await liveMfa(m.moto.endpoint, pool), { MfaConfiguration: "OFF" });
    });

    it("a tag written with the setting on keeps its record through update and refresh with it off; delete with it on again removes it", async () => {
        const pool = await createUserPool(m.moto.endpoint);
        const inputs = { userPoolId: pool, ...TOTP, __owner: "proj/a/mfa-0" } as MfaConfigInputs;
        const { outs } = await (await provider()).create(inputs);
        assert.equal(outs!.__owner, "proj/a/mfa-0");
        const off = await provider("false");
        // The program sends no __owner with the setting off (resource.ts, claims.ts).
        const { outs: updated } = await off.update(pool, outs!, {
            userPoolId: pool,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        assert.equal(updated!.__owner, "proj/a/mfa-0", "update keeps the record of the tag on the pool");
        const { props: refreshed } = await off.read(pool, updated);
        assert.equal(refreshed!.__owner, "proj/a/mfa-0", "refresh keeps it too");
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "proj/a/mfa-0" });
        forgetUserPools(); // a later `pulumi destroy`, another process: the pool is read again
        const mark = proxy.requests().length;
        await (await provider()).delete(pool, refreshed!);
        assert.deepEqual(ops(mark), ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig", "UntagResource"]);
        assert.deepEqual(await tagsOf(pool), {}, "the tag written while the setting was on is gone");
    });

    it("what false gives up: a pool another stack's resource has claimed is no longer refused", async () => {
        const pool = await createUserPool(m.moto.endpoint);
        const arn = (await cognitoClient(m.moto.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: pool }))).UserPool!.Arn!;
        await cognitoClient(m.moto.endpoint).send(new TagResourceCommand({ ResourceArn: arn, Tags: { [OWNER_TAG]: "proj/b/mfa-0" } }));
        const inputs = { userPoolId: pool, ...TOTP, __owner: "proj/a/mfa-0" } as MfaConfigInputs;
        await assert.rejects((await provider()).create(inputs), /already managed by UserPoolMfaConfig proj\/b\/mfa-0/);
        forgetUserPools();
        await (await provider("false")).create(inputs);
        assert.equal((await liveMfa(m.moto.endpoint, pool)).MfaConfiguration, "OPTIONAL", "the other stack's pool was written");
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "proj/b/mfa-0" }, "and its tag left as it was");
    });
});
