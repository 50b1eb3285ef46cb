// The Cognito gateway's retries (aws/cognito.ts and aws/call.ts, reached through
// userPoolMfaConfig/live.ts), with a mocked SDK because moto never races a concurrent change and
// never answers the IAM-propagation errors.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { mockClient } from "aws-sdk-client-mock";
import { findUserPoolMfaConfig } from "../../../provider/aws/cognito";
import { putMfaConfig } from "../../../provider/userPoolMfaConfig/live";
import { normalize } from "../../../provider/userPoolMfaConfig/model";

import { awsError, fakeClock } from "../fakes";

const POOL = "eu-west-1_Abc123";
const cognito = mockClient(CognitoIdentityProviderClient);

function setCalls() {
    return cognito.commandCalls(SetUserPoolMfaConfigCommand).map((c) => c.args[0].input);
}

describe("Cognito gateway retries (mocked: moto never throttles or races)", () => {
    beforeEach(() => cognito.reset());

    it("retries ConcurrentModificationException with backoff, then succeeds", async () => {
        cognito
            .on(SetUserPoolMfaConfigCommand)
            .rejectsOnce(awsError("ConcurrentModificationException", "busy"))
            .rejectsOnce(awsError("ConcurrentModificationException", "busy"))
            .resolves({ MfaConfiguration: "OFF" });
        const clock = fakeClock();
        const retries: string[] = [];
        const live = await putMfaConfig(POOL, normalize({ mfaConfiguration: "OFF" }), {
            region: "eu-west-1",
            clock,
            log: (m) => retries.push(m),
        });
        assert.deepEqual(live, { mfaConfiguration: "OFF" });
        assert.equal(setCalls().length, 3);
        assert.equal(retries.length, 2);
        assert.match(retries[0], /ConcurrentModificationException, retry 1 in \d+ ms/);
        assert.ok(clock.waited > 0);
    });

    it("retries the SMS-role errors of IAM propagation for about two minutes, then explains", async () => {
        cognito
            .on(SetUserPoolMfaConfigCommand)
            .rejects(
                awsError(
                    "InvalidSmsRoleTrustRelationshipException",
                    "Role does not have a trust relationship allowing Cognito to assume the role",
                ),
            );
        const clock = fakeClock();
        const sms = { smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } };
        await assert.rejects(putMfaConfig(POOL, normalize({ mfaConfiguration: "ON", smsMfaConfiguration: sms }), { clock }), (e: Error) => {
            assert.match(e.message, /InvalidSmsRoleTrustRelationshipException/);
            assert.match(e.message, /same error when the role has been deleted/);
            return true;
        });
        assert.ok(clock.waited <= 120_000 && clock.waited > 100_000, `waited ${clock.waited} ms`);
        assert.ok(setCalls().length > 10);
    });

    it("does not retry validation errors", async () => {
        cognito
            .on(SetUserPoolMfaConfigCommand)
            .rejects(
                awsError("InvalidParameterException", "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."),
            );
        await assert.rejects(
            putMfaConfig(POOL, normalize({ mfaConfiguration: "OFF" }), { clock: fakeClock() }),
            /With mfaConfiguration "OFF" no SMS, TOTP or email factor may be configured/,
        );
        assert.equal(setCalls().length, 1);
    });
});

// Which client a request went through is nothing an emulator can see: the mock records it.
describe("Cognito gateway clients (mocked: the client of each request)", () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    beforeEach(() => cognito.reset());

    it("one options object (one provider method) looks its client up once; new options follow the environment", async () => {
        cognito.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: "OFF" });
        const clients = () => cognito.send.getCalls().map((c) => c.thisValue as CognitoIdentityProviderClient);
        try {
            process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:1";
            const opts = { region: "eu-west-1" };
            await findUserPoolMfaConfig(POOL, opts);
            process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:2";
            await findUserPoolMfaConfig(POOL, opts);
            await findUserPoolMfaConfig(POOL, { region: "eu-west-1" });
            const [first, second, third] = clients();
            assert.equal(second, first, "the same options keep their client");
            assert.notEqual(third, first, "new options get the client of the environment now");
        } finally {
            if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
            else process.env.AWS_ENDPOINT_URL = saved;
        }
    });
});
