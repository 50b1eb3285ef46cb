// AWS's own service models, as the botocore in .venv has them (tools/moto-requirements.txt pins
// it): cognito-idp 2016-04-18, iam 2010-05-08 and sts 2011-06-15, read from their gzipped
// service-2.json. The conformance tests walk these, member by member, instead of a copy of the
// constraints, so that a botocore upgrade is what they test against.
import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { repoRoot } from "../harness/moto";

export type Service = "cognito-idp" | "iam" | "sts";

const VERSIONS: Record<Service, string> = { "cognito-idp": "2016-04-18", iam: "2010-05-08", sts: "2011-06-15" };

export interface ModelStructure {
    type: "structure";
    members: Record<string, { shape: string }>;
    required?: string[];
}
export interface ModelString {
    type: "string";
    min?: number;
    max?: number;
    pattern?: string;
    enum?: string[];
}
export interface ModelList {
    type: "list";
    member: { shape: string };
    min?: number;
    max?: number;
}
export interface ModelOther {
    type: "boolean" | "integer" | "long" | "timestamp" | "blob" | "map" | "double" | "float";
    min?: number;
    max?: number;
}
export type ModelShape = ModelStructure | ModelString | ModelList | ModelOther;

export interface ServiceModel {
    service: Service;
    shapes: Record<string, ModelShape>;
}

/** .venv's botocore/data directory; fails with what to do when .venv has none. */
export function botocoreData(): string {
    const lib = join(repoRoot, ".venv/lib");
    assert.ok(existsSync(lib), `no ${lib}: run node scripts/setup.mjs (it installs tools/moto-requirements.txt, botocore included)`);
    const python = readdirSync(lib).find((d) => d.startsWith("python"));
    assert.ok(python, `no python* under ${lib}: run node scripts/setup.mjs`);
    const data = join(lib, python, "site-packages/botocore/data");
    assert.ok(existsSync(data), `no botocore in .venv (${data}): run node scripts/setup.mjs`);
    return data;
}

/** The version of the botocore in .venv (from its dist-info directory). */
export function botocoreVersion(): string {
    const site = join(botocoreData(), "../..");
    const info = readdirSync(site).find((d) => /^botocore-[\d.]+\.dist-info$/.test(d));
    assert.ok(info, `no botocore-*.dist-info in ${site}`);
    return info.replace(/^botocore-|\.dist-info$/g, "");
}

/**
 * The shapes with tools/botocore-overlay.json merged in, when it exists: a declared local change
 * to the model (shapes by name, their members by name), merged as scripts/generate.mjs merges it,
 * so that the code generated from it is held against the same model.
 */
function withOverlay(service: Service, shapes: Record<string, ModelShape>): Record<string, ModelShape> {
    const file = join(repoRoot, "tools/botocore-overlay.json");
    if (!existsSync(file)) return shapes;
    const overlay = (JSON.parse(readFileSync(file, "utf8")) as Partial<Record<Service, Record<string, ModelShape>>>)[service] ?? {};
    for (const [name, shape] of Object.entries(overlay)) {
        const base = (shapes[name] ?? {}) as Partial<ModelStructure>;
        const members = "members" in shape ? { members: { ...(base.members ?? {}), ...shape.members } } : {};
        shapes[name] = { ...base, ...shape, ...members };
    }
    return shapes;
}

const cache = new Map<Service, ServiceModel>();

/** The service model, loaded once per process. */
export function loadModel(service: Service): ServiceModel {
    const hit = cache.get(service);
    if (hit) return hit;
    const file = join(botocoreData(), service, VERSIONS[service], "service-2.json.gz");
    assert.ok(existsSync(file), `botocore has no ${service} ${VERSIONS[service]} model (${file}): is the pinned botocore installed?`);
    const doc = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { shapes: Record<string, ModelShape> };
    const model = { service, shapes: withOverlay(service, doc.shapes) };
    cache.set(service, model);
    return model;
}

export function shapeOf(model: ServiceModel, name: string): ModelShape {
    const s = model.shapes[name];
    assert.ok(s, `${model.service} model has no shape ${name}`);
    return s;
}

export function structureOf(model: ServiceModel, name: string): ModelStructure {
    const s = shapeOf(model, name);
    assert.equal(s.type, "structure", `${model.service} ${name} is a ${s.type}, not a structure`);
    return s;
}

/** One member of a structure, reached from a root structure. */
export interface WalkedMember {
    service: Service;
    /** API names from the root, e.g. ["SmsMfaConfiguration", "SmsConfiguration", "SnsCallerArn"]. */
    path: string[];
    /** `Shape.Member` as deviations.ts names it, e.g. "SmsConfigurationType.SnsCallerArn". */
    key: string;
    /** The member's own shape's name, e.g. "OptionalArnType". */
    shapeName: string;
    shape: ModelShape;
    required: boolean;
}

/** Every member under a root structure, depth first (a structure before its members). */
export function walk(model: ServiceModel, root: string): WalkedMember[] {
    const out: WalkedMember[] = [];
    const visit = (name: string, path: string[], seen: readonly string[]) => {
        const s = structureOf(model, name);
        for (const [member, ref] of Object.entries(s.members)) {
            const shape = shapeOf(model, ref.shape);
            const at = [...path, member];
            out.push({
                service: model.service,
                path: at,
                key: `${name}.${member}`,
                shapeName: ref.shape,
                shape,
                required: (s.required ?? []).includes(member),
            });
            // A recursive shape would walk for ever; none of ours is, and a new one fails here.
            assert.ok(!seen.includes(ref.shape), `${model.service} ${ref.shape} is recursive`);
            if (shape.type === "structure") visit(ref.shape, at, [...seen, ref.shape]);
        }
    };
    visit(root, [], [root]);
    return out;
}

/** A member by `Shape.Member`, or undefined. */
export function memberOf(model: ServiceModel, key: string): { shapeName: string; shape: ModelShape; required: boolean } | undefined {
    const [owner, member, ...rest] = key.split(".");
    const s = model.shapes[owner];
    if (rest.length > 0 || !s || s.type !== "structure" || !member || !(member in s.members)) return undefined;
    const shapeName = s.members[member].shape;
    return { shapeName, shape: shapeOf(model, shapeName), required: (s.required ?? []).includes(member) };
}

/** Every distinct `pattern` in a model. */
export function allPatterns(model: ServiceModel): string[] {
    const out = new Set<string>();
    for (const s of Object.values(model.shapes)) if (s.type === "string" && s.pattern !== undefined) out.add(s.pattern);
    return [...out];
}
