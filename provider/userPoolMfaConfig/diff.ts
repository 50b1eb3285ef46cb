// What differs between the desired and the live MFA configuration, field by field, and the
// inputs that describe the live configuration after a refresh. Pure.
import { memberPaths, StructureMember, valueAt } from "../common/shape";
import { present } from "../common/validator";
import { configOf, defined, MfaConfig, MfaConfigInputs, normalize, NormalizedMfaConfig } from "./model";
import { MFA_CONFIG } from "./shape";

// ---------------------------------------------------------------------------------------------
// Diff

/** One field that differs between the desired and the live configuration. */
export interface FieldChange {
    path: string;
    desired: unknown;
    live: unknown;
}

// Members that, left unset, the service fills in or keeps (shape.ts marks them): an unset
// desired member is no difference from whatever is live. Email texts are not among them (Get
// returns none when none was set), so removing one is always a change.
const SERVICE_FILLED = new Set(
    memberPaths(MFA_CONFIG)
        .filter((m) => m.member.serviceFilled)
        .map((m) => m.path),
);

/** Whether the recorded input shape (shapeOf) has the member at `path`: the program had set it. */
function wasSet(shape: unknown, path: string): boolean {
    return present(valueAt(shape, path));
}

function walk(path: string, desired: unknown, live: unknown, previouslySet: unknown, out: FieldChange[]): void {
    // An unset service-filled member is quiet, unless the program set it before: then it has been
    // removed, which is a change that the next write applies (AWS then uses its default).
    if (desired === undefined && SERVICE_FILLED.has(path) && !(wasSet(previouslySet, path) && live !== undefined)) return;
    const isObj = (x: unknown) => x !== null && typeof x === "object" && !Array.isArray(x);
    if (isObj(desired) && isObj(live)) {
        const d = desired as Record<string, unknown>;
        const l = live as Record<string, unknown>;
        for (const key of new Set([...Object.keys(d), ...Object.keys(l)])) {
            walk(path ? `${path}.${key}` : key, d[key], l[key], previouslySet, out);
        }
        return;
    }
    if (JSON.stringify(desired) !== JSON.stringify(live)) out.push({ path, desired, live });
}

/**
 * The fields in which the desired configuration differs from the live one, both normalized where
 * they entered. Unset members that the service fills in (SMS message, SMS configuration, SNS
 * Region, WebAuthn settings) are not differences, unless `previouslySet` (the input shape of the
 * last write, see shapeOf) shows the program had set them: a removal is a change.
 */
export function diffNormalized(desired: NormalizedMfaConfig, live: NormalizedMfaConfig, previouslySet?: MfaConfigInputs): FieldChange[] {
    const out: FieldChange[] = [];
    walk("", desired, live, previouslySet, out);
    return out;
}

/** {@link diffNormalized} of two configurations in any form (the package's API: a program's own comparisons). */
export function diffConfig(desired: MfaConfig, live: MfaConfig, previouslySet?: MfaConfigInputs): FieldChange[] {
    return diffNormalized(normalize(desired), normalize(live), previouslySet);
}

/**
 * The configuration to write: the desired one, with the WebAuthn settings the program does not
 * manage taken from the pool as it is, because whether the service keeps an omitted
 * WebAuthnConfiguration is not documented and a full-replace call must not lose them. Settings
 * the program had set and has removed (`previouslySet`) are left out, so AWS applies its default.
 */
export function desiredWithLiveWebAuthn(
    desired: NormalizedMfaConfig,
    live: MfaConfig | undefined,
    previouslySet?: MfaConfigInputs,
): NormalizedMfaConfig {
    const out = { ...desired };
    const want = out.webAuthnConfiguration;
    const removedBlock = want === undefined && wasSet(previouslySet, "webAuthnConfiguration");
    const liveW = removedBlock ? undefined : live?.webAuthnConfiguration;
    if (liveW || want) {
        const kept = Object.fromEntries(
            Object.entries(liveW ?? {}).filter(
                ([k]) => !(want?.[k as keyof typeof want] === undefined && wasSet(previouslySet, `webAuthnConfiguration.${k}`)),
            ),
        );
        const merged = defined({ ...kept, ...(want ?? {}) });
        if (Object.keys(merged).length > 0) out.webAuthnConfiguration = merged;
        else delete out.webAuthnConfiguration;
    }
    return out;
}

/**
 * Inputs that describe the live configuration in the shape of the previous inputs, so that after
 * `pulumi refresh` the engine's input diff shows drift field by field without listing members the
 * user never set (service-filled ones) as removals.
 */
export function inputsFromLive(oldInputs: MfaConfigInputs, live: MfaConfig): MfaConfigInputs {
    const out: MfaConfigInputs = defined({
        userPoolId: oldInputs.userPoolId,
        region: oldInputs.region,
        deletePolicy: oldInputs.deletePolicy,
        mfaConfiguration: live.mfaConfiguration,
    });
    // A member the shape marks service-filled shows only where the program's block had it.
    Object.assign(
        out,
        liveInShapeOf(MFA_CONFIG, live as unknown as Record<string, unknown>, oldInputs as unknown as Record<string, unknown>),
    );
    delete out.softwareTokenMfaConfiguration;
    if (live.softwareTokenMfaConfiguration?.enabled === true) {
        out.softwareTokenMfaConfiguration = { enabled: true };
    } else if (oldInputs.softwareTokenMfaConfiguration?.enabled === false) {
        // Equivalent to no block; keeping the user's spelling avoids a spurious removal line.
        out.softwareTokenMfaConfiguration = { enabled: false };
    }
    return out;
}

/**
 * The live members in the shape of the program's: a service-filled member (shape.ts) is left out
 * where the program's block (`old`) exists without it, since the program leaves it to the
 * service; every other member is shown, as live drift. Where the program had no block, all of it.
 */
function liveInShapeOf(
    s: StructureMember,
    live: Record<string, unknown>,
    old: Record<string, unknown> | undefined,
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(s.members)) {
        const x = live[name];
        if (!present(x)) continue;
        if (m.serviceFilled && old && !present(old[name])) continue;
        out[name] = m.kind === "structure" ? liveInShapeOf(m, x, old?.[name] as typeof old) : x;
    }
    return out;
}

/** The input shape as stored: JSON text (stateVersion.ts, version 2). */
export function encodeShape(shape: Partial<MfaConfigInputs>): string {
    return JSON.stringify(shape);
}

/** The input shape from its stored text (encodeShape). */
export function decodeShape(text: string): MfaConfigInputs {
    return JSON.parse(text) as MfaConfigInputs;
}

/** The input shape a stored state recorded, if any. */
export function recordedShape(outputs: { __inputShape?: string }): MfaConfigInputs | undefined {
    return outputs.__inputShape === undefined ? undefined : decodeShape(outputs.__inputShape);
}

/** The user's inputs with every string replaced by "*": records which members the user set, without values. */
export function shapeOf(inputs: MfaConfigInputs): MfaConfigInputs {
    const strip = (v: unknown): unknown => {
        if (typeof v === "string") return "*";
        if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
        return v;
    };
    const { userPoolId, region, deletePolicy, ...config } = inputs;
    return {
        userPoolId: "*",
        ...(region !== undefined ? { region: "*" } : {}),
        ...(deletePolicy !== undefined ? { deletePolicy } : {}),
        ...(strip(configOf(config)) as MfaConfig),
    };
}
