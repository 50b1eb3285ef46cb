// Upgrading the package under an existing stack, through the real CLI against moto: a stack
// written by an earlier build (test/fixtures/releases, each packed with `npm pack` from its commit)
// is previewed, refreshed and updated by this build. For each:
//   - 0.1.0, the release: its forwarding stub requires paths this build still exports, and its
//     bookkeeping has names the engine displays;
//   - 0.1.0+ffc662c, main at that commit: the __ names, and no state version.
// Nothing may change on the upgrade itself (preview plans nothing, refresh reports nothing), a real
// change shows only itself in `preview --diff`, the update that follows writes the current state
// version, which no diff shows, and refresh --diff names drift and no bookkeeping.
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

type Stored = { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

function resource(state: StackExport, type: string): Stored {
    const r = state.deployment.resources?.find((x) => x.type === type);
    assert.ok(r, `no ${type} in state`);
    return r as Stored;
}

interface Release {
    title: string;
    tarball: string;
    /** What that build wrote, checked before the upgrade. */
    wrote(mfa: Stored, role: Stored): void;
    /** After the upgrade, before any change: what refresh keeps. */
    afterRefresh?(mfa: Stored, role: Stored, oldMfa: Stored, oldRole: Stored): void;
    /** The MFA resource after the first update by this build. */
    updated(mfa: Stored, oldMfa: Stored): void;
}

const RELEASES: Release[] = [
    {
        title: "a 0.1.0 stack previews, refreshes and updates with no change, then migrates its bookkeeping out of every diff",
        tarball: join(repoRoot, "test/fixtures/releases/pulumi-cognito-mfa-0.1.0.tgz"),
        wrote(mfa, role) {
            // Its forwarding stub (a require of its provider module by path), and its bookkeeping
            // under names the engine displays.
            assert.match(String(mfa.outputs.__provider), /require\("pulumi-cognito-mfa\/dist\/provider\/userPoolMfaConfigProvider\.js"\)/);
            assert.match(String(role.outputs.__provider), /require\("pulumi-cognito-mfa\/dist\/provider\/snsCallerRoleProvider\.js"\)/);
            assert.ok("inputShape" in mfa.outputs && "adoptedConfiguration" in mfa.outputs, Object.keys(mfa.outputs).join());
            assert.ok("inputKeys" in role.outputs && "policyName" in role.outputs, Object.keys(role.outputs).join());
        },
        updated(mfa) {
            // The update moved the bookkeeping to __ names, and the stub to this build's.
            assert.ok(!("inputShape" in mfa.outputs) && !("adoptedConfiguration" in mfa.outputs), Object.keys(mfa.outputs).join());
            // 0.1.0 adopted MFA OFF and nothing else: that needs no record under the new name.
            assert.ok("__inputShape" in mfa.outputs && !("__adoptedConfiguration" in mfa.outputs), Object.keys(mfa.outputs).join());
            // stateVersion.ts: 0.1.0's layout is version 0; this build writes 2 (the shape as JSON text).
            assert.equal(mfa.outputs.__stateVersion, 2);
            assert.equal(typeof mfa.outputs.__inputShape, "string");
            assert.equal(mfa.outputs.__provider, 'exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");\n');
        },
    },
    {
        title: "a stack of main at ffc662c (no state version) previews, refreshes and updates with no change, then writes the state version where no diff shows it",
        tarball: join(repoRoot, "test/fixtures/releases/pulumi-cognito-mfa-0.1.0+ffc662c.tgz"),
        wrote(mfa, role) {
            assert.ok("__inputShape" in mfa.outputs && !("__stateVersion" in mfa.outputs), Object.keys(mfa.outputs).join());
            assert.ok("__inputKeys" in role.outputs && !("__stateVersion" in role.outputs), Object.keys(role.outputs).join());
        },
        afterRefresh(mfa, role, oldMfa, oldRole) {
            assert.deepEqual(mfa.outputs, oldMfa.outputs, "read keeps the state's version (none)");
            assert.deepEqual(role.outputs, oldRole.outputs, "read keeps the state's version (none)");
        },
        updated(mfa, oldMfa) {
            assert.equal(mfa.outputs.__stateVersion, 2, "the update writes the current state version");
            assert.deepEqual(JSON.parse(String(mfa.outputs.__inputShape)), oldMfa.outputs.__inputShape, "the same shape, as JSON text");
            // The serializer's text that build stored gives way to the one line of this one.
            assert.notEqual(oldMfa.outputs.__provider, mfa.outputs.__provider);
            assert.equal(mfa.outputs.__provider, 'exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");\n');
        },
    },
];

describe("upgrade from an earlier build", () => {
    for (const release of RELEASES) {
        it(release.title, async () => {
            const poolId = await createUserPool(m.moto.endpoint);
            const stack = await Stack.create("test/fixtures/upgrade", { env: awsEnv(m.moto.endpoint), packageTarball: release.tarball });
            await stack.init();
            await stack.setConfig("userPoolId", poolId);
            await stack.up();

            const before = await stack.exportState();
            const oldMfa = resource(before, MFA_TYPE);
            const oldRole = resource(before, ROLE_TYPE);
            release.wrote(oldMfa, oldRole);

            await stack.installPackage(packageTarball());

            // The upgrade itself: no change anywhere, and the old __provider (used by refresh) works.
            assertNoChanges(await stack.preview({ expectNoChanges: true }));
            const refresh = await stack.refresh();
            assert.deepEqual(resourceChanges(refresh), [], "refresh after the upgrade reports no change");
            const refreshed = await stack.exportState();
            release.afterRefresh?.(resource(refreshed, MFA_TYPE), resource(refreshed, ROLE_TYPE), oldMfa, oldRole);
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
            release.updated(resource(await stack.exportState(), MFA_TYPE), oldMfa);
            assertNoChanges(await stack.preview({ expectNoChanges: true }));

            // Drift: refresh --diff names the drifted field and no bookkeeping.
            await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF" }));
            const drift = await stack.pulumi(["refresh", "--diff", "--yes"]);
            assert.match(drift.stdout, /~ mfaConfiguration\s*:\s*"ON"\s*=>\s*"OFF"/);
            assert.doesNotMatch(drift.stdout, BOOKKEEPING_IN_DIFF, drift.stdout);

            // restore still finds what the old build adopted (MFA OFF), and the role goes.
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
    }
});
