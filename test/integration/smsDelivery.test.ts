// The SMS delivery check at preview (smsDeliveryPreflight.ts through livePreflight) against the
// emulator, read through the fault proxy, which counts the reads and answers a missing permission
// as AWS does. SNS path: the SMS sandbox (GetSMSSandboxAccountStatus, tools/moto-ext sns.py) and
// the monthly spend limit (GetSMSAttributes MonthlySpendLimit, stored by SetSMSAttributes). End
// User Messaging SMS path: the account tier (DescribeAccountAttributes ACCOUNT_TIER) and the text
// spend limit (DescribeSpendLimits, lowered by SetTextMessageSpendLimitOverride; smsvoice.py), and
// the origination identity and configuration set the pool names (DescribePhoneNumbers,
// DescribePools, DescribeConfigurationSets).
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
    CreateConfigurationSetCommand,
    DeleteTextMessageSpendLimitOverrideCommand,
    PinpointSMSVoiceV2Client,
    RequestPhoneNumberCommand,
    SetTextMessageSpendLimitOverrideCommand,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { SetSMSAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { clearPreflightCache, livePreflight } from "../../provider/userPoolMfaConfig/preflight";
import { FaultProxy, startFaultProxy } from "../harness/faultProxy";
import { SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, createUserPool, iamClient, Moto, repoRoot, startMoto } from "../harness/moto";
import { EXTERNAL_ID, GOOD_TRUST, SNS_PUBLISH, TOTP } from "../unit/userPoolMfaConfig/badInputCatalogue";

const SNS_READS = ["GetSMSAttributes", "GetSMSSandboxAccountStatus"];
const EUMS_READS = ["DescribeAccountAttributes", "DescribeSpendLimits"];
const SEND_TEXT = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sms-voice:SendTextMessage", Resource: "*" }] };

/** A moto server (in or out of the SMS sandbox) behind a fault proxy, with a pool and a good SMS role. */
async function rig(smsSandbox: boolean) {
    const moto: Moto = await startMoto(undefined, { smsSandbox });
    const proxy: FaultProxy = await startFaultProxy(moto.endpoint);
    const iam = iamClient(moto.endpoint);
    const role = await iam.send(new CreateRoleCommand({ RoleName: "cognito-sms", AssumeRolePolicyDocument: JSON.stringify(GOOD_TRUST) }));
    await iam.send(
        new PutRolePolicyCommand({ RoleName: "cognito-sms", PolicyName: "sns-publish", PolicyDocument: JSON.stringify(SNS_PUBLISH) }),
    );
    const eumsRole = await iam.send(
        new CreateRoleCommand({ RoleName: "cognito-eums", AssumeRolePolicyDocument: JSON.stringify(GOOD_TRUST) }),
    );
    await iam.send(
        new PutRolePolicyCommand({ RoleName: "cognito-eums", PolicyName: "send-text", PolicyDocument: JSON.stringify(SEND_TEXT) }),
    );
    const poolId = await createUserPool(moto.endpoint);
    const config = { endpoint: moto.endpoint, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
    const sns = new SNSClient(config);
    const smsVoice = new PinpointSMSVoiceV2Client(config);
    return {
        moto,
        proxy,
        poolId,
        inputs: {
            userPoolId: poolId,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: role.Role!.Arn!, externalId: EXTERNAL_ID } },
        },
        eumsInputs: {
            userPoolId: poolId,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { eumsSms: { callerArn: eumsRole.Role!.Arn!, externalId: EXTERNAL_ID } } },
        },
        setSpendLimit: (usd: string) => sns.send(new SetSMSAttributesCommand({ attributes: { MonthlySpendLimit: usd } })),
        setTextOverride: (usd: number | undefined) =>
            usd === undefined
                ? smsVoice.send(new DeleteTextMessageSpendLimitOverrideCommand({}))
                : smsVoice.send(new SetTextMessageSpendLimitOverrideCommand({ MonthlyLimit: usd })),
        /** The End User Messaging SMS reads the proxy saw since the last reset, sorted. */
        eumsReads: () =>
            proxy
                .requests()
                .map((r) => r.op)
                .filter((op) => EUMS_READS.includes(op))
                .sort(),
        /** The SNS reads the proxy saw since the last reset, sorted. */
        snsReads: () =>
            proxy
                .requests()
                .map((r) => r.op)
                .filter((op) => SNS_READS.includes(op))
                .sort(),
        async stop() {
            await proxy.stop();
            await moto.stop();
        },
    };
}

const preview = (inputs: Record<string, unknown>) => livePreflight(inputs, { region: "us-east-1" });

describe("SMS delivery at preview, account in the SMS sandbox (emulator)", () => {
    let r: Awaited<ReturnType<typeof rig>>;
    before(async () => {
        r = await rig(true);
        Object.assign(process.env, awsEnv(r.proxy.endpoint));
    });
    after(() => r?.stop());
    beforeEach(() => {
        clearPreflightCache();
        r.proxy.reset();
        r.proxy.clearRules();
    });

    it("an account in the SMS sandbox is a warning, never a failure; both SNS reads are made", async () => {
        const res = await preview(r.inputs);
        assert.deepEqual(res.failures, []);
        assert.equal(res.warnings.length, 1, res.warnings.join("\n"));
        assert.match(
            res.warnings[0],
            new RegExp(
                `^pre-flight: user pool ${r.poolId} sends SMS through Amazon SNS in us-east-1, where this account is in the SMS sandbox`,
            ),
        );
        assert.deepEqual(r.snsReads(), SNS_READS);
    });

    it("read once per SNS Region per process; not at all without SMS MFA through SNS", async () => {
        await preview(r.inputs);
        await preview({ ...r.inputs, userPoolId: await createUserPool(r.moto.endpoint) });
        assert.deepEqual(r.snsReads(), SNS_READS);
        clearPreflightCache();
        r.proxy.reset();
        await preview({ userPoolId: r.poolId, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP });
        await preview({ userPoolId: r.poolId, mfaConfiguration: "OFF" });
        assert.deepEqual(r.snsReads(), []);
    });

    it("a missing SNS permission skips that check with the action to grant; the other still runs", async () => {
        // The proxy answers as SNS does a caller without the permission (query protocol, XML,
        // code AuthorizationError, which the SDK names AuthorizationErrorException): moto never denies.
        r.proxy.addRule({
            op: "GetSMSSandboxAccountStatus",
            fault: {
                kind: "error",
                status: 403,
                code: "AuthorizationError",
                message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: SNS:GetSMSSandboxAccountStatus",
            },
        });
        await r.setSpendLimit("0");
        try {
            const res = await preview(r.inputs);
            assert.deepEqual(res.failures, []);
            assert.equal(res.warnings.length, 2, res.warnings.join("\n"));
            assert.match(
                res.warnings[0],
                /^pre-flight check of the SNS SMS sandbox in us-east-1 skipped: the caller may not call sns:GetSMSSandboxAccountStatus \(AuthorizationErrorException\)\. Grant sns:GetSMSSandboxAccountStatus to have it checked at preview; `pulumi up` is not affected\.$/,
            );
            assert.match(res.warnings[1], /so SNS sends no SMS at all/);
            assert.equal(r.proxy.count("GetSMSSandboxAccountStatus"), 1, "a denied read is not retried");
        } finally {
            // Above the new-account quota: silent, for the tests after this one.
            await r.setSpendLimit("100");
        }
    });
});

describe("SMS delivery at preview, the monthly spend limit (emulator, account out of the SMS sandbox)", () => {
    let r: Awaited<ReturnType<typeof rig>>;
    before(async () => {
        r = await rig(false);
        Object.assign(process.env, awsEnv(r.proxy.endpoint));
    });
    after(() => r?.stop());
    beforeEach(() => {
        clearPreflightCache();
        r.proxy.reset();
        r.proxy.clearRules();
    });

    it("no MonthlySpendLimit set and out of the sandbox: no warning", async () => {
        const res = await preview(r.inputs);
        assert.deepEqual(res, { failures: [], warnings: [] });
        assert.deepEqual(r.snsReads(), SNS_READS);
    });

    it("the spend limit is read as GetSMSAttributes MonthlySpendLimit: at or below the 1 USD quota warns, 0 means no SMS", async () => {
        // A 0 ms delay that matches only a request naming MonthlySpendLimit alone: it counts them.
        r.proxy.addRule({
            op: "GetSMSAttributes",
            fault: { kind: "delay", ms: 0 },
            match: (b) => /(^|&)attributes\.member\.1=MonthlySpendLimit(&|$)/.test(b) && !/attributes\.member\.2=/.test(b),
        });
        const at = async (usd: string) => {
            await r.setSpendLimit(usd);
            clearPreflightCache();
            return (await preview(r.inputs)).warnings;
        };
        const one = await at("1");
        assert.equal(one.length, 1, one.join("\n"));
        assert.match(
            one[0],
            /monthly SMS spend limit \(GetSMSAttributes MonthlySpendLimit\) is 1 USD, the quota AWS sets for new accounts/,
        );
        assert.match((await at("0.5"))[0], /is 0\.5 USD/);
        assert.match((await at("0"))[0], /a limit of 0 USD, so SNS sends no SMS at all/);
        assert.deepEqual(await at("100"), []);
        const named = r.proxy.requests().filter((x) => x.op === "GetSMSAttributes" && x.injected === "delay");
        assert.equal(named.length, 4, "each read names MonthlySpendLimit");
        assert.equal(r.proxy.count("GetSMSAttributes"), 4);
    });
});

describe("SMS delivery at preview through End User Messaging SMS (emulator)", () => {
    describe("an account in the SMS sandbox", () => {
        let r: Awaited<ReturnType<typeof rig>>;
        before(async () => {
            r = await rig(true);
            Object.assign(process.env, awsEnv(r.proxy.endpoint));
        });
        after(() => r?.stop());
        beforeEach(() => {
            clearPreflightCache();
            r.proxy.reset();
            r.proxy.clearRules();
        });

        it("the sandbox tier and the 1 USD text spend limit are warnings, never failures; no SNS read is made", async () => {
            const res = await preview(r.eumsInputs);
            assert.deepEqual(res.failures, []);
            assert.equal(res.warnings.length, 2, res.warnings.join("\n"));
            assert.match(
                res.warnings[0],
                new RegExp(
                    `^pre-flight: user pool ${r.poolId} sends SMS through AWS End User Messaging SMS in us-east-1, where the account tier \\(DescribeAccountAttributes ACCOUNT_TIER\\) is SANDBOX: in the SMS sandbox, messages go only to verified destination phone numbers`,
                ),
            );
            assert.match(
                res.warnings[1],
                /monthly text spend limit \(DescribeSpendLimits TEXT_MESSAGE_MONTHLY_SPEND_LIMIT\) is 1 USD, the quota AWS sets for new accounts/,
            );
            assert.deepEqual(r.eumsReads(), EUMS_READS);
            assert.deepEqual(r.snsReads(), []);
        });

        it("a missing sms-voice permission skips that check with the action to grant; the other still runs", async () => {
            r.proxy.addRule({
                op: "DescribeAccountAttributes",
                fault: {
                    kind: "error",
                    status: 400,
                    code: "AccessDeniedException",
                    message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sms-voice:DescribeAccountAttributes",
                },
            });
            const res = await preview(r.eumsInputs);
            assert.deepEqual(res.failures, []);
            assert.equal(res.warnings.length, 2, res.warnings.join("\n"));
            assert.match(
                res.warnings[0],
                /^pre-flight check of the End User Messaging SMS account tier in us-east-1 skipped: the caller may not call sms-voice:DescribeAccountAttributes \(AccessDeniedException\)\. Grant sms-voice:DescribeAccountAttributes to have it checked at preview; `pulumi up` is not affected\.$/,
            );
            assert.match(res.warnings[1], /TEXT_MESSAGE_MONTHLY_SPEND_LIMIT\) is 1 USD/);
        });
        it("`pulumi-cognito-mfa audit` reports the same, as findings eums-sandbox and eums-spend-limit", async () => {
            const c = cognitoClient(r.moto.endpoint);
            const id = await createUserPool(r.moto.endpoint, "audit-eums");
            const eums = r.eumsInputs.smsMfaConfiguration.smsConfiguration.eumsSms;
            await c.send(
                new SetUserPoolMfaConfigCommand({
                    UserPoolId: id,
                    MfaConfiguration: "ON",
                    SmsMfaConfiguration: { SmsConfiguration: { EumsSms: { CallerArn: eums.callerArn, ExternalId: eums.externalId } } },
                    SoftwareTokenMfaConfiguration: { Enabled: true },
                }),
            );
            const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
            // Spawned, not spawnSync: the fault proxy runs in this process and must go on answering.
            const child = spawn(process.execPath, [join(repoRoot, "dist/provider/cli.js"), "audit", "--format", "json"], {
                env: { ...inherited, ...awsEnv(r.proxy.endpoint) },
                stdio: ["ignore", "pipe", "pipe"],
            });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d) => (stdout += d));
            child.stderr.on("data", (d) => (stderr += d));
            const status = await new Promise<number>((ok, fail) => {
                child.on("error", fail);
                child.on("close", (code) => ok(code ?? 1));
            });
            const run = { status, stdout, stderr };
            // 1: the rig's other pools have MFA OFF, a failure; the EUMS findings are warnings.
            assert.equal(run.status, 1, run.stderr);
            const pools = (JSON.parse(run.stdout) as { pools: { userPoolId: string; findings: { id: string; level: string }[] }[] }).pools;
            const pool = pools.find((p) => p.userPoolId === id)!;
            assert.deepEqual(
                pool.findings.filter((f) => f.id.startsWith("eums-")).map((f) => [f.id, f.level]),
                [
                    ["eums-sandbox", "warning"],
                    ["eums-spend-limit", "warning"],
                ],
            );
        });
    });

    describe("an account out of the SMS sandbox", () => {
        let r: Awaited<ReturnType<typeof rig>>;
        before(async () => {
            r = await rig(false);
            Object.assign(process.env, awsEnv(r.proxy.endpoint));
        });
        after(() => r?.stop());
        beforeEach(() => {
            clearPreflightCache();
            r.proxy.reset();
        });

        it("production tier and its text limit: no warning; an override at or below 1 USD warns, 0 means no SMS; read once per Region", async () => {
            assert.deepEqual(await preview(r.eumsInputs), { failures: [], warnings: [] });
            await preview({ ...r.eumsInputs, userPoolId: await createUserPool(r.moto.endpoint) });
            assert.deepEqual(r.eumsReads(), EUMS_READS, "one read of each per Region");
            const at = async (usd: number | undefined) => {
                await r.setTextOverride(usd);
                clearPreflightCache();
                return (await preview(r.eumsInputs)).warnings;
            };
            const one = await at(1);
            assert.equal(one.length, 1, one.join("\n"));
            assert.match(one[0], /TEXT_MESSAGE_MONTHLY_SPEND_LIMIT\) is 1 USD, the quota AWS sets for new accounts/);
            assert.match((await at(0))[0], /a limit of 0 USD, so it sends no SMS at all/);
            assert.deepEqual(await at(500), []);
            assert.deepEqual(await at(undefined), []);
        });

        it("the origination identity and configuration set the pool names: missing or not ACTIVE warns, never refuses; a missing permission skips the check", async () => {
            const smsVoice = new PinpointSMSVoiceV2Client({
                endpoint: r.moto.endpoint,
                region: "us-east-1",
                credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
            });
            const request = (NumberType: "LONG_CODE" | "TOLL_FREE") =>
                smsVoice.send(
                    new RequestPhoneNumberCommand({
                        IsoCountryCode: "US",
                        MessageType: "TRANSACTIONAL",
                        NumberCapabilities: ["SMS"],
                        NumberType,
                    }),
                );
            const active = await request("LONG_CODE");
            const pending = await request("TOLL_FREE");
            await smsVoice.send(new CreateConfigurationSetCommand({ ConfigurationSetName: "mfa-events" }));
            const eums = r.eumsInputs.smsMfaConfiguration.smsConfiguration.eumsSms;
            const at = async (more: Record<string, string>) => {
                clearPreflightCache();
                const res = await preview({
                    ...r.eumsInputs,
                    smsMfaConfiguration: { smsConfiguration: { eumsSms: { ...eums, ...more } } },
                });
                assert.deepEqual(res.failures, []);
                return res.warnings;
            };
            // An E.164 number of the account that is ACTIVE, and a configuration set that exists: silent.
            assert.deepEqual(await at({ originationIdentity: active.PhoneNumber!, configurationSetName: "mfa-events" }), []);
            const notActive = await at({ originationIdentity: pending.PhoneNumberArn! });
            assert.equal(notActive.length, 1, notActive.join("\n"));
            assert.match(
                notActive[0],
                /in us-east-1, where the origination identity arn:aws:sms-voice:us-east-1:\d+:phone-number\/phone-\w+ .* Status is PENDING, not ACTIVE/,
            );
            const gone = `arn:aws:sms-voice:us-east-1:123456789012:pool/pool-missing`;
            const missing = await at({ originationIdentity: gone, configurationSetName: "other" });
            assert.equal(missing.length, 2, missing.join("\n"));
            assert.match(
                missing[0],
                new RegExp(`origination identity ${gone} .* does not exist \\(DescribePools: ResourceNotFoundException\\)`),
            );
            assert.match(missing[1], /configuration set other .* does not exist \(DescribeConfigurationSets: ResourceNotFoundException\)/);
            r.proxy.addRule({
                op: "DescribeConfigurationSets",
                fault: {
                    kind: "error",
                    status: 400,
                    code: "AccessDeniedException",
                    message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sms-voice:DescribeConfigurationSets",
                },
            });
            try {
                const denied = await at({ configurationSetName: "other" });
                assert.equal(denied.length, 1, denied.join("\n"));
                assert.match(
                    denied[0],
                    /^pre-flight check of the End User Messaging SMS configuration set other in us-east-1 skipped: the caller may not call sms-voice:DescribeConfigurationSets \(AccessDeniedException\)/,
                );
            } finally {
                r.proxy.clearRules();
            }
        });
    });
});
