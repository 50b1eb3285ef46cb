// Prerequisites fixed in the same update are not refused, through the real CLI against moto:
// test/fixtures/same-stack changes a pool's EmailConfiguration (its own dynamic resource stands
// in for the pool resource, calling UpdateUserPool) and turns on email MFA, which needs
// EmailSendingAccount DEVELOPER. With the pool id taken from that resource, preview warns and
// up writes once the pool is updated; the MFA change alone, on a pool left as it was, is refused
// by the provider's own pre-flight before the write (named by its text, which is not moto's),
// and with the pool id as a plain string preview still refuses it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { awsEnv, cognitoClient, createUserPool, liveMfa, useMoto } from "../harness/moto";
import { CliResult, Stack, UpdateJson } from "../harness/pulumi";

const m = useMoto();

/** The pre-flight's own text for email MFA on a pool that sends through Cognito's default account. */
const SES_RULE =
    /needs the pool to send email through Amazon SES, but user pool \S+ has EmailConfiguration\.EmailSendingAccount "COGNITO_DEFAULT"/;
const DEFERRED =
    /Not refused yet: user pool \S+ comes from another resource of this stack, which this update may change first; checked again at `pulumi up`, right before the write/;

function text(r: CliResult<UpdateJson>): string {
    return [r.stdout, r.stderr, ...(r.json?.diagnostics ?? []).map((d) => d.message)].join("\n");
}

describe("prerequisites fixed in the same update", () => {
    it("email MFA and the pool's SES email in one update pass preview and up; the MFA change alone is refused before the write", async () => {
        const poolId = await createUserPool(m.moto.endpoint);
        const stack = await Stack.create("test/fixtures/same-stack", { env: awsEnv(m.moto.endpoint) });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        await stack.up();
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "OPTIONAL");

        // The MFA change alone (email MFA, and MFA ON to see whether anything was written), on the
        // pool as it is: preview warns, naming the pool setting, and up refuses before writing.
        await stack.setConfig("emailMfa", "true");
        await stack.setConfig("mode", "ON");
        const warned = await stack.preview();
        assert.match(text(warned), SES_RULE);
        assert.match(text(warned), DEFERRED);
        const refused = await stack.up({ allowFailure: true });
        assert.notEqual(refused.code, 0, "up must fail");
        assert.match(text(refused), /Refusing to write the MFA configuration of user pool \S+: the pre-flight checks/);
        assert.match(text(refused), SES_RULE);
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "OPTIONAL", "nothing written");

        // The same change with the pool id as a plain string: refused at preview, as before.
        await stack.setConfig("poolIdFrom", "plain");
        const plain = await stack.pulumi(["preview"], { allowFailure: true });
        assert.notEqual(plain.code, 0, "preview must fail");
        assert.match(plain.stdout + plain.stderr, SES_RULE);

        // The combined change: the pool resource sets DEVELOPER, and the MFA resource, which takes
        // the pool id from it, turns on email MFA in the same update.
        await stack.setConfig("poolIdFrom", "stack");
        await stack.setConfig("emailSendingAccount", "DEVELOPER");
        const combined = await stack.preview();
        assert.equal(combined.code, 0);
        assert.match(text(combined), DEFERRED, "preview read the pool as it is before the update, and left the rule to up");
        const up = await stack.up();
        assert.doesNotMatch(text(up), /Refusing to write/);
        const pool = (await cognitoClient(m.moto.endpoint).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
        assert.equal(pool?.EmailConfiguration?.EmailSendingAccount, "DEVELOPER");
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "ON", "the MFA configuration was written");

        await stack.destroy();
        assert.equal((await liveMfa(m.moto.endpoint, poolId)).MfaConfiguration, "OFF");
        await stack.rm();
    });
});
