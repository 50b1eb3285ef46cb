// A declarative description of an API structure (member, AWS name, constraints, secret,
// service-filled) and what it drives: validation, the mapping between our camelCase and the
// API's PascalCase in both directions, which members are secret, the CLI's request skeleton. The
// descriptions themselves are generated from the models (scripts/generate.mjs, which reads the
// annotations declared at the end of this file). Pure.
import { isUnknown } from "./unknown";
import { oneOf, present, Validator } from "./validator";

interface MemberBase {
    /** The member's name in the API (PascalCase), e.g. "SmsAuthenticationMessage". */
    readonly aws: string;
    /** What the member is for, in one sentence (docs, and the skeleton's reader). */
    readonly doc: string;
    /** This resource refuses inputs without it. Where the API does not require it, deviations.ts says why. */
    readonly required?: boolean;
    /** The reason shown when a required member is missing, after "is required". */
    readonly requiredText?: string;
    /** Kept secret in state, and never shown in a failure. */
    readonly secret?: boolean;
    /**
     * Left unset, the service fills it in or keeps the pool's value: an unset desired member is no
     * difference from whatever is live, unless the program had set it before (a removal).
     */
    readonly serviceFilled?: boolean;
}

export interface StringMember extends MemberBase {
    readonly kind: "string";
    /** Length bounds, in code points (as AWS counts them). */
    readonly min?: number;
    readonly max?: number;
    /** The API's pattern, matched the way AWS does (Java, whole string): see javaPattern. */
    readonly pattern?: RegExp;
    /** What the pattern asks for, in words: "must <patternText>". */
    readonly patternText?: string;
}

export interface EnumMember extends MemberBase {
    readonly kind: "enum";
    readonly values: readonly string[];
}

export interface BooleanMember extends MemberBase {
    readonly kind: "boolean";
}

export interface StructureMember extends MemberBase {
    readonly kind: "structure";
    /** camelCase name -> member. */
    readonly members: Readonly<Record<string, Member>>;
}

export type Member = StringMember | EnumMember | BooleanMember | StructureMember;

type Options<T extends Member> = Omit<T, "kind" | "aws" | "doc" | "members" | "values">;

export const string = (aws: string, doc: string, opts: Options<StringMember> = {}): StringMember => ({ kind: "string", aws, doc, ...opts });
export const enumeration = (aws: string, doc: string, values: readonly string[], opts: Options<EnumMember> = {}): EnumMember => ({
    kind: "enum",
    aws,
    doc,
    values,
    ...opts,
});
export const boolean = (aws: string, doc: string, opts: Options<BooleanMember> = {}): BooleanMember => ({
    kind: "boolean",
    aws,
    doc,
    ...opts,
});
export const structure = (
    aws: string,
    doc: string,
    members: Record<string, Member>,
    opts: Options<StructureMember> = {},
): StructureMember => ({
    kind: "structure",
    aws,
    doc,
    members,
    ...opts,
});

// ---------------------------------------------------------------------------------------------
// Patterns as AWS matches them

// What Java's regex classes mean without UNICODE_CHARACTER_CLASS, which AWS's validation does not
// set: `\s` and `\w` are ASCII, and `.` stops at every line terminator Java knows (\u0085 too,
// which JavaScript's `.` lets through). Inside a character class the same sets without brackets.
const JAVA_CLASSES: Record<string, [outside: string, inside: string]> = {
    s: ["[\\t\\n\\x0B\\f\\r ]", "\\t\\n\\x0B\\f\\r "],
    S: ["[^\\t\\n\\x0B\\f\\r ]", ""],
    w: ["[A-Za-z0-9_]", "A-Za-z0-9_"],
    W: ["[^A-Za-z0-9_]", ""],
    d: ["[0-9]", "0-9"],
    D: ["[^0-9]", ""],
};
const JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";

/**
 * A botocore pattern (Java syntax, matched against the whole value) as a JavaScript RegExp with
 * the same meaning: anchored, with Java's ASCII `\s`/`\w`/`\d`, Java's `.`, and Unicode property
 * classes (`\p{L}`) kept. Only the constructs botocore's patterns use are translated; anything
 * else throws, so a new kind of pattern cannot be matched wrongly in silence.
 */
export function javaPattern(source: string): RegExp {
    let out = "";
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === "\\") {
            const n = source[i + 1];
            i++;
            if (n in JAVA_CLASSES) {
                const [outside, inside] = JAVA_CLASSES[n];
                if (inClass && !inside) throw new Error(`javaPattern: \\${n} inside a character class is not supported: ${source}`);
                out += inClass ? inside : outside;
            } else if (n === "p" || n === "P" || n === "u" || n === "x") {
                // \p{L}, \u002F, \x0B: the same in JavaScript with the u flag; copy the escape whole.
                const m = /^[pP]\{[A-Za-z_]+\}|^u[0-9A-Fa-f]{4}|^x[0-9A-Fa-f]{2}/.exec(source.slice(i));
                if (!m) throw new Error(`javaPattern: unsupported escape \\${n} in ${source}`);
                out += "\\" + m[0];
                i += m[0].length - 1;
            } else if (/[{}()[\]|*+?.^$\\/-]/.test(n)) {
                out += "\\" + n;
            } else {
                throw new Error(`javaPattern: unsupported escape \\${n} in ${source}`);
            }
        } else if (c === "[") {
            if (inClass) throw new Error(`javaPattern: nested character class in ${source}`);
            inClass = true;
            out += c;
        } else if (c === "]") {
            inClass = false;
            out += c;
        } else if (c === "." && !inClass) {
            out += JAVA_DOT;
        } else {
            out += c;
        }
    }
    return new RegExp(`^(?:${out})$`, "u");
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Checks one member's value (present and known), reporting at `path`. */
export function validateMember(v: Validator, path: string, m: Member, value: unknown): void {
    if (!present(value) || isUnknown(value)) return;
    switch (m.kind) {
        case "string":
            v.string(path, value, m);
            return;
        case "enum":
            v.enumeration(path, value, m.values);
            return;
        case "boolean":
            if (typeof value !== "boolean") v.fail(path, value, "must be true or false");
            return;
        case "structure":
            validateStructure(v, path, m, value);
    }
}

/**
 * Checks a structure: an object, no member the API does not have (nor one of `alsoAllowed`, the
 * resource's own arguments beside it), every required member present, and each member by its own
 * rules. Unknown values (preview) are skipped, with what depends on them.
 */
export function validateStructure(
    v: Validator,
    path: string,
    s: StructureMember,
    value: unknown,
    alsoAllowed: readonly string[] = [],
): void {
    if (!v.object(path, value)) return;
    v.noExtraKeys(path, value, [...alsoAllowed, ...Object.keys(s.members)]);
    validateMembers(v, path, s, value);
}

/** Checks each member of a structure's value by its own rules, the required ones first for presence. */
export function validateMembers(v: Validator, path: string, s: StructureMember, value: Record<string, unknown>): void {
    for (const [name, m] of Object.entries(s.members)) {
        const at = path ? `${path}.${name}` : name;
        const x = value[name];
        if (m.required && !present(x)) {
            const text = m.requiredText ?? (m.kind === "enum" ? `one of ${oneOf(m.values)}` : undefined);
            v.fail(at, x, `is required${text ? `: ${text}` : ""}`);
            continue;
        }
        validateMember(v, at, m, x);
    }
}

/** The names of the members a shape marks secret, at any depth (what failures and diffs never show). */
export function secretNames(m: Member): string[] {
    if (m.kind !== "structure") return [];
    const out = new Set<string>();
    for (const [name, member] of Object.entries(m.members)) {
        if (member.secret) out.add(name);
        for (const n of secretNames(member)) out.add(n);
    }
    return [...out];
}

/** The value at a dotted path (`a.b.c`) of nested objects, or undefined where one is missing. */
export function valueAt(root: unknown, path: string): unknown {
    let at = root;
    for (const key of path.split(".")) at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
    return at;
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** A value in our shape -> the API's (PascalCase names; unset members left out). */
export function toApi(m: Member, value: unknown): unknown {
    if (m.kind !== "structure") return value;
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(m.members)) {
        const x = o[name];
        if (present(x)) out[member.aws] = toApi(member, x);
    }
    return out;
}

/**
 * A value in the API's shape -> ours. Members the description does not have are not dropped in
 * silence: their paths (API names, from `path`) are added to `unmodelled`, so that a caller that
 * would write the value back can refuse instead of losing them.
 */
export function fromApi(m: Member, value: unknown, unmodelled: string[] = [], path = ""): unknown {
    if (m.kind !== "structure") return value;
    const o = (value ?? {}) as Record<string, unknown>;
    const byAws = new Map(Object.entries(m.members).map(([name, member]) => [member.aws, [name, member] as const]));
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(o)) {
        if (!present(x) || key === "$metadata") continue;
        const hit = byAws.get(key);
        const at = path ? `${path}.${key}` : key;
        if (!hit) {
            unmodelled.push(at);
            continue;
        }
        out[hit[0]] = fromApi(hit[1], x, unmodelled, at);
    }
    return out;
}

/** Every member as the AWS CLI's `--generate-cli-skeleton` shows it: strings empty, booleans true, enums their first value. */
export function skeleton(m: Member): unknown {
    switch (m.kind) {
        case "string":
            return "";
        case "boolean":
            return true;
        case "enum":
            return m.values[0];
        case "structure":
            return Object.fromEntries(Object.values(m.members).map((x) => [x.aws, skeleton(x)]));
    }
}

/** Every member with its path in our names (`prefix.member...`), depth first. */
export function memberPaths(m: StructureMember, prefix = ""): { path: string; awsPath: string; member: Member }[] {
    const out: { path: string; awsPath: string; member: Member }[] = [];
    const walk = (s: StructureMember, p: string, a: string) => {
        for (const [name, member] of Object.entries(s.members)) {
            const path = p ? `${p}.${name}` : name;
            const awsPath = a ? `${a}.${member.aws}` : member.aws;
            out.push({ path, awsPath, member });
            if (member.kind === "structure") walk(member, path, awsPath);
        }
    };
    walk(m, prefix, "");
    return out;
}

// ---------------------------------------------------------------------------------------------
// Annotations: what a resource decides on top of the model (read by scripts/generate.mjs)

/**
 * One member as this package presents it, beyond what the model says (constraints, enums,
 * requiredness and the summary come from the model; the deviations from it from deviations.ts).
 */
export interface MemberAnnotation {
    /** Kept secret in state, `[secret]` in diffs and failures, masked by the CLI. */
    readonly secret?: boolean;
    /** Left unset, the service fills it in or keeps the pool's value (see MemberBase.serviceFilled). */
    readonly serviceFilled?: boolean;
    /** The reason shown when a required member is missing, after "is required: ". */
    readonly requiredText?: string;
    /** What the pattern asks for, in words: "must <patternText>". */
    readonly patternText?: string;
    /** Our prose after the model's summary (the argument's JSDoc and, unless `docs` is given, the docs' Meaning). */
    readonly note?: string;
    /** The docs table's Meaning instead of the note (Markdown, with links). */
    readonly docs?: string;
    /** What an unset member means (`@default`, and the docs' Default column). */
    readonly default?: string;
    /** The docs table's Type column instead of the one derived from the constraints. */
    readonly typeText?: string;
    /** For a structure or an enum: its TypeScript type name; for an enum, also the name of its values array. */
    readonly typeName?: string;
    readonly valuesName?: string;
    /** For a resource whose inputs are no one request: the model member an input becomes, "<service> <Shape.Member>". */
    readonly from?: string;
    /** Or an input of the resource's own: an enum's values, or a boolean; `doc` says what it is. */
    readonly values?: readonly string[];
    readonly kind?: "boolean";
    readonly doc?: string;
}

/** A resource-level argument that is no member of the model's request (the pool's Region, the delete policy). */
export interface ExtraArgument {
    /** The TypeScript type, or the values of an enum (then `typeName` and `valuesName` name it). */
    readonly tsType?: string;
    readonly values?: readonly string[];
    readonly typeName?: string;
    readonly valuesName?: string;
    readonly doc: string;
    readonly docs?: string;
    readonly default?: string;
    /** The docs table's Type column (an enum's is its values). */
    readonly typeText?: string;
    readonly required?: boolean;
}

/** What scripts/generate.mjs reads for one resource, next to the model and deviations.ts. */
export interface ResourceAnnotations {
    readonly service: "cognito-idp" | "iam" | "sts";
    /** The model's request structure, e.g. "SetUserPoolMfaConfigRequest"; none when the inputs come from several (`from`). */
    readonly request?: string;
    /** The exported constant of the shape (the request without `omit`), and its TypeScript type. */
    readonly shapeName: string;
    readonly typeName?: string;
    /** The resource's argument type (every member, then `extra`), generated with its JSDoc. */
    readonly argsName?: string;
    /** The shape's doc; also the argument type's JSDoc unless `argsTypeDoc` is given. */
    readonly argsDoc: string;
    readonly argsTypeDoc?: string;
    /** Request members the resource takes itself (outside the shape), by our name. */
    readonly omit?: readonly string[];
    /** By our dotted path (camelCase of the API's names). */
    readonly members: Readonly<Record<string, MemberAnnotation>>;
    readonly extra?: Readonly<Record<string, ExtraArgument>>;
    /** The docs file whose argument table is generated between the markers. */
    readonly docsFile: string;
}
