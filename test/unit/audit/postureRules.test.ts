// The audit's rules for one pool (provider/audit/postureRules.ts): pure, on what the account walk
// read. Each posture the issue names, the pre-flight's own rules reused on the live configuration,
// the SMS delivery rules, and reads that failed.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "../../../provider/aws/errors";
import type { PoolFacts, RoleFacts } from "../../../provider/audit/facts";
import { postureFindings } from "../../../provider/audit/postureRules";
import { fixOf, preflightFindings } from "../../../provider/audit/preflightFindings";
import { AUDIT_RULES } from "../../../provider/audit/catalogue";
import type { MfaConfig } from "../../../provider/userPoolMfaConfig/model";
import { poolRules } from "../../../provider/userPoolMfaConfig/poolRules";
import { awsError } from "../fakes";
import { ACCOUNT, BASE_POOL, EXTERNAL_ID, POOL, ROLE_ARN, SNS_PUBLISH } from "../userPoolMfaConfig/badInputCatalogue";

const ids = (f: { id: string }[]) => f.map((x) => x.id).sort();
const SMS_CFG = { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: EXTERNAL_ID } };
const POOL_ARN = `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/${POOL}`;
const SOURCE_TRUST = {
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { Service: "cognito-idp.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:SourceAccount": ACCOUNT },
                ArnLike: { "aws:SourceArn": POOL_ARN },
            },
        },
    ],
};
const GOOD_ROLE: RoleFacts = {
    arn: ROLE_ARN,
    trustPolicy: JSON.stringify(SOURCE_TRUST),
    permissionPolicies: [{ source: "inline policy sns-publish", document: JSON.stringify(SNS_PUBLISH) }],
};

function facts(mfa: MfaConfig | undefined, extra: Partial<PoolFacts> = {}): PoolFacts {
    return { userPoolId: POOL, name: "p", region: "eu-west-1", pool: { ...BASE_POOL, Arn: POOL_ARN }, mfa, ...extra };
}

describe("audit posture rules", () => {
    it("MFA OFF is a failure; on a passwordless-only pool, a warning", () => {
        const off = postureFindings(facts({ mfaConfiguration: "OFF" }));
        assert.deepEqual(ids(off), ["mfa-off"]);
        assert.equal(off[0].level, "failure");
        assert.equal(off[0].evidence.rating, "DOCUMENTED");
        const pool: UserPoolType = { ...BASE_POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["WEB_AUTHN", "EMAIL_OTP"] } } };
        const pl = postureFindings(facts({ mfaConfiguration: "OFF" }, { pool }));
        assert.deepEqual(ids(pl), ["mfa-off"]);
        assert.equal(pl[0].level, "warning");
        assert.match(pl[0].message, /sign in without a password/);
    });

    it("ON with TOTP has no finding; OPTIONAL with TOTP warns that users may never enroll", () => {
        assert.deepEqual(postureFindings(facts({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } })), []);
        const opt = postureFindings(facts({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }));
        assert.deepEqual(ids(opt), ["mfa-optional"]);
        assert.equal(opt[0].level, "warning");
    });

    it("SMS as the only second factor warns (INFERRED); SMS next to TOTP does not", () => {
        const only = postureFindings(facts({ mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG }, { role: GOOD_ROLE }));
        assert.deepEqual(ids(only), ["sms-only-second-factor"]);
        assert.equal(only[0].evidence.rating, "INFERRED");
        const both = postureFindings(
            facts(
                { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } },
                { role: GOOD_ROLE },
            ),
        );
        assert.deepEqual(both, []);
    });

    it('passkeys with userVerification "preferred" (or unset) under MFA ON warn; "required" does not', () => {
        const base: MfaConfig = { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } };
        for (const w of [{ userVerification: "preferred" as const }, { relyingPartyId: "example.com" }]) {
            const r = postureFindings(facts({ ...base, webAuthnConfiguration: w }));
            assert.deepEqual(ids(r), ["passkey-uv-preferred"], JSON.stringify(w));
        }
        assert.deepEqual(postureFindings(facts({ ...base, webAuthnConfiguration: { userVerification: "required" } })), []);
        assert.deepEqual(
            postureFindings(
                facts({
                    mfaConfiguration: "OPTIONAL",
                    webAuthnConfiguration: { userVerification: "preferred" },
                    softwareTokenMfaConfiguration: { enabled: true },
                }),
            ).map((f) => f.id),
            ["mfa-optional"],
        );
    });

    it("an SMS role whose trust has only the ExternalId warns about aws:SourceAccount / aws:SourceArn; no ExternalId at all is the pre-flight's warning too", () => {
        const mfa: MfaConfig = { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } };
        const onlyExternalId = {
            ...SOURCE_TRUST,
            Statement: [{ ...SOURCE_TRUST.Statement[0], Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } }],
        };
        const r1 = postureFindings(facts(mfa, { role: { ...GOOD_ROLE, trustPolicy: JSON.stringify(onlyExternalId) } as RoleFacts }));
        assert.deepEqual(ids(r1), ["sms-role-trust-no-source"]);
        const none = { ...SOURCE_TRUST, Statement: [{ ...SOURCE_TRUST.Statement[0], Condition: undefined }] };
        const r2 = postureFindings(facts(mfa, { role: { ...GOOD_ROLE, trustPolicy: JSON.stringify(none) } as RoleFacts }));
        assert.deepEqual(ids(r2), ["sms-role-no-external-id", "sms-role-trust-no-source"]);
        assert.ok(
            r2.every((f) => !f.message.includes(EXTERNAL_ID) && !f.fix.includes(EXTERNAL_ID)),
            "the ExternalId is never printed",
        );
    });

    it("the pre-flight's role rules run on the live configuration: a wrong ExternalId and no sns:Publish are failures", () => {
        const mfa: MfaConfig = {
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: "other-id" } },
            softwareTokenMfaConfiguration: { enabled: true },
        };
        const r = postureFindings(facts(mfa, { role: { ...GOOD_ROLE, permissionPolicies: [] } as RoleFacts }));
        assert.deepEqual(ids(r), ["sms-role-external-id", "sms-role-publish"]);
        assert.ok(r.every((f) => f.level === "failure"));
        assert.ok(
            r.every((f) => !f.message.includes("other-id")),
            "the ExternalId is never printed",
        );
    });

    it("a missing SMS role is a failure; a role IAM would not show is a warning naming the action", () => {
        const mfa: MfaConfig = { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } };
        assert.deepEqual(ids(postureFindings(facts(mfa, { role: { arn: ROLE_ARN, missing: true } }))), ["sms-role-missing"]);
        const denied = postureFindings(
            facts(mfa, {
                role: {
                    arn: ROLE_ARN,
                    error: { action: "iam:GetRole", errorName: "AccessDenied", message: "GetRole ... AccessDenied", accessDenied: true },
                },
            }),
        );
        assert.deepEqual(ids(denied), ["sms-role-unreadable"]);
        assert.match(denied[0].fix, /Grant the auditing identity iam:GetRole/);
        const other = postureFindings(facts(mfa, { role: { arn: ROLE_ARN, otherAccount: "210987654321" } }));
        assert.deepEqual(ids(other), ["sms-role-unreadable"]);
        assert.match(other[0].message, /account 210987654321/);
    });

    it("the pre-flight's pool rules run on the live configuration: Lite with email MFA, ON with a passwordless first factor", () => {
        const lite = postureFindings(
            facts({ mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} }, { pool: { ...BASE_POOL, UserPoolTier: "LITE" } }),
        );
        assert.deepEqual(ids(lite), ["lite-email-mfa", "mfa-optional"]);
        assert.equal(lite.find((f) => f.id === "lite-email-mfa")!.level, "failure");
        const otp = postureFindings(
            facts(
                { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
                { pool: { ...BASE_POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } } },
            ),
        );
        assert.deepEqual(ids(otp), ["on-with-passwordless-first-factor"]);
        assert.match(otp[0].fix, /^Use mfaConfiguration "OPTIONAL"/);
    });

    it("a pool whose reads are refused is reported as such, with the action to grant, and judged on what was read", () => {
        const err = new AwsCallError("GetUserPoolMfaConfig", `user pool ${POOL}`, awsError("AccessDeniedException", "not authorized"));
        const r = postureFindings(
            facts(undefined, {
                mfaError: {
                    action: "cognito-idp:GetUserPoolMfaConfig",
                    errorName: "AccessDeniedException",
                    message: err.message,
                    accessDenied: true,
                },
            }),
        );
        assert.deepEqual(ids(r), ["pool-unreadable"]);
        assert.equal(r[0].level, "failure");
        assert.match(r[0].fix, /Grant the auditing identity cognito-idp:GetUserPoolMfaConfig/);
        const noDescribe = postureFindings(
            facts(
                { mfaConfiguration: "OFF" },
                {
                    pool: undefined,
                    poolError: {
                        action: "cognito-idp:DescribeUserPool",
                        errorName: "AccessDeniedException",
                        message: "denied",
                        accessDenied: true,
                    },
                },
            ),
        );
        assert.deepEqual(ids(noDescribe), ["mfa-off", "pool-unreadable"]);
    });

    it("SMS delivery: the sandbox and the new-account spend limit warn; a denied read names the SNS action; an endpoint without the operation is silent", () => {
        const mfa: MfaConfig = { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } };
        const sms = (state: object, skipped: object[] = []) => ({ state: { region: "eu-west-1", ...state }, skipped }) as PoolFacts["sms"];
        const r = postureFindings(facts(mfa, { role: GOOD_ROLE, sms: sms({ inSandbox: true, monthlySpendLimit: "1" }) }));
        assert.deepEqual(ids(r), ["sms-sandbox", "sms-spend-limit"]);
        assert.ok(r.every((f) => f.level === "warning" && f.evidence.rating === "DOCUMENTED"));
        const denied = new AwsCallError(
            "GetSMSSandboxAccountStatus",
            "Amazon SNS in eu-west-1",
            awsError("AuthorizationErrorException", "not authorized"),
        );
        const d = postureFindings(
            facts(mfa, {
                role: GOOD_ROLE,
                sms: sms({}, [
                    { operation: "GetSMSSandboxAccountStatus", what: "the SNS SMS sandbox", error: denied, unsupported: false },
                    { operation: "GetSMSAttributes", what: "the SNS monthly SMS spend limit", error: new Error("x"), unsupported: true },
                ]),
            }),
        );
        assert.deepEqual(ids(d), ["sms-delivery-unreadable"]);
        assert.match(d[0].message, /may not call sns:GetSMSSandboxAccountStatus/);
        assert.match(d[0].fix, /Grant the auditing identity sns:GetSMSSandboxAccountStatus/);
    });

    it("SMS delivery through End User Messaging SMS: the sandbox tier and the new-account text limit warn; a denied read names the sms-voice action", () => {
        const mfa: MfaConfig = { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } };
        const sms = (state: object, skipped: object[] = []) =>
            ({ state: { region: "eu-west-1", path: "eums", ...state }, skipped }) as PoolFacts["sms"];
        const r = postureFindings(facts(mfa, { role: GOOD_ROLE, sms: sms({ accountTier: "SANDBOX", textSpendLimitUsd: 1 }) }));
        assert.deepEqual(ids(r), ["eums-sandbox", "eums-spend-limit"]);
        assert.ok(r.every((f) => f.level === "warning"));
        assert.deepEqual(
            r.map((f) => f.evidence.rating),
            ["INFERRED", "DOCUMENTED"],
        );
        assert.deepEqual(
            ids(postureFindings(facts(mfa, { role: GOOD_ROLE, sms: sms({ accountTier: "PRODUCTION", textSpendLimitUsd: 1000 }) }))),
            [],
        );
        const denied = new AwsCallError(
            "DescribeAccountAttributes",
            "AWS End User Messaging SMS in eu-west-1",
            awsError("AccessDeniedException", "not authorized"),
        );
        const d = postureFindings(
            facts(mfa, {
                role: GOOD_ROLE,
                sms: sms({}, [
                    {
                        service: "sms-voice",
                        operation: "DescribeAccountAttributes",
                        what: "the End User Messaging SMS account tier",
                        error: denied,
                        unsupported: false,
                    },
                ]),
            }),
        );
        assert.deepEqual(ids(d), ["sms-delivery-unreadable"]);
        assert.match(
            d[0].message,
            /sends SMS through AWS End User Messaging SMS; the check .* may not call sms-voice:DescribeAccountAttributes/,
        );
        assert.match(d[0].fix, /Grant the auditing identity sms-voice:DescribeAccountAttributes/);
    });

    it("End User Messaging SMS resources: a missing origination identity, a phone number not ACTIVE, a missing configuration set are warnings", () => {
        const mfa: MfaConfig = { mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG, softwareTokenMfaConfiguration: { enabled: true } };
        const sms = (state: object) => ({ state: { region: "eu-west-1", path: "eums", ...state }, skipped: [] }) as PoolFacts["sms"];
        const at = (state: object) => postureFindings(facts(mfa, { role: GOOD_ROLE, sms: sms(state) }));
        const missing = at({
            originationIdentity: { value: "+12065550100", operation: "DescribePhoneNumbers", found: false },
            configurationSet: { name: "mfa-events", found: false },
        });
        assert.deepEqual(ids(missing), ["eums-configuration-set-missing", "eums-origination-identity-missing"]);
        assert.ok(missing.every((f) => f.level === "warning" && f.evidence.rating === "INFERRED"));
        const pending = at({
            originationIdentity: { value: "+12065550100", operation: "DescribePhoneNumbers", found: true, status: "PENDING" },
        });
        assert.deepEqual(ids(pending), ["eums-origination-identity-inactive"]);
        assert.equal(pending[0].level, "warning");
    });

    it("every finding's id is in the catalogue, with a message, a fix and a rated source", () => {
        const all = [
            ...postureFindings(facts({ mfaConfiguration: "OFF" })),
            ...postureFindings(facts({ mfaConfiguration: "ON", smsMfaConfiguration: SMS_CFG }, { role: { arn: ROLE_ARN, missing: true } })),
        ];
        for (const f of all) {
            assert.ok(AUDIT_RULES.has(f.id), f.id);
            assert.ok(f.message && f.fix && f.evidence.source, JSON.stringify(f));
        }
    });
});

describe("audit: the pre-flight's results as findings", () => {
    it("each pre-flight warning the live configuration can raise gets its own id, not the generic one", () => {
        const enforced: UserPoolType = { ...BASE_POOL, UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } };
        const phoneOnly: UserPoolType = {
            ...BASE_POOL,
            AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_phone_number", Priority: 1 }] },
        };
        const custom: UserPoolType = { ...BASE_POOL, CustomDomain: "auth.example.com" };
        const cases: [Record<string, unknown>, UserPoolType, string][] = [
            [
                { userPoolId: POOL, mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
                enforced,
                "adaptive-auth-needs-optional",
            ],
            [{ userPoolId: POOL, mfaConfiguration: "OPTIONAL", smsMfaConfiguration: SMS_CFG }, phoneOnly, "sms-mfa-phone-only-recovery"],
            [
                {
                    userPoolId: POOL,
                    mfaConfiguration: "OPTIONAL",
                    softwareTokenMfaConfiguration: { enabled: true },
                    webAuthnConfiguration: { relyingPartyId: "example.com" },
                },
                custom,
                "rp-id-custom-domain",
            ],
        ];
        for (const [inputs, pool, id] of cases) {
            const r = poolRules(inputs, pool);
            assert.ok(r.warnings.length > 0, `${id}: the pre-flight warns`);
            assert.deepEqual(
                preflightFindings(r).map((f) => f.id),
                [id],
            );
        }
    });

    it("an unknown pre-flight text keeps a generic id and the remedy the text names", () => {
        const [f, w] = preflightFindings({
            failures: [{ property: "x", reason: "x is wrong. Set x to y (received: 1)" }],
            warnings: ["pre-flight: something new."],
        });
        assert.deepEqual([f.id, f.level, f.fix], ["preflight-refusal", "failure", "Set x to y"]);
        assert.deepEqual([w.id, w.level, w.message], ["preflight-warning", "warning", "something new."]);
    });

    it("fixOf takes the first imperative sentence after the first, and nothing when there is none", () => {
        assert.equal(fixOf('a is bad (AWS answers "No"). Add b, or remove a (received: "x")'), "Add b, or remove a");
        assert.equal(fixOf("Set this first. It is all."), "");
        assert.equal(fixOf("nothing to do here."), "");
    });
});
