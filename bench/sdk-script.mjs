// The "plain SDK script" baseline of `npm run bench` (scripts/bench.mjs runs it as its own
// process, so its wall time includes Node start-up and loading the SDK, as the CLI loop's and
// `pulumi up`'s do).
//
//   node bench/sdk-script.mjs <seq|all> <set|get|off> <file with one pool id per line>
//
// seq: one SetUserPoolMfaConfig / GetUserPoolMfaConfig after the other, one shared client.
// all: every call at once with Promise.all, one shared client.
// set = MFA OPTIONAL + TOTP (what the benchmark's UserPoolMfaConfig does), off = MFA OFF,
// get = read the configuration. Endpoint and credentials come from the AWS_* environment.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "package.json"));
const {
    CognitoIdentityProviderClient,
    GetUserPoolMfaConfigCommand,
    SetUserPoolMfaConfigCommand,
} = require("@aws-sdk/client-cognito-identity-provider");

const [mode, op, file] = process.argv.slice(2);
if (!["seq", "all"].includes(mode) || !["set", "get", "off"].includes(op) || !file) {
    console.error("usage: node bench/sdk-script.mjs <seq|all> <set|get|off> <ids file>");
    process.exit(2);
}
const ids = readFileSync(file, "utf8").split("\n").filter(Boolean);
const client = new CognitoIdentityProviderClient({});
const command = (id) =>
    op === "get"
        ? new GetUserPoolMfaConfigCommand({ UserPoolId: id })
        : op === "off"
          ? new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OFF" })
          : new SetUserPoolMfaConfigCommand({
                UserPoolId: id,
                MfaConfiguration: "OPTIONAL",
                SoftwareTokenMfaConfiguration: { Enabled: true },
            });
if (mode === "seq") for (const id of ids) await client.send(command(id));
else await Promise.all(ids.map((id) => client.send(command(id))));
client.destroy();
