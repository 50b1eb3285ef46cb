// The pure model of the SNS caller role that Cognito assumes to send SMS: types, defaults,
// validation, the exact trust and permission documents, name and ExternalId generation, and a
// policy comparison. No AWS calls here; the only impure parts are the two random generators,
// which use node:crypto's CSPRNG.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { checkPoolAndRegion, Failure, isUnknown, validator } from "./model";

/** Resolved (plain) inputs of an SnsCallerRole. */
export interface SnsCallerRoleInputs {
    /** Exact role name; exclusive with `namePrefix`. */
    roleName?: string;
    /** Role name prefix; a suffix (derived from `__owner`, else random) is added at create. Exclusive with `roleName`. */
    namePrefix?: string;
    path?: string;
    description?: string;
    permissionsBoundary?: string;
    tags?: Record<string, string>;
    /** The `sts:ExternalId` the pool must send. Filled in by `check` when the user gives none. */
    externalId?: string;
    /** The pool the role is for; narrows `aws:SourceArn` and enables the delete guard. */
    userPoolId?: string;
    region?: string;
    /** The pool's account (`aws:SourceAccount`). */
    accountId?: string;
    /** Delete the role even while a user pool still names it as its SNS caller. */
    forceDelete?: boolean;
    /**
     * Hidden input set by the SnsCallerRole class: `<project>/<stack>/<resource name>`. It seeds
     * the generated name suffix (so a create repeated after a lost checkpoint picks the same
     * name) and is the value of the {@link ROLE_OWNER_TAG} tag, which lets create adopt its own
     * orphan. Absent in states and direct provider use from before it existed.
     */
    __owner?: string;
}

/** What an SnsCallerRole stores as outputs: the role as last read, plus bookkeeping. */
export interface SnsCallerRoleOutputs {
    arn: string;
    roleName: string;
    roleId: string;
    namePrefix?: string;
    path: string;
    description?: string;
    permissionsBoundary?: string;
    tags: Record<string, string>;
    externalId: string;
    userPoolId?: string;
    /** The Region in `aws:SourceArn` (the pool's Region). */
    region: string;
    /** The account in `aws:SourceAccount` (the pool's account). */
    accountId: string;
    /** The `aws:SourceArn` the trust policy allows. */
    sourceArn: string;
    forceDelete: boolean;
    /** The trust policy as IAM has it (decoded, compact JSON). Secret: it holds the ExternalId. */
    trustPolicy: string;
    /** The inline permission policy as IAM has it, or undefined when it is missing. */
    permissionPolicy?: string;
    policyName: string;
    /** Ready to pass as `smsMfaConfiguration.smsConfiguration` of a UserPoolMfaConfig. Secret. */
    smsConfiguration: { snsCallerArn: string; externalId: string };
    /** Which args the user set, so that `read` can give back inputs in the program's shape. */
    inputKeys: string[];
    /** The hidden `__owner` input the role was created (or last updated) with; see SnsCallerRoleInputs. */
    __owner?: string;
    /**
     * The value of the {@link ROLE_INSTANCE_TAG} tag this resource wrote (new at every create or
     * adoption): delete leaves alone a role whose tag says a newer resource has adopted it.
     */
    __instance?: string;
}

export const INPUT_KEYS = [
    "roleName",
    "namePrefix",
    "path",
    "description",
    "permissionsBoundary",
    "tags",
    "externalId",
    "userPoolId",
    "region",
    "accountId",
    "forceDelete",
] as const;

export const DEFAULT_PATH = "/";
export const COGNITO_SERVICE_PRINCIPAL = "cognito-idp.amazonaws.com";
/** Name of the inline policy that grants sns:Publish (the name CDK uses for its SMS role). */
export const PERMISSION_POLICY_NAME = "sns-publish";
/**
 * What the resource class sends for an ExternalId the user did not give. It is sent (as a
 * secret) rather than left out so that the engine marks the value `check` fills in as secret in
 * the stored inputs: the engine re-marks only keys that were secret in the inputs it sent.
 */
export const GENERATE_EXTERNAL_ID = "";
/**
 * Tag that create puts on the role: the `__owner` of the SnsCallerRole that made it (the key
 * UserPoolMfaConfig puts on pools, gateway.ts OWNER_TAG). A create that finds the role already
 * there adopts it only when this tag names the same owner. Not part of the `tags` output.
 */
export const ROLE_OWNER_TAG = "pulumi-cognito-mfa:owner";
/**
 * Tag with a random token, new at every create and adoption, kept in state as `__instance`. A
 * delete whose token is not the live one is the old half of a create-before-delete replacement
 * that adopted the role (same deterministic name), and leaves the role alone. Not in `tags` either.
 */
export const ROLE_INSTANCE_TAG = "pulumi-cognito-mfa:instance";
/** Tags the provider manages itself: kept out of the `tags` output and of its drift comparison. */
export const MANAGED_TAG_KEYS: readonly string[] = [ROLE_OWNER_TAG, ROLE_INSTANCE_TAG];

// ---------------------------------------------------------------------------------------------
// Constraints (IAM API reference for CreateRole / TagRole, STS for ExternalId)

export const ROLE_NAME_MAX = 64;
/** Length of the generated suffix added to `namePrefix` (as Terraform's name_prefix: 64 - 38). */
export const NAME_SUFFIX_LENGTH = 26;
export const NAME_PREFIX_MAX = ROLE_NAME_MAX - NAME_SUFFIX_LENGTH;
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]+$/;
export const PATH_PATTERN = /^(\u002F)$|^(\u002F[\u0021-\u007E]+\u002F)$/;
export const PATH_MAX = 512;
export const DESCRIPTION_PATTERN = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;
export const DESCRIPTION_MAX = 1000;
export const POLICY_ARN_PATTERN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/([\u0021-\u007E]*\/)?[\w+=,.@-]+$/;
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]*$/;
export const EXTERNAL_ID_MIN = 2;
export const EXTERNAL_ID_MAX = 1224;
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
export const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TAGS_MAX = 50;
/** User tags: IAM's 50 less the provider's own {@link MANAGED_TAG_KEYS}. */
export const USER_TAGS_MAX = TAGS_MAX - MANAGED_TAG_KEYS.length;

// ---------------------------------------------------------------------------------------------
// Validation

const present = (v: unknown) => v !== undefined && v !== null;


// The validator of model.ts: the same failure format, and ExternalIds never echoed back.
const checker = validator;

/**
 * Checks SnsCallerRole inputs against every IAM rule that can be known without calling AWS.
 * Unknown values (preview) are skipped. One failure per broken rule, naming the property, the
 * value received and what is allowed.
 */
export function validateRole(inputs: Record<string, unknown>): Failure[] {
    const c = checker();
    for (const [key, value] of Object.entries(inputs)) {
        // `__provider` and other engine-internal keys start with "__".
        if (key.startsWith("__") || (INPUT_KEYS as readonly string[]).includes(key)) continue;
        c.fail(key, value, `is not a known property; allowed: ${INPUT_KEYS.join(", ")}`);
    }

    const nameChars = "contain only letters, digits and + = , . @ _ -";
    if (present(inputs.roleName) && present(inputs.namePrefix)) {
        c.fail("namePrefix", inputs.namePrefix, "cannot be set together with roleName: give an exact roleName, or a namePrefix to which a generated suffix is added");
    } else if (!present(inputs.roleName) && !present(inputs.namePrefix)) {
        c.fail("roleName", inputs.roleName, "or namePrefix is required (the SnsCallerRole class defaults namePrefix to the resource name)");
    }
    c.string("roleName", inputs.roleName, { min: 1, max: ROLE_NAME_MAX, pattern: ROLE_NAME_PATTERN, patternText: nameChars });
    c.string("namePrefix", inputs.namePrefix, {
        min: 1,
        max: NAME_PREFIX_MAX,
        pattern: ROLE_NAME_PATTERN,
        patternText: nameChars,
    });
    c.string("path", inputs.path, {
        min: 1,
        max: PATH_MAX,
        pattern: PATH_PATTERN,
        patternText: 'be "/" or start and end with "/" with printable ASCII between, such as "/service-role/"',
    });
    c.string("description", inputs.description, {
        max: DESCRIPTION_MAX,
        pattern: DESCRIPTION_PATTERN,
        patternText: "contain only printable Latin-1 characters, tabs and line breaks",
    });
    c.string("permissionsBoundary", inputs.permissionsBoundary, {
        min: 20,
        max: 2048,
        pattern: POLICY_ARN_PATTERN,
        patternText: 'be the ARN of a managed policy, such as "arn:aws:iam::123456789012:policy/boundary"',
    });
    c.known(inputs.tags, (tags) => {
        if (typeof tags !== "object" || Array.isArray(tags)) return c.fail("tags", tags, "must be a map of tag keys to values");
        const entries = Object.entries(tags as Record<string, unknown>);
        // The provider's own tags count against IAM's 50 only for roles that carry them (__owner).
        const max = present(inputs.__owner) ? USER_TAGS_MAX : TAGS_MAX;
        if (entries.length > max) c.fail("tags", `${entries.length} tags`, `must have at most ${max} keys (it has ${entries.length})`);
        const seen = new Map<string, string>();
        for (const [key, value] of entries) {
            const prop = `tags.${key}`;
            if ([...key].length > 128) c.fail(prop, key, "key must be at most 128 characters long");
            else if (!TAG_KEY_PATTERN.test(key)) c.fail(prop, key, "key must contain only letters, digits, spaces and _ . : / = + - @");
            if (key.toLowerCase().startsWith("aws:")) c.fail(prop, key, 'key must not start with "aws:", which is reserved for AWS');
            if (MANAGED_TAG_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) c.fail(prop, key, "key is reserved: the provider sets it itself");
            const other = seen.get(key.toLowerCase());
            if (other !== undefined) c.fail(prop, key, `key differs only in case from "${other}"; IAM refuses such duplicates`);
            seen.set(key.toLowerCase(), key);
            c.string(prop, value, {
                max: 256,
                pattern: TAG_VALUE_PATTERN,
                patternText: "contain only letters, digits, spaces and _ . : / = + - @",
            });
        }
    });
    // An empty string is the class's "generate one" marker (GENERATE_EXTERNAL_ID), not a value.
    if (inputs.externalId !== GENERATE_EXTERNAL_ID) {
        c.string("externalId", inputs.externalId, {
            min: EXTERNAL_ID_MIN,
            max: EXTERNAL_ID_MAX,
            pattern: EXTERNAL_ID_PATTERN,
            patternText: "contain only letters, digits and + = , . @ : / _ - (the characters sts:ExternalId allows)",
        });
    }
    checkPoolAndRegion(c, inputs.userPoolId, inputs.region);
    c.string("accountId", inputs.accountId, { pattern: ACCOUNT_ID_PATTERN, patternText: "be a 12-digit AWS account id" });
    c.known(inputs.forceDelete, (f) => {
        if (typeof f !== "boolean") c.fail("forceDelete", f, "must be true or false");
    });
    return c.failures;
}

// ---------------------------------------------------------------------------------------------
// Defaults and generated values

/** A new ExternalId: a random UUID (122 random bits from the CSPRNG), well inside 2–1224 characters. */
export function generateExternalId(): string {
    return randomUUID();
}

/**
 * The inputs `check` returns: the ExternalId is filled in when the user gave none. It is taken
 * from the old inputs when they have one, so it is generated once (the first check of a new
 * resource) and then stays the same across previews, updates and replacements.
 */
export function withExternalId(olds: Partial<SnsCallerRoleInputs> | undefined, news: SnsCallerRoleInputs): SnsCallerRoleInputs {
    const given = news.externalId;
    if (present(given) && given !== GENERATE_EXTERNAL_ID) return news;
    const previous = olds?.externalId;
    const reuse = typeof previous === "string" && previous !== GENERATE_EXTERNAL_ID && !isUnknown(previous);
    return { ...news, externalId: reuse ? previous : generateExternalId() };
}

const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"; // 32 symbols: a byte maps without bias

/** A random suffix of {@link NAME_SUFFIX_LENGTH} lowercase letters and digits (CSPRNG). */
export function randomNameSuffix(): string {
    return [...randomBytes(NAME_SUFFIX_LENGTH)].map((b) => SUFFIX_ALPHABET[b % 32]).join("");
}

/** The role name for a prefix and a suffix: deterministic, so the suffix is all that must be kept. */
export function roleNameFromPrefix(prefix: string, suffix: string): string {
    return `${prefix}${suffix}`;
}

/** `namePrefix` + a new random suffix: the name of a create without an `__owner` (direct provider use). */
export function generateRoleName(prefix: string): string {
    return roleNameFromPrefix(prefix, randomNameSuffix());
}

/**
 * A {@link NAME_SUFFIX_LENGTH}-character suffix derived from the owner, the prefix and the path
 * (SHA-256, 130 bits in the same alphabet as the random one). The path is in it because a path
 * change replaces the role create-first: the new role must not get the old one's name.
 */
export function ownedNameSuffix(owner: string, prefix: string, path: string): string {
    const digest = createHash("sha256").update(`${owner}\n${prefix}\n${path}`).digest();
    return [...digest.subarray(0, NAME_SUFFIX_LENGTH)].map((b) => SUFFIX_ALPHABET[b % 32]).join("");
}

/**
 * The generated role name: `namePrefix` + a suffix that is the same for the same `__owner`,
 * prefix and path, so that a create repeated after a lost checkpoint finds (and adopts) the role
 * the first one made instead of creating a second. Without an owner, a random suffix.
 * At most {@link ROLE_NAME_MAX} characters for any valid prefix.
 */
export function roleNameFor(prefix: string, owner: string | undefined, path: string = DEFAULT_PATH): string {
    return owner ? roleNameFromPrefix(prefix, ownedNameSuffix(owner, prefix, path)) : generateRoleName(prefix);
}

/** A new token for the {@link ROLE_INSTANCE_TAG} tag. */
export function newInstanceToken(): string {
    return randomNameSuffix();
}

/** The `__owner` value for a resource: `<project>/<stack>/<name>`, as an IAM tag value (at most 256 characters of the allowed set). */
export function ownerTagValue(project: string, stack: string, resourceName: string): string {
    return `${project}/${stack}/${resourceName}`.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "_").slice(0, 256);
}

/** The default namePrefix for a resource: its name with disallowed characters as "-", then "-". */
export function defaultNamePrefix(resourceName: string): string {
    const clean = resourceName.replace(/[^\w+=,.@-]/g, "-").slice(0, NAME_PREFIX_MAX - 1);
    return `${clean}-`;
}

// ---------------------------------------------------------------------------------------------
// ARNs, partitions

export interface Arn {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

export function parseArn(arn: string): Arn | undefined {
    const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
    if (!m) return undefined;
    return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

/** The account and partition an ARN names (a role's or a pool's), or undefined. */
export function accountOf(arn: string | undefined): { accountId: string; partition: string } | undefined {
    const a = arn === undefined ? undefined : parseArn(arn);
    if (!a || !ACCOUNT_ID_PATTERN.test(a.account)) return undefined;
    return { accountId: a.account, partition: a.partition };
}

/** The partition of a Region, for when no ARN tells it. */
export function partitionOfRegion(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("us-isob-")) return "aws-iso-b";
    if (region.startsWith("us-isof-")) return "aws-iso-f";
    if (region.startsWith("eu-isoe-")) return "aws-iso-e";
    if (region.startsWith("us-iso-")) return "aws-iso";
    return "aws";
}

/** `aws:SourceArn` for a pool, or for every pool of the account in the Region (`userpool/*`). */
export function sourceArnFor(partition: string, region: string, accountId: string, userPoolId?: string): string {
    return `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${userPoolId ?? "*"}`;
}

// ---------------------------------------------------------------------------------------------
// Policy documents

export interface TrustParams {
    externalId: string;
    accountId: string;
    sourceArn: string;
}

/**
 * The trust policy AWS recommends for the SNS caller role: only Cognito may assume it, only
 * with the pool's ExternalId, and only on behalf of the pool's account and ARN (confused-deputy
 * protection). Exact JSON; key order as in AWS's documentation.
 */
export function trustPolicyDocument(p: TrustParams): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: COGNITO_SERVICE_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "sts:ExternalId": p.externalId, "aws:SourceAccount": p.accountId },
                    ArnLike: { "aws:SourceArn": p.sourceArn },
                },
            },
        ],
    });
}

/**
 * The trust policy a role is created with when the account is not yet known (no accountId, no
 * readable pool ARN): Cognito with the ExternalId only. It is replaced by
 * {@link trustPolicyDocument} right after CreateRole, whose ARN tells the account.
 */
export function bootstrapTrustPolicyDocument(externalId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: COGNITO_SERVICE_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ],
    });
}

/**
 * The inline permission policy: sns:Publish on "*". The Resource has to be "*": Cognito sends
 * SMS with Publish to phone numbers, not to topics, so there is no ARN to narrow it to, and
 * Cognito's own check of the role (InvalidSmsRoleAccessPolicyException) fails with a narrower
 * Resource (AWS CDK's SMS role carries the same comment).
 */
export const PERMISSION_POLICY_DOCUMENT = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
});

/**
 * A policy document as IAM returns it (URL-encoded by GetRole, GetRolePolicy and CreateRole),
 * as compact JSON. Text that is not URL-encoded JSON is returned as it is.
 */
export function decodePolicyDocument(doc: string): string {
    for (const candidate of [safeDecode(doc), doc]) {
        if (candidate === undefined) continue;
        try {
            return JSON.stringify(JSON.parse(candidate));
        } catch {
            /* try the next form */
        }
    }
    return doc;
}

function safeDecode(s: string): string | undefined {
    try {
        return decodeURIComponent(s);
    } catch {
        return undefined;
    }
}

/**
 * One form for equivalent policy documents: object keys sorted, a one-element array the same as
 * its element, and array elements in a fixed order (IAM treats Action, Resource, principal and
 * condition value lists, and the statements themselves, as sets).
 */
export function canonicalPolicy(doc: unknown): unknown {
    if (Array.isArray(doc)) {
        const items = doc.map(canonicalPolicy);
        if (items.length === 1) return items[0];
        return items.map((i) => [JSON.stringify(i), i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
    }
    if (doc !== null && typeof doc === "object") {
        const o = doc as Record<string, unknown>;
        return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonicalPolicy(o[k])]));
    }
    return doc;
}

function parsePolicy(doc: string | object): unknown {
    if (typeof doc !== "string") return doc;
    return JSON.parse(decodePolicyDocument(doc));
}

/**
 * True when two policy documents say the same thing, ignoring whitespace, key order, URL
 * encoding, the order of list elements and single values vs one-element lists. A missing or
 * unparsable document equals nothing.
 */
export function policiesEqual(a: string | object | undefined, b: string | object | undefined): boolean {
    if (a === undefined || b === undefined) return false;
    try {
        return JSON.stringify(canonicalPolicy(parsePolicy(a))) === JSON.stringify(canonicalPolicy(parsePolicy(b)));
    } catch {
        return false;
    }
}

// ---------------------------------------------------------------------------------------------
// Tags and inputs

/** The tags without the provider's own ({@link MANAGED_TAG_KEYS}): what the `tags` output holds. */
export function userTagsOf(tags: Record<string, string> | undefined): Record<string, string> {
    return Object.fromEntries(Object.entries(tags ?? {}).filter(([k]) => !MANAGED_TAG_KEYS.includes(k)));
}

/** True when the user tags are the same; the provider's own tags ({@link MANAGED_TAG_KEYS}) are not drift. */
export function tagsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
    const x = userTagsOf(a);
    const y = userTagsOf(b);
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const k of keys) if (x[k] !== y[k]) return false;
    return true;
}

/** The args the user set (present and not the generate marker), in a fixed order. */
export function inputKeysOf(inputs: SnsCallerRoleInputs): string[] {
    const o = inputs as Record<string, unknown>;
    return INPUT_KEYS.filter((k) => present(o[k]));
}
