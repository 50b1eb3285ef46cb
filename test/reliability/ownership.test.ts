// Scenarios 5 and 6 of docs/reliability.md: a pool deleted out of band, and two
// UserPoolMfaConfig resources (in one stack, or in two stacks) on the same pool. Runs through the
// fault proxy without faults: moto 5.2.3 lacks cognito-idp tagging and the proxy emulates it.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DeleteUserPoolCommand, DescribeUserPoolCommand, UntagResourceCommand } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoClient, liveMfa, useMoto } from "../harness/moto";
import { FaultProxy } from "../harness/faultProxy";
import { MFA_TYPE, Stack } from "../harness/pulumi";
import { createPools, removeStack, selectStack, useStack, proxiedFixture } from "./scenario";

const m = useMoto({ resetAfterEach: false });
const OWNER_TAG = "pulumi-cognito-mfa:owner";

describe("reliability: pools deleted out of band, and pools claimed twice", () => {
    let proxy: FaultProxy;
    let stack: Stack;
    before(async () => ({ proxy, stack } = await proxiedFixture(m.moto.endpoint)));
    after(async () => proxy?.stop());

    // Tags as the proxy (i.e. AWS) shows them, through DescribeUserPool.
    const tagsOf = async (poolId: string) =>
        (await cognitoClient(proxy.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.UserPoolTags ?? {};

    it("scenario 5: a deleted pool is dropped by refresh, up refuses to create a pool, destroy succeeds", async () => {
        const pools = await createPools(m.moto.endpoint, 2, "oob");
        await useStack(stack, "oob", { userPoolIds: JSON.stringify(pools) });
        await stack.up();
        assert.deepEqual(await tagsOf(pools[0]), { [OWNER_TAG]: "many-mfa/oob/mfa-0" }, "create tags the pool with its owner");

        await cognitoClient(m.moto.endpoint).send(new DeleteUserPoolCommand({ UserPoolId: pools[0] }));
        const refresh = await stack.refresh();
        assert.equal(refresh.json.result, "succeeded");
        const names = (await stack.exportState()).deployment
            .resources!.filter((r) => r.type === MFA_TYPE)
            .map((r) => r.urn.split("::").pop());
        assert.deepEqual(names, ["mfa-1"], "refresh dropped the resource of the deleted pool");

        const up = await stack.up({ allowFailure: true });
        assert.notEqual(up.code, 0);
        const text = (up.json.diagnostics ?? []).map((d) => d.message).join("\n");
        // The pre-flight check (DescribeUserPool in check) or, without it, create refuses.
        assert.match(text, new RegExp(`${pools[0]}[^\n]*(names no user pool|does not exist)[^\n]*never creates one`));

        const destroy = await stack.destroy();
        assert.equal(destroy.json.result, "succeeded");
        assert.deepEqual(await liveMfa(m.moto.endpoint, pools[1]), { MfaConfiguration: "OFF" });
        assert.deepEqual(await tagsOf(pools[1]), {}, "destroy removes the owner tag");
        await removeStack(stack, "oob");
    });

    it("scenario 6a: two resources on one pool in one program: the second is refused before it registers", async () => {
        const [pool] = await createPools(m.moto.endpoint, 1, "twice");
        await useStack(stack, "twice", { userPoolIds: JSON.stringify([pool, pool]) });
        const since = proxy.requests().length;
        const up = await stack.up({ allowFailure: true });
        assert.notEqual(up.code, 0);
        const messages = (up.json.diagnostics ?? []).map((d) => d.message).join("\n");
        assert.match(messages, new RegExp(`UserPoolMfaConfig "mfa-1" and UserPoolMfaConfig "mfa-0" both manage user pool ${pool}`));
        const sets = proxy
            .requests()
            .slice(since)
            .filter((r) => r.op === "SetUserPoolMfaConfig").length;
        assert.ok(sets <= 1, `only mfa-0 may write: ${sets} Set calls`);
        const names = (await stack.exportState()).deployment
            .resources!.filter((r) => r.type === MFA_TYPE)
            .map((r) => r.urn.split("::").pop());
        assert.ok(!names.includes("mfa-1"), "mfa-1 never reached the provider");
        await stack.destroy();
        await removeStack(stack, "twice");
    });

    it("scenario 6b: two stacks on one pool: the second is refused, naming the first, and writes nothing", async () => {
        const [pool] = await createPools(m.moto.endpoint, 1, "two-stacks");
        // Two stacks of one project in one backend: as two teams' CI would run them.
        await useStack(stack, "team-b", {
            userPoolIds: JSON.stringify([pool]),
            args: JSON.stringify({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }),
        });
        await useStack(stack, "team-a", { userPoolIds: JSON.stringify([pool]) });
        const before = proxy.requests().length;
        await stack.up();
        // check's pre-flight and create's owner claim share one DescribeUserPool.
        assert.deepEqual(
            proxy
                .requests()
                .slice(before)
                .map((r) => r.op),
            ["DescribeUserPool", "GetUserPoolMfaConfig", "TagResource", "SetUserPoolMfaConfig"],
        );
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "many-mfa/team-a/mfa-0" });

        const since = proxy.requests().length;
        await selectStack(stack, "team-b");
        const refused = await stack.up({ allowFailure: true });
        assert.notEqual(refused.code, 0);
        const messages = (refused.json.diagnostics ?? []).map((d) => d.message).join("\n");
        assert.match(messages, new RegExp(`User pool ${pool} is already managed by UserPoolMfaConfig many-mfa/team-a/mfa-0`));
        assert.equal(
            proxy
                .requests()
                .slice(since)
                .filter((r) => r.op === "SetUserPoolMfaConfig" || r.op === "TagResource").length,
            0,
            "team-b wrote nothing",
        );
        assert.deepEqual(await liveMfa(m.moto.endpoint, pool), {
            MfaConfiguration: "OPTIONAL",
            SoftwareTokenMfaConfiguration: { Enabled: true },
        });

        // Once team-a lets go (destroy removes its tag), team-b can take the pool.
        await selectStack(stack, "team-a");
        await stack.destroy();
        assert.deepEqual(await tagsOf(pool), {});
        await selectStack(stack, "team-b");
        await stack.up();
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "many-mfa/team-b/mfa-0" });
        assert.equal((await liveMfa(m.moto.endpoint, pool)).MfaConfiguration, "ON");
        await stack.destroy();
        await removeStack(stack, "team-b");
        await removeStack(stack, "team-a");
    });

    it("scenario 6c: a pool another stack has claimed since is left alone by the first stack's destroy", async () => {
        const [pool] = await createPools(m.moto.endpoint, 1, "taken");
        await useStack(stack, "team-d", {
            userPoolIds: JSON.stringify([pool]),
            args: JSON.stringify({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }),
        });
        await useStack(stack, "team-c", { userPoolIds: JSON.stringify([pool]) });
        await stack.up();
        // Someone removes team-c's tag by hand, and team-d takes the pool.
        const arn = (await cognitoClient(proxy.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: pool }))).UserPool!.Arn!;
        await cognitoClient(proxy.endpoint).send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: [OWNER_TAG] }));
        await selectStack(stack, "team-d");
        await stack.up();
        const taken = await liveMfa(m.moto.endpoint, pool);
        assert.equal(taken.MfaConfiguration, "ON");

        await selectStack(stack, "team-c");
        const since = proxy.requests().length;
        const destroy = await stack.destroy();
        assert.equal(destroy.json.result, "succeeded");
        assert.deepEqual(
            proxy
                .requests()
                .slice(since)
                .map((r) => r.op),
            ["DescribeUserPool"],
            "team-c's destroy reads the owner tag and writes nothing",
        );
        const warnings = (destroy.json.diagnostics ?? []).map((d) => d.message).join("\n");
        assert.match(warnings, new RegExp(`User pool ${pool} is now managed by UserPoolMfaConfig many-mfa/team-d/mfa-0`));
        assert.deepEqual(await liveMfa(m.moto.endpoint, pool), taken);
        assert.deepEqual(await tagsOf(pool), { [OWNER_TAG]: "many-mfa/team-d/mfa-0" });

        await selectStack(stack, "team-d");
        await stack.destroy();
        assert.deepEqual(await tagsOf(pool), {});
        await removeStack(stack, "team-d");
        await removeStack(stack, "team-c");
    });
});
