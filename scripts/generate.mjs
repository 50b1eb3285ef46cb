// `npm run generate`: writes, from botocore's service models in .venv (the botocore that
// tools/moto-requirements.txt pins), provider/common/deviations.ts and each resource's
// annotations.ts, the resource's generated.ts (its shape: members, types, lengths, patterns,
// enums, requiredness; and its TypeScript argument and output types with JSDoc) and the argument
// table of its docs page, between the markers. `--check` writes nothing and fails when a
// committed file differs from what it would write (npm test runs it).
//
// A botocore upgrade that changes the API is: bump the pin, `npm run generate`, and write the
// prose (annotations.ts) for what is new. tools/botocore-overlay.json, when present, is merged
// into the models first (shapes by name, their members by name): a declared local change to the
// model, for trying a member the pinned botocore does not have yet; test/conformance reads it too.
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { botocoreData } from "./gen-partitions.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The resources whose files are generated: their annotations and what is written. */
export const RESOURCES = [
    { annotations: "provider/userPoolMfaConfig/annotations.ts", out: "provider/userPoolMfaConfig/generated.ts" },
    { annotations: "provider/snsCallerRole/annotations.ts", out: "provider/snsCallerRole/generated.ts" },
];

const VERSIONS = { "cognito-idp": "2016-04-18", iam: "2010-05-08", sts: "2011-06-15" };
export const OVERLAY = "tools/botocore-overlay.json";

// ---------------------------------------------------------------------------------------------
// Inputs: the TypeScript sources (transpiled in memory, so no build is needed first) and the models

/** Loads a TypeScript module of provider/ (and the .ts modules it imports) without a build. */
export function loadTs(file, cache = new Map()) {
    const path = resolve(root, file);
    if (cache.has(path)) return cache.get(path).exports;
    const ts = require("typescript");
    const js = ts.transpileModule(readFileSync(path, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const module = { exports: {} };
    cache.set(path, module);
    const req = (spec) => (spec.startsWith(".") ? loadTs(join(dirname(path), `${spec}.ts`), cache) : require(spec));
    new Function("exports", "require", "module", js)(module.exports, req, module);
    return module.exports;
}

function botocoreVersion() {
    const site = join(botocoreData(), "../..");
    const info = require("node:fs")
        .readdirSync(site)
        .find((d) => /^botocore-[\d.]+\.dist-info$/.test(d));
    return info?.replace(/^botocore-|\.dist-info$/g, "") ?? "unknown";
}

/** A service model's shapes, with tools/botocore-overlay.json merged in when it exists. */
export function loadShapes(service) {
    const file = join(botocoreData(), service, VERSIONS[service], "service-2.json.gz");
    const shapes = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")).shapes;
    const overlay = existsSync(join(root, OVERLAY)) ? JSON.parse(readFileSync(join(root, OVERLAY), "utf8")) : {};
    for (const [name, shape] of Object.entries(overlay[service] ?? {})) {
        const base = shapes[name] ?? {};
        shapes[name] = { ...base, ...shape, ...(shape.members ? { members: { ...(base.members ?? {}), ...shape.members } } : {}) };
    }
    return shapes;
}

// ---------------------------------------------------------------------------------------------
// The model's documentation, made short text

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The first sentence of a botocore documentation string, without its HTML. */
export function summary(html) {
    const first = /<p>([\s\S]*?)<\/p>/.exec(html ?? "")?.[1] ?? html ?? "";
    const text = first
        .replace(/<[^>]+>/g, "")
        .replace(/&(#\d+|\w+);/g, (m, e) => (e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m)))
        .replace(/\s+/g, " ")
        .trim();
    return text.split(/(?<=\.)\s+(?=[A-Z])/)[0];
}

// ---------------------------------------------------------------------------------------------
// The members: model + deviations + annotations

const camel = (aws) => aws[0].toLowerCase() + aws.slice(1);
const pascal = (name) => name[0].toUpperCase() + name.slice(1);

/**
 * One model member in our terms: the model's constraints, with the failure-level deviations of
 * deviations.ts applied (a "required" one whose `ours` is "required", "min" and "max" bounds;
 * one with `inputs` only to those inputs); warnings and conditional rules stay in the resource's
 * rules files. `build` describes a nested structure's members.
 */
function describe(c, owner, aws, ref, name, path, note, build) {
    const shape = c.shapes[ref.shape];
    const key = `${owner}.${aws}`;
    const dev = (aspect) =>
        c.deviations.find(
            (d) =>
                d.service === c.service && d.member === key && d.aspect === aspect && (d.inputs === undefined || d.inputs.includes(name)),
        );
    const m = {
        name,
        path,
        aws,
        key,
        shapeName: ref.shape,
        doc: summary(ref.documentation ?? shape.documentation),
        required: c.required(owner, aws) || dev("required")?.ours === "required",
        note,
    };
    if (shape.type === "structure") return { ...m, kind: "structure", members: build(ref.shape, path) };
    if (shape.type === "boolean") return { ...m, kind: "boolean" };
    if (shape.type !== "string")
        throw new Error(`${key}: a ${shape.type} member; scripts/generate.mjs knows strings, enums, booleans and structures`);
    if (shape.enum) return { ...m, kind: "enum", values: shape.enum };
    const bound = (aspect) => {
        const d = dev(aspect);
        return d && d.level === "failure" && d.bound !== undefined ? d.bound : shape[aspect];
    };
    let min = bound("min");
    const max = bound("max");
    // A pattern that refuses "" says "at least 1" more clearly by a length (same values pass).
    if (!min && shape.pattern !== undefined && !c.javaPattern(shape.pattern).test("")) min = 1;
    return { ...m, kind: "string", min: min || undefined, max, pattern: shape.pattern };
}

/** Every member of the request (camelCase of the API's names), as a tree. */
export function members(a, shapes, deviations, javaPattern) {
    const used = new Set();
    const c = {
        service: a.service,
        shapes,
        deviations,
        javaPattern,
        required: (owner, aws) => (shapes[owner].required ?? []).includes(aws),
    };
    const build = (shapeName, prefix) => {
        const s = shapes[shapeName];
        if (!s || s.type !== "structure") throw new Error(`${a.service} ${shapeName} is not a structure`);
        return Object.entries(s.members).map(([aws, ref]) => {
            const name = camel(aws);
            const path = prefix ? `${prefix}.${name}` : name;
            if (a.members[path]) used.add(path);
            return describe(c, shapeName, aws, ref, name, path, a.members[path] ?? {}, build);
        });
    };
    const tree = build(a.request, "");
    const stale = Object.keys(a.members).filter((p) => !used.has(p));
    if (stale.length > 0) throw new Error(`${relative(root, a.file)} annotates members the model does not have: ${stale.join(", ")}`);
    return tree;
}

/**
 * The inputs of a resource that is no one request (SnsCallerRole): each from the model member
 * it becomes (`from`: "<service> <Shape.Member>"), or an enum or boolean of the resource's own.
 * Their requiredness is the resource's (its rules files), not the member's in its request.
 */
export function inputMembers(a, deviations, javaPattern) {
    return Object.entries(a.members).map(([name, note]) => {
        const base = { name, path: name, aws: name, key: name, doc: note.doc ?? "", required: false, note };
        if (note.values) return { ...base, kind: "enum", values: note.values };
        if (note.kind === "boolean") return { ...base, kind: "boolean" };
        const [service, key] = note.from.split(" ");
        const [owner, aws] = key.split(".");
        const shapes = loadShapes(service);
        const ref = shapes[owner]?.members?.[aws];
        if (!ref) throw new Error(`${relative(root, a.file)}: ${name} comes from ${note.from}, which the model does not have`);
        const c = { service, shapes, deviations, javaPattern, required: () => false };
        return {
            ...describe(c, owner, aws, ref, name, name, note),
            aws: name,
            doc: note.doc ?? summary(ref.documentation ?? shapes[ref.shape].documentation),
        };
    });
}

// ---------------------------------------------------------------------------------------------
// generated.ts

const q = (s) => JSON.stringify(s);
const constName = (typeName) => typeName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
const jsdoc = (lines, indent) => {
    const text = lines.filter((l) => l !== undefined && l !== "");
    if (text.length === 0) return "";
    if (text.length === 1 && !text[0].startsWith("@")) return `${indent}/** ${text[0]} */\n`;
    return `${indent}/**\n${text.map((l) => `${indent} * ${l}`).join("\n")}\n${indent} */\n`;
};

function typeNameOf(m) {
    return m.note.typeName ?? pascal(m.name);
}

function shapeExpr(m) {
    const opts = [];
    if (m.required) opts.push("required: true");
    for (const k of ["requiredText", "patternText"]) if (m.note[k]) opts.push(`${k}: ${q(m.note[k])}`);
    if (m.note.secret) opts.push("secret: true");
    if (m.note.serviceFilled) opts.push("serviceFilled: true");
    if (m.kind === "string") {
        if (m.min !== undefined) opts.push(`min: ${m.min}`);
        if (m.max !== undefined) opts.push(`max: ${m.max}`);
        if (m.pattern !== undefined) opts.push(`pattern: javaPattern(${q(m.pattern)})`);
    }
    const o = opts.length ? `, { ${opts.join(", ")} }` : "";
    switch (m.kind) {
        case "string":
            return `string(${q(m.aws)}, ${q(m.doc)}${o})`;
        case "boolean":
            return `boolean(${q(m.aws)}, ${q(m.doc)}${o})`;
        case "enum":
            return `enumeration(${q(m.aws)}, ${q(m.doc)}, ${m.note.valuesName ?? constName(typeNameOf(m)) + "_VALUES"}${o})`;
        case "structure":
            return `structure(${q(m.aws)}, ${q(m.doc)}, ${constName(typeNameOf(m))}${o})`;
    }
}

export function generatedModule(a, tree, source) {
    const out = [];
    const enums = [];
    const structures = [];
    const visit = (list) => {
        for (const m of list) {
            if (m.kind === "enum") enums.push(m);
            if (m.kind === "structure") {
                visit(m.members);
                structures.push(m);
            }
        }
    };
    visit(tree);
    const top = tree.filter((m) => !(a.omit ?? []).includes(m.name));
    const request = a.request ?? a.shapeName;
    const extras = Object.entries(a.extra ?? {});

    out.push(`// Generated by scripts/generate.mjs from ${source}; do not edit by hand: run \`npm run generate\`.`);
    out.push(
        a.request
            ? `// The ${a.request} members (${a.shapeName}), their types and the resource's argument types.`
            : `// The inputs of the resource that are members of the models (${a.shapeName}), and its enums.`,
    );
    if (a.request || a.argsName) out.push(`import type * as pulumi from "@pulumi/pulumi";`);
    out.push(`import { boolean, enumeration, javaPattern, string, structure } from "../common/shape";`);
    out.push("");
    for (const [name, e] of [
        ...enums.map((m) => [m.name, { values: m.values, typeName: typeNameOf(m), valuesName: m.note.valuesName, doc: m.doc }]),
        ...extras.filter(([, x]) => x.values),
    ]) {
        const valuesName = e.valuesName ?? constName(e.typeName) + "_VALUES";
        out.push(jsdoc([e.doc ?? name], "").trimEnd());
        out.push(`export type ${e.typeName} = ${e.values.map(q).join(" | ")};`);
        out.push(`export const ${valuesName}: readonly ${e.typeName}[] = [${e.values.map(q).join(", ")}];`);
        out.push("");
    }
    // The shape, innermost structures first.
    for (const s of structures) {
        out.push(`const ${constName(typeNameOf(s))} = {`);
        for (const m of s.members) out.push(`    ${m.name}: ${shapeExpr(m)},`);
        out.push("};");
        out.push("");
    }
    out.push(`const ${a.shapeName}_MEMBERS = {`);
    for (const m of top) out.push(`    ${m.name}: ${shapeExpr(m)},`);
    out.push("};");
    out.push("");
    out.push(`/** The ${request} members${a.omit?.length ? ` without ${a.omit.join(", ")}` : ""}, in our names. */`);
    out.push(`export const ${a.shapeName} = structure(${q(request)}, ${q(a.argsDoc)}, ${a.shapeName}_MEMBERS);`);
    if (!a.request) {
        if (a.argsName) out.push("", ...inputArgsInterface(a, tree));
        return out.join("\n") + "\n";
    }
    out.push("");

    const tsType = (m, args) => {
        const wrap = (t) => (args ? `pulumi.Input<${t}>` : t);
        if (m.kind === "string") return wrap("string");
        if (m.kind === "boolean") return wrap("boolean");
        return wrap(m.kind === "enum" ? typeNameOf(m) : typeNameOf(m) + (args ? "Args" : ""));
    };
    const field = (m, args) => {
        const n = m.note;
        const lines = args
            ? [m.doc, n.note, n.secret ? "Stored as a secret." : undefined, n.default && !m.required ? `@default ${n.default}` : undefined]
            : [m.doc, n.secret ? "Secret." : undefined];
        return `${jsdoc(lines, "    ")}    ${m.name}${m.required ? "" : "?"}: ${tsType(m, args)};`;
    };
    // Output types (the configuration as read), then the argument types.
    for (const args of [false, true]) {
        for (const s of structures) {
            out.push(jsdoc([`${s.doc} (\`${s.shapeName}\`)`], "").trimEnd());
            out.push(`export interface ${typeNameOf(s)}${args ? "Args" : ""} {`);
            for (const m of s.members) out.push(field(m, args));
            out.push("}");
            out.push("");
        }
        if (!args) {
            out.push(
                jsdoc([`The ${a.request} members${a.omit?.length ? ` without ${a.omit.join(", ")}` : ""}, in our names.`], "").trimEnd(),
            );
            out.push(`export interface ${a.typeName} {`);
            for (const m of top) out.push(field(m, false));
            out.push("}");
            out.push("");
        }
    }
    out.push(jsdoc([a.argsDoc], "").trimEnd());
    out.push(`export interface ${a.argsName} {`);
    for (const m of tree) out.push(field(m, true));
    for (const [name, x] of extras) {
        const t = x.values ? x.typeName : x.tsType;
        out.push(
            `${jsdoc([x.doc, x.default ? `@default ${x.default}` : undefined], "    ")}    ${name}${x.required ? "" : "?"}: pulumi.Input<${t}>;`,
        );
    }
    out.push("}");
    return out.join("\n") + "\n";
}

/**
 * What the model says of a string member's values, in words: "1–64 characters; must contain only
 * letters, ...". For a resource whose inputs are no one request, whose JSDoc and docs table would
 * otherwise restate the lengths and patterns by hand.
 */
export function constraintText(m) {
    if (m.kind !== "string") return undefined;
    const len =
        m.min !== undefined && m.max !== undefined
            ? `${m.min}–${m.max} characters`
            : m.max !== undefined
              ? `at most ${m.max} characters`
              : m.min !== undefined
                ? `at least ${m.min} characters`
                : undefined;
    const text = [len, m.note.patternText ? `must ${m.note.patternText}` : undefined].filter(Boolean).join("; ");
    return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : undefined;
}

/**
 * The argument type of a resource whose inputs are no one request (SnsCallerRole): each member
 * from the model (its summary, the model's lengths and pattern, our prose, `@default`), then the
 * resource's own arguments (`extra`).
 */
function inputArgsInterface(a, tree) {
    const out = [jsdoc([a.argsTypeDoc ?? a.argsDoc], "").trimEnd(), `export interface ${a.argsName} {`];
    const type = (m) => (m.kind === "enum" ? typeNameOf(m) : m.kind);
    // The same words in one paragraph per argument, for what has no JSDoc (the plugin's schema).
    const paragraphs = [];
    const paragraph = (name, lines) =>
        paragraphs.push(
            `    ${name}: ${JSON.stringify(
                lines
                    .filter(Boolean)
                    .join(" ")
                    .replace(/@default /, "Default: "),
            )},`,
        );
    for (const m of tree) {
        const n = m.note;
        const lines = n.from ? [m.doc, constraintText(m), n.note ?? n.docs] : [n.note ?? n.docs ?? m.doc];
        lines.push(n.secret ? "Stored as a secret." : undefined, n.default ? `@default ${n.default}` : undefined);
        out.push(`${jsdoc(lines, "    ")}    ${m.name}?: pulumi.Input<${type(m)}>;`);
        paragraph(m.name, lines);
    }
    for (const [name, x] of Object.entries(a.extra ?? {})) {
        const lines = [x.docs ?? x.doc, x.default ? `@default ${x.default}` : undefined];
        out.push(`${jsdoc(lines, "    ")}    ${name}${x.required ? "" : "?"}: pulumi.Input<${x.values ? x.typeName : x.tsType}>;`);
        paragraph(name, lines);
    }
    out.push("}");
    out.push("", `/** Each argument of ${a.argsName} as its JSDoc has it, in one paragraph. */`);
    out.push(
        `export const ${a.argsName.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}_DOCS: Readonly<Record<keyof ${a.argsName}, string>> = {`,
    );
    out.push(...paragraphs, "};");
    return out;
}

// ---------------------------------------------------------------------------------------------
// The docs' argument table

export const TABLE_START = "<!-- Generated by scripts/generate.mjs (npm run generate): do not edit the table by hand. -->";
export const TABLE_END = "<!-- End of the generated table. -->";

const escapeCell = (s) => s.replace(/\|/g, "\\|");

function typeText(m) {
    if (m.note.typeText) return m.note.typeText;
    switch (m.kind) {
        case "structure":
            return "block";
        case "boolean":
            return "boolean";
        case "enum":
            return m.values.map((v) => `\`"${v}"\``).join(" | ");
        case "string": {
            const len =
                m.min !== undefined && m.max !== undefined
                    ? `, ${m.min}–${m.max}`
                    : m.max !== undefined
                      ? `, at most ${m.max}`
                      : m.min !== undefined
                        ? `, at least ${m.min}`
                        : "";
            return `string${len}`;
        }
    }
}

export function argumentTable(a, tree) {
    const rows = ["| Argument | Type | Default | Meaning |", "|---|---|---|---|"];
    const shown = (path) => {
        const parts = path.split(".");
        return parts.length > 2 ? `...${parts.slice(-2).join(".")}` : path;
    };
    const visit = (list) => {
        for (const m of list) {
            const n = m.note;
            // A member from a model of a resource with no one request: its pattern, from the model.
            const pattern = n.from && n.patternText ? `Must ${n.patternText}.` : undefined;
            const meaning = [n.docs ?? n.note ?? m.doc, pattern, n.secret ? "**Secret.**" : undefined].filter(Boolean).join(" ");
            const dflt = n.default ?? (m.required ? "required" : "none");
            rows.push(
                `| \`${shown(m.path)}\` | ${escapeCell(typeText(m))} | ${escapeCell(m.required && !n.default ? "required" : dflt)} | ${escapeCell(meaning)} |`,
            );
            if (m.kind === "structure") visit(m.members);
        }
    };
    visit(tree);
    for (const [name, x] of Object.entries(a.extra ?? {})) {
        const type = x.values ? x.values.map((v) => `\`"${v}"\``).join(" | ") : x.typeText;
        rows.push(
            `| \`${name}\` | ${escapeCell(type)} | ${escapeCell(x.default ?? (x.required ? "required" : "none"))} | ${escapeCell(x.docs ?? x.doc)} |`,
        );
    }
    return rows.join("\n");
}

/** The docs page with the table between the markers replaced. */
export function withTable(page, table, file) {
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    if (start < 0 || end < start) throw new Error(`${file} has no "${TABLE_START}" ... "${TABLE_END}" markers`);
    return `${page.slice(0, start + TABLE_START.length)}\n${table}\n${page.slice(end)}`;
}

// ---------------------------------------------------------------------------------------------
// Run

/** Every generated file: path (from the repository root) -> its text. */
export async function outputs() {
    const prettier = await import("prettier");
    const cache = new Map();
    const { DEVIATIONS } = loadTs("provider/common/deviations.ts", cache);
    const { javaPattern } = loadTs("provider/common/shape.ts", cache);
    const files = new Map();
    const overlaid = existsSync(join(root, OVERLAY)) ? Object.keys(JSON.parse(readFileSync(join(root, OVERLAY), "utf8"))) : [];
    for (const r of RESOURCES) {
        const { ANNOTATIONS: a } = loadTs(r.annotations, cache);
        const tree = a.request
            ? members({ ...a, file: r.annotations }, loadShapes(a.service), DEVIATIONS, javaPattern)
            : inputMembers({ ...a, file: r.annotations }, DEVIATIONS, javaPattern);
        const services = a.request
            ? [a.service]
            : [...new Set(Object.values(a.members).flatMap((m) => (m.from ? [m.from.split(" ")[0]] : [])))];
        const models = services.map((s) => `${s} ${VERSIONS[s]}`).join(", ");
        const overlay = services.some((s) => overlaid.includes(s)) ? ` with ${OVERLAY}` : "";
        const source = `botocore ${botocoreVersion()}'s ${models} model${services.length > 1 ? "s" : ""}${overlay}, provider/common/deviations.ts and ${r.annotations}`;
        const text = generatedModule(a, tree, source);
        const config = (await prettier.resolveConfig(join(root, r.out))) ?? {};
        files.set(r.out, await prettier.format(text, { ...config, filepath: join(root, r.out) }));
        const page = readFileSync(join(root, a.docsFile), "utf8");
        files.set(a.docsFile, withTable(page, argumentTable(a, tree), a.docsFile));
    }
    return files;
}

/** Of `files` (path -> the text generate writes), those whose `committed` text (undefined: no such file) differs. */
export function differing(files, committed) {
    return [...files].filter(([file, text]) => committed(file) !== text).map(([file]) => file);
}

/** The generated files that differ from what is committed (empty: regenerating changes nothing). */
export async function stale() {
    return differing(await outputs(), (file) => (existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : undefined));
}

async function main(check) {
    if (check) {
        const files = await stale();
        if (files.length > 0) {
            console.error(`These generated files differ from what scripts/generate.mjs writes: ${files.join(", ")}.`);
            console.error("Run `npm run generate` and commit the result (edit annotations.ts or deviations.ts, not the generated files).");
            return 1;
        }
        console.log("generated files are up to date");
        return 0;
    }
    for (const [file, text] of await outputs()) {
        const path = join(root, file);
        if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
        writeFileSync(path, text);
        console.log(`wrote ${file}`);
    }
    return 0;
}

// No top-level await: the tests load this module with require().
if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main(process.argv.includes("--check")).then(
        (code) => (process.exitCode = code),
        (e) => {
            console.error(e);
            process.exitCode = 1;
        },
    );
}
