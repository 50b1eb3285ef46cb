// Upgrading from the last layout written without a state version, through the real CLI against
// moto: a stack written by the package as main had it at commit ffc662c (test/fixtures/releases,
// pulumi-cognito-mfa-0.1.0+ffc662c.tgz: version 0.1.0 plus that commit, packed there with
// `npm pack`) is previewed, refreshed and updated by this build. Its states have the __ names
// and no __stateVersion: nothing may change on the upgrade itself (preview plans nothing, refresh
// keeps the states as they are), a real change shows only itself in `preview --diff`, and the
// update that follows writes the current state version, which no diff shows.
import * as assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, createUserPool, iamClient, liveMfa, repoRoot, useMoto } from "../harness/moto";
import {
    assertNoChanges,
    BOOKKEEPING_IN_DIFF,
    MFA_TYPE,
    packageTarball,
    resourceChanges,
    ROLE_TYPE,
    Stack,
    StackExport,
} from "../harness/pulumi";

const m = useMoto();
const MAIN_FFC662C = join(repoRoot, "test/fixtures/releases/pulumi-cognito-mfa-0.1.0+ffc662c.tgz");

function resource(state: StackExport, type: string) {
    const r = state.deployment.resources?.find((x) => x.type === type);
    assert.ok(r, `no ${type} in state`);
    return r as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
}

describe("upgrade from main at ffc662c (no state version)", () => {
    it("previews, refreshes and updates with no change, then writes the state version where no diff shows it", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("test/fixtures/upgrade", { env: awsEnv(m.moto.endpoint), packageTarball: MAIN_FFC662C });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.up();

        // What ffc662c wrote: the __ names, and no state version.
        const before = await stack.exportState();
        const oldMfa = resource(before, MFA_TYPE);
        const oldRole = resource(before, ROLE_TYPE);
        assert.ok("__inputShape" in oldMfa.outputs && !("__stateVersion" in oldMfa.outputs), Object.keys(oldMfa.outputs).join());
        assert.ok("__inputKeys" in oldRole.outputs && !("__stateVersion" in oldRole.outputs), Object.keys(oldRole.outputs).join());

        await stack.installPackage(packageTarball());

        // The upgrade itself: no change anywhere, and refresh gives back the states as they were.
        assertNoChanges(await stack.preview({ expectNoChanges: true }));
        const refresh = await stack.refresh();
        assert.deepEqual(resourceChanges(refresh), [], "refresh after the upgrade reports no change");
        const refreshed = await stack.exportState();
        assert.deepEqual(resource(refreshed, MFA_TYPE).outputs, oldMfa.outputs, "read keeps the state's version (none)");
        assert.deepEqual(resource(refreshed, ROLE_TYPE).outputs, oldRole.outputs, "read keeps the state's version (none)");
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up), [], "up after the upgrade changes nothing");
        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        // A real change: the diff shows it, and only it (no __stateVersion, no other bookkeeping).
        await stack.setConfig("mode", "ON");
        const diff = await stack.pulumi(["preview", "--diff"]);
        assert.match(diff.stdout, /~ mfaConfiguration\s*:\s*"OPTIONAL"\s*=>\s*"ON"/);
        assert.doesNotMatch(diff.stdout, BOOKKEEPING_IN_DIFF, diff.stdout);
        await stack.up();
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "ON");
        const after = resource(await stack.exportState(), MFA_TYPE);
        assert.equal(after.outputs.__stateVersion, 1, "the update writes the current state version");
        assert.deepEqual(after.outputs.__inputShape, oldMfa.outputs.__inputShape);
        assertNoChanges(await stack.preview({ expectNoChanges: true }));

        // Drift: refresh --diff names the drifted field and no bookkeeping.
        await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" }));
        const drift = await stack.pulumi(["refresh", "--diff", "--yes"]);
        assert.match(drift.stdout, /~ mfaConfiguration\s*:\s*"ON"\s*=>\s*"OFF"/);
        assert.doesNotMatch(drift.stdout, BOOKKEEPING_IN_DIFF, drift.stdout);

        await stack.up();
        await stack.destroy();
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), { MfaConfiguration: "OFF" });
        const roles = (await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? [];
        assert.deepEqual(
            roles.map((r) => r.RoleName),
            [],
        );
        await stack.rm();
    });
});
