// The one validator both resources use: every failure names the property, the value received
// (never an ExternalId) and what is allowed, in the form `check` returns to the engine. Pure.
import { isUnknown } from "./unknown";

export interface Failure {
    property: string;
    reason: string;
}

// Check runs on plaintext (the engine strips secrets before calling a dynamic provider), and the
// engine prints failure reasons as they are: an ExternalId must never be echoed back.
export const present = <T>(v: T): v is NonNullable<T> => v !== undefined && v !== null;
/** Present and not unknown (preview): the rules that need a value run only on these. */
export const known = <T>(v: T): v is NonNullable<T> => present(v) && !isUnknown(v);
/** The value when it is a known string, else undefined. */
export const knownString = (v: unknown): string | undefined => (typeof v === "string" && !isUnknown(v) ? v : undefined);

/** Adds a failure in the validator's form, for rules that run outside it (the pre-flight). */
export function failure(failures: Failure[], property: string, received: string, text: string): void {
    failures.push({ property, reason: `${property} ${text} (received: ${received})` });
}

/**
 * A value as a failure shows it. `secrets` are the names of the members the shape marks secret
 * (shape.ts secretNames): such a value, at the property or anywhere inside a block, is never shown.
 */
export function show(v: unknown, property = "", secrets: readonly string[] = []): string {
    const last = property.slice(property.lastIndexOf(".") + 1);
    if (typeof v === "string" && secrets.includes(last)) return `[secret, ${[...v].length} characters]`;
    if (typeof v === "string") return JSON.stringify(v.length > 80 ? v.slice(0, 77) + "..." : v);
    return JSON.stringify(v, (key, x: unknown) => (secrets.includes(key) && typeof x === "string" ? "[secret]" : x)) ?? "undefined";
}

export function oneOf(list: readonly string[]): string {
    return list.map((x) => `"${x}"`).join(", ");
}

export type Validator = ReturnType<typeof validator>;

/** A validator for inputs whose secret members are named `secrets` (shape.ts secretNames). */
export function validator(secrets: readonly string[]) {
    const failures: Failure[] = [];
    const warnings: string[] = [];
    const v = {
        failures,
        /**
         * What check reports as warnings: rules whose evidence is too thin to refuse an input AWS
         * may accept (see docs/preflight.md), in the failures' form.
         */
        warnings,
        fail(property: string, value: unknown, rule: string): void {
            failures.push({ property, reason: `${property} ${rule} (received: ${show(value, property, secrets)})` });
        },
        warn(property: string, value: unknown, rule: string): void {
            warnings.push(`${property} ${rule} (received: ${show(value, property, secrets)})`);
        },
        /** Runs `fn` only when the value is present and known: unknowns are checked at apply time. */
        known<T>(value: T | undefined, fn: (v: T) => void): void {
            if (!known(value)) return;
            fn(value);
        },
        string(property: string, value: unknown, opts: { min?: number; max?: number; pattern?: RegExp; patternText?: string }): void {
            v.known(value, (x) => {
                if (typeof x !== "string") return v.fail(property, x, "must be a string");
                const len = [...x].length;
                if (opts.min !== undefined && len < opts.min) {
                    return v.fail(property, x, `must be at least ${opts.min} characters long (it has ${len})`);
                }
                if (opts.max !== undefined && len > opts.max) {
                    return v.fail(property, x, `must be at most ${opts.max} characters long (it has ${len})`);
                }
                if (opts.pattern && !opts.pattern.test(x)) {
                    v.fail(property, x, `must ${opts.patternText ?? `match ${opts.pattern}`}`);
                }
            });
        },
        enumeration(property: string, value: unknown, allowed: readonly string[]): void {
            v.known(value, (x) => {
                if (typeof x !== "string" || !allowed.includes(x)) v.fail(property, x, `must be one of ${oneOf(allowed)}`);
            });
        },
        object(property: string, value: unknown): value is Record<string, unknown> {
            if (!known(value)) return false;
            if (typeof value !== "object" || Array.isArray(value)) {
                v.fail(property, value, "must be an object");
                return false;
            }
            return true;
        },
        noExtraKeys(property: string, value: Record<string, unknown>, allowed: readonly string[]): void {
            for (const key of Object.keys(value)) {
                if (!allowed.includes(key)) {
                    const at = property ? `${property}.${key}` : key;
                    v.fail(at, value[key], `is not a known property; allowed here: ${allowed.join(", ")}`);
                }
            }
        },
    };
    return v;
}

/**
 * What a set of checks found: failures refuse the inputs at preview; warnings (what AWS may
 * refuse but no source says it does, and reads that could not be made) are shown and let it pass.
 */
export interface Findings {
    failures: Failure[];
    warnings: string[];
}
