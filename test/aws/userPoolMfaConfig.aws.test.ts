// Opt-in suite against a real AWS account: `npm run test:aws`. It is skipped unless AWS
// credentials are in the environment (AWS_PROFILE or AWS_ACCESS_KEY_ID) and AWS_REGION is set,
// and it refuses to run against an AWS_ENDPOINT_URL (that is what the moto suites are for).
// It creates a throwaway user pool (ESSENTIALS tier, deletion protection off), runs the same
// lifecycle as test/integration/userPoolMfaConfig.test.ts, and deletes the pool at the end.
// SMS is left out unless COGNITO_MFA_TEST_SMS_ROLE_ARN and COGNITO_MFA_TEST_SMS_EXTERNAL_ID name a
// role you own: every SMS configuration write makes Cognito send a billed test SMS.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { UserPoolMfaConfigProvider } from "../../provider/userPoolMfaConfig/provider";
import { MfaConfig, MfaConfigInputs } from "../../provider/userPoolMfaConfig/model";

const env = process.env;
const skip =
    !(env.AWS_PROFILE || env.AWS_ACCESS_KEY_ID) || !env.AWS_REGION
        ? "no AWS credentials or AWS_REGION in the environment"
        : env.AWS_ENDPOINT_URL
          ? "AWS_ENDPOINT_URL is set: this suite is for real AWS only"
          : false;

const smsRole = env.COGNITO_MFA_TEST_SMS_ROLE_ARN;
const smsExternalId = env.COGNITO_MFA_TEST_SMS_EXTERNAL_ID;

describe("UserPoolMfaConfig against real AWS", { skip }, () => {
    const cognito = new CognitoIdentityProviderClient({});
    const provider = new UserPoolMfaConfigProvider();
    let poolId = "";

    before(async () => {
        const res = await cognito.send(
            new CreateUserPoolCommand({
                PoolName: `pulumi-cognito-mfa-test-${Date.now()}`,
                UserPoolTier: "ESSENTIALS",
                DeletionProtection: "INACTIVE",
            }),
        );
        poolId = res.UserPool!.Id!;
    });

    after(async () => {
        if (poolId) await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    });

    const live = async () => {
        return cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    };

    it("adopts the fresh pool, goes through TOTP, OFF + passkeys, and back, with empty diffs after each step", async () => {
        const steps: Omit<MfaConfig, never>[] = [
            { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
            { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
            { mfaConfiguration: "OFF", webAuthnConfiguration: { relyingPartyId: "example.com", userVerification: "preferred" } },
            { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } },
        ];
        if (smsRole && smsExternalId) {
            steps.push({
                mfaConfiguration: "OPTIONAL",
                smsMfaConfiguration: {
                    smsAuthenticationMessage: "Your code is {####}",
                    smsConfiguration: { snsCallerArn: smsRole, externalId: smsExternalId },
                },
                softwareTokenMfaConfiguration: { enabled: true },
            });
        }
        const first: MfaConfigInputs = { userPoolId: poolId, ...steps[0] };
        let { outs } = await provider.create(first);
        assert.equal((await provider.diff(poolId, outs!, first)).changes, false);
        for (const step of steps.slice(1)) {
            const news: MfaConfigInputs = { userPoolId: poolId, ...step };
            ({ outs } = await provider.update(poolId, outs!, news));
            assert.equal((await provider.diff(poolId, outs!, news)).changes, false, JSON.stringify(step));
            const refreshed = await provider.read(poolId, outs);
            assert.equal((await provider.diff(poolId, refreshed.props!, news)).changes, false, `refresh after ${JSON.stringify(step)}`);
            assert.equal((await live()).MfaConfiguration, step.mfaConfiguration);
        }
        await provider.delete(poolId, outs!);
        assert.equal((await live()).MfaConfiguration, "OFF");
    });

    it("AWS itself refuses OFF with a factor, which check refuses before any call", async () => {
        const failures = (
            await provider.check({} as MfaConfigInputs, {
                userPoolId: poolId,
                mfaConfiguration: "OFF",
                softwareTokenMfaConfiguration: { enabled: true },
            })
        ).failures;
        assert.equal(failures![0].property, "softwareTokenMfaConfiguration");
        await assert.rejects(
            cognito.send(
                new SetUserPoolMfaConfigCommand({
                    UserPoolId: poolId,
                    MfaConfiguration: "OFF",
                    SoftwareTokenMfaConfiguration: { Enabled: true },
                }),
            ),
            (e: Error) => e.name === "InvalidParameterException",
        );
    });
});
