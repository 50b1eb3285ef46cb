// The pure model of a user pool's MFA configuration: types, defaults, normalization,
// validation and diff. No I/O here: everything in this file is deterministic so that check,
// diff, read and the tests all agree on what "the same configuration" means.

/** MFA mode of the pool (`MfaConfiguration` in the API). */
export type MfaMode = "OFF" | "ON" | "OPTIONAL";
export const MFA_MODES: readonly MfaMode[] = ["OFF", "ON", "OPTIONAL"];

export type UserVerification = "required" | "preferred";
export const USER_VERIFICATIONS: readonly UserVerification[] = ["required", "preferred"];

export type WebAuthnFactorConfiguration = "SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION";
export const WEBAUTHN_FACTOR_CONFIGURATIONS: readonly WebAuthnFactorConfiguration[] = [
    "SINGLE_FACTOR",
    "MULTI_FACTOR_WITH_USER_VERIFICATION",
];

/** What happens to the pool's MFA configuration when the resource is deleted. */
export type DeletePolicy = "reset" | "restore" | "retain";
export const DELETE_POLICIES: readonly DeletePolicy[] = ["reset", "restore", "retain"];
export const DEFAULT_DELETE_POLICY: DeletePolicy = "reset";

export interface SmsConfiguration {
    snsCallerArn: string;
    externalId: string;
    snsRegion?: string;
}

export interface SmsMfaConfiguration {
    smsAuthenticationMessage?: string;
    smsConfiguration: SmsConfiguration;
}

export interface SoftwareTokenMfaConfiguration {
    enabled: boolean;
}

export interface EmailMfaConfiguration {
    message?: string;
    subject?: string;
}

export interface WebAuthnConfiguration {
    relyingPartyId?: string;
    userVerification?: UserVerification;
    factorConfiguration?: WebAuthnFactorConfiguration;
}

/** The MFA configuration itself, in the API's shape (camelCase). */
export interface MfaConfig {
    mfaConfiguration: MfaMode;
    smsMfaConfiguration?: SmsMfaConfiguration;
    softwareTokenMfaConfiguration?: SoftwareTokenMfaConfiguration;
    emailMfaConfiguration?: EmailMfaConfiguration;
    webAuthnConfiguration?: WebAuthnConfiguration;
}

/** Resolved (plain) inputs of a UserPoolMfaConfig. */
export interface MfaConfigInputs extends MfaConfig {
    userPoolId: string;
    region?: string;
    deletePolicy?: DeletePolicy;
}

/** Stored outputs: the live configuration as last read, plus bookkeeping. */
export interface MfaConfigOutputs extends MfaConfigInputs {
    region: string;
    deletePolicy: DeletePolicy;
    /** The configuration found on the pool when this resource adopted it (for `restore`). */
    adoptedConfiguration?: MfaConfig;
}

export interface Failure {
    property: string;
    reason: string;
}

// ---------------------------------------------------------------------------------------------
// Unknown values

/** The string the engine sends for values not known during preview (`pulumi.runtime.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknown(v)) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (v !== null && typeof v === "object") return Object.values(v).some(containsUnknown);
    return false;
}

// ---------------------------------------------------------------------------------------------
// Constraints, from the botocore model of SetUserPoolMfaConfig (see docs/api-rules in README).

export const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
export const ARN_PATTERN =
    /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const EMAIL_TEXT = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*";
export const EMAIL_MESSAGE_PATTERN = new RegExp(`^${EMAIL_TEXT}\\{####\\}${EMAIL_TEXT}$`, "u");
export const EMAIL_SUBJECT_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+$/u;
export const CODE_PLACEHOLDER = "{####}";

// ---------------------------------------------------------------------------------------------
// Validation

// Check runs on plaintext (the engine strips secrets before calling a dynamic provider), and the
// engine prints failure reasons as they are: an ExternalId must never be echoed back.
function show(v: unknown, property = ""): string {
    if (typeof v === "string" && /(^|\.)externalId$/.test(property)) return `[secret, ${[...v].length} characters]`;
    if (typeof v === "string") return JSON.stringify(v.length > 80 ? v.slice(0, 77) + "..." : v);
    return JSON.stringify(v, (key, x) => (key === "externalId" && typeof x === "string" ? "[secret]" : x));
}

function oneOf(list: readonly string[]): string {
    return list.map((x) => `"${x}"`).join(", ");
}

// A plain object of closures rather than a class: the provider is serialized into state with
// Pulumi's closure serializer, which does not carry class field initializers across.
export type Validator = ReturnType<typeof validator>;

export function validator() {
    const failures: Failure[] = [];
    const v = {
        failures,
        fail(property: string, value: unknown, rule: string): void {
            failures.push({ property, reason: `${property} ${rule} (received: ${show(value, property)})` });
        },
        /** Runs `fn` only when the value is present and known: unknowns are checked at apply time. */
        known<T>(value: T | undefined, fn: (v: T) => void): void {
            if (value === undefined || value === null || isUnknown(value)) return;
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
            if (value === undefined || value === null || isUnknown(value)) return false;
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

const TOP_LEVEL_KEYS = [
    "userPoolId",
    "region",
    "deletePolicy",
    "mfaConfiguration",
    "smsMfaConfiguration",
    "softwareTokenMfaConfiguration",
    "emailMfaConfiguration",
    "webAuthnConfiguration",
] as const;

/**
 * Checks inputs against every rule of SetUserPoolMfaConfig that can be known without calling AWS.
 * Values that are unknown during preview are skipped, and so are rules that depend on them.
 * Returns one failure per broken rule, each naming the property, the value and what is allowed.
 */
export function validate(inputs: Record<string, unknown>): Failure[] {
    const v = validator();
    // `__provider` and other engine-internal keys start with "__".
    const userKeys = Object.fromEntries(Object.entries(inputs).filter(([k]) => !k.startsWith("__")));
    v.noExtraKeys("", userKeys, TOP_LEVEL_KEYS);

    if (inputs.userPoolId === undefined || inputs.userPoolId === null) {
        v.fail("userPoolId", inputs.userPoolId, "is required: the id of an existing user pool, such as \"us-east-1_AbCdEf123\"");
    }
    checkPoolAndRegion(v, inputs.userPoolId, inputs.region);
    v.enumeration("deletePolicy", inputs.deletePolicy, DELETE_POLICIES);

    if (inputs.mfaConfiguration === undefined || inputs.mfaConfiguration === null) {
        v.fail("mfaConfiguration", inputs.mfaConfiguration, `is required: one of ${oneOf(MFA_MODES)}`);
    }
    v.enumeration("mfaConfiguration", inputs.mfaConfiguration, MFA_MODES);

    const sms = inputs.smsMfaConfiguration;
    if (v.object("smsMfaConfiguration", sms)) {
        v.noExtraKeys("smsMfaConfiguration", sms, ["smsAuthenticationMessage", "smsConfiguration"]);
        v.string("smsMfaConfiguration.smsAuthenticationMessage", sms.smsAuthenticationMessage, {
            min: 6,
            max: 140,
            pattern: /\{####\}/,
            patternText: "contain the code placeholder {####}, for example \"Your code is {####}\"",
        });
        const cfg = sms.smsConfiguration;
        if (cfg === undefined || cfg === null) {
            v.fail("smsMfaConfiguration.smsConfiguration", cfg, "is required with SMS MFA: give snsCallerArn and externalId of the role Cognito assumes to send SMS");
        }
        if (v.object("smsMfaConfiguration.smsConfiguration", cfg)) {
            v.noExtraKeys("smsMfaConfiguration.smsConfiguration", cfg, ["snsCallerArn", "externalId", "snsRegion"]);
            if (cfg.snsCallerArn === undefined || cfg.snsCallerArn === null) {
                v.fail("smsMfaConfiguration.smsConfiguration.snsCallerArn", cfg.snsCallerArn, "is required: the ARN of the IAM role Cognito assumes to publish SMS through SNS");
            }
            v.string("smsMfaConfiguration.smsConfiguration.snsCallerArn", cfg.snsCallerArn, {
                min: 20,
                max: 2048,
                pattern: ARN_PATTERN,
                patternText: "be an IAM role ARN such as \"arn:aws:iam::123456789012:role/cognito-sms\"",
            });
            v.known(cfg.snsCallerArn, (arn) => {
                if (typeof arn === "string" && ARN_PATTERN.test(arn) && !/^arn:[^:]+:iam::\d+:role\//.test(arn)) {
                    v.fail("smsMfaConfiguration.smsConfiguration.snsCallerArn", arn, "must be the ARN of an IAM role (arn:<partition>:iam::<account>:role/<name>)");
                }
            });
            // AWS: "Value null at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null".
            if (cfg.externalId === undefined || cfg.externalId === null || cfg.externalId === "") {
                v.fail("smsMfaConfiguration.smsConfiguration.externalId", cfg.externalId, "is required with SMS MFA and must equal the sts:ExternalId condition in the role's trust policy");
            }
            // 1224 is the longest value an sts:ExternalId condition can match.
            v.string("smsMfaConfiguration.smsConfiguration.externalId", cfg.externalId, { max: 1224 });
            v.string("smsMfaConfiguration.smsConfiguration.snsRegion", cfg.snsRegion, {
                min: 5,
                max: 32,
                pattern: REGION_PATTERN,
                patternText: "be an AWS Region code such as \"us-east-1\"",
            });
        }
    }

    const totp = inputs.softwareTokenMfaConfiguration;
    if (v.object("softwareTokenMfaConfiguration", totp)) {
        v.noExtraKeys("softwareTokenMfaConfiguration", totp, ["enabled"]);
        if (totp.enabled === undefined || totp.enabled === null) {
            v.fail("softwareTokenMfaConfiguration.enabled", totp.enabled, "is required: true to offer authenticator apps (TOTP), false or no block to turn them off");
        }
        v.known(totp.enabled, (e) => {
            if (typeof e !== "boolean") v.fail("softwareTokenMfaConfiguration.enabled", e, "must be true or false");
        });
    }

    const email = inputs.emailMfaConfiguration;
    if (v.object("emailMfaConfiguration", email)) {
        v.noExtraKeys("emailMfaConfiguration", email, ["message", "subject"]);
        v.string("emailMfaConfiguration.message", email.message, {
            min: 6,
            max: 20000,
            pattern: EMAIL_MESSAGE_PATTERN,
            patternText: "contain the code placeholder {####}, for example \"Your sign-in code is {####}\"",
        });
        v.string("emailMfaConfiguration.subject", email.subject, {
            min: 1,
            max: 140,
            pattern: EMAIL_SUBJECT_PATTERN,
            patternText: "consist of letters, digits, punctuation, symbols and spaces",
        });
    }

    const webauthn = inputs.webAuthnConfiguration;
    if (v.object("webAuthnConfiguration", webauthn)) {
        v.noExtraKeys("webAuthnConfiguration", webauthn, ["relyingPartyId", "userVerification", "factorConfiguration"]);
        v.string("webAuthnConfiguration.relyingPartyId", webauthn.relyingPartyId, { min: 1, max: 127 });
        v.enumeration("webAuthnConfiguration.userVerification", webauthn.userVerification, USER_VERIFICATIONS);
        v.enumeration("webAuthnConfiguration.factorConfiguration", webauthn.factorConfiguration, WEBAUTHN_FACTOR_CONFIGURATIONS);
    }

    crossFieldRules(v, inputs);
    return v.failures;
}

/** The user pool id and Region rules shared by every resource that names a pool. */
export function checkPoolAndRegion(v: Validator, userPoolId: unknown, region: unknown): void {
    v.string("userPoolId", userPoolId, {
        min: 1,
        max: 55,
        pattern: USER_POOL_ID_PATTERN,
        patternText: "look like \"<region>_<id>\", for example \"us-east-1_AbCdEf123\"",
    });
    v.string("region", region, { min: 5, max: 32, pattern: REGION_PATTERN, patternText: "be an AWS Region code such as \"us-east-1\"" });
    v.known(region, (r) => {
        v.known(userPoolId, (poolId) => {
            const prefix = poolRegion(String(poolId));
            if (prefix && prefix !== r) {
                v.fail("region", r, `must be the Region the user pool lives in; pool ${poolId} is in ${prefix}. Remove region or set it to "${prefix}"`);
            }
        });
    });
}

function crossFieldRules(v: Validator, inputs: Record<string, unknown>): void {
    const mode = inputs.mfaConfiguration;
    if (typeof mode !== "string" || !MFA_MODES.includes(mode as MfaMode)) return;
    const sms = inputs.smsMfaConfiguration;
    const totp = inputs.softwareTokenMfaConfiguration as Record<string, unknown> | undefined;
    const email = inputs.emailMfaConfiguration;
    const present = (x: unknown) => x !== undefined && x !== null;

    if (mode === "OFF") {
        // AWS: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
        // A TOTP block with enabled: false says "no TOTP", which OFF already means, so it is
        // normalized away instead of refused.
        // A block still unknown during preview may resolve to nothing, so only known blocks count.
        const conflicting: [string, unknown][] = [
            ["smsMfaConfiguration", sms],
            ["emailMfaConfiguration", email],
        ];
        if (present(totp) && !isUnknown(totp) && !isUnknown(totp!.enabled) && totp!.enabled !== false) {
            conflicting.push(["softwareTokenMfaConfiguration", totp]);
        }
        for (const [prop, value] of conflicting) {
            if (!present(value) || isUnknown(value)) continue;
            // The engine prints the value of a failing top-level property next to the reason, and
            // prints secrets inside it in plaintext: an SMS block holding an ExternalId is
            // therefore reported at its nested smsConfiguration, which the engine does not print.
            const block = value as Record<string, unknown>;
            const at = prop === "smsMfaConfiguration" && typeof block === "object" && block.smsConfiguration !== undefined ? `${prop}.smsConfiguration` : prop;
            v.fail(
                at,
                at === prop ? value : block.smsConfiguration,
                `cannot be set while mfaConfiguration is "OFF": AWS refuses to turn off MFA and configure an MFA factor together. Remove ${prop}, or set mfaConfiguration to "OPTIONAL" or "ON"`,
            );
        }
        return;
    }

    // ON / OPTIONAL need a real factor. WebAuthn does not count: AWS answers
    // "Invalid MFA Configuration given. SMS MFA, Email MFA, or Software Token MFA must be enabled."
    if (containsUnknown(sms) || containsUnknown(email) || containsUnknown(totp)) return;
    const totpOn = present(totp) && totp!.enabled === true;
    if (!present(sms) && !present(email) && !totpOn) {
        v.fail(
            "mfaConfiguration",
            mode,
            `"${mode}" needs at least one MFA factor: add smsMfaConfiguration, emailMfaConfiguration or softwareTokenMfaConfiguration { enabled: true } (passkeys in webAuthnConfiguration do not count as a factor). To turn MFA off, use "OFF"`,
        );
    }
}

/** The Region a pool id names: user pool ids are `<region>_<suffix>`. */
export function poolRegion(userPoolId: string): string | undefined {
    const i = userPoolId.lastIndexOf("_");
    if (i <= 0) return undefined;
    const region = userPoolId.slice(0, i);
    return REGION_PATTERN.test(region) ? region : undefined;
}

// ---------------------------------------------------------------------------------------------
// Normalization: one canonical form for desired and live configurations

function defined<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The canonical form of an MFA configuration, used by both read and diff:
 * - with OFF, no SMS / TOTP / email block exists (AWS refuses them and stores none);
 * - TOTP `enabled: false` is the same as no TOTP block (Get returns either);
 * - an empty WebAuthn block is no WebAuthn management at all;
 * - empty optional members are dropped.
 * An empty email block stays: it means "email MFA with Cognito's default texts".
 */
export function normalize(config: MfaConfig): MfaConfig {
    const out: MfaConfig = { mfaConfiguration: config.mfaConfiguration };
    const off = config.mfaConfiguration === "OFF";
    if (!off && config.smsMfaConfiguration) {
        const sms = config.smsMfaConfiguration;
        out.smsMfaConfiguration = defined({
            smsAuthenticationMessage: sms.smsAuthenticationMessage,
            smsConfiguration: defined({ ...sms.smsConfiguration }),
        });
    }
    if (!off && config.softwareTokenMfaConfiguration?.enabled === true) {
        out.softwareTokenMfaConfiguration = { enabled: true };
    }
    if (!off && config.emailMfaConfiguration) {
        out.emailMfaConfiguration = defined({ ...config.emailMfaConfiguration });
    }
    if (config.webAuthnConfiguration) {
        const w = defined({ ...config.webAuthnConfiguration });
        if (Object.keys(w).length > 0) out.webAuthnConfiguration = w;
    }
    return out;
}

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
