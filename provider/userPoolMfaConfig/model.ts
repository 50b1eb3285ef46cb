// The pure model of a user pool's MFA configuration: its types, defaults, constraints and one
// canonical form (normalize). Validation is in validate.ts, the diff in diff.ts. No I/O here, so
// that check, diff, read and the tests all agree on what "the same configuration" means.

// The configuration's types and enums are generated from the model (generated.ts).
import type { StructureMember } from "../common/shape";
import type { DeletePolicy, MfaConfig } from "./generated";
import { MFA_CONFIG } from "./shape";
export { DELETE_POLICIES, MFA_MODES, USER_VERIFICATIONS, WEBAUTHN_FACTOR_CONFIGURATIONS } from "./generated";
export type {
    DeletePolicy,
    EmailMfaConfiguration,
    EumsSmsConfiguration,
    MfaConfig,
    MfaMode,
    SmsConfiguration,
    SmsMfaConfiguration,
    SoftwareTokenMfaConfiguration,
    UserVerification,
    WebAuthnConfiguration,
    WebAuthnFactorConfiguration,
} from "./generated";

/** What happens to the pool's MFA configuration when the resource is deleted. */
export const DEFAULT_DELETE_POLICY: DeletePolicy = "reset";

/** Resolved (plain) inputs of a UserPoolMfaConfig. */
export interface MfaConfigInputs extends MfaConfig {
    userPoolId: string;
    region?: string;
    deletePolicy?: DeletePolicy;
}

/**
 * Stored outputs: the live configuration as last read, plus bookkeeping under `__` names, which
 * the engine never displays, so `preview --diff` and `refresh --diff` show only the configuration.
 */
export interface MfaConfigOutputs extends MfaConfigInputs {
    region: string;
    deletePolicy: DeletePolicy;
    /** The configuration found on the pool when this resource adopted it (for `restore`). Secret. */
    __adoptedConfiguration?: MfaConfig;
    /**
     * Which members the program set, values replaced by "*" (diff.ts shapeOf), as JSON text: one
     * string instead of nested objects (stateVersion.ts, version 2).
     */
    __inputShape?: string;
    /** `<project>/<stack>/<resource name>`: the owner tag this resource put on the pool. */
    __owner?: string;
}

// ---------------------------------------------------------------------------------------------
// Normalization: one canonical form for desired and live configurations

declare const NORMALIZED: unique symbol;

/**
 * An MFA configuration in the canonical form. Only {@link normalize} makes one, and the provider
 * calls it once where a configuration enters (the program's inputs, a Get or Set answer, the
 * stored state); what takes this type (the diff, the write) does not normalize again.
 */
export type NormalizedMfaConfig = MfaConfig & { readonly [NORMALIZED]: true };

/** The shape's members of a value, at every depth, without the unset ones. */
function membersOf(s: StructureMember, value: object): Record<string, unknown> {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(s.members)) {
        const x = o[name];
        if (x === undefined || x === null) continue;
        out[name] = m.kind === "structure" && typeof x === "object" ? membersOf(m, x) : x;
    }
    return out;
}

export function defined<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The canonical form of an MFA configuration, used by both read and diff:
 * - with OFF, no SMS / TOTP / email block exists (AWS refuses them and stores none);
 * - TOTP `enabled: false` (or no `enabled`) is the same as no TOTP block (Get returns either);
 * - an empty WebAuthn block is no WebAuthn management at all;
 * - empty optional members are dropped, and so is anything that is no member of the request (shape.ts).
 * An empty email block stays: it means "email MFA with Cognito's default texts".
 */
export function normalize(config: MfaConfig): NormalizedMfaConfig {
    const c = membersOf(MFA_CONFIG, config) as unknown as MfaConfig;
    const out: MfaConfig = { mfaConfiguration: c.mfaConfiguration };
    const off = c.mfaConfiguration === "OFF";
    if (!off && c.smsMfaConfiguration) out.smsMfaConfiguration = c.smsMfaConfiguration;
    if (!off && c.softwareTokenMfaConfiguration?.enabled === true) {
        out.softwareTokenMfaConfiguration = { enabled: true };
    }
    if (!off && c.emailMfaConfiguration) out.emailMfaConfiguration = c.emailMfaConfiguration;
    if (c.webAuthnConfiguration && Object.keys(c.webAuthnConfiguration).length > 0) out.webAuthnConfiguration = c.webAuthnConfiguration;
    return out as NormalizedMfaConfig;
}

/** The configuration part of inputs or outputs, without bookkeeping fields. */
export function configOf(x: MfaConfig): MfaConfig {
    return defined({
        mfaConfiguration: x.mfaConfiguration,
        smsMfaConfiguration: x.smsMfaConfiguration,
        softwareTokenMfaConfiguration: x.softwareTokenMfaConfiguration,
        emailMfaConfiguration: x.emailMfaConfiguration,
        webAuthnConfiguration: x.webAuthnConfiguration,
    });
}
