// Member coverage against botocore's models: the request's shape (MFA_CONFIG) has exactly the
// members of SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse and
// GetUserPoolMfaConfigResponse, with their nesting, kinds and enum values; the SnsCallerRole
// inputs cover CreateRole's, TagRole's and Tag's members but the ones deviations.ts says are left
// out; and provider/common/partitions.ts is what scripts/gen-partitions.mjs makes of this
// botocore. A botocore upgrade that brings a member fails here until the member is modelled.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DEVIATIONS } from "../../provider/common/deviations";
import { StructureMember } from "../../provider/common/shape";
import { INPUT_KEYS } from "../../provider/snsCallerRole/model";
import { MFA_CONFIG } from "../../provider/userPoolMfaConfig/shape";
import { repoRoot } from "../harness/moto";
import { loadModel, ModelShape, ServiceModel, Service, structureOf } from "./botocore";
import { ROLE_INPUTS } from "./members";

/** The members a "members" deviation declares left out (its `model` lists them, comma-separated). */
function declaredLeftOut(service: Service, structure: string): string[] {
    const d = DEVIATIONS.find((x) => x.service === service && x.member === structure && x.aspect === "members");
    return d ? d.model.split(",").map((x) => x.trim()) : [];
}

/** Every difference between a model structure and a shape structure, by API path. */
function compare(model: ServiceModel, shapeName: string, ours: StructureMember, path: string, skip: readonly string[] = []): string[] {
    const out: string[] = [];
    const s = structureOf(model, shapeName);
    const byAws = new Map(Object.values(ours.members).map((m) => [m.aws, m]));
    const leftOut = declaredLeftOut(model.service, shapeName);
    for (const [name, ref] of Object.entries(s.members)) {
        if (skip.includes(name)) continue;
        const at = path ? `${path}.${name}` : name;
        const mine = byAws.get(name);
        const shape: ModelShape = model.shapes[ref.shape];
        if (!mine) {
            if (!leftOut.includes(name)) {
                out.push(
                    `botocore ${model.service} ${shapeName}.${name} (${at}, a ${shape.type}) is not in the shape: run npm run generate (scripts/generate.mjs), or declare it in provider/common/deviations.ts with aspect "members"`,
                );
            }
            continue;
        }
        const kind = shape.type === "string" && shape.enum ? "enum" : shape.type;
        if (kind !== mine.kind) {
            out.push(`${at}: botocore's ${ref.shape} is a ${kind}; the shape's member is a ${mine.kind}`);
            continue;
        }
        if (mine.kind === "enum" && shape.type === "string") {
            const theirs = [...(shape.enum ?? [])].sort();
            const values = [...mine.values].sort();
            if (JSON.stringify(theirs) !== JSON.stringify(values))
                out.push(`${at}: botocore's values are ${theirs.join(", ")}; the shape's ${values.join(", ")}`);
        }
        if (mine.kind === "structure") out.push(...compare(model, ref.shape, mine, at));
    }
    for (const m of Object.values(ours.members)) {
        if (!(m.aws in s.members)) out.push(`the shape's ${path ? `${path}.` : ""}${m.aws} is not a member of botocore's ${shapeName}`);
    }
    for (const name of leftOut)
        if (name in s.members && byAws.has(name)) out.push(`${shapeName}.${name} is declared left out, but the shape has it`);
    return out;
}

describe("member coverage: the shape has exactly botocore's members", () => {
    const cognito = loadModel("cognito-idp");
    it("SetUserPoolMfaConfigRequest = MFA_CONFIG + UserPoolId (the userPoolId input)", () => {
        assert.ok("UserPoolId" in structureOf(cognito, "SetUserPoolMfaConfigRequest").members);
        assert.deepEqual(compare(cognito, "SetUserPoolMfaConfigRequest", MFA_CONFIG, "", ["UserPoolId"]), []);
    });
    for (const response of ["SetUserPoolMfaConfigResponse", "GetUserPoolMfaConfigResponse"]) {
        it(`${response} = MFA_CONFIG (what readResponse reads and toResponse writes)`, () => {
            assert.deepEqual(compare(cognito, response, MFA_CONFIG, ""), []);
        });
    }
    it("every structure of the request is the same shape in both responses (one description serves all three)", () => {
        const req = structureOf(cognito, "SetUserPoolMfaConfigRequest").members;
        for (const response of ["SetUserPoolMfaConfigResponse", "GetUserPoolMfaConfigResponse"]) {
            for (const [name, ref] of Object.entries(structureOf(cognito, response).members)) {
                assert.equal(ref.shape, req[name]?.shape, `${response}.${name} is ${ref.shape}; the request's is ${req[name]?.shape}`);
            }
        }
    });
});

describe("member coverage: SnsCallerRole's inputs and the IAM members they become", () => {
    const iam = loadModel("iam");
    const mapped = (structure: string) =>
        ROLE_INPUTS.filter((x) => x.service === "iam" && x.key.startsWith(`${structure}.`)).map((x) => x.key.split(".")[1]);
    it("every role input the test maps is an input of the resource", () => {
        for (const x of ROLE_INPUTS) assert.ok((INPUT_KEYS as readonly string[]).includes(x.input), `${x.input} is not in INPUT_KEYS`);
    });
    it('CreateRoleRequest: every member is an input, or declared left out (aspect "members") — and the declaration is exact', () => {
        const members = Object.keys(structureOf(iam, "CreateRoleRequest").members);
        const notInputs = members.filter((m) => !mapped("CreateRoleRequest").includes(m)).sort();
        const declared = [...declaredLeftOut("iam", "CreateRoleRequest")].sort();
        assert.deepEqual(
            declared,
            notInputs,
            `botocore's CreateRoleRequest members that are no input: ${notInputs.join(", ")}; deviations.ts declares ${declared.join(", ")}`,
        );
    });
    it("TagRoleRequest: RoleName (the role's) and Tags (the tags input) — nothing else", () => {
        assert.deepEqual(Object.keys(structureOf(iam, "TagRoleRequest").members).sort(), ["RoleName", "Tags"]);
        assert.equal(structureOf(iam, "TagRoleRequest").members.Tags.shape, structureOf(iam, "CreateRoleRequest").members.Tags.shape);
    });
    it("Tag: Key and Value, both required (a tag map's keys and values)", () => {
        const tag = structureOf(iam, "Tag");
        assert.deepEqual(Object.keys(tag.members).sort(), ["Key", "Value"]);
        assert.deepEqual([...(tag.required ?? [])].sort(), ["Key", "Value"]);
    });
    it("the role's externalId is STS's AssumeRoleRequest.ExternalId (what Cognito sends to assume it)", () => {
        const sts = loadModel("sts");
        assert.ok("ExternalId" in structureOf(sts, "AssumeRoleRequest").members);
        assert.ok(ROLE_INPUTS.some((x) => x.input === "externalId" && x.service === "sts" && x.key === "AssumeRoleRequest.ExternalId"));
    });
});

describe("provider/common/partitions.ts", () => {
    it("is what scripts/gen-partitions.mjs generates from the botocore in .venv (run it after a botocore upgrade)", () => {
        const r = spawnSync(
            process.execPath,
            [
                "--input-type=module",
                "-e",
                "import { partitionsModule } from './scripts/gen-partitions.mjs'; process.stdout.write(partitionsModule());",
            ],
            { cwd: repoRoot, encoding: "utf8" },
        );
        assert.equal(r.status, 0, r.stderr);
        const committed = readFileSync(join(repoRoot, "provider/common/partitions.ts"), "utf8");
        assert.ok(
            r.stdout === committed,
            "provider/common/partitions.ts is stale: run node scripts/gen-partitions.mjs and commit the result",
        );
    });
});
