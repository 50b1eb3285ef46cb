// The import-boundary rule of eslint.config.mjs (the layers of provider/), run through ESLint's
// Node API with the repository's own config on small sources placed under the real folders:
// an import that runs up the layers is reported, one that runs down is not. The sources exist
// only in memory; only the boundary rule runs (without type information), so the other rules'
// need for a file on disk does not come in.
import * as assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ESLint } from "eslint";
import { repoRoot } from "../harness/moto";

const RULE = "@typescript-eslint/no-restricted-imports";

const eslint = new ESLint({
    cwd: repoRoot,
    ruleFilter: ({ ruleId }) => ruleId === RULE,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

/** The lines of `source` (as if it were provider/<file>) the boundary rule reports, with their messages. */
async function reported(file: string, source: string): Promise<{ line: number; message: string }[]> {
    const [result] = await eslint.lintText(source, { filePath: join(repoRoot, "provider", file) });
    assert.deepEqual(
        result.messages.filter((m) => m.ruleId !== RULE),
        [],
        `${file}: only the boundary rule should speak`,
    );
    return result.messages.map((m) => ({ line: m.line, message: m.message }));
}

async function lines(file: string, source: string): Promise<number[]> {
    return (await reported(file, source)).map((m) => m.line);
}

describe("the import-boundary rule (eslint.config.mjs)", () => {
    it("aws/ may import common/ and runtime/, not a resource folder or the host", async () => {
        const source = [
            'import { OWNER_TAG_KEY } from "../common/tags";', // 1: down
            'import { debugLog } from "../runtime/log";', // 2: down
            'import { withRetry } from "./retry";', // 3: its own folder
            'import { IAMClient } from "@aws-sdk/client-iam";', // 4: a package
            'import { toSetRequest } from "../userPoolMfaConfig/mapping";', // 5: up
            'import type { MfaConfig } from "../userPoolMfaConfig/model";', // 6: up, type only
            'import { snsCallerRole } from "../engine/providers";', // 7: up
            'import { repoRoot } from "../../test/harness/moto";', // 8: out of provider/
            "export { OWNER_TAG_KEY, debugLog, withRetry, IAMClient, toSetRequest, snsCallerRole, repoRoot };",
            "export type { MfaConfig };",
        ].join("\n");
        const found = await reported("aws/boundaryProbe.ts", source);
        assert.deepEqual(
            found.map((m) => m.line),
            [5, 6, 7, 8],
        );
        assert.match(found[0].message, /provider\/aws\/ may import only from common\/, runtime\//);
    });

    it("a resource folder may import common/, aws/ and runtime/, never the other resource's folder", async () => {
        const source = [
            'import { validator } from "../common/validator";', // 1
            'import { describePool } from "../aws/cognito";', // 2
            'import { emitWarning } from "../runtime/warnings";', // 3
            'import { normalize } from "./model";', // 4
            'import type { SnsCallerRoleInputs } from "../snsCallerRole/model";', // 5: the other resource
            'export { PERMISSION_POLICY_NAME } from "../snsCallerRole/model";', // 6: a re-export counts
            'import { forwardTo } from "../engine/stub";', // 7: the host
            'import { UserPoolMfaConfig } from "..";', // 8: the package root
            'import { main } from "../cli";', // 9: the CLI
            "export { validator, describePool, emitWarning, normalize, forwardTo, UserPoolMfaConfig, main };",
            "export type { SnsCallerRoleInputs };",
        ].join("\n");
        assert.deepEqual(await lines("userPoolMfaConfig/boundaryProbe.ts", source), [5, 6, 7, 8, 9]);
        const other = 'import { diffConfig } from "../userPoolMfaConfig/diff";\nexport { diffConfig };';
        assert.deepEqual(await lines("snsCallerRole/boundaryProbe.ts", other), [1]);
    });

    it("a resource's class imports nothing of engine/, not even a stub: its __provider names the stub as text", async () => {
        const registration = 'import { withProvider } from "../runtime/registration";\nexport { withProvider };';
        assert.deepEqual(await lines("snsCallerRole/resource.ts", registration), []);
        const own = 'import stub = require("../engine/snsCallerRoleStub");\nexport { stub };';
        assert.deepEqual(await lines("snsCallerRole/resource.ts", own), [1]);
        const registry = 'import providers = require("../engine/providers");\nexport { providers };';
        assert.deepEqual(await lines("userPoolMfaConfig/resource.ts", registry), [1]);
    });

    it("runtime/ may import only common/; common/ nothing outside itself", async () => {
        const runtime = ['import { isUnknown } from "../common/unknown";', 'import { AwsCallError } from "../aws/errors";'].join("\n");
        assert.deepEqual(await lines("runtime/boundaryProbe.ts", runtime + "\nexport { isUnknown, AwsCallError };"), [2]);
        const common = [
            'import { present } from "./validator";',
            'import { debugLog } from "../runtime/log";',
            'import { ARN_PATTERN } from "../common/arn";',
        ].join("\n");
        const found = await reported("common/boundaryProbe.ts", common + "\nexport { present, debugLog, ARN_PATTERN };");
        assert.deepEqual(
            found.map((m) => m.line),
            [2, 3],
        );
        assert.match(found[0].message, /provider\/common\/ may import nothing outside itself/);
    });

    it("plugin/ may import the resources' providers and what they stand on, not the host", async () => {
        const source = [
            'import { UserPoolMfaConfigProvider } from "../userPoolMfaConfig/provider";', // 1
            'import { snsCallerRoleProvider } from "../snsCallerRole/provider";', // 2
            'import { poolRegion } from "../common/regions";', // 3
            'import { parseUrn } from "./wire";', // 4
            'import { userPoolMfaConfig } from "../engine/providers";', // 5: the dynamic host
            'import { UserPoolMfaConfig } from "..";', // 6: the package root
            'import { auditCommand } from "../audit/command";', // 7: beside it, not below
            "export { UserPoolMfaConfigProvider, snsCallerRoleProvider, poolRegion, parseUrn, userPoolMfaConfig, UserPoolMfaConfig, auditCommand };",
        ].join("\n");
        const found = await reported("plugin/boundaryProbe.ts", source);
        assert.deepEqual(
            found.map((m) => m.line),
            [5, 6, 7],
        );
        assert.match(
            found[0].message,
            /provider\/plugin\/ may import only from common\/, aws\/, runtime\/, userPoolMfaConfig\/, snsCallerRole\//,
        );
    });

    it("the host (engine/), index.ts and cli.ts may import anything", async () => {
        const source = [
            'import { UserPoolMfaConfigProvider } from "../userPoolMfaConfig/provider";',
            'import { snsCallerRoleProvider } from "../snsCallerRole/provider";',
            'import { debugLog } from "../runtime/log";',
            "export { UserPoolMfaConfigProvider, snsCallerRoleProvider, debugLog };",
        ].join("\n");
        assert.deepEqual(await lines("engine/boundaryProbe.ts", source), []);
        assert.deepEqual(await lines("engine/legacy/boundaryProbe.ts", source.replaceAll('"../', '"../../')), []);
        const root = 'import { validate } from "./userPoolMfaConfig/validate";\nexport { validate };';
        assert.deepEqual(await lines("index.ts", root), []);
    });
});
