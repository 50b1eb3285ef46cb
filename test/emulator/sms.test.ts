// The account's SMS sending state in the emulator (tools/moto-ext sns.py, smsvoice.py), and the End
// User Messaging SMS resources a pool may name: what the pre-flight and the audit read, answered as botocore's sns and pinpoint-sms-voice-v2 models and
// the AWS API References describe it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    CreateConfigurationSetCommand,
    CreatePoolCommand,
    DeleteTextMessageSpendLimitOverrideCommand,
    DescribeAccountAttributesCommand,
    DescribeConfigurationSetsCommand,
    DescribePhoneNumbersCommand,
    DescribePoolsCommand,
    DescribeSenderIdsCommand,
    DescribeSpendLimitsCommand,
    PinpointSMSVoiceV2Client,
    RequestPhoneNumberCommand,
    RequestSenderIdCommand,
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

describe("emulator: End User Messaging SMS origination identities and configuration sets", () => {
    const c = () => smsVoiceClient(m.moto.endpoint);
    // The SDK error with the members of the model's ResourceNotFoundException.
    async function notFound(send: Promise<unknown>): Promise<Record<string, unknown>> {
        const err = (await send.then(
            () => assert.fail("expected ResourceNotFoundException"),
            (e: unknown) => e,
        )) as Record<string, unknown>;
        assert.equal(err.name, "ResourceNotFoundException");
        return err;
    }

    it("RequestPhoneNumber, then DescribePhoneNumbers by id or ARN; a long code is ACTIVE, a toll-free number PENDING; an unknown id is ResourceNotFoundException", async () => {
        const long = await c().send(
            new RequestPhoneNumberCommand({
                IsoCountryCode: "US",
                MessageType: "TRANSACTIONAL",
                NumberCapabilities: ["SMS"],
                NumberType: "LONG_CODE",
            }),
        );
        assert.match(long.PhoneNumber!, /^\+1\d{10}$/);
        assert.equal(long.Status, "ACTIVE");
        assert.match(long.PhoneNumberArn!, /^arn:aws:sms-voice:us-east-1:\d{12}:phone-number\/phone-[0-9a-f]+$/);
        const free = await c().send(
            new RequestPhoneNumberCommand({
                IsoCountryCode: "US",
                MessageType: "TRANSACTIONAL",
                NumberCapabilities: ["SMS"],
                NumberType: "TOLL_FREE",
            }),
        );
        assert.equal(free.Status, "PENDING");
        const byId = await c().send(new DescribePhoneNumbersCommand({ PhoneNumberIds: [long.PhoneNumberId!] }));
        assert.deepEqual(
            byId.PhoneNumbers?.map((n) => [n.PhoneNumber, n.Status]),
            [[long.PhoneNumber, "ACTIVE"]],
        );
        const byArn = await c().send(new DescribePhoneNumbersCommand({ PhoneNumberIds: [free.PhoneNumberArn!] }));
        assert.deepEqual(
            byArn.PhoneNumbers?.map((n) => n.PhoneNumberId),
            [free.PhoneNumberId],
        );
        assert.equal((await c().send(new DescribePhoneNumbersCommand({}))).PhoneNumbers?.length, 2);
        const err = await notFound(c().send(new DescribePhoneNumbersCommand({ PhoneNumberIds: ["phone-missing"] })));
        assert.equal(err.ResourceType, "phone-number");
        assert.equal(err.ResourceId, "phone-missing");
        // The model's required members.
        await assert.rejects(
            c().send(
                new RequestPhoneNumberCommand({
                    IsoCountryCode: "US",
                    MessageType: "TRANSACTIONAL",
                    NumberCapabilities: [],
                    NumberType: "LONG_CODE",
                }),
            ),
            {
                name: "ValidationException",
            },
        );
    });

    it("RequestSenderId and CreatePool, described by ARN (a sender id with its country); unknown ones are ResourceNotFoundException", async () => {
        const sender = await c().send(new RequestSenderIdCommand({ SenderId: "MyBrand", IsoCountryCode: "GB" }));
        assert.match(sender.SenderIdArn!, /:sender-id\/MyBrand\/GB$/);
        const found = await c().send(
            new DescribeSenderIdsCommand({ SenderIds: [{ SenderId: sender.SenderIdArn!, IsoCountryCode: "GB" }] }),
        );
        assert.deepEqual(
            found.SenderIds?.map((s) => s.SenderId),
            ["MyBrand"],
        );
        const other = await notFound(
            c().send(new DescribeSenderIdsCommand({ SenderIds: [{ SenderId: "MyBrand", IsoCountryCode: "FR" }] })),
        );
        assert.equal(other.ResourceType, "sender-id");
        const number = await c().send(
            new RequestPhoneNumberCommand({
                IsoCountryCode: "US",
                MessageType: "TRANSACTIONAL",
                NumberCapabilities: ["SMS"],
                NumberType: "LONG_CODE",
            }),
        );
        const pool = await c().send(new CreatePoolCommand({ OriginationIdentity: number.PhoneNumberArn!, MessageType: "TRANSACTIONAL" }));
        assert.equal(pool.Status, "ACTIVE");
        const pools = await c().send(new DescribePoolsCommand({ PoolIds: [pool.PoolArn!] }));
        assert.deepEqual(
            pools.Pools?.map((p) => p.PoolId),
            [pool.PoolId],
        );
        assert.equal((await notFound(c().send(new DescribePoolsCommand({ PoolIds: ["pool-missing"] })))).ResourceType, "pool");
        // A pool starts from an identity of the account.
        assert.equal(
            (await notFound(c().send(new CreatePoolCommand({ OriginationIdentity: "+15550000000", MessageType: "TRANSACTIONAL" }))))
                .ResourceType,
            "phone-number",
        );
    });

    it("CreateConfigurationSet, then DescribeConfigurationSets by name or ARN; a second create conflicts; a missing name is ResourceNotFoundException; reset wipes them", async () => {
        const set = await c().send(new CreateConfigurationSetCommand({ ConfigurationSetName: "mfa-events" }));
        assert.match(set.ConfigurationSetArn!, /:configuration-set\/mfa-events$/);
        for (const name of ["mfa-events", set.ConfigurationSetArn!]) {
            const res = await c().send(new DescribeConfigurationSetsCommand({ ConfigurationSetNames: [name] }));
            assert.deepEqual(
                res.ConfigurationSets?.map((s) => [s.ConfigurationSetName, s.EventDestinations]),
                [["mfa-events", []]],
            );
        }
        await assert.rejects(c().send(new CreateConfigurationSetCommand({ ConfigurationSetName: "mfa-events" })), {
            name: "ConflictException",
            Reason: "RESOURCE_ALREADY_EXISTS",
        });
        const err = await notFound(c().send(new DescribeConfigurationSetsCommand({ ConfigurationSetNames: ["other"] })));
        assert.equal(err.ResourceType, "configuration-set");
        await m.moto.reset();
        assert.deepEqual((await c().send(new DescribeConfigurationSetsCommand({}))).ConfigurationSets, []);
    });
});
