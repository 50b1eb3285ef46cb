// The provider's email MFA and passkey paths against the rig's emulator, which stores
// EmailMfaConfiguration and WebAuthnConfiguration as sent and refuses what AWS refuses
// (docs/emulator.md): what reaches the pool is what the program asked for, with the WebAuthn
// settings it does not manage kept from the pool.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { CreateUserPoolCommand, SetUserPoolMfaConfigCommand, WebAuthnConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, liveMfa, useMoto } from "../harness/moto";
import { forgetUserPools } from "../../provider/aws/cognito";
import { UserPoolMfaConfigProvider } from "../../provider/userPoolMfaConfig/provider";
import { MfaConfigInputs } from "../../provider/userPoolMfaConfig/model";

const m = useMoto();

async function pool(tier: "LITE" | "ESSENTIALS" = "ESSENTIALS"): Promise<string> {
    const out = await cognitoClient(m.moto.endpoint).send(
        new CreateUserPoolCommand({
            PoolName: `email-passkeys-${Date.now()}`,
            UserPoolTier: tier,
            EmailConfiguration: { EmailSendingAccount: "DEVELOPER", SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com" },
        }),
    );
    return out.UserPool!.Id!;
}

async function setWebAuthn(poolId: string, webAuthn: WebAuthnConfigurationType): Promise<void> {
    await cognitoClient(m.moto.endpoint).send(
        new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: "OFF", WebAuthnConfiguration: webAuthn }),
    );
}

describe("UserPoolMfaConfig provider: email MFA and passkeys against the emulator", () => {
    let provider: UserPoolMfaConfigProvider;
    beforeEach(() => {
        Object.assign(process.env, awsEnv(m.moto.endpoint));
        forgetUserPools(); // the shared DescribeUserPool answers of the last test (moto was reset)
        provider = new UserPoolMfaConfigProvider();
    });

    it("email MFA reaches the pool exactly as asked, and the outputs hold what the pool returned", async () => {
        const poolId = await pool();
        const { outs } = await provider.create({
            userPoolId: poolId,
            mfaConfiguration: "ON",
            emailMfaConfiguration: { message: "Code {####}", subject: "Sign-in" },
        });
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), {
            MfaConfiguration: "ON",
            EmailMfaConfiguration: { Message: "Code {####}", Subject: "Sign-in" },
        });
        assert.deepEqual(outs!.emailMfaConfiguration, { message: "Code {####}", subject: "Sign-in" });
        assert.equal(outs!.region, "us-east-1", "Region comes from the pool id");
    });

    it("an empty email block enables email MFA with default texts and is not a perpetual diff", async () => {
        const poolId = await pool();
        const inputs: MfaConfigInputs = { userPoolId: poolId, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} };
        const { outs } = await provider.create(inputs);
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), { MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} });
        assert.equal((await provider.diff(poolId, outs!, inputs)).changes, false);
        const read = await provider.read(poolId, outs);
        assert.equal((await provider.diff(poolId, read.props!, inputs)).changes, false, "nor after a refresh");
    });

    it("an email block is no perpetual diff, before or after a refresh; removing it is a change, and the write applies it", async () => {
        const poolId = await pool();
        const inputs: MfaConfigInputs = {
            userPoolId: poolId,
            mfaConfiguration: "OPTIONAL",
            emailMfaConfiguration: { subject: "Your code", message: "Your code is {####}" },
            softwareTokenMfaConfiguration: { enabled: true },
        };
        const { outs } = await provider.create(inputs);
        assert.equal((await provider.diff(poolId, outs!, inputs)).changes, false);
        const read = await provider.read(poolId, outs);
        assert.deepEqual(read.inputs, inputs, "a clean refresh gives the program's inputs");
        assert.equal((await provider.diff(poolId, read.props!, inputs)).changes, false);

        const { emailMfaConfiguration: _removed, ...without } = inputs;
        assert.equal((await provider.diff(poolId, read.props!, without)).changes, true, "removing the email block must be a change");
        await provider.update(poolId, read.props!, without);
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), {
            MfaConfiguration: "OPTIONAL",
            SoftwareTokenMfaConfiguration: { Enabled: true },
        });
    });

    it("keeps WebAuthn settings the program does not manage exactly as they are on the pool", async () => {
        const poolId = await pool();
        const webAuthn = {
            RelyingPartyId: "auth.example.com",
            UserVerification: "required",
            FactorConfiguration: "SINGLE_FACTOR",
        } as const;
        await setWebAuthn(poolId, webAuthn);
        const inputs: MfaConfigInputs = {
            userPoolId: poolId,
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: { enabled: true },
        };
        const { outs } = await provider.create(inputs);
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), {
            MfaConfiguration: "OPTIONAL",
            SoftwareTokenMfaConfiguration: { Enabled: true },
            WebAuthnConfiguration: webAuthn,
        });
        // Service-filled passkey settings in the outputs are not a diff against the program.
        assert.equal((await provider.diff(poolId, outs!, inputs)).changes, false);
    });

    it("merges a partly managed WebAuthn block over the live one and sends it with OFF", async () => {
        const poolId = await pool();
        await setWebAuthn(poolId, { RelyingPartyId: "auth.example.com", UserVerification: "preferred" });
        await provider.create({ userPoolId: poolId, mfaConfiguration: "OFF", webAuthnConfiguration: { userVerification: "required" } });
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), {
            MfaConfiguration: "OFF",
            WebAuthnConfiguration: { RelyingPartyId: "auth.example.com", UserVerification: "required" },
        });
    });

    it("delete with reset turns MFA off and keeps the passkey settings", async () => {
        const poolId = await pool();
        const inputs: MfaConfigInputs = {
            userPoolId: poolId,
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: { enabled: true },
            webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },
        };
        const { outs } = await provider.create(inputs);
        await provider.delete(poolId, outs!);
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), {
            MfaConfiguration: "OFF",
            WebAuthnConfiguration: { RelyingPartyId: "auth.example.com", UserVerification: "required" },
        });
    });

    it("AWS's refusal of email MFA on a Lite pool comes back with the operation, the pool, the error name and the fix", async () => {
        const poolId = await pool("LITE");
        await assert.rejects(provider.create({ userPoolId: poolId, mfaConfiguration: "ON", emailMfaConfiguration: {} }), (e: Error) => {
            assert.match(
                e.message,
                new RegExp(`^SetUserPoolMfaConfig on user pool ${poolId} in us-east-1 failed: FeatureUnavailableInTierException: `),
            );
            assert.match(e.message, /Essentials tier or higher/);
            return true;
        });
        assert.deepEqual(await liveMfa(m.moto.endpoint, poolId), { MfaConfiguration: "OFF" }, "nothing was written");
    });
});
