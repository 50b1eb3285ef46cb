// The `pulumi-cognito-mfa` CLI (dist/provider/cli.js, the package's "bin") against moto: spawned
// as a user runs it, with AWS reached only through the standard AWS_* environment.
import * as assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
    GetUserPoolMfaConfigResponse,
    SetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigRequest,
} from "@aws-sdk/client-cognito-identity-provider";
import { fromSetRequest } from "../../provider/userPoolMfaConfig/mapping";
import { MfaConfigInputs, normalize } from "../../provider/userPoolMfaConfig/model";
import { validate } from "../../provider/userPoolMfaConfig/validate";
import { runCli } from "../harness/cli";
import { awsEnv, cognitoClient, createUserPool, liveMfa, repoRoot, useMoto } from "../harness/moto";

const m = useMoto();
const cli = join(repoRoot, "dist/provider/cli.js");
const ROLE_ARN = "arn:aws:iam::123456789012:role/cognito-sms";
const EXTERNAL_ID = "ext-3f1c9a7e-5b2d-4c8e-9f00-secret";

const run = (args: string[], env: Record<string, string> = awsEnv(m.moto.endpoint)) => runCli(args, env);

const getMfa = (poolId: string) => liveMfa(m.moto.endpoint, poolId);

/** The object literal of the snippet's `new UserPoolMfaConfig("mfa", {...})`, evaluated with a stub config. */
function snippetArgs(snippet: string): Record<string, unknown> {
    const match = /new UserPoolMfaConfig\("mfa", (\{[\s\S]*\})\);\n*$/.exec(snippet);
    assert.ok(match, `no new UserPoolMfaConfig(...) in:\n${snippet}`);
    const config = { requireSecret: (key: string) => `<secret config ${key}>` };
    // The object is made in the vm's own realm; a JSON round trip gives plain objects of this one.
    return JSON.parse(JSON.stringify(runInNewContext(`(${match[1]})`, { config }))) as Record<string, unknown>;
}

describe("pulumi-cognito-mfa CLI", () => {
    it("is an executable script with a node shebang", async () => {
        const { readFileSync } = await import("node:fs");
        assert.match(readFileSync(cli, "utf8"), /^#!\/usr\/bin\/env node\n/);
    });

    it("skeleton prints every SetUserPoolMfaConfig member, and argsFromRequest accepts it", async () => {
        const r = await run(["skeleton"]);
        assert.equal(r.code, 0, r.stderr);
        const skeleton = JSON.parse(r.stdout) as SetUserPoolMfaConfigRequest;
        assert.deepEqual(Object.keys(skeleton).sort(), [
            "EmailMfaConfiguration",
            "MfaConfiguration",
            "SmsMfaConfiguration",
            "SoftwareTokenMfaConfiguration",
            "UserPoolId",
            "WebAuthnConfiguration",
        ]);
        assert.deepEqual(skeleton.SmsMfaConfiguration, {
            SmsAuthenticationMessage: "",
            SmsConfiguration: {
                SnsCallerArn: "",
                ExternalId: "",
                SnsRegion: "",
                EumsSms: {
                    CallerArn: "",
                    ExternalId: "",
                    OriginationIdentity: "",
                    ConfigurationSetName: "",
                    InEntityId: "",
                    InTemplateId: "",
                    Region: "",
                },
            },
        });
        assert.equal(skeleton.MfaConfiguration, "OFF");
        // Every member is one the resource manages (fromSetRequest refuses unknown ones).
        assert.doesNotThrow(() => fromSetRequest(skeleton));
    });

    it("get prints a fresh pool's configuration exactly as GetUserPoolMfaConfig returns it", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const r = await run(["get", poolId]);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), await getMfa(poolId));
        assert.deepEqual(JSON.parse(r.stdout), { MfaConfiguration: "OFF" });
    });

    it("get and snippet on a pool with SMS and TOTP: API JSON, and TypeScript that adopts it without the ExternalId", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        await cognitoClient(m.moto.endpoint).send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "OPTIONAL",
                SmsMfaConfiguration: {
                    SmsAuthenticationMessage: "Your code is {####}",
                    SmsConfiguration: { SnsCallerArn: ROLE_ARN, ExternalId: EXTERNAL_ID, SnsRegion: "us-east-1" },
                },
                SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
        );

        const get = await run(["get", poolId]);
        assert.equal(get.code, 0, get.stderr);
        const live = await getMfa(poolId);
        assert.deepEqual(JSON.parse(get.stdout), live);
        assert.equal(
            (JSON.parse(get.stdout) as GetUserPoolMfaConfigResponse).SmsMfaConfiguration?.SmsConfiguration?.ExternalId,
            EXTERNAL_ID,
            "get shows the API's JSON as is",
        );

        const snippet = await run(["snippet", poolId]);
        assert.equal(snippet.code, 0, snippet.stderr);
        const ts = snippet.stdout;
        console.log(ts);
        assert.ok(!ts.includes(EXTERNAL_ID), "the snippet must not print the ExternalId");
        assert.match(ts, /externalId: config\.requireSecret\("externalId"\),/);
        assert.match(ts, /pulumi config set --secret externalId/);
        assert.match(ts, /^import \{ UserPoolMfaConfig \} from "pulumi-cognito-mfa";$/m);

        const args = snippetArgs(ts);
        assert.deepEqual(validate(args), [], "the snippet's args pass the resource's own check");
        assert.deepEqual(args, {
            userPoolId: poolId,
            mfaConfiguration: "OPTIONAL",
            smsMfaConfiguration: {
                smsAuthenticationMessage: "Your code is {####}",
                smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: "<secret config externalId>", snsRegion: "us-east-1" },
            },
            softwareTokenMfaConfiguration: { enabled: true },
            deletePolicy: "restore",
        });
        // With the real ExternalId in place, the args are the live configuration: adopting writes nothing.
        const withSecret = JSON.parse(JSON.stringify(args).replace("<secret config externalId>", EXTERNAL_ID)) as MfaConfigInputs;
        const { userPoolId: _id, deletePolicy: _dp, ...config } = withSecret;
        assert.deepEqual(normalize(config), normalize(fromSetRequest({ UserPoolId: poolId, ...live }) as never));
    });

    it("snippet of a pool with MFA OFF adopts OFF", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const r = await run(["snippet", poolId, "--name", "pool-mfa"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(
            r.stdout,
            /new UserPoolMfaConfig\("pool-mfa", \{\n {4}userPoolId: "[^"]+",\n {4}mfaConfiguration: "OFF",\n {4}deletePolicy: "restore",\n\}\);/,
        );
        assert.ok(!r.stdout.includes("requireSecret"));
    });

    it("a missing pool, a bad command and a missing argument fail with a message and a non-zero exit", async () => {
        const missing = await run(["get", "us-east-1_doesNotExist"]);
        assert.equal(missing.code, 1);
        assert.match(missing.stderr, /User pool us-east-1_doesNotExist does not exist in us-east-1/);
        assert.equal(missing.stdout, "");

        const bad = await run(["frobnicate"]);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /unknown command "frobnicate"/);
        assert.match(bad.stderr, /Usage: pulumi-cognito-mfa/);

        const noPool = await run(["snippet"]);
        assert.equal(noPool.code, 2);
        assert.match(noPool.stderr, /snippet takes exactly one user pool id/);

        const help = await run(["--help"]);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /get <userPoolId>/);
    });
});
