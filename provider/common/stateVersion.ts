// Versioned state: each resource's stored outputs carry the version of their layout under
// `__stateVersion` (a `__` name, which the engine never displays, and which diff never reads, so
// the key alone is never a change). Each resource lists one step per earlier version (stateVersion.ts
// in its folder): `up` turns a state of version v into v+1, `down` turns it back. The providers
// upgrade every stored state they are handed to the current layout first and work on that one
// layout only; create and update write the current version; read writes back the version it was
// given (and no key where there was none), because a refresh that rewrote an upgraded stack's
// state would report a change that nobody made. Pure.

export const STATE_VERSION_KEY = "__stateVersion";

type State = Record<string, unknown>;

export interface VersionStep {
    /** The state of this step's version, as the next version has it. */
    up: (state: State) => State;
    /** Back again, for read; `stored` is the state as it was handed in, in the older version. */
    down: (state: State, stored: State) => State;
}

export interface StateSchema {
    /** The resource's name, for messages. */
    resource: string;
    /** steps[v] leads from version v to v+1; the current version is steps.length. */
    steps: VersionStep[];
    /** The version of a state written before states carried their version (no key). */
    unversioned: (state: State) => number;
}

export function currentVersion(schema: StateSchema): number {
    return schema.steps.length;
}

/** The version of a stored state; refuses one written by a newer release. */
export function stateVersionOf(schema: StateSchema, stored: object): number {
    const s = stored as State;
    const v = STATE_VERSION_KEY in s ? s[STATE_VERSION_KEY] : schema.unversioned(s);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
        throw new Error(`The state of this ${schema.resource} has ${STATE_VERSION_KEY} ${JSON.stringify(v)}, which is no state version.`);
    }
    if (v > currentVersion(schema)) {
        throw new Error(
            `The state of this ${schema.resource} has version ${v}, written by a newer pulumi-cognito-mfa; this one reads versions up to ${currentVersion(schema)}. ` +
                `Install the release that wrote it (or a newer one) again: an older release would misread the state.`,
        );
    }
    return v;
}

/** A stored state in the current layout, with the current version. */
export function upgradeState<T extends object>(schema: StateSchema, stored: T): T {
    let s = { ...(stored as State) };
    for (let v = stateVersionOf(schema, stored); v < currentVersion(schema); v++) s = schema.steps[v].up(s);
    s[STATE_VERSION_KEY] = currentVersion(schema);
    return s as T;
}

/** New outputs (current layout) in the version of `stored`, for read: the layout it was given. */
export function inVersionOf<T extends object>(schema: StateSchema, stored: object, outs: T): T {
    const target = stateVersionOf(schema, stored);
    let s = { ...(outs as State) };
    for (let v = currentVersion(schema) - 1; v >= target; v--) s = schema.steps[v].down(s, stored as State);
    if (STATE_VERSION_KEY in stored) s[STATE_VERSION_KEY] = target;
    else delete s[STATE_VERSION_KEY];
    return s as T;
}

/** Outputs written now: the current version. */
export function stamped<T extends object>(schema: StateSchema, outs: T): T & { __stateVersion: number } {
    return { ...outs, [STATE_VERSION_KEY]: currentVersion(schema) };
}

/** A copy of `state` with the keys of `names` renamed (old -> new); absent keys stay absent. */
export function renamed(state: State, names: Record<string, string>): State {
    const out: State = {};
    for (const [k, v] of Object.entries(state)) out[k in names ? names[k] : k] = v;
    return out;
}
