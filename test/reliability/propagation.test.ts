// Scenario 3 of docs/reliability.md: IAM propagation after the SNS caller role is created.
// The proxy refuses SetUserPoolMfaConfig with InvalidSmsRoleTrustRelationshipException while the
// role is younger than the window (6 s in `npm test`, 60 s with BENCH_FULL=1); the provider's
// default budget for that error is 120 s of real backoff (provider/aws/cognito.ts putMfaConfig).
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { awsEnv, createUserPool, iamClient, liveMfa, useMoto } from "../harness/moto";
import { FaultProxy, startFaultProxy } from "../harness/faultProxy";
import { Stack } from "../harness/pulumi";
import { figures, FULL, providerLines } from "./scenario";

const m = useMoto({ resetAfterEach: false });

describe("reliability: IAM propagation", () => {
    let proxy: FaultProxy;
    before(async () => {
        proxy = await startFaultProxy(m.moto.endpoint);
    });
    after(async () => proxy?.stop());

    it(`scenario 3: SMS MFA with a role created ${FULL ? 60 : 6} s before Cognito trusts it: up retries and succeeds, retries in the debug log`, async () => {
        const windowMs = FULL ? 60_000 : 6_000;
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("examples/sms-with-role", { env: awsEnv(proxy.endpoint), stackName: "propagation" });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        proxy.addRule({ op: "SetUserPoolMfaConfig", fault: { kind: "iamPropagation", windowMs } });
        const since = proxy.requests().length;
        const t0 = Date.now();
        // --debug: the provider's retry lines are debug-level diagnostics.
        const up = await stack.pulumi(["up", "--yes", "--skip-preview", "--debug"]);
        const wall = Date.now() - t0;
        proxy.clearRules();
        const refused = proxy
            .requests()
            .slice(since)
            .filter((r) => r.op === "SetUserPoolMfaConfig" && r.injected === "iamPropagation").length;
        const lines = providerLines(up.stdout + up.stderr).filter((l) =>
            /SetUserPoolMfaConfig .*InvalidSmsRoleTrustRelationshipException, retry \d+ in \d+ ms/.test(l),
        );
        figures("3-iam-propagation-up", proxy, since, wall, {
            windowSeconds: windowMs / 1000,
            refusedSets: refused,
            retryLogLines: lines.length,
        });
        assert.ok(refused >= 1, "the proxy refused at least one Set");
        // Every refusal but the last accepted one is followed by a logged retry (the engine may print a line twice).
        assert.ok(
            new Set(lines.map((l) => l.replace(/^.*\[pulumi-cognito-mfa\]/, ""))).size >= refused,
            `retries logged:\n${lines.join("\n")}`,
        );
        assert.ok(wall >= windowMs, "the Set that succeeded came after the window");
        const live = await liveMfa(m.moto.endpoint, poolId);
        assert.equal(live.MfaConfiguration, "OPTIONAL");
        assert.ok(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, "SMS is configured with the role");

        // Without --debug the retry lines are not shown.
        const plain = await stack.pulumi(["refresh", "--yes", "--skip-preview"]);
        assert.deepEqual(providerLines(plain.stdout), []);
        await stack.destroy();
        assert.deepEqual((await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? [], []);
        await stack.rm();
    });
});
