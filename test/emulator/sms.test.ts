// The account's SMS sending state in the emulator (tools/moto-ext sns.py, smsvoice.py): what the
// pre-flight and the audit read, answered as botocore's sns and pinpoint-sms-voice-v2 models and
// the AWS API References describe it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    DeleteTextMessageSpendLimitOverrideCommand,
    DescribeAccountAttributesCommand,
    DescribeSpendLimitsCommand,
    PinpointSMSVoiceV2Client,
    SetTextMessageSpendLimitOverrideCommand,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
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

const smsVoiceClient = (endpoint: string) =>
    new PinpointSMSVoiceV2Client({ endpoint, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });

describe("emulator: End User Messaging SMS account state (pinpoint-sms-voice-v2)", () => {
    // awsJson1_0 by hand, to see the answer as it is sent.
    async function wire(op: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
        const res = await fetch(`${m.moto.endpoint}/`, {
            method: "POST",
            headers: {
                "content-type": "application/x-amz-json-1.0",
                "x-amz-target": `PinpointSMSVoiceV2.${op}`,
                authorization:
                    "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sms-voice/aws4_request, SignedHeaders=host, Signature=0",
            },
            body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    it("DescribeAccountAttributes: a new account's tier is the sandbox; out of it with COGNITO_MFA_MOTO_SMS_SANDBOX=false", async () => {
        const res = await smsVoiceClient(m.moto.endpoint).send(new DescribeAccountAttributesCommand({}));
        assert.deepEqual(res.AccountAttributes, [{ Name: "ACCOUNT_TIER", Value: "SANDBOX" }]);
        assert.equal(res.NextToken, undefined);
        const out = await startMoto(undefined, { smsSandbox: false });
        try {
            const prod = await smsVoiceClient(out.endpoint).send(new DescribeAccountAttributesCommand({}));
            assert.deepEqual(prod.AccountAttributes, [{ Name: "ACCOUNT_TIER", Value: "PRODUCTION" }]);
            const limits = await smsVoiceClient(out.endpoint).send(new DescribeSpendLimitsCommand({}));
            assert.deepEqual(limits.SpendLimits, [
                { Name: "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", EnforcedLimit: 1000, MaxLimit: 1000, Overridden: false },
            ]);
        } finally {
            await out.stop();
        }
    });

    it("DescribeSpendLimits: the 1 USD new-account text limit; an override up to MaxLimit is enforced, its removal restores MaxLimit", async () => {
        const c = smsVoiceClient(m.moto.endpoint);
        const text = async () => (await c.send(new DescribeSpendLimitsCommand({ MaxResults: 100 }))).SpendLimits;
        assert.deepEqual(await text(), [{ Name: "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", EnforcedLimit: 1, MaxLimit: 1, Overridden: false }]);
        assert.deepEqual((await c.send(new SetTextMessageSpendLimitOverrideCommand({ MonthlyLimit: 0 }))).MonthlyLimit, 0);
        assert.deepEqual(await text(), [{ Name: "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", EnforcedLimit: 0, MaxLimit: 1, Overridden: true }]);
        // "The requested spend limit must be less than or equal to the MaxLimit."
        const above = await wire("SetTextMessageSpendLimitOverride", { MonthlyLimit: 2 });
        assert.equal(above.status, 400);
        assert.equal(above.body.__type, "ValidationException");
        assert.equal(above.body.Reason, "FIELD_VALIDATION_FAILED");
        assert.deepEqual((await c.send(new DeleteTextMessageSpendLimitOverrideCommand({}))).MonthlyLimit, 1);
        assert.deepEqual(await text(), [{ Name: "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", EnforcedLimit: 1, MaxLimit: 1, Overridden: false }]);
    });

    it("the model's constraints: MaxResults 1..100, MonthlyLimit required and 0..1000000000; an operation not emulated is refused by name", async () => {
        for (const bad of [0, 101]) {
            const r = await wire("DescribeSpendLimits", { MaxResults: bad });
            assert.equal(r.status, 400);
            assert.equal(r.body.__type, "ValidationException");
        }
        assert.equal((await wire("SetTextMessageSpendLimitOverride", {})).body.__type, "ValidationException");
        assert.equal((await wire("SetTextMessageSpendLimitOverride", { MonthlyLimit: -1 })).body.__type, "ValidationException");
        const other = await wire("SendTextMessage", { DestinationPhoneNumber: "+12065550100" });
        assert.equal(other.status, 400);
        assert.equal(other.body.__type, "UnknownOperationException");
    });

    it("POST /moto-api/reset wipes an override", async () => {
        const c = smsVoiceClient(m.moto.endpoint);
        await c.send(new SetTextMessageSpendLimitOverrideCommand({ MonthlyLimit: 0 }));
        await m.moto.reset();
        const limits = await c.send(new DescribeSpendLimitsCommand({}));
        assert.equal(limits.SpendLimits?.[0].Overridden, false);
    });
});
