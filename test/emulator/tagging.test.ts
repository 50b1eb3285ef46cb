// cognito-idp tagging in the emulator (tools/moto-ext tagging.py), which moto 5.2.3 lacks; and
// that the extension is the one pinned to moto's release. SMS sending state: sms.test.ts.
import * as assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
    CreateUserPoolCommand,
    DescribeUserPoolCommand,
    ListTagsForResourceCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { cognitoClient, repoRoot, useMoto } from "../harness/moto";
import { call, errorOf } from "./wire";

const m = useMoto();

describe("emulator: cognito-idp tagging", () => {
    it("TagResource merges, UntagResource removes, and ListTagsForResource and DescribeUserPool show the tags", async () => {
        const c = cognitoClient(m.moto.endpoint);
        const created = await c.send(new CreateUserPoolCommand({ PoolName: "tagged", UserPoolTags: { team: "auth" } }));
        const { Id: poolId, Arn: arn } = created.UserPool!;
        const tagsOf = async () => (await c.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.UserPoolTags;
        assert.deepEqual(await tagsOf(), { team: "auth" });

        await c.send(new TagResourceCommand({ ResourceArn: arn, Tags: { "pulumi-cognito-mfa:owner": "p/s/r", team: "identity" } }));
        assert.deepEqual(await tagsOf(), { team: "identity", "pulumi-cognito-mfa:owner": "p/s/r" });
        await c.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["pulumi-cognito-mfa:owner", "absent"] }));
        assert.deepEqual((await c.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, { team: "identity" });

        // An UpdateUserPool without UserPoolTags leaves the tags; one with them sets them.
        await c.send(new UpdateUserPoolCommand({ UserPoolId: poolId }));
        assert.deepEqual(await tagsOf(), { team: "identity" });
        await c.send(new UpdateUserPoolCommand({ UserPoolId: poolId, UserPoolTags: { env: "prod" } }));
        assert.deepEqual(await tagsOf(), { env: "prod" });
        await c.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["env"] }));
        assert.equal(await tagsOf(), undefined, "a pool without tags has no UserPoolTags");
    });

    it("an ARN that names no pool is ResourceNotFoundException", async () => {
        const arn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_doesnotexist";
        for (const [op, extra] of [
            ["TagResource", { Tags: { a: "b" } }],
            ["UntagResource", { TagKeys: ["a"] }],
            ["ListTagsForResource", {}],
        ] as const) {
            assert.deepEqual(errorOf(await call(m.moto.endpoint, op, { ResourceArn: arn, ...extra })), {
                type: "ResourceNotFoundException",
                message: `User pool ${arn} does not exist.`,
            });
        }
    });
});

describe("emulator: pins", () => {
    it("the extension, tools/moto-requirements.txt and the installed moto name the same moto release", () => {
        const pinned = /^moto\[server\]==([\d.]+)$/m.exec(readFileSync(join(repoRoot, "tools/moto-requirements.txt"), "utf8"))?.[1];
        const ext = /^MOTO_VERSION = "([\d.]+)"$/m.exec(
            readFileSync(join(repoRoot, "tools/moto-ext/cognito_mfa_moto_ext/__init__.py"), "utf8"),
        )?.[1];
        const lib = join(repoRoot, ".venv/lib");
        const site = join(
            lib,
            readdirSync(lib).find((d) => d.startsWith("python"))!,
            "site-packages",
        );
        const installed = readdirSync(site)
            .find((d) => /^moto-[\d.]+\.dist-info$/.test(d))
            ?.replace(/^moto-|\.dist-info$/g, "");
        assert.ok(pinned, "tools/moto-requirements.txt pins moto[server]");
        assert.equal(ext, pinned);
        assert.equal(installed, pinned);
        // The installed copy of the extension is the repository's (scripts/setup.mjs copies it).
        for (const f of readdirSync(join(repoRoot, "tools/moto-ext/cognito_mfa_moto_ext")).filter((f) => f.endsWith(".py"))) {
            assert.equal(
                readFileSync(join(site, "cognito_mfa_moto_ext", f), "utf8"),
                readFileSync(join(repoRoot, "tools/moto-ext/cognito_mfa_moto_ext", f), "utf8"),
                `${f} in .venv is not the repository's: run node scripts/setup.mjs`,
            );
        }
    });
});
