// Email MFA and passkeys through the real pulumi CLI against the rig's emulator, which stores and
// returns EmailMfaConfiguration and WebAuthnConfiguration as AWS does (docs/emulator.md): create,
// no perpetual diff, drift shown field by field by `pulumi refresh --diff`, a removed block, OFF,
// destroy under each delete policy, and a pool that already has both, adopted and restored.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateUserPoolCommand, SetUserPoolMfaConfigCommand, SetUserPoolMfaConfigRequest } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, liveMfa, useMoto } from "../harness/moto";
import { assertNoChanges, BOOKKEEPING_IN_DIFF, MFA_TYPE, resourceChanges, Stack } from "../harness/pulumi";

const m = useMoto();

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

/** A pool as email MFA and passkeys need it on AWS: Essentials, email through SES, recovery by email and phone. */
async function essentialsPool(): Promise<string> {
    const out = await cognitoClient(m.moto.endpoint).send(
        new CreateUserPoolCommand({
            PoolName: `email-passkeys-${Date.now()}`,
            UserPoolTier: "ESSENTIALS",
            EmailConfiguration: {
                EmailSendingAccount: "DEVELOPER",
                SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                From: "no-reply@example.com",
            },
            AccountRecoverySetting: {
                RecoveryMechanisms: [
                    { Name: "verified_email", Priority: 1 },
                    { Name: "verified_phone_number", Priority: 2 },
                ],
            },
        }),
    );
    return out.UserPool!.Id!;
}

/** test/fixtures/mfa-from-config: one UserPoolMfaConfig whose arguments are the `args` config, as JSON. */
async function configStack(poolId: string): Promise<{ stack: Stack; apply: (args: Record<string, unknown>) => Promise<void> }> {
    const stack = await Stack.create("test/fixtures/mfa-from-config", { env: awsEnv(m.moto.endpoint) });
    await stack.init();
    return { stack, apply: async (args) => void (await stack.setConfig("args", JSON.stringify({ userPoolId: poolId, ...args }))) };
}

/** Asserts that `pulumi preview --expect-no-changes` passes (the CLI fails it on any planned change). */
async function noPerpetualDiff(stack: Stack): Promise<void> {
    assertNoChanges(await stack.preview({ expectNoChanges: true }));
}

/** Whether the command (an `up`) updated the UserPoolMfaConfig: a program change the engine did not plan as one would leave the pool as it was. */
function updated(result: Parameters<typeof resourceChanges>[0]): boolean {
    return resourceChanges(result).some((c) => c.type === MFA_TYPE && c.op === "update");
}

const EMAIL = { subject: "Your sign-in code", message: "Your sign-in code is {####}." };
const PASSKEYS = {
    relyingPartyId: "auth.example.com",
    userVerification: "required",
    factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
} as const;

describe("email MFA and passkeys with the pulumi CLI", () => {
    it("email MFA: create, no perpetual diff, drift shown field by field and repaired, the block removed, OFF, destroy resets", async () => {
        const poolId = await essentialsPool();
        const { stack, apply } = await configStack(poolId);
        const desired = { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: EMAIL, softwareTokenMfaConfiguration: { enabled: true } };
        await apply(desired);
        const up = await stack.up();
        assert.deepEqual(
            resourceChanges(up).map((c) => [c.op, c.type]),
            [["create", MFA_TYPE]],
        );
        assert.deepEqual(await getMfa(poolId), {
            MfaConfiguration: "OPTIONAL",
            EmailMfaConfiguration: { Subject: EMAIL.subject, Message: EMAIL.message },
            SoftwareTokenMfaConfiguration: { Enabled: true },
        });
        await noPerpetualDiff(stack);

        // Someone changes the subject in the console.
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                EmailMfaConfiguration: { Subject: "Changed in the console", Message: EMAIL.message },
                SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
        );
        const refreshDiff = await stack.pulumi(["refresh", "--preview-only", "--diff"]);
        assert.match(refreshDiff.stdout, /~ subject\s*:\s*"Your sign-in code"\s*=>\s*"Changed in the console"/);
        assert.doesNotMatch(refreshDiff.stdout, /~ message\s*:/, "only the changed field is shown as changed");
        assert.doesNotMatch(refreshDiff.stdout, BOOKKEEPING_IN_DIFF, refreshDiff.stdout);
        await stack.refresh();
        const prDiff = await stack.pulumi(["preview", "--diff"]);
        assert.match(prDiff.stdout, /~ subject\s*:\s*"Changed in the console"\s*=>\s*"Your sign-in code"/);
        await stack.up();
        assert.deepEqual((await getMfa(poolId)).EmailMfaConfiguration, { Subject: EMAIL.subject, Message: EMAIL.message });
        await noPerpetualDiff(stack);

        // The program drops the email block: that is a change, and the write leaves email MFA out.
        await apply({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        assert.ok(updated(await stack.up()), "removing the email block must be a change");
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        await noPerpetualDiff(stack);

        // Back to email, then OFF: OFF clears every factor.
        await apply(desired);
        await stack.up();
        assert.deepEqual((await getMfa(poolId)).EmailMfaConfiguration, { Subject: EMAIL.subject, Message: EMAIL.message });
        await apply({ mfaConfiguration: "OFF" });
        assert.ok(updated(await stack.up()));
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" });
        await noPerpetualDiff(stack);

        // An empty email block: email MFA with Cognito's default texts (Get returns the block empty).
        await apply({ mfaConfiguration: "ON", emailMfaConfiguration: {} });
        await stack.up();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "ON", EmailMfaConfiguration: {} });
        await noPerpetualDiff(stack);

        await stack.destroy();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF" }, "deletePolicy reset (default) turns MFA off");
        await stack.rm();
    });

    it("passkeys: create, no perpetual diff, drift shown field by field and repaired, the block removed, OFF with passkeys only, destroy keeps them", async () => {
        const poolId = await essentialsPool();
        const { stack, apply } = await configStack(poolId);
        const desired = { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: PASSKEYS };
        const live = {
            RelyingPartyId: PASSKEYS.relyingPartyId,
            UserVerification: PASSKEYS.userVerification,
            FactorConfiguration: PASSKEYS.factorConfiguration,
        };
        await apply(desired);
        await stack.up();
        assert.deepEqual(await getMfa(poolId), {
            MfaConfiguration: "OPTIONAL",
            SoftwareTokenMfaConfiguration: { Enabled: true },
            WebAuthnConfiguration: live,
        });
        await noPerpetualDiff(stack);

        // Someone relaxes user verification in the console.
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
                WebAuthnConfiguration: { ...live, UserVerification: "preferred" },
            }),
        );
        const refreshDiff = await stack.pulumi(["refresh", "--preview-only", "--diff"]);
        assert.match(refreshDiff.stdout, /~ userVerification\s*:\s*"required"\s*=>\s*"preferred"/);
        assert.doesNotMatch(refreshDiff.stdout, /~ (relyingPartyId|factorConfiguration)\s*:/, "only the changed field is shown as changed");
        assert.doesNotMatch(refreshDiff.stdout, BOOKKEEPING_IN_DIFF, refreshDiff.stdout);
        await stack.refresh();
        assert.match((await stack.pulumi(["preview", "--diff"])).stdout, /~ userVerification\s*:\s*"preferred"\s*=>\s*"required"/);
        await stack.up();
        assert.deepEqual((await getMfa(poolId)).WebAuthnConfiguration, live);
        await noPerpetualDiff(stack);

        // The program drops one passkey setting, then the whole block: each is a change.
        await apply({ ...desired, webAuthnConfiguration: { relyingPartyId: PASSKEYS.relyingPartyId, userVerification: "required" } });
        assert.ok(updated(await stack.up()), "removing factorConfiguration must be a change");
        assert.deepEqual((await getMfa(poolId)).WebAuthnConfiguration, {
            RelyingPartyId: PASSKEYS.relyingPartyId,
            UserVerification: "required",
        });
        await noPerpetualDiff(stack);
        await apply({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        assert.ok(updated(await stack.up()), "removing the WebAuthn block must be a change");
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        await noPerpetualDiff(stack);

        // Passkeys only: MFA OFF with the WebAuthn settings (AWS accepts it; OFF with TOTP it refuses).
        await apply({ mfaConfiguration: "OFF", webAuthnConfiguration: PASSKEYS });
        await stack.up();
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF", WebAuthnConfiguration: live });
        await noPerpetualDiff(stack);

        await stack.destroy();
        // deletePolicy reset turns MFA off and leaves the passkey settings (docs/user-pool-mfa-config.md).
        assert.deepEqual(await getMfa(poolId), { MfaConfiguration: "OFF", WebAuthnConfiguration: live });
        await stack.rm();
    });

    it("a pool that already has email MFA and passkeys: adopted, then destroy under reset, restore and retain", async () => {
        const poolId = await essentialsPool();
        // The pool as someone configured it by hand, before this stack existed.
        const original: SetUserPoolMfaConfigRequest = {
            UserPoolId: poolId,
            MfaConfiguration: "OPTIONAL",
            EmailMfaConfiguration: { Subject: "Hand-made subject", Message: "Hand-made {####}" },
            SoftwareTokenMfaConfiguration: { Enabled: true },
            WebAuthnConfiguration: { RelyingPartyId: "hand-made.example.com", UserVerification: "preferred" },
        };
        const { UserPoolId: _id, ...originalLive } = original;
        const managed = {
            mfaConfiguration: "ON",
            emailMfaConfiguration: EMAIL,
            webAuthnConfiguration: PASSKEYS,
        };
        const managedLive = {
            MfaConfiguration: "ON",
            EmailMfaConfiguration: { Subject: EMAIL.subject, Message: EMAIL.message },
            WebAuthnConfiguration: {
                RelyingPartyId: PASSKEYS.relyingPartyId,
                UserVerification: PASSKEYS.userVerification,
                FactorConfiguration: PASSKEYS.factorConfiguration,
            },
        };
        const { stack, apply } = await configStack(poolId);
        const after: Record<string, unknown> = {
            reset: { MfaConfiguration: "OFF", WebAuthnConfiguration: managedLive.WebAuthnConfiguration },
            restore: originalLive,
            retain: managedLive,
        };
        for (const deletePolicy of ["reset", "restore", "retain"]) {
            await cognitoClient(m.moto.endpoint).send(new SetUserPoolMfaConfigCommand(original));
            assert.deepEqual(await getMfa(poolId), originalLive);
            await apply({ ...managed, deletePolicy });
            const up = await stack.up();
            assert.deepEqual(
                resourceChanges(up).map((c) => [c.op, c.type]),
                [["create", MFA_TYPE]],
            );
            assert.deepEqual(await getMfa(poolId), managedLive, `${deletePolicy}: the adopted pool has the program's configuration`);
            await noPerpetualDiff(stack);
            if (deletePolicy === "restore") {
                // The adopted configuration is in state as a secret, never in plaintext.
                const exported = (await stack.pulumi(["stack", "export"])).stdout;
                assert.ok(!exported.includes("Hand-made subject"), "the adopted configuration is in plaintext in the state");
            }
            await stack.destroy();
            assert.deepEqual(await getMfa(poolId), after[deletePolicy], `deletePolicy ${deletePolicy}`);
        }
        await stack.rm();
    });
});
