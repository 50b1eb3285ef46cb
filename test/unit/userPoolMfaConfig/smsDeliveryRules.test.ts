// The SMS delivery rules (smsDeliveryRules.ts, pure), the SNS Region they apply to, and the one
// read failure no emulator produces.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { GetSMSSandboxAccountStatusCommand } from "@aws-sdk/client-sns";
import { UNKNOWN } from "../../../provider/common/unknown";
import { clearPreflightCache, livePreflight } from "../../../provider/userPoolMfaConfig/preflight";
import { smsSendingTarget, snsSendingRegion } from "../../../provider/userPoolMfaConfig/smsDeliveryPreflight";
import { originationLookup } from "../../../provider/userPoolMfaConfig/originationIdentity";
import { smsDeliveryRules } from "../../../provider/userPoolMfaConfig/smsDeliveryRules";
import { BASE_POOL, GOOD_ROLE, POOL, ROLE_ARN, ROLE_NAME, SMS, TOTP } from "./badInputCatalogue";
import { mockPool, mockRole, resetMocks, snsMock } from "./preflightMocks";

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

    it("End User Messaging SMS: a tier naming the sandbox warns (any case); the text limit in force at or below 1 USD warns; production is silent", () => {
        const at = (state: object) => smsDeliveryRules({ region: "eu-west-1", path: "eums", ...state }, POOL);
        const [tier] = at({ accountTier: "SANDBOX" });
        assert.equal(tier.id, "eums-sandbox");
        assert.match(
            tier.message,
            /AWS End User Messaging SMS in eu-west-1, where the account tier \(DescribeAccountAttributes ACCOUNT_TIER\) is SANDBOX/,
        );
        assert.equal(tier.evidence.rating, "INFERRED");
        assert.equal(at({ accountTier: "Sandbox" })[0].id, "eums-sandbox");
        assert.deepEqual(at({ accountTier: "PRODUCTION" }), []);
        assert.match(
            at({ textSpendLimitUsd: 1 })[0].message,
            /TEXT_MESSAGE_MONTHLY_SPEND_LIMIT\) is 1 USD, the quota AWS sets for new accounts/,
        );
        assert.match(at({ textSpendLimitUsd: 0 })[0].message, /a limit of 0 USD, so it sends no SMS at all/);
        assert.deepEqual(at({ textSpendLimitUsd: 1000 }), []);
        // The SNS state means nothing on this path, and the other way round.
        assert.deepEqual(at({ inSandbox: true, monthlySpendLimit: "1" }), []);
        assert.deepEqual(smsDeliveryRules({ region: "eu-west-1", accountTier: "SANDBOX", textSpendLimitUsd: 0 }, POOL), []);
    });

    it("where SMS goes: the SNS path, or End User Messaging SMS in eumsSms.region, else the provider's or the pool's Region", () => {
        const eums = (e: object) => ({
            userPoolId: POOL,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { eumsSms: e } },
        });
        assert.deepEqual(smsSendingTarget(eums({ callerArn: ROLE_ARN, region: "eu-west-1" }), "eu-central-1"), {
            path: "eums",
            region: "eu-west-1",
        });
        assert.deepEqual(smsSendingTarget(eums({ callerArn: ROLE_ARN }), undefined), { path: "eums", region: "eu-west-1" });
        assert.equal(smsSendingTarget(eums({ callerArn: UNKNOWN }), undefined), undefined);
        assert.equal(smsSendingTarget(eums({ callerArn: ROLE_ARN, region: UNKNOWN }), undefined), undefined);
        assert.equal(smsSendingTarget({ ...eums({ callerArn: ROLE_ARN }), mfaConfiguration: "OFF" }, undefined), undefined);
        assert.deepEqual(smsSendingTarget({ userPoolId: POOL, mfaConfiguration: "ON", smsMfaConfiguration: SMS }, "us-east-1"), {
            path: "sns",
            region: "us-east-1",
        });
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

// Mocked: an endpoint that does not implement the read at all, which no emulator of this rig
// produces any more (tools/moto-ext answers both reads). The reads, the sandbox, the spend limit
// and a missing permission against the emulator: test/integration/smsDelivery.test.ts.
describe("SMS delivery at preview (livePreflight, mocked SNS: an endpoint without the operation)", () => {
    const inputs = { userPoolId: POOL, mfaConfiguration: "ON", smsMfaConfiguration: SMS };
    beforeEach(() => {
        resetMocks();
        clearPreflightCache();
        mockPool(BASE_POOL);
        mockRole(ROLE_NAME, GOOD_ROLE);
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
});

describe("End User Messaging SMS resources the pool names (pure)", () => {
    const at = (state: object) => smsDeliveryRules({ region: "eu-west-1", path: "eums", ...state }, POOL);
    const PHONE = "arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-0123456789abcdef";

    it("which read describes an origination identity: E.164 and phone-number ARNs DescribePhoneNumbers, sender-id ARNs DescribeSenderIds, pool ARNs DescribePools", () => {
        assert.deepEqual(originationLookup("+12065550100"), { operation: "DescribePhoneNumbers", phoneNumber: "+12065550100" });
        assert.deepEqual(originationLookup(PHONE), { operation: "DescribePhoneNumbers", phoneNumberId: PHONE });
        const sender = "arn:aws:sms-voice:eu-west-1:123456789012:sender-id/MyBrand/GB";
        assert.deepEqual(originationLookup(sender), { operation: "DescribeSenderIds", senderId: sender, isoCountryCode: "GB" });
        const pool = "arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-0123";
        assert.deepEqual(originationLookup(pool), { operation: "DescribePools", poolId: pool });
        // Not a form Cognito takes, or a sender-id ARN without its country: not looked up.
        for (const v of [
            "MyBrand",
            "12065550100",
            "arn:aws:sms-voice:eu-west-1:123456789012:sender-id/MyBrand",
            "arn:aws:sns:eu-west-1:1:x",
        ]) {
            assert.equal(originationLookup(v), undefined, v);
        }
    });

    it("a missing origination identity warns with the value, the Region and the fix; a phone number not ACTIVE warns; an ACTIVE one is silent", () => {
        const [missing, ...rest] = at({ originationIdentity: { value: PHONE, operation: "DescribePhoneNumbers", found: false } });
        assert.equal(rest.length, 0);
        assert.equal(missing.id, "eums-origination-identity-missing");
        assert.match(missing.message, /in eu-west-1, where the origination identity arn:aws:sms-voice:.*phone-0123456789abcdef/);
        assert.match(missing.message, /does not exist \(DescribePhoneNumbers: ResourceNotFoundException\)/);
        assert.match(missing.fix, /describe-phone-numbers --region eu-west-1/);
        assert.equal(missing.evidence.rating, "INFERRED");
        const [pending] = at({
            originationIdentity: { value: "+12065550100", operation: "DescribePhoneNumbers", found: true, status: "PENDING" },
        });
        assert.equal(pending.id, "eums-origination-identity-inactive");
        assert.match(pending.message, /\+12065550100 .* Status is PENDING, not ACTIVE/);
        assert.deepEqual(
            at({ originationIdentity: { value: "+12065550100", operation: "DescribePhoneNumbers", found: true, status: "ACTIVE" } }),
            [],
        );
        // Only a phone number's Status is told; a sender id or pool that exists is silent.
        assert.deepEqual(at({ originationIdentity: { value: "p", operation: "DescribePools", found: true, status: "CREATING" } }), []);
        assert.equal(
            at({ originationIdentity: { value: "p", operation: "DescribePools", found: false } })[0].id,
            "eums-origination-identity-missing",
        );
    });

    it("a missing configuration set warns with its name, the Region and the create command; one that exists is silent", () => {
        const [f] = at({ configurationSet: { name: "mfa-events", found: false } });
        assert.equal(f.id, "eums-configuration-set-missing");
        assert.match(
            f.message,
            /configuration set mfa-events \(smsMfaConfiguration\.smsConfiguration\.eumsSms\.configurationSetName\) does not exist/,
        );
        assert.match(f.fix, /create-configuration-set --configuration-set-name mfa-events --region eu-west-1/);
        assert.deepEqual(at({ configurationSet: { name: "mfa-events", found: true } }), []);
        // On the SNS path these mean nothing.
        assert.deepEqual(smsDeliveryRules({ region: "eu-west-1", configurationSet: { name: "x", found: false } }, POOL), []);
    });

    it("the target carries the origination identity and configuration set when known; an unknown one is not read", () => {
        const eums = (e: object) => ({
            userPoolId: POOL,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { eumsSms: e } },
        });
        assert.deepEqual(
            smsSendingTarget(eums({ callerArn: ROLE_ARN, originationIdentity: PHONE, configurationSetName: "cs" }), undefined),
            {
                path: "eums",
                region: "eu-west-1",
                eums: { originationIdentity: PHONE, configurationSetName: "cs" },
            },
        );
        assert.deepEqual(
            smsSendingTarget(eums({ callerArn: ROLE_ARN, originationIdentity: UNKNOWN, configurationSetName: "cs" }), undefined),
            {
                path: "eums",
                region: "eu-west-1",
                eums: { configurationSetName: "cs" },
            },
        );
    });
});
