// The account's SMS sending state in the emulator (tools/moto-ext sns.py): what the pre-flight and
// the audit read, answered as botocore's sns model and the Amazon SNS API Reference describe it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand, SetSMSAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { startMoto, useMoto } from "../harness/moto";

const m = useMoto();

const snsClient = (endpoint: string) =>
    new SNSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });

describe("emulator: SNS SMS account status", () => {
    // The SNS query protocol by hand: Action=... in a form body, to see the XML as it is sent.
    async function sns(action: string): Promise<{ status: number; text: string }> {
        const res = await fetch(`${m.moto.endpoint}/`, {
            method: "POST",
            headers: {
                "content-type": "application/x-www-form-urlencoded",
                authorization: "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0",
            },
            body: new URLSearchParams({ Action: action, Version: "2010-03-31" }).toString(),
        });
        return { status: res.status, text: await res.text() };
    }

    it("GetSMSSandboxAccountStatus answers that a new account is in the SMS sandbox; GetSMSAttributes answers", async () => {
        const sandbox = await sns("GetSMSSandboxAccountStatus");
        assert.equal(sandbox.status, 200, sandbox.text);
        assert.match(sandbox.text, /<IsInSandbox>true<\/IsInSandbox>/);
        const attributes = await sns("GetSMSAttributes");
        assert.equal(attributes.status, 200, attributes.text);
        assert.match(attributes.text, /<GetSMSAttributesResponse/);
    });

    it("a server started with COGNITO_MFA_MOTO_SMS_SANDBOX=false answers IsInSandbox false", async () => {
        const out = await startMoto(undefined, { smsSandbox: false });
        try {
            const res = await snsClient(out.endpoint).send(new GetSMSSandboxAccountStatusCommand({}));
            assert.equal(res.IsInSandbox, false);
        } finally {
            await out.stop();
        }
    });

    it("GetSMSAttributes answers every name asked for (attributes.member.N), all without names, none never set", async () => {
        const c = snsClient(m.moto.endpoint);
        // Never set: no value is documented for an unset attribute, so none is invented.
        assert.deepEqual((await c.send(new GetSMSAttributesCommand({ attributes: ["MonthlySpendLimit"] }))).attributes ?? {}, {});
        await c.send(new SetSMSAttributesCommand({ attributes: { MonthlySpendLimit: "1", DefaultSMSType: "Transactional" } }));
        const get = async (attributes?: string[]) => (await c.send(new GetSMSAttributesCommand({ attributes }))).attributes;
        assert.deepEqual(await get(["MonthlySpendLimit"]), { MonthlySpendLimit: "1" });
        // moto 5.2.3 alone answered the first name only.
        assert.deepEqual(await get(["MonthlySpendLimit", "DefaultSMSType"]), { MonthlySpendLimit: "1", DefaultSMSType: "Transactional" });
        assert.deepEqual(await get(["DefaultSMSType", "DefaultSenderID"]), { DefaultSMSType: "Transactional" });
        // "If you don't use this parameter, Amazon SNS returns all SMS attributes."
        assert.deepEqual(await get(), { MonthlySpendLimit: "1", DefaultSMSType: "Transactional" });
        // SetSMSAttributes updates the names it carries and keeps the others.
        await c.send(new SetSMSAttributesCommand({ attributes: { MonthlySpendLimit: "0" } }));
        assert.deepEqual(await get(), { MonthlySpendLimit: "0", DefaultSMSType: "Transactional" });
    });
});
