// The fault proxy itself, against moto with plain SDK clients: operations parsed, faults in the
// shapes the SDK understands, the token bucket and the IAM propagation window.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    TagResourceCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { createUserPool, useMoto } from "../harness/moto";
import { FaultProxy, quotaRules, quotasOf, startFaultProxy } from "../harness/faultProxy";

const m = useMoto();
const creds = { accessKeyId: "testing", secretAccessKey: "testing" };
// maxAttempts 1: the proxy's answer reaches the test as it is.
const cognito = (endpoint: string) =>
    new CognitoIdentityProviderClient({ endpoint, region: "us-east-1", credentials: creds, maxAttempts: 1 });
const iam = (endpoint: string) => new IAMClient({ endpoint, region: "us-east-1", credentials: creds, maxAttempts: 1 });
const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
    try {
        await p;
    } catch (e) {
        const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
        return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
    }
    throw new Error("expected the call to fail");
}

describe("fault proxy", () => {
    let proxy: FaultProxy;
    let clock = 1_000_000;
    before(async () => {
        proxy = await startFaultProxy(m.moto.endpoint, { now: () => clock });
    });
    after(async () => proxy?.stop());

    it("forwards and records Cognito (X-Amz-Target) and IAM (Action=) operations", async () => {
        proxy.reset();
        proxy.clearRules();
        const poolId = await createUserPool(m.moto.endpoint);
        await cognito(proxy.endpoint).send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
        await errorOf(iam(proxy.endpoint).send(new GetRoleCommand({ RoleName: "nope" })));
        assert.deepEqual(
            proxy.requests().map((r) => [r.op, r.service, r.status, r.injected]),
            [
                ["GetUserPoolMfaConfig", "cognito-idp", 200, undefined],
                ["GetRole", "iam", 404, undefined],
            ],
        );
        assert.equal(proxy.count("GetUserPoolMfaConfig"), 1);
        assert.equal(proxy.count(), 2);
    });

    it("answers throttling, 5xx, resets and ConcurrentModification in the shapes the SDK parses", async () => {
        proxy.reset();
        proxy.clearRules();
        const poolId = await createUserPool(m.moto.endpoint);
        const c = cognito(proxy.endpoint);
        const get = () => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
        let id = proxy.addRule({ op: "GetUserPoolMfaConfig", fault: { kind: "throttle" } });
        assert.deepEqual(await errorOf(get()), { name: "TooManyRequestsException", message: "Rate exceeded", status: 429 });
        proxy.removeRule(id);
        id = proxy.addRule({ op: "*", service: "cognito-idp", fault: { kind: "status", status: 503 } });
        assert.equal((await errorOf(get())).status, 503);
        proxy.removeRule(id);
        id = proxy.addRule({ op: "*", fault: { kind: "reset" } });
        assert.match((await errorOf(get())).message, /socket hang up|ECONNRESET/);
        proxy.removeRule(id);
        id = proxy.addRule({ op: "SetUserPoolMfaConfig", fault: { kind: "concurrentModification" } });
        assert.equal(
            (await errorOf(c.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" })))).name,
            "ConcurrentModificationException",
        );
        proxy.removeRule(id);
        proxy.addRule({ op: "GetRole", fault: { kind: "throttle" } });
        assert.equal((await errorOf(iam(proxy.endpoint).send(new GetRoleCommand({ RoleName: "x" })))).name, "Throttling");
        proxy.clearRules();
        await get();
        assert.equal(proxy.count("GetUserPoolMfaConfig", { injected: true }), 3);
        assert.equal(proxy.count("GetUserPoolMfaConfig", { injected: false }), 1);
        assert.equal(proxy.stats().GetUserPoolMfaConfig.statuses["0"], 1);
    });

    it("token bucket: at most `rps` requests a second pass, the rest get 429", async () => {
        proxy.reset();
        proxy.clearRules();
        const poolId = await createUserPool(m.moto.endpoint);
        proxy.addRule({ op: "*", service: "cognito-idp", fault: { kind: "throttle" }, rps: 3 });
        const c = cognito(proxy.endpoint);
        const results = await Promise.allSettled(
            Array.from({ length: 5 }, () => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))),
        );
        assert.equal(results.filter((r) => r.status === "fulfilled").length, 3, "the burst");
        clock += 1000; // one second later: 3 new tokens
        const again = await Promise.allSettled(
            Array.from({ length: 4 }, () => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))),
        );
        assert.equal(again.filter((r) => r.status === "fulfilled").length, 3);
        assert.equal(proxy.count("*", { status: 429 }), 3);
        proxy.clearRules();
    });

    it("documented quotas: each category its own bucket; TagResource at 5/s throttled where reads at 15/s are not", async () => {
        proxy.reset();
        proxy.clearRules();
        const poolId = await createUserPool(m.moto.endpoint);
        const arn = (await cognito(m.moto.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Arn!;
        for (const r of quotaRules()) proxy.addRule(r);
        const c = cognito(proxy.endpoint);
        // One frozen second: 10 TagResource and 10 GetUserPoolMfaConfig at once.
        const [tags, gets] = await Promise.all([
            Promise.allSettled(
                Array.from({ length: 10 }, (_, i) => c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { k: String(i) } }))),
            ),
            Promise.allSettled(Array.from({ length: 10 }, () => c.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId })))),
        ]);
        assert.equal(tags.filter((r) => r.status === "fulfilled").length, 5, "TagResource: 5 per second");
        assert.equal(gets.filter((r) => r.status === "fulfilled").length, 10, "UserPoolRead: 15 per second, not spent by the tags");
        assert.equal(proxy.count("TagResource", { status: 429 }), 5);
        // DescribeUserPool shares UserPoolRead with Get: 5 of the 15 tokens are left this second.
        const describes = await Promise.allSettled(
            Array.from({ length: 8 }, () => c.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))),
        );
        assert.equal(describes.filter((r) => r.status === "fulfilled").length, 5);
        clock += 1000;
        const later = await Promise.allSettled(
            Array.from({ length: 6 }, (_, i) => c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { k: `later-${i}` } }))),
        );
        assert.equal(later.filter((r) => r.status === "fulfilled").length, 5, "a second later: 5 new TagResource tokens");
        assert.deepEqual(
            quotasOf("cognito-idp", "TagResource").map((q) => [q.name, q.rps]),
            [
                ["UserPoolResourceUpdate", 15],
                ["TagResource", 5],
            ],
        );
        assert.deepEqual(
            quotasOf("cognito-idp", "SetUserPoolMfaConfig").map((q) => q.name),
            ["UserPoolUpdate"],
        );
        proxy.clearRules();
        clock += 1000;
    });

    it("IAM propagation: SetUserPoolMfaConfig with a role created < windowMs ago is refused, later accepted", async () => {
        proxy.reset();
        proxy.clearRules();
        const poolId = await createUserPool(m.moto.endpoint);
        proxy.addRule({ op: "SetUserPoolMfaConfig", fault: { kind: "iamPropagation", windowMs: 5000 } });
        const role = await iam(proxy.endpoint).send(new CreateRoleCommand({ RoleName: "sms-role", AssumeRolePolicyDocument: trust }));
        const set = () =>
            cognito(proxy.endpoint).send(
                new SetUserPoolMfaConfigCommand({
                    UserPoolId: poolId,
                    MfaConfiguration: "OPTIONAL",
                    SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: role.Role!.Arn, ExternalId: "x".repeat(20) } },
                }),
            );
        const err = await errorOf(set());
        assert.deepEqual(err, {
            name: "InvalidSmsRoleTrustRelationshipException",
            message: "Role does not have a trust relationship allowing Cognito to assume the role",
            status: 400,
        });
        clock += 5000;
        await set();
        // Without an SMS role in the request the rule does not apply.
        await cognito(proxy.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
        );
        assert.equal(proxy.count("SetUserPoolMfaConfig", { injected: true }), 1);
    });
});

describe("fault proxy: cognito-idp tagging", () => {
    it("TagResource / UntagResource / ListTagsForResource pass through to the emulator, and DescribeUserPool shows the tags", async () => {
        const { DescribeUserPoolCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } =
            await import("@aws-sdk/client-cognito-identity-provider");
        const proxy = await startFaultProxy(m.moto.endpoint);
        try {
            const poolId = await createUserPool(m.moto.endpoint);
            const c = cognito(proxy.endpoint);
            const arn = (await c.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Arn!;
            await c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { "pulumi-cognito-mfa:owner": "p/s/r", other: "x" } }));
            assert.deepEqual((await c.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.UserPoolTags, {
                "pulumi-cognito-mfa:owner": "p/s/r",
                other: "x",
            });
            await c.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["pulumi-cognito-mfa:owner"] }));
            assert.deepEqual((await c.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, { other: "x" });
            // The tags are the emulator's, not the proxy's: moto itself answers with them.
            assert.deepEqual((await cognito(m.moto.endpoint).send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, {
                other: "x",
            });
            assert.equal(proxy.count("TagResource", { injected: false, status: 200 }), 1);
            assert.equal(proxy.count("UntagResource", { injected: false, status: 200 }), 1);
        } finally {
            await proxy.stop();
        }
    });
});
