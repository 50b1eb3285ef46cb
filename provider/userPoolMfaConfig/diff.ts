// What differs between the desired and the live MFA configuration, field by field, and the
// inputs that describe the live configuration after a refresh. Pure.
import { configOf, defined, MfaConfig, MfaConfigInputs, normalize, SmsMfaConfiguration } from "./model";

// ---------------------------------------------------------------------------------------------
// Diff

/** One field that differs between the desired and the live configuration. */
export interface FieldChange {
    path: string;
    desired: unknown;
    live: unknown;
}

// Members that the user may leave unset and that the service then fills in (or that keep their
// live value): when the desired value is unset, whatever is live is accepted.
const SERVICE_FILLED = new Set([
    "smsMfaConfiguration.smsAuthenticationMessage",
    "smsMfaConfiguration.smsConfiguration.snsRegion",
    "emailMfaConfiguration.message",
    "emailMfaConfiguration.subject",
    "webAuthnConfiguration",
    "webAuthnConfiguration.relyingPartyId",
    "webAuthnConfiguration.userVerification",
    "webAuthnConfiguration.factorConfiguration",
]);

function walk(path: string, desired: unknown, live: unknown, out: FieldChange[]): void {
    if (desired === undefined && SERVICE_FILLED.has(path)) return;
    const isObj = (x: unknown) => x !== null && typeof x === "object" && !Array.isArray(x);
    if (isObj(desired) && isObj(live)) {
        const d = desired as Record<string, unknown>;
        const l = live as Record<string, unknown>;
        for (const key of new Set([...Object.keys(d), ...Object.keys(l)])) {
            walk(path ? `${path}.${key}` : key, d[key], l[key], out);
        }
        return;
    }
    if (JSON.stringify(desired) !== JSON.stringify(live)) out.push({ path, desired, live });
}

/**
 * The fields in which the desired configuration differs from the live one, after both are
 * normalized. Unset members that the service fills in (SMS message, SNS Region, email texts,
 * WebAuthn settings) are not differences.
 */
export function diffConfig(desired: MfaConfig, live: MfaConfig): FieldChange[] {
    const out: FieldChange[] = [];
    walk("", normalize(desired), normalize(live), out);
    return out;
}

/**
 * The configuration to write: the desired one, with the WebAuthn settings the user does not
 * manage taken from the pool as it is, because whether the service keeps an omitted
 * WebAuthnConfiguration is not documented and a full-replace call must not lose them.
 */
export function desiredWithLiveWebAuthn(desired: MfaConfig, live: MfaConfig | undefined): MfaConfig {
    const out = normalize(desired);
    const liveW = live?.webAuthnConfiguration;
    if (liveW || out.webAuthnConfiguration) {
        const merged = defined({ ...(liveW ?? {}), ...(out.webAuthnConfiguration ?? {}) });
        if (Object.keys(merged).length > 0) out.webAuthnConfiguration = merged;
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
    const keepIf = <T extends object>(liveBlock: T | undefined, oldBlock: T | undefined, keys: (keyof T)[]): T | undefined => {
        if (!liveBlock) return undefined;
        if (!oldBlock) return liveBlock;
        const picked: Partial<T> = {};
        for (const k of keys) if (oldBlock[k] !== undefined) picked[k] = liveBlock[k];
        return defined(picked as T);
    };
    if (live.smsMfaConfiguration) {
        const oldSms = oldInputs.smsMfaConfiguration;
        const sms: SmsMfaConfiguration = {
            smsConfiguration: {
                ...keepIf(live.smsMfaConfiguration.smsConfiguration, oldSms?.smsConfiguration, ["snsRegion"]),
                snsCallerArn: live.smsMfaConfiguration.smsConfiguration.snsCallerArn,
                externalId: live.smsMfaConfiguration.smsConfiguration.externalId,
            },
        };
        if (!oldSms || oldSms.smsAuthenticationMessage !== undefined) {
            if (live.smsMfaConfiguration.smsAuthenticationMessage !== undefined) {
                sms.smsAuthenticationMessage = live.smsMfaConfiguration.smsAuthenticationMessage;
            }
        }
        out.smsMfaConfiguration = defined(sms);
    }
    if (live.softwareTokenMfaConfiguration?.enabled === true) {
        out.softwareTokenMfaConfiguration = { enabled: true };
    } else if (oldInputs.softwareTokenMfaConfiguration?.enabled === false) {
        // Equivalent to no block; keeping the user's spelling avoids a spurious removal line.
        out.softwareTokenMfaConfiguration = { enabled: false };
    }
    const email = keepIf(live.emailMfaConfiguration, oldInputs.emailMfaConfiguration, ["message", "subject"]);
    if (email) out.emailMfaConfiguration = email;
    if (oldInputs.webAuthnConfiguration && live.webAuthnConfiguration) {
        const w = keepIf(live.webAuthnConfiguration, oldInputs.webAuthnConfiguration, [
            "relyingPartyId",
            "userVerification",
            "factorConfiguration",
        ]);
        if (w) out.webAuthnConfiguration = w;
    }
    return out;
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
