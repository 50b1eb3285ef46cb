// Part "calls": AWS calls per operation for one resource of each kind (TOTP, SMS with role,
// email, WebAuthn), and the state each leaves.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stateSizes } from "../programs.mjs";
import { createPool, measured, pulumiEnv, Stack } from "../rig.mjs";
import { say, step } from "../util.mjs";

const KINDS = [
    {
        kind: "TOTP",
        project: "examples/totp-optional",
        change: {
            file: "index.ts",
            from: 'mfaConfiguration: "OPTIONAL"',
            to: 'mfaConfiguration: "ON"',
            what: 'mfaConfiguration "OPTIONAL" -> "ON"',
        },
    },
    {
        kind: "SMS with role",
        project: "examples/sms-with-role",
        change: {
            file: "index.ts",
            from: '"Your sign-in code is {####}"',
            to: '"Your code: {####}"',
            what: "smsAuthenticationMessage text",
        },
    },
    {
        kind: "Email",
        project: "examples/email-mfa",
        essentials: true,
        change: {
            file: "index.ts",
            from: 'subject: "Your sign-in code"',
            to: 'subject: "Your code"',
            what: "emailMfaConfiguration.subject",
        },
    },
    {
        kind: "WebAuthn",
        project: "examples/passkeys",
        essentials: true,
        change: { config: ["relyingPartyId", "login.example.com"], what: "webAuthnConfiguration.relyingPartyId (stack config)" },
    },
];

export default async function callsPerOperation() {
    const rows = [];
    const seenTypes = new Set();
    for (const k of KINDS) {
        step(`calls: ${k.kind} (${k.project})`);
        const poolId = await createPool(`bench-calls-${k.kind.replace(/\W/g, "")}-${Date.now()}`, k.essentials);
        const stack = await Stack.create(k.project, { env: pulumiEnv, stackName: "bench" });
        await stack.init();
        await stack.setConfig("userPoolId", poolId);
        const ops = {};
        ops["up (create)"] = await measured(stack, () => stack.up());
        ops["preview (no change)"] = await measured(stack, () => stack.preview());
        ops["up (no change)"] = await measured(stack, () => stack.up());
        const exported = (await stack.pulumi(["stack", "export"], { parse: "json" })).json;
        if (k.change.file) {
            const p = join(stack.dir, k.change.file);
            const text = readFileSync(p, "utf8");
            if (!text.includes(k.change.from)) throw new Error(`${k.project}/${k.change.file} no longer contains ${k.change.from}`);
            writeFileSync(p, text.replace(k.change.from, k.change.to));
        } else {
            await stack.setConfig(...k.change.config);
        }
        ops["preview (change)"] = await measured(stack, () => stack.preview());
        ops["up (change)"] = await measured(stack, () => stack.up());
        ops["refresh"] = await measured(stack, () => stack.refresh());
        ops["destroy"] = await measured(stack, () => stack.destroy());
        await stack.rm();
        // The provider's text once per type (results.json, to see what it is made of), not per kind.
        const state = stateSizes(exported).map(({ providerText, ...x }) =>
            seenTypes.has(x.type) ? x : (seenTypes.add(x.type), { ...x, providerText }),
        );
        rows.push({ kind: k.kind, project: k.project, change: k.change.what, ops, state });
        say(
            `[bench]   ${Object.entries(ops)
                .map(
                    ([o, r]) =>
                        `${o}: Get ${r.calls.Get} Set ${r.calls.Set} Describe ${r.calls.Describe} IAM ${r.calls.IAM} Tag ${r.calls.Tag}`,
                )
                .join(" | ")}`,
        );
    }
    return rows;
}
