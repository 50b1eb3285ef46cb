// `pulumi-cognito-mfa audit` against moto, through the fault proxy throttling Cognito at 15
// requests/s (its UserPoolRead quota): 200 pools of mixed postures, each format and exit code,
// the JSON and SARIF structure, bad options, AccessDenied on some pools, nothing written.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { SetSMSAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { checkAuditJson, checkSarif } from "../harness/auditSchemas";
import { runCli } from "../harness/cli";
import { FaultProxy, forUserPools, startFaultProxy } from "../harness/faultProxy";
import { awsEnv, cognitoClient, createUserPool, iamClient, liveMfa, Moto, startMoto } from "../harness/moto";

const N = 200;
const ROLE = "arn:aws:iam::123456789012:role/audit-sms";
const EXTERNAL_ID = "ext-audit-0123456789";
const POSTURES = ["off", "optional-totp", "on-totp", "on-sms", "on-sms-missing-role"] as const;
const READ_OPS = new Set([
    "ListUserPools",
    "DescribeUserPool",
    "GetUserPoolMfaConfig",
    "GetRole",
    "ListRolePolicies",
    "GetRolePolicy",
    "ListAttachedRolePolicies",
    "GetPolicy",
    "GetPolicyVersion",
    "GetSMSSandboxAccountStatus",
    "GetSMSAttributes",
    "DescribeAccountAttributes",
    "DescribeSpendLimits",
]);

const run = runCli;

type JsonPool = { userPoolId: string; mfaConfiguration: string | null; findings: { id: string; level: string }[]; snippet?: string };

describe("pulumi-cognito-mfa audit (moto, throttled at 15 requests/s)", () => {
    let moto: Moto;
    let proxy: FaultProxy;
    const posture = new Map<string, (typeof POSTURES)[number]>();
    const denied: string[] = [];
    let env: Record<string, string>;
    const before_: Record<string, unknown> = {};
    let throttle: number;

    before(async () => {
        moto = await startMoto();
        proxy = await startFaultProxy(moto.endpoint);
        env = awsEnv(proxy.endpoint);
        const iam = iamClient(moto.endpoint);
        const trust = {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "cognito-idp.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
                },
            ],
        };
        await iam.send(new CreateRoleCommand({ RoleName: "audit-sms", AssumeRolePolicyDocument: JSON.stringify(trust) }));
        await iam.send(
            new PutRolePolicyCommand({
                RoleName: "audit-sms",
                PolicyName: "sns-publish",
                PolicyDocument: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
                }),
            }),
        );
        // The new-account spend quota, which moto stores and answers.
        await new SNSClient({
            endpoint: moto.endpoint,
            region: "us-east-1",
            credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
        }).send(new SetSMSAttributesCommand({ attributes: { MonthlySpendLimit: "1" } }));
        const c = cognitoClient(moto.endpoint);
        // Straight to moto, 10 pools at a time (the setup is not what is measured).
        const makePool = async (i: number) => {
            const id = await createUserPool(moto.endpoint, `audit-${i}`);
            const p = POSTURES[i % POSTURES.length];
            posture.set(id, p);
            const sms = (arn: string) => ({ SmsConfiguration: { SnsCallerArn: arn, ExternalId: EXTERNAL_ID } });
            const req =
                p === "optional-totp"
                    ? { MfaConfiguration: "OPTIONAL" as const, SoftwareTokenMfaConfiguration: { Enabled: true } }
                    : p === "on-totp"
                      ? { MfaConfiguration: "ON" as const, SoftwareTokenMfaConfiguration: { Enabled: true } }
                      : p === "on-sms"
                        ? { MfaConfiguration: "ON" as const, SmsMfaConfiguration: sms(ROLE) }
                        : p === "on-sms-missing-role"
                          ? {
                                MfaConfiguration: "ON" as const,
                                SmsMfaConfiguration: sms("arn:aws:iam::123456789012:role/gone"),
                                SoftwareTokenMfaConfiguration: { Enabled: true },
                            }
                          : undefined;
            if (req) await c.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, ...req }));
            if (i % 50 === 7) denied.push(id);
            before_[id] = await liveMfa(moto.endpoint, id, c);
        };
        for (let i = 0; i < N; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => makePool(i + k)));
        throttle = proxy.addRule({ op: "*", service: "cognito-idp", fault: { kind: "throttle" }, rps: 15 });
        proxy.addRule({
            op: "GetUserPoolMfaConfig",
            match: forUserPools(denied),
            fault: {
                kind: "error",
                status: 400,
                code: "AccessDeniedException",
                message: "User is not authorized to perform: cognito-idp:GetUserPoolMfaConfig",
            },
        });
    });
    after(async () => {
        await proxy?.stop();
        await moto?.stop();
    });

    let json: { pools: JsonPool[] };

    it("json: every pool, its posture's findings, AccessDenied pools reported, within the quota; nothing written", async () => {
        proxy.reset();
        const t0 = Date.now();
        const r = await run(["audit", "--format", "json", "--snippet"], env);
        const seconds = (Date.now() - t0) / 1000;
        assert.equal(r.code, 1, r.stderr);
        json = JSON.parse(r.stdout) as { pools: JsonPool[] };
        assert.deepEqual(checkAuditJson(json), []);
        assert.equal(json.pools.length, N);
        const expected: Record<string, string[]> = {
            off: ["mfa-off"],
            "optional-totp": ["mfa-optional"],
            "on-totp": [],
            // The emulator answers GetSMSSandboxAccountStatus as for a new account: in the sandbox.
            "on-sms": ["sms-only-second-factor", "sms-role-trust-no-source", "sms-sandbox", "sms-spend-limit"],
            "on-sms-missing-role": ["sms-role-missing", "sms-sandbox", "sms-spend-limit"],
        };
        for (const p of json.pools) {
            const ids = p.findings.map((f) => f.id).sort();
            if (denied.includes(p.userPoolId)) {
                assert.equal(p.mfaConfiguration, null);
                assert.deepEqual(ids, ["pool-unreadable"], p.userPoolId);
                continue;
            }
            assert.deepEqual(ids, expected[posture.get(p.userPoolId)!], `${p.userPoolId} (${posture.get(p.userPoolId)})`);
            assert.equal(p.snippet !== undefined, ids.length > 0, `a snippet exactly for pools with findings: ${p.userPoolId}`);
            if (p.snippet) assert.match(p.snippet, new RegExp(`userPoolId: "${p.userPoolId}"`));
        }
        // The walk paces itself to the quota (provider/aws/quota.ts): at most 10 % of its Cognito
        // requests are throttled (issue 20's goal), and it takes no less time than 15/s allows.
        const throttled = proxy.count("*", { injected: true, status: 429 });
        const cognitoRequests = proxy.requests().filter((x) => x.service === "cognito-idp").length;
        assert.ok(throttled <= 0.1 * cognitoRequests, `${throttled} of ${cognitoRequests} Cognito requests throttled`);
        const paced = cognitoRequests - throttled - denied.length;
        assert.ok(seconds >= (0.9 * (paced - 15)) / 15, `${paced} Cognito requests in ${seconds} s: faster than 15/s`);
        const ops = new Set(proxy.requests().map((x) => x.op));
        assert.deepEqual(
            [...ops].filter((op) => !READ_OPS.has(op)),
            [],
            "read operations only",
        );
        const reads = proxy.count("DescribeUserPool") + proxy.count("GetUserPoolMfaConfig");
        console.log(
            `[audit] ${N} pools in ${seconds.toFixed(1)} s: ${reads} pool reads, ${throttled} throttled, ${proxy.count("GetRole")} GetRole`,
        );
        assert.equal(proxy.count("GetRole"), 2, "each role read once per run");
        for (const [id, mfa] of Object.entries(before_)) assert.deepEqual(await liveMfa(moto.endpoint, id), mfa, `${id} unchanged`);
        // The quota is the JSON run's to prove; the other formats read the same pools unthrottled and unpaced.
        proxy.removeRule(throttle);
        env = { ...env, COGNITO_MFA_QUOTA_SHARE: "off" };
    });

    it("sarif: SARIF 2.1.0, one result per finding of the JSON run", async () => {
        const r = await run(["audit", "--format", "sarif", "--region", "us-east-1"], env);
        assert.equal(r.code, 1, r.stderr);
        const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string }[] }[] };
        assert.deepEqual(checkSarif(log), []);
        const findings = json.pools.flatMap((p) => p.findings.map((f) => f.id)).sort();
        assert.deepEqual(log.runs[0].results.map((x) => x.ruleId).sort(), findings);
    });

    it("table: progress on stderr, a summary; --fail-on decides the exit code", async () => {
        const r = await run(["audit"], env);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, new RegExp(`audit: ${N}/${N} user pools read in us-east-1`));
        assert.ok(r.stderr.split("\n").filter((l) => /user pools read/.test(l)).length >= 10, r.stderr);
        assert.match(r.stdout, new RegExp(`^${N} user pools in 1 Region: `, "m"));
        // No pool in eu-west-1: nothing reaches either level.
        assert.equal((await run(["audit", "--region", "eu-west-1", "--fail-on", "warning"], env)).code, 0);
    });

    it("exit 2 for a usage error or an account whose pools cannot be listed, naming the option or the action", async () => {
        const bad = await run(["audit", "--format", "xml"], env);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /--format must be one of table, json, sarif \(received: "xml"\)/);
        const sarifSnippet = await run(["audit", "--format", "sarif", "--snippet"], env);
        assert.equal(sarifSnippet.code, 2);
        assert.match(sarifSnippet.stderr, /--snippet works with --format table or json/);
        const noRegion = await run(["audit"], {
            ...env,
            AWS_REGION: "",
            AWS_CONFIG_FILE: "/nonexistent",
            AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
        });
        assert.equal(noRegion.code, 2, noRegion.stderr);
        assert.match(noRegion.stderr, /no Region to audit: pass --region <region>/);
        const id = proxy.addRule({
            op: "ListUserPools",
            fault: {
                kind: "error",
                status: 400,
                code: "AccessDeniedException",
                message: "not authorized to perform: cognito-idp:ListUserPools",
            },
        });
        try {
            const r = await run(["audit", "--format", "json"], env);
            assert.equal(r.code, 2);
            assert.match(
                r.stderr,
                /cannot list the user pools in us-east-1: the caller may not call cognito-idp:ListUserPools \(AccessDeniedException\)\. Grant the auditing identity cognito-idp:ListUserPools/,
            );
            assert.equal(r.stdout, "");
        } finally {
            proxy.removeRule(id);
        }
    });
});
