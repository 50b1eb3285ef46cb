// Provider behaviour that the emulator cannot show: a pool whose Get answer is chosen call by call
// (calls counted, no Set at all), the engine's diff and check with values no emulator holds
// (unknowns, replacements), and errors it never returns (NotAuthorizedException). Each test here
// mocks the SDK (aws-sdk-client-mock) for one of those reasons. Email MFA and passkeys run against
// the emulator: test/integration/emailPasskeys.test.ts and test/e2e/emailPasskeys.test.ts.
import * as assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { mockClient } from "aws-sdk-client-mock";
import { forgetUserPools } from "../../../provider/aws/cognito";
import { UserPoolMfaConfigProvider } from "../../../provider/userPoolMfaConfig/provider";
import { UNKNOWN } from "../../../provider/common/unknown";
import { MfaConfigInputs } from "../../../provider/userPoolMfaConfig/model";

import { awsError } from "../fakes";

const POOL = "eu-west-1_Abc123";
const cognito = mockClient(CognitoIdentityProviderClient);

function setCalls() {
    return cognito.commandCalls(SetUserPoolMfaConfigCommand).map((c) => c.args[0].input);
}

describe("UserPoolMfaConfigProvider with a mocked Cognito", () => {
    let provider: UserPoolMfaConfigProvider;
    beforeEach(() => {
        forgetUserPools(); // the shared DescribeUserPool answers of the last test
        cognito.reset();
        provider = new UserPoolMfaConfigProvider();
    });
    afterEach(() => cognito.reset());

    it("adopting a pool that already matches makes no Set call (no billed test SMS)", async () => {
        cognito.on(GetUserPoolMfaConfigCommand).resolves({
            MfaConfiguration: "ON",
            SmsMfaConfiguration: {
                SmsConfiguration: { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "x", SnsRegion: "eu-west-1" },
            },
        });
        const { outs } = await provider.create({
            userPoolId: POOL,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } },
        });
        assert.equal(setCalls().length, 0);
        assert.equal(cognito.commandCalls(GetUserPoolMfaConfigCommand).length, 1);
        assert.equal(outs!.smsMfaConfiguration!.smsConfiguration!.snsRegion, "eu-west-1");
    });

    it("a new provider text alone is no change: every stub reaches the installed provider", async () => {
        cognito
            .on(GetUserPoolMfaConfigCommand)
            .resolves({ MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } });
        const inputs: MfaConfigInputs = {
            userPoolId: POOL,
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: { enabled: true },
        };
        const { outs } = await provider.create(inputs);
        const olds = { ...outs!, __provider: "old code" };
        const news = (text: string) => ({ ...inputs, __provider: text }) as MfaConfigInputs;
        assert.equal((await provider.diff(POOL, olds, news("old code"))).changes, false);
        assert.equal((await provider.diff(POOL, olds, news("new code"))).changes, false);
        assert.equal(setCalls().length, 0);
    });

    it("changing userPoolId or region replaces, delete before replace", async () => {
        const olds = { userPoolId: POOL, region: "eu-west-1", deletePolicy: "reset" as const, mfaConfiguration: "OFF" as const };
        const byPool = await provider.diff(POOL, olds, { userPoolId: "eu-west-1_Other1", mfaConfiguration: "OFF" });
        assert.deepEqual(byPool, { changes: true, replaces: ["userPoolId"], deleteBeforeReplace: true });
        const unknownPool = await provider.diff(POOL, olds, { userPoolId: UNKNOWN, mfaConfiguration: "OFF" });
        assert.deepEqual(unknownPool.replaces, ["userPoolId"]);
        const byRegion = await provider.diff(POOL, olds, { userPoolId: POOL, region: "eu-west-2", mfaConfiguration: "OFF" });
        assert.deepEqual(byRegion.replaces, ["region"]);
    });

    it("preview with unknown values: check does not fail on them and diff reports a change", async () => {
        const news = {
            userPoolId: POOL,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: UNKNOWN, externalId: UNKNOWN } },
        };
        const checked = await provider.check({} as MfaConfigInputs, news as MfaConfigInputs);
        assert.deepEqual(checked.failures, []);
        const olds = { userPoolId: POOL, region: "eu-west-1", deletePolicy: "reset" as const, mfaConfiguration: "OFF" as const };
        assert.equal((await provider.diff(POOL, olds, news as MfaConfigInputs)).changes, true);
        // A new resource gets the read-only pre-flight (DescribeUserPool); the role, whose ARN is
        // unknown at preview, is not read, and diff calls nothing (test/unit/preflight.test.ts).
        assert.deepEqual(
            cognito.calls().map((c) => c.args[0].constructor.name),
            ["DescribeUserPoolCommand"],
        );
    });

    it("check refuses OFF with a factor block, naming the property, and calls nothing", async () => {
        const r = await provider.check({} as MfaConfigInputs, {
            userPoolId: POOL,
            mfaConfiguration: "OFF",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        assert.equal(r.failures!.length, 1);
        assert.equal(r.failures![0].property, "softwareTokenMfaConfiguration");
        assert.match(r.failures![0].reason, /mfaConfiguration is "OFF"/);
        assert.equal(cognito.calls().length, 0);
    });

    it("rethrows AWS errors with the operation, the pool, the error name and the fix", async () => {
        // NotAuthorizedException: moto's auth enforcement answers AccessDenied only, so no emulator
        // here produces it. (AWS's tier refusal, which the emulator does produce, is
        // test/integration/emailPasskeys.test.ts.)
        cognito.on(GetUserPoolMfaConfigCommand).rejects(awsError("NotAuthorizedException", "not allowed"));
        await assert.rejects(
            provider.read(POOL, { userPoolId: POOL, region: "eu-west-1", deletePolicy: "reset", mfaConfiguration: "OFF" }),
            /GetUserPoolMfaConfig on user pool eu-west-1_Abc123 in eu-west-1 failed: NotAuthorizedException: not allowed\. Grant the caller cognito-idp:GetUserPoolMfaConfig/,
        );
    });
});
