// Scenarios 4 and 7 of docs/reliability.md: the `pulumi` process killed (SIGKILL) or
// interrupted (SIGINT, Ctrl-C) in the middle of an `up`, then the recovery steps the CLI
// (.tools, 3.259, file backend) needs, until state, AWS and the program agree.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { iamClient, liveMfa, useMoto } from "../harness/moto";
import { FaultProxy } from "../harness/faultProxy";
import { assertNoChanges, CliResult, MFA_TYPE, ROLE_TYPE, Stack } from "../harness/pulumi";
import { createPools, figures, FULL, removeStack, useStack, proxiedFixture } from "./scenario";

const m = useMoto({ resetAfterEach: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `pulumi up` in a process group of its own, sends `signal` to that group once `when()`
 * holds, and returns the CLI's result. The engine starts its plugins (the language host, the
 * dynamic provider) in groups of their own, which the signal does not reach: after a SIGKILL they
 * go on running with no engine. Stack.start kills them once the CLI has exited, so that recovery
 * does not race them and no process outlives the test (result.reaped lists them).
 */
async function upInterrupted(
    stack: Stack,
    signal: NodeJS.Signals,
    when: () => boolean,
): Promise<{ result: CliResult; signalledAfterMs: number }> {
    const run = stack.start("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true, ownGroup: true });
    const t0 = Date.now();
    let signalledAfterMs = -1;
    while (signalledAfterMs < 0) {
        await sleep(100);
        if (when()) {
            run.signal(signal);
            signalledAfterMs = Date.now() - t0;
        }
        if (Date.now() - t0 > 300_000) throw new Error("the condition to interrupt never held");
    }
    return { result: await run.result, signalledAfterMs };
}

/** State, AWS and program agree: every pool as desired, every role in IAM is in state and vice versa. */
async function assertConverged(stack: Stack, pools: string[]): Promise<void> {
    const resources = (await stack.exportState()).deployment.resources ?? [];
    assert.equal(resources.filter((r) => r.type === MFA_TYPE).length, pools.length);
    const stateRoles = resources
        .filter((r) => r.type === ROLE_TYPE)
        .map((r) => r.id)
        .sort();
    const iamRoles = ((await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName).sort();
    assert.deepEqual(iamRoles, stateRoles, "no orphaned role, and no role in state that IAM lacks");
    for (const id of pools) {
        const live = await liveMfa(m.moto.endpoint, id);
        assert.equal(live.MfaConfiguration, "OPTIONAL", `pool ${id}`);
        assert.ok(live.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, `pool ${id} has SMS`);
    }
    assertNoChanges(await stack.preview());
}

describe("reliability: the CLI killed or interrupted mid-up", () => {
    let proxy: FaultProxy;
    let stack: Stack;
    before(async () => ({ proxy, stack } = await proxiedFixture(m.moto.endpoint)));
    after(async () => proxy?.stop());

    for (const signal of ["SIGKILL", "SIGINT"] as const) {
        const pools = FULL ? 20 : 10;
        it(`scenario ${signal === "SIGKILL" ? 4 : 7}: ${signal} during an up of ${pools * 2} resources (${pools} roles + ${pools} MFA configs), then recovery converges`, async () => {
            const name = signal === "SIGKILL" ? "killed" : "interrupted";
            const ids = await createPools(m.moto.endpoint, pools, name);
            await useStack(stack, name, { userPoolIds: JSON.stringify(ids), sms: "true" });
            // Slow every call a little so the signal lands in the middle.
            proxy.addRule({ op: "*", fault: { kind: "delay", ms: 150 } });
            const since = proxy.requests().length;
            const t0 = Date.now();
            const { result, signalledAfterMs } = await upInterrupted(
                stack,
                signal,
                () =>
                    proxy
                        .requests()
                        .slice(since)
                        .filter((r) => r.op === "SetUserPoolMfaConfig" && r.status === 200).length >= 2,
            );
            proxy.clearRules();
            const interruptedWall = Date.now() - t0;
            const afterSignal = {
                exitCode: result.code,
                rolesInIam: ((await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? []).length,
                state: (await stack.exportState()).deployment as {
                    resources?: unknown[];
                    pending_operations?: Array<{ type: string; resource: { urn: string } }>;
                },
            };
            const pending = afterSignal.state.pending_operations ?? [];
            console.log(
                `after ${signal}: exit ${result.code}, ${afterSignal.state.resources?.length ?? 0} resources and ${pending.length} pending operation(s) in state (${pending.map((p) => `${p.type} ${p.resource.urn.split("::").pop()}`).join(", ")}), ${afterSignal.rolesInIam} role(s) in IAM, ${result.reaped.length} process(es) left running and killed`,
            );

            // Recovery. `pulumi cancel` is for Pulumi Cloud; the file backend has nothing to cancel.
            const cancel = await stack.pulumi(["cancel", "--yes"], { allowFailure: true });
            const t1 = Date.now();
            const refresh = await stack.pulumi(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"], { allowFailure: true });
            const up = await stack.pulumi(["up", "--yes", "--skip-preview"], { allowFailure: true });
            const recoveryWall = Date.now() - t1;
            figures(`${signal === "SIGKILL" ? 4 : 7}-${name}`, proxy, since, Date.now() - t0, {
                resources: pools * 2,
                signalledAfterSeconds: +(signalledAfterMs / 1000).toFixed(1),
                interruptedUpExit: result.code,
                interruptedUpSeconds: +(interruptedWall / 1000).toFixed(1),
                pendingOperations: pending.map((p) => p.type),
                cancelExit: cancel.code,
                refreshExit: refresh.code,
                upExit: up.code,
                recoverySeconds: +(recoveryWall / 1000).toFixed(1),
            });
            assert.equal(refresh.code, 0, "refresh --clear-pending-creates");
            assert.equal(up.code, 0, "the second up");
            await assertConverged(stack, ids);
            await stack.destroy();
            assert.deepEqual((await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? [], []);
            await removeStack(stack, name);
        });
    }
});
