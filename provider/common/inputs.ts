// Whether a resource's inputs changed since the last deployment, as `check` sees them: the
// live pre-flight and the warnings run only then, so a no-change preview is quiet and calls
// nothing. Pure.

function canonical(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(canonical);
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        return Object.fromEntries(
            Object.keys(o)
                .filter((k) => !k.startsWith("__") && o[k] !== undefined)
                .sort()
                .map((k) => [k, canonical(o[k])]),
        );
    }
    return v;
}

/**
 * True when the program's inputs differ from the stored ones (or there are none: a create).
 * Engine-internal keys (`__provider`) do not count: a new provider version alone is no reason
 * to call AWS at preview.
 */
export function inputsChanged(olds: object | undefined, news: object): boolean {
    const o = canonical(olds ?? {}) as Record<string, unknown>;
    if (Object.keys(o).length === 0) return true;
    return JSON.stringify(o) !== JSON.stringify(canonical(news));
}
