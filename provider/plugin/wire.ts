// Property values as a provider plugin receives and returns them (google.protobuf.Struct as
// plain JavaScript), against the plain values the dynamic providers take. The plugin answers
// Configure with acceptSecrets (@pulumi/pulumi's provider server always does), so the engine
// sends secrets wrapped and does not re-mark the outputs itself (provider_plugin.go marks them
// only for providers that do not accept secrets): unwrapping on the way in and wrapping on the
// way out is this module's job. Unknown values arrive as the sentinel string the dynamic
// providers already handle (common/unknown.ts). Pure.
import { UNKNOWN } from "../common/unknown";

/** `specialSigKey`, `specialSecretSig`, `specialOutputValueSig` of @pulumi/pulumi's runtime/rpc. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** A dotted property path, e.g. "smsMfaConfiguration.smsConfiguration.externalId". */
export type Path = string;

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The plain value, and the paths that were secret. An output value (sent only to providers that
 * accept outputs) without a value is unknown; its `secret` flag counts like a secret wrapper.
 */
export function unwrap(value: unknown, path = "", secrets: Set<Path> = new Set()): { value: unknown; secrets: Set<Path> } {
    const walk = (v: unknown, at: Path): unknown => {
        if (Array.isArray(v)) return v.map((x, i) => walk(x, at ? `${at}.${i}` : String(i)));
        if (!isObject(v)) return v;
        if (v[SIG_KEY] === SECRET_SIG) {
            secrets.add(at);
            return walk(v.value, at);
        }
        if (v[SIG_KEY] === OUTPUT_VALUE_SIG) {
            if (v.secret === true) secrets.add(at);
            return "value" in v ? walk(v.value, at) : UNKNOWN;
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, at ? `${at}.${k}` : k)]));
    };
    return { value: walk(value, path), secrets };
}

/** The value with a secret wrapper at each of `paths` that it has (absent paths are skipped). */
export function wrap(value: unknown, paths: Iterable<Path>): unknown {
    let out = value;
    // Deepest first, so that wrapping a parent keeps the wrapped children inside it.
    const sorted = [...new Set(paths)].sort((a, b) => b.split(".").length - a.split(".").length);
    for (const path of sorted) out = wrapAt(out, path === "" ? [] : path.split("."));
    return out;
}

function wrapAt(v: unknown, keys: string[]): unknown {
    if (v === undefined || v === null) return v;
    if (keys.length === 0) return isObject(v) && v[SIG_KEY] === SECRET_SIG ? v : { [SIG_KEY]: SECRET_SIG, value: v };
    const [k, ...rest] = keys;
    if (isObject(v) && v[SIG_KEY] === SECRET_SIG) return { ...v, value: wrapAt(v.value, keys) };
    if (Array.isArray(v)) {
        const items = v as unknown[];
        const i = Number(k);
        if (!Number.isInteger(i) || i < 0 || i >= items.length) return items;
        return items.map((x, j) => (j === i ? wrapAt(x, rest) : x));
    }
    if (!isObject(v) || !(k in v) || v[k] === undefined) return v;
    return { ...v, [k]: wrapAt(v[k], rest) };
}

/** Drops `undefined` members (deep): a Struct has no such value, and protobuf refuses it. */
export function withoutUndefined(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(withoutUndefined);
    if (!isObject(v)) return v;
    return Object.fromEntries(
        Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .map(([k, x]) => [k, withoutUndefined(x)]),
    );
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> its parts (the name may itself hold "::"). */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } {
    const [head, project, type, ...name] = urn.split("::");
    if (!head?.startsWith("urn:pulumi:") || project === undefined || type === undefined || name.length === 0) {
        throw new Error(`not a resource URN: ${urn}`);
    }
    // A child's type is qualified by its parents' ("parent$child"): the last one is its own.
    return { stack: head.slice("urn:pulumi:".length), project, type: type.split("$").pop()!, name: name.join("::") };
}
