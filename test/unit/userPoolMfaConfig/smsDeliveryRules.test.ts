// The SMS delivery rules (smsDeliveryRules.ts, pure) and the pre-flight's reads of the account's
// SMS sending state (smsDeliveryPreflight.ts) through the mocked SNS client. Mocked because moto
// (5.2.3) does not implement GetSMSSandboxAccountStatus at all, so no emulator can answer
// IsInSandbox true, and because an AuthorizationError is an error path moto never produces.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand } from "@aws-sdk/client-sns";
import { UNKNOWN } from "../../../provider/common/unknown";
import { clearPreflightCache, livePreflight } from "../../../provider/userPoolMfaConfig/preflight";
import { snsSendingRegion } from "../../../provider/userPoolMfaConfig/smsDeliveryPreflight";
import { smsDeliveryRules } from "../../../provider/userPoolMfaConfig/smsDeliveryRules";
import { awsError } from "../fakes";
import { BASE_POOL, GOOD_ROLE, POOL, ROLE_ARN, ROLE_NAME, SMS, TOTP } from "./badInputCatalogue";
import { mockPool, mockRole, mockSmsState, resetMocks, sentSnsCommands, snsMock } from "./preflightMocks";

describe("SMS delivery rules (pure)", () => {
    it("the SNS SMS sandbox warns, with the Region and the way out", () => {
        const [f, ...rest] = smsDeliveryRules({ region: "eu-west-1", inSandbox: true }, POOL);
        assert.equal(rest.length, 0);
        assert.equal(f.id, "sms-sandbox");
        assert.match(
            f.message,
            /in eu-west-1, where this account is in the SMS sandbox: SNS delivers SMS only to verified destination phone numbers/,
        );
        assert.match(f.fix, /Exit SMS sandbox/);
        assert.equal(f.evidence.rating, "DOCUMENTED");
        assert.deepEqual(smsDeliveryRules({ region: "eu-west-1", inSandbox: false }, POOL), []);
    });

    it("a spend limit at or below the new-account quota (1 USD) warns; 0 means no SMS at all; more, or none returned, is silent", () => {
        const at = (v: string | undefined) => smsDeliveryRules({ region: "us-east-1", monthlySpendLimit: v }, POOL).map((f) => f.message);
        assert.match(at("1")[0], /MonthlySpendLimit\) is 1 USD, the quota AWS sets for new accounts/);
        assert.match(at("0.5")[0], /is 0.5 USD/);
        assert.match(at("0")[0], /a limit of 0 USD, so SNS sends no SMS at all/);
        assert.deepEqual(at("100"), []);
        assert.deepEqual(at(undefined), []);
        assert.deepEqual(at("not a number"), []);
    });

    it("the SNS Region: snsRegion, else the provider's Region, else the pool id's; none unless SMS MFA goes through SNS", () => {
        const sns = (cfg: object) => ({ userPoolId: POOL, mfaConfiguration: "ON", smsMfaConfiguration: { smsConfiguration: cfg } });
        assert.equal(snsSendingRegion(sns({ snsCallerArn: ROLE_ARN, snsRegion: "us-west-2" }), "eu-west-1"), "us-west-2");
        assert.equal(snsSendingRegion(sns({ snsCallerArn: ROLE_ARN }), "eu-central-1"), "eu-central-1");
        assert.equal(snsSendingRegion(sns({ snsCallerArn: ROLE_ARN }), undefined), "eu-west-1");
        assert.equal(snsSendingRegion({ ...sns({ snsCallerArn: ROLE_ARN }), mfaConfiguration: "OFF" }, undefined), undefined);
        assert.equal(snsSendingRegion(sns({ eumsSms: { callerArn: ROLE_ARN } }), undefined), undefined);
        assert.equal(snsSendingRegion(sns({ snsCallerArn: UNKNOWN }), undefined), undefined);
        assert.equal(snsSendingRegion(sns({ snsCallerArn: ROLE_ARN, snsRegion: UNKNOWN }), undefined), undefined);
        assert.equal(
            snsSendingRegion({ userPoolId: POOL, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, undefined),
            undefined,
        );
    });
});

describe("SMS delivery at preview (livePreflight, mocked SNS)", () => {
    const inputs = { userPoolId: POOL, mfaConfiguration: "ON", smsMfaConfiguration: SMS };
    beforeEach(() => {
        resetMocks();
        clearPreflightCache();
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, GOOD_ROLE);
    });

    it("an account in the SMS sandbox is a warning, never a failure", async () => {
        mockSmsState({ inSandbox: true });
        const r = await livePreflight(inputs, { region: "eu-west-1" });
        assert.deepEqual(r.failures, []);
        assert.equal(r.warnings.length, 1, r.warnings.join("\n"));
        assert.match(
            r.warnings[0],
            /^pre-flight: user pool eu-west-1_Abc123 sends SMS through Amazon SNS in eu-west-1, where this account is in the SMS sandbox/,
        );
        assert.deepEqual(sentSnsCommands().sort(), ["GetSMSAttributesCommand", "GetSMSSandboxAccountStatusCommand"]);
    });

    it("the spend limit is read as GetSMSAttributes MonthlySpendLimit", async () => {
        mockSmsState({ attributes: { MonthlySpendLimit: "1" } });
        const r = await livePreflight(inputs, { region: "eu-west-1" });
        assert.equal(r.warnings.length, 1, r.warnings.join("\n"));
        assert.match(r.warnings[0], /monthly SMS spend limit \(GetSMSAttributes MonthlySpendLimit\) is 1 USD/);
        const call = snsMock.commandCalls(GetSMSAttributesCommand)[0];
        assert.deepEqual(call.args[0].input, { attributes: ["MonthlySpendLimit"] });
    });

    it("a missing SNS permission skips that check with the action to grant; the other still runs", async () => {
        snsMock
            .on(GetSMSSandboxAccountStatusCommand)
            .rejects(awsError("AuthorizationErrorException", "User is not authorized to perform: SNS:GetSMSSandboxAccountStatus"));
        snsMock.on(GetSMSAttributesCommand).resolves({ attributes: { MonthlySpendLimit: "0" } });
        const r = await livePreflight(inputs, { region: "eu-west-1" });
        assert.deepEqual(r.failures, []);
        assert.equal(r.warnings.length, 2, r.warnings.join("\n"));
        assert.match(
            r.warnings[0],
            /^pre-flight check of the SNS SMS sandbox in eu-west-1 skipped: the caller may not call sns:GetSMSSandboxAccountStatus \(AuthorizationErrorException\)\. Grant sns:GetSMSSandboxAccountStatus to have it checked at preview; `pulumi up` is not affected\.$/,
        );
        assert.match(r.warnings[1], /so SNS sends no SMS at all/);
    });

    it("an endpoint that does not implement the read (moto's HTML 500) goes to the debug log only", async () => {
        snsMock
            .on(GetSMSSandboxAccountStatusCommand)
            .rejects(new Error("@aws-sdk XML parse error: mismatched tags <html> and </title>.\n  Deserialization error: ..."));
        const log: string[] = [];
        const r = await livePreflight(inputs, { region: "eu-west-1", log: (m) => log.push(m) });
        assert.deepEqual(r.warnings, []);
        assert.ok(
            log.some((l) => /the endpoint does not implement sns:GetSMSSandboxAccountStatus/.test(l)),
            log.join("\n"),
        );
    });

    it("read once per SNS Region per process; not at all without SMS MFA through SNS", async () => {
        await livePreflight(inputs, { region: "eu-west-1" });
        await livePreflight({ ...inputs, userPoolId: "eu-west-1_Other1" }, { region: "eu-west-1" });
        assert.deepEqual(sentSnsCommands().sort(), ["GetSMSAttributesCommand", "GetSMSSandboxAccountStatusCommand"]);
        resetMocks();
        clearPreflightCache();
        mockPool(BASE_POOL);
        await livePreflight({ userPoolId: POOL, mfaConfiguration: "ON", softwareTokenMfaConfiguration: TOTP }, { region: "eu-west-1" });
        await livePreflight({ userPoolId: POOL, mfaConfiguration: "OFF" }, { region: "eu-west-1" });
        assert.deepEqual(sentSnsCommands(), []);
    });
});
