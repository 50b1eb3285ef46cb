// scripts/generate.mjs: what it writes from this botocore is what is committed (the check npm
// test runs), and the check itself fails on a difference, a missing file and an annotation of a
// member the model does not have.
import * as assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../harness/moto";

interface Generate {
    outputs(): Promise<Map<string, string>>;
    stale(): Promise<string[]>;
    differing(files: Map<string, string>, committed: (file: string) => string | undefined): string[];
    summary(html: string): string;
    members(a: object, shapes: object, deviations: readonly object[], javaPattern: (p: string) => RegExp): unknown[];
    loadTs(file: string): Record<string, unknown>;
    loadShapes(service: string): Record<string, unknown>;
}

// An ESM script without top-level await, which Node 22 loads from CommonJS too.
const script: string = join(repoRoot, "scripts/generate.mjs");
const load = async () => (await import(script)) as Generate;

describe("scripts/generate.mjs", () => {
    it("regenerating changes no committed file", async () => {
        const g = await load();
        assert.deepEqual(await g.stale(), [], "run `npm run generate` and commit the result");
    });

    it("the check names a file whose committed text differs, and one that is missing", async () => {
        const g = await load();
        const files = await g.outputs();
        assert.ok(files.size >= 2, `generate writes ${[...files.keys()].join(", ")}`);
        const [first, second] = [...files.keys()];
        assert.deepEqual(
            g.differing(files, (f) => files.get(f)),
            [],
        );
        const edited = (f: string) => (f === first ? files.get(f)!.replace(/\n$/, "\n\n") : f === second ? undefined : files.get(f));
        assert.deepEqual(g.differing(files, edited), [first, second]);
    });

    it("refuses an annotation of a member the model does not have", async () => {
        const g = await load();
        const { ANNOTATIONS } = g.loadTs("provider/userPoolMfaConfig/annotations.ts") as {
            ANNOTATIONS: { service: string; members: object };
        };
        const { DEVIATIONS } = g.loadTs("provider/common/deviations.ts") as { DEVIATIONS: object[] };
        const { javaPattern } = g.loadTs("provider/common/shape.ts") as { javaPattern: (p: string) => RegExp };
        const shapes = g.loadShapes(ANNOTATIONS.service);
        const a = {
            ...ANNOTATIONS,
            file: "annotations.ts",
            members: { ...ANNOTATIONS.members, "emailMfaConfiguration.sender": { note: "x" } },
        };
        assert.throws(
            () => g.members(a, shapes, DEVIATIONS, javaPattern),
            /annotates members the model does not have: emailMfaConfiguration\.sender/,
        );
    });

    it("writes SnsCallerRoleArgs with the IAM and STS models' summaries, lengths and patterns", async () => {
        const g = await load();
        const text = (await g.outputs()).get("provider/snsCallerRole/generated.ts")!;
        const iam = g.loadShapes("iam") as Record<string, { members?: Record<string, { shape: string }>; min?: number; max?: number }>;
        const sts = g.loadShapes("sts") as typeof iam;
        const role = iam[iam.CreateRoleRequest.members!.RoleName.shape];
        const external = sts[sts.AssumeRoleRequest.members!.ExternalId.shape];
        const args = text.slice(text.indexOf("export interface SnsCallerRoleArgs {"));
        assert.ok(args.length > 0, "generated.ts declares SnsCallerRoleArgs");
        const docOf = (name: string) => new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*${name}\\?:`).exec(args)?.[1] ?? "";
        assert.match(
            docOf("roleName"),
            new RegExp(`The name of the role to create\\.[\\s\\S]*${role.min}–${role.max} characters; must contain only letters`),
        );
        assert.match(docOf("externalId"), new RegExp(`${external.min}–${external.max} characters[\\s\\S]*Stored as a secret\\.`));
        assert.match(docOf("sender"), /@default `"sns"`/);
        assert.match(args, /tags\?: pulumi\.Input<Record<string, pulumi\.Input<string>>>;/);
    });

    it("makes the model's documentation short text", async () => {
        const g = await load();
        assert.equal(
            g.summary('<p>When <code>ON</code>, all users &amp; <a href="x">more</a>. Second sentence.</p><p>More.</p>'),
            "When ON, all users & more.",
        );
    });
});
