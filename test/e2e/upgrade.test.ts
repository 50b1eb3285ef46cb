// Upgrading the package under an existing stack, through the real CLI against moto: a stack
// written by the 0.1.0 release (test/fixtures/releases, packed from that release's commit) is
// refreshed, previewed and updated by this build. Nothing may change on the upgrade itself, the
// old serialized provider must keep working (it requires paths this build still exports), and
// once the resources are updated no bookkeeping shows in `preview --diff` or `refresh --diff`.
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
const RELEASE_0_1_0 = join(repoRoot, "test/fixtures/releases/pulumi-cognito-mfa-0.1.0.tgz");

function resource(state: StackExport, type: string) {
    const r = state.deployment.resources?.find((x) => x.type === type);
    assert.ok(r, `no ${type} in state`);
    return r as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
}

describe("upgrade from 0.1.0", () => {
    it("a 0.1.0 stack previews, refreshes and updates with no change, then migrates its bookkeeping out of every diff", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("test/fixtures/upgrade", { env: awsEnv(m.moto.endpoint), packageTarball: RELEASE_0_1_0 });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.up();

        // What 0.1.0 wrote: its forwarding stub (a require of its provider module by path) and
        // its bookkeeping under names the engine displays.
        const before = await stack.exportState();
        const oldMfa = resource(before, MFA_TYPE);
        const oldRole = resource(before, ROLE_TYPE);
        assert.match(String(oldMfa.outputs.__provider), /require\("pulumi-cognito-mfa\/dist\/provider\/userPoolMfaConfigProvider\.js"\)/);
        assert.match(String(oldRole.outputs.__provider), /require\("pulumi-cognito-mfa\/dist\/provider\/snsCallerRoleProvider\.js"\)/);
        assert.ok("inputShape" in oldMfa.outputs && "adoptedConfiguration" in oldMfa.outputs, Object.keys(oldMfa.outputs).join());
        assert.ok("inputKeys" in oldRole.outputs && "policyName" in oldRole.outputs, Object.keys(oldRole.outputs).join());

        await stack.installPackage(packageTarball());

        // The upgrade itself: no change anywhere, and the old __provider (used by refresh) works.
        assertNoChanges(await stack.preview());
        const refresh = await stack.refresh();
        assert.deepEqual(resourceChanges(refresh), [], "refresh after the upgrade reports no change");
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up), [], "up after the upgrade changes nothing");
        assertNoChanges(await stack.preview());

        // A real change: the diff shows it, and only it.
        await stack.setConfig("mode", "ON");
        const diff = await stack.pulumi(["preview", "--diff"]);
        assert.match(diff.stdout, /~ mfaConfiguration\s*:\s*"OPTIONAL"\s*=>\s*"ON"/);
        assert.doesNotMatch(diff.stdout, BOOKKEEPING_IN_DIFF, diff.stdout);
        await stack.up();
        const cognito = cognitoClient(m.moto.endpoint);
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "ON");

        // The update moved the MFA resource's bookkeeping to __ names, and its stub to this build's.
        const after = resource(await stack.exportState(), MFA_TYPE);
        assert.ok(!("inputShape" in after.outputs) && !("adoptedConfiguration" in after.outputs), Object.keys(after.outputs).join());
        // 0.1.0 adopted MFA OFF and nothing else: that needs no record under the new name.
        assert.ok("__inputShape" in after.outputs && !("__adoptedConfiguration" in after.outputs), Object.keys(after.outputs).join());
        // ... and wrote the current state version (stateVersion.ts: 0.1.0's layout is version 0).
        assert.equal(after.outputs.__stateVersion, 1);
        assert.match(String(after.outputs.__provider), /= require\("pulumi-cognito-mfa\/engine\/user-pool-mfa-config"\);/);

        // Drift: refresh --diff names the drifted fields and no bookkeeping.
        await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" }));
        const drift = await stack.pulumi(["refresh", "--diff", "--yes"]);
        assert.match(drift.stdout, /~ mfaConfiguration\s*:\s*"ON"\s*=>\s*"OFF"/);
        assert.doesNotMatch(drift.stdout, BOOKKEEPING_IN_DIFF, drift.stdout);

        // restore still finds what 0.1.0 adopted (MFA OFF), and the role goes.
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
