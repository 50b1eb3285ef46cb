// Pre-flight through the real CLI: `pulumi preview` of test/fixtures/mfa-from-config against moto
// fails on a sample of the bad-input catalogue (test/unit/badInputCatalogue.ts) with the
// property named, passes (with their warnings) on a sample of the inputs AWS accepts that a rule
// used to refuse or only warns about, and applies SMS MFA on pools whose account recovery lists
// verified_phone_number; shows a failed read as a warning, stays silent on a no-change preview,
// and can be turned off with the stack setting pulumi-cognito-mfa:preflight.
//
// The program reaches moto through a small recording proxy written below, which notes the
// operation of every request (Cognito: the X-Amz-Target header; IAM: the Action form field), so
// the tests can prove that preview made read calls only (moto's own log does not name them).
// Pools and roles are set up directly against moto, unrecorded. moto echoes the UserPoolTier,
// EmailConfiguration, SmsConfiguration, AccountRecoverySetting and Policies given to
// CreateUserPool, which is all these rules read.
import * as assert from "node:assert/strict";
import { createServer, request, Server } from "node:http";
import { after, before, describe, it } from "node:test";
import { CreateUserPoolCommand, CreateUserPoolCommandInput, CreateUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, PutRolePolicyCommand, AttachRolePolicyCommand, CreatePolicyCommand } from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, iamClient, liveMfa, useMoto } from "../harness/moto";
import { Stack } from "../harness/pulumi";
import {
    ACCEPTED,
    BAD_INPUTS,
    BASE_POOL,
    EXTERNAL_ID,
    GOOD_ROLE,
    POOL,
    ROLE_ARN,
    RoleFixture,
} from "../unit/userPoolMfaConfig/badInputCatalogue";

// An account out of the SMS sandbox: these cases are about the other rules, and count warnings.
const m = useMoto({ resetAfterEach: false, smsSandbox: false });

const READS = new Set([
    "DescribeUserPool",
    "GetUserPoolMfaConfig",
    "GetRole",
    "ListRolePolicies",
    "GetRolePolicy",
    "ListAttachedRolePolicies",
    "GetPolicy",
    "GetPolicyVersion",
    // The SMS delivery check (smsDeliveryPreflight.ts): the account's SMS sending state, read-only.
    "GetSMSSandboxAccountStatus",
    "GetSMSAttributes",
    // The same check through End User Messaging SMS (eumsSms), read-only.
    "DescribeAccountAttributes",
    "DescribeSpendLimits",
]);

interface Recorder {
    endpoint: string;
    ops: string[];
    /** Operations answered with AccessDenied instead of being forwarded (moto never denies). */
    deny: Set<string>;
    close(): Promise<void>;
}

/** The error AWS sends a caller without the permission: JSON for Cognito, XML for IAM. */
function accessDenied(res: import("node:http").ServerResponse, op: string, json: boolean): void {
    const message = `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ${json ? "cognito-idp" : "iam"}:${op}`;
    if (json) {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "AccessDeniedException" });
        res.end(JSON.stringify({ __type: "AccessDeniedException", message }));
    } else {
        res.writeHead(403, { "content-type": "text/xml" });
        res.end(
            `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
        );
    }
}

/** An HTTP proxy in front of moto that records the AWS operation of each request. */
async function recordingProxy(target: string): Promise<Recorder> {
    const ops: string[] = [];
    const deny = new Set<string>();
    const upstream = new URL(target);
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            const amzTarget = req.headers["x-amz-target"];
            const op =
                typeof amzTarget === "string"
                    ? amzTarget.split(".").pop()!
                    : (new URLSearchParams(body.toString("utf8")).get("Action") ?? `${req.method} ${req.url}`);
            ops.push(op);
            if (deny.has(op)) return accessDenied(res, op, typeof amzTarget === "string");
            const fwd = request(
                { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
                (up) => {
                    res.writeHead(up.statusCode ?? 502, up.headers);
                    up.pipe(res);
                },
            );
            fwd.on("error", (e) => {
                res.writeHead(502);
                res.end(String(e));
            });
            fwd.end(body);
        });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address() as { port: number };
    return {
        endpoint: `http://127.0.0.1:${port}`,
        ops,
        deny,
        close: () => new Promise<void>((ok) => server.close(() => ok())),
    };
}

let roleCount = 0;
/** Creates the role of a catalogue fixture in moto under a fresh name; returns its ARN. */
async function createRole(role: RoleFixture): Promise<string> {
    const iam = iamClient(m.moto.endpoint);
    const name = `cognito-sms-${++roleCount}`;
    const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(role.trust) }));
    for (const [policyName, doc] of Object.entries(role.inline ?? {})) {
        await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: JSON.stringify(doc) }));
    }
    for (const [arn, doc] of Object.entries(role.managed ?? {})) {
        const p = await iam.send(
            new CreatePolicyCommand({ PolicyName: `${arn.split("/").pop()}-${roleCount}`, PolicyDocument: JSON.stringify(doc) }),
        );
        await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: p.Policy!.Arn! }));
    }
    return created.Role!.Arn!;
}

/** Creates a pool in moto with BASE_POOL's settings plus `overrides`; returns its id. */
async function createPool(overrides: object = {}): Promise<string> {
    const { Id: _id, ...base } = BASE_POOL;
    const input = { PoolName: `preflight-${Date.now()}-${roleCount}`, ...base, ...overrides } as CreateUserPoolCommandInput;
    const out = await cognitoClient(m.moto.endpoint).send(new CreateUserPoolCommand(input));
    return out.UserPool!.Id!;
}

/** The catalogue's inputs with its placeholder pool id and role ARN replaced by real ones. */
function substitute<T>(value: T, poolId: string, roleArn: string): T {
    return JSON.parse(JSON.stringify(value).split(ROLE_ARN).join(roleArn).split(POOL).join(poolId)) as T;
}

const SAMPLE = [
    "OFF with an email block",
    "email MFA on the Lite tier",
    "email MFA with Cognito's default email",
    "sticky pool SMS: OPTIONAL with TOTP only",
    "sticky pool SMS through End User Messaging SMS: OPTIONAL with TOTP only",
    "ON with EMAIL_OTP sign-in",
    "ON with passkey sign-in, passkeys not MFA",
    "role trust with another ExternalId",
    "role allows sns:Publish on a topic only",
];

describe("pre-flight through `pulumi preview` (moto)", () => {
    let proxy: Recorder;
    let stack: Stack;
    before(async () => {
        proxy = await recordingProxy(m.moto.endpoint);
        stack = await Stack.create("test/fixtures/mfa-from-config", { env: awsEnv(proxy.endpoint) });
        await stack.init();
    });
    after(async () => {
        await stack?.pulumi(["stack", "rm", "--yes", "--force", stack.name], { allowFailure: true });
        await proxy?.close();
    });

    /** Runs `pulumi preview` and returns its text and the operations it sent to AWS. */
    async function preview(args: object) {
        await stack.setConfig("args", JSON.stringify(args));
        const from = proxy.ops.length;
        const r = await stack.pulumi(["preview"], { allowFailure: true });
        return { code: r.code, text: r.stdout + r.stderr, ops: proxy.ops.slice(from) };
    }

    for (const name of SAMPLE) {
        const c = BAD_INPUTS.find((x) => x.name === name)!;
        it(`${c.kind}: ${c.name} -> ${c.property}`, async () => {
            assert.ok(c, name);
            const roleArn = await createRole(c.role ?? GOOD_ROLE);
            const poolId = await createPool(substitute(c.pool ?? {}, "unused", roleArn));
            const r = await preview(substitute(c.inputs, poolId, roleArn));
            assert.notEqual(r.code, 0, "preview must fail");
            assert.ok(r.text.includes(`${c.property} `), `the output names ${c.property}`);
            assert.match(r.text, c.reason);
            assert.deepEqual(
                r.ops.filter((op) => !READS.has(op)),
                [],
                `preview made a call that is not a read: ${r.ops.join(", ")}`,
            );
            if (c.kind === "static") assert.deepEqual(r.ops, [], "a static failure needs no AWS call");
            else assert.ok(r.ops.includes("DescribeUserPool"), `live check without DescribeUserPool: ${r.ops.join(", ")}`);
            if (c.property.startsWith("smsMfaConfiguration.smsConfiguration.")) assert.ok(r.ops.includes("GetRole"), `${r.ops.join(", ")}`);
            assert.ok(r.ops.filter((op) => op === "DescribeUserPool").length <= 1, "one DescribeUserPool per pool");
            const mfa = await liveMfa(m.moto.endpoint, poolId);
            assert.equal(mfa.MfaConfiguration, "OFF", "the pool is untouched");
        });
    }

    /** The pulumi-cognito-mfa warnings of the Diagnostics section (progress lines repeat them behind a resource name). */
    const ourWarnings = (text: string) =>
        text
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => l.startsWith("warning: pulumi-cognito-mfa: "));

    // Accepted by AWS: these must preview (a refusal would block the user for good), with exactly
    // their warnings; the first two are also applied.
    const APPLIED = [
        "SMS MFA on CDK's default pool (recovery: phone, then email)",
        "SMS MFA as in AWS's CloudFormation example (recovery: email, then phone)",
    ];
    const ACCEPTED_SAMPLE = [
        ...APPLIED,
        "SMS MFA with phone-only recovery: accepted, with a warning",
        "email MFA on a legacy Lite pool with advanced security",
        "ON on a pool whose threat protection is full-function",
        "a role whose trust has no ExternalId condition",
        "a role whose sns:Publish Allow has a Condition",
        "a role that allows sns:Publish with NotResource",
        "a role in another account than the pool's",
        "an SNS-path configuration on a pool that sends through End User Messaging SMS",
    ];
    for (const name of ACCEPTED_SAMPLE) {
        const c = ACCEPTED.find((x) => x.name === name)!;
        it(`accepted: ${name}${APPLIED.includes(name) ? " (previews and applies)" : ""}`, async () => {
            assert.ok(c, name);
            const roleArn = await createRole(c.role ?? GOOD_ROLE);
            const poolId = await createPool(substitute(c.pool ?? {}, "unused", roleArn));
            const args = substitute(c.inputs, poolId, roleArn);
            const r = await preview(args);
            assert.equal(r.code, 0, r.text);
            const ours = ourWarnings(r.text);
            assert.equal(ours.length, c.warnings.length, ours.join("\n"));
            // Out of the SMS sandbox (useMoto above): SMS MFA previews without the sandbox warning
            // that test/e2e/examples.test.ts sees for an account in it.
            assert.ok(!ours.some((w) => /SMS sandbox/.test(w)), ours.join("\n"));
            for (const re of c.warnings)
                assert.ok(
                    ours.some((w) => re.test(w)),
                    `no warning matches ${re}:\n${ours.join("\n")}`,
                );
            assert.deepEqual(
                r.ops.filter((op) => !READS.has(op)),
                [],
                `preview made a call that is not a read: ${r.ops.join(", ")}`,
            );
            if (!APPLIED.includes(name)) return;
            // moto stores AccountRecoverySetting as given to CreateUserPool and accepts the Set.
            const up = await stack.up();
            assert.equal(up.json.result, "succeeded");
            const mfa = await liveMfa(m.moto.endpoint, poolId);
            assert.equal(mfa.MfaConfiguration, args.mfaConfiguration);
            assert.equal(mfa.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn, roleArn);
            await stack.destroy();
        });
    }

    it("relying party: another prefix domain fails at preview, the pool's own passes", async () => {
        const poolId = await createPool();
        const prefix = `rp-${Date.now()}`;
        await cognitoClient(m.moto.endpoint).send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
        const region = poolId.split("_")[0];
        const args = (relyingPartyId: string) => ({
            userPoolId: poolId,
            mfaConfiguration: "OFF",
            webAuthnConfiguration: { relyingPartyId },
        });
        const other = await preview(args(`someone-else.auth.${region}.amazoncognito.com`));
        assert.notEqual(other.code, 0, "preview must fail");
        assert.match(other.text, /webAuthnConfiguration\.relyingPartyId is in amazoncognito\.com, a domain AWS reserves/);
        assert.ok(other.text.includes(`"${prefix}.auth.${region}.amazoncognito.com"`), "names the pool's own prefix domain");
        const own = await preview(args(`${prefix}.auth.${region}.amazoncognito.com`));
        assert.equal(own.code, 0, own.text);
        assert.deepEqual(ourWarnings(own.text), []);
    });

    it("a read that cannot be made is a warning, and the preview succeeds", async () => {
        const poolId = await createPool();
        const missingRole = "arn:aws:iam::123456789012:role/not-created-yet";
        const r = await preview({
            userPoolId: poolId,
            mfaConfiguration: "OPTIONAL",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: missingRole, externalId: "ext-1" } },
        });
        assert.equal(r.code, 0, r.text);
        assert.match(
            r.text,
            /warning: pulumi-cognito-mfa: pre-flight: smsMfaConfiguration\.smsConfiguration\.snsCallerArn names role arn:aws:iam::123456789012:role\/not-created-yet, which does not exist/,
        );
        assert.match(r.text, /1 warning/);
        assert.deepEqual(
            r.ops.filter((op) => !READS.has(op)),
            [],
        );
    });

    it("AccessDenied on pre-flight reads is a warning naming the missing action, never a failure", async () => {
        const poolId = await createPool({ UserPoolTier: "LITE" });
        const roleArn = await createRole(GOOD_ROLE);
        proxy.deny.add("DescribeUserPool");
        proxy.deny.add("ListRolePolicies");
        try {
            const r = await preview({
                userPoolId: poolId,
                mfaConfiguration: "OPTIONAL",
                emailMfaConfiguration: {},
                smsMfaConfiguration: { smsConfiguration: { snsCallerArn: roleArn, externalId: EXTERNAL_ID } },
            });
            assert.equal(r.code, 0, r.text);
            assert.match(
                r.text,
                /warning: pulumi-cognito-mfa: pre-flight check of user pool \S+ skipped: the caller may not call cognito-idp:DescribeUserPool \(AccessDeniedException\)/,
            );
            assert.match(
                r.text,
                /warning: pulumi-cognito-mfa: pre-flight check of the permissions of role \S+ skipped: the caller may not call iam:ListRolePolicies \(AccessDenied\)/,
            );
            assert.match(r.text, /2 warnings/);
            assert.equal(r.ops.filter((op) => op === "DescribeUserPool").length, 1, "a denied read is not retried");
            assert.deepEqual(
                r.ops.filter((op) => !READS.has(op)),
                [],
            );
        } finally {
            proxy.deny.clear();
        }
    });

    it("pulumi-cognito-mfa:preflight = false turns the live checks off", async () => {
        const c = BAD_INPUTS.find((x) => x.name === "email MFA on the Lite tier")!;
        const poolId = await createPool(c.pool!);
        await stack.setConfig("pulumi-cognito-mfa:preflight", "false");
        try {
            const r = await preview(substitute(c.inputs, poolId, ROLE_ARN));
            assert.equal(r.code, 0, r.text);
            assert.deepEqual(r.ops, [], "no AWS call with pre-flight off");
        } finally {
            await stack.pulumi(["config", "rm", "pulumi-cognito-mfa:preflight"]);
        }
    });

    it("no live checks on a no-change preview", async () => {
        const poolId = await createPool();
        const args = { userPoolId: poolId, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };
        await stack.setConfig("args", JSON.stringify(args));
        const up = await stack.up();
        assert.equal(up.json.result, "succeeded");
        const r = await preview(args);
        assert.equal(r.code, 0, r.text);
        assert.deepEqual(r.ops, [], "a preview with nothing changed calls no AWS API");
        const changed = await preview({ ...args, mfaConfiguration: "ON" });
        assert.equal(changed.code, 0, changed.text);
        assert.deepEqual(changed.ops, ["DescribeUserPool"], "a changed input is checked, with reads only");
        await stack.destroy();
    });
});
