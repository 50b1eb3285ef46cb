// The pure model of the SMS role that Cognito assumes to send SMS (through Amazon SNS, or AWS End
// User Messaging SMS with sender "eumsSms"): types, defaults,
// constraints, name and ExternalId generation, tags. Validation is in validate.ts, the policy
// documents in policies.ts. No AWS calls here; the only impure parts are the random generators,
// which use node:crypto's CSPRNG.
import { createHash, randomBytes, randomUUID } from "node:crypto";
export { COGNITO_SERVICE_PRINCIPAL } from "../common/policyEvaluation";
import { OWNER_TAG_KEY } from "../common/tags";
import { isUnknown } from "../common/unknown";
import { present } from "../common/validator";

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
    /** What Cognito sends SMS through with the role: Amazon SNS (default) or End User Messaging SMS. */
    sender?: SmsSender;
    /** With sender "eumsSms": the ARN sms-voice:SendTextMessage is scoped to (default "*"). */
    originationIdentity?: string;
    /**
     * Hidden input set by the SnsCallerRole class: `<project>/<stack>/<resource name>`. It seeds
     * the generated name suffix (so a create repeated after a lost checkpoint picks the same
     * name) and is the value of the {@link OWNER_TAG_KEY} tag, which lets create adopt its own
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
    /** Stored only when not the default "sns" (0.1.0's roles have none). */
    sender?: SmsSender;
    originationIdentity?: string;
    // Bookkeeping under `__` names, which the engine never displays in a diff:
    /** The name of the inline permission policy this resource wrote, when not its sender's (see policies.ts). */
    __policyName?: string;
    /** Which args the user set, so that `read` can give back inputs in the program's shape. */
    __inputKeys?: string[];
    /** The hidden `__owner` input the role was created (or last updated) with; see SnsCallerRoleInputs. */
    __owner?: string;
    /**
     * The value of the {@link ROLE_INSTANCE_TAG} tag this resource wrote (new at every create or
     * adoption): delete leaves alone a role whose tag says a newer resource has adopted it.
     */
    __instance?: string;
}

/**
 * The names 0.1.0 stored the bookkeeping under. A role written by 0.1.0 keeps them until its next
 * update, so that a refresh after upgrading reports no change.
 */
export interface LegacyRoleBookkeeping {
    policyName?: string;
    inputKeys?: string[];
    /**
     * `{ snsCallerArn, externalId }` or `{ eumsSms: … }`, secret: 0.1.0 stored it as an output.
     * SnsCallerRole.smsConfiguration now builds it from `arn`, `externalId` and the args, so a new
     * state leaves it out (330 bytes of ciphertext); read keeps it where a state has it.
     */
    smsConfiguration?: RoleSmsConfiguration;
}

/** What Cognito sends SMS through: Amazon SNS (SnsCallerArn) or End User Messaging SMS (EumsSms.CallerArn). */
import type { SmsSender } from "./generated";
export type { SmsSender } from "./generated";
export { SMS_SENDERS } from "./generated";
export const DEFAULT_SENDER: SmsSender = "sns";

/** A role's `smsConfiguration` output, for one of the two paths. */
export type RoleSmsConfiguration =
    { snsCallerArn: string; externalId: string } | { eumsSms: { callerArn: string; externalId: string; originationIdentity?: string } };

/**
 * What UserPoolMfaConfig's `smsConfiguration` takes for a role, on its sender's path:
 * `{ snsCallerArn, externalId }`, or with sender "eumsSms" `{ eumsSms: { callerArn, externalId,
 * originationIdentity? } }` (0.1.0 stored it as an output; SnsCallerRole.smsConfiguration builds it).
 */
export function smsConfigurationOf(role: {
    sender?: SmsSender;
    arn: string;
    externalId: string;
    originationIdentity?: string;
}): RoleSmsConfiguration {
    const { arn, externalId, originationIdentity } = role;
    if (role.sender === "eumsSms")
        return { eumsSms: { callerArn: arn, externalId, ...(originationIdentity ? { originationIdentity } : {}) } };
    return { snsCallerArn: arn, externalId };
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
    "sender",
    "originationIdentity",
] as const;

export const DEFAULT_PATH = "/";
/** Name of the inline policy that grants sns:Publish (the name CDK uses for its SMS role). */
export const PERMISSION_POLICY_NAME = "sns-publish";
/** Name of the inline policy that grants sms-voice:SendTextMessage (sender "eumsSms"). */
export const EUMS_PERMISSION_POLICY_NAME = "sms-voice-send-text-message";
/**
 * What the resource class sends for an ExternalId the user did not give. It is sent (as a
 * secret) rather than left out so that the engine marks the value `check` fills in as secret in
 * the stored inputs: the engine re-marks only keys that were secret in the inputs it sent.
 */
export const GENERATE_EXTERNAL_ID = "";
/**
 * Tag with a random token, new at every create and adoption, kept in state as `__instance`. A
 * delete whose token is not the live one is the old half of a create-before-delete replacement
 * that adopted the role (same deterministic name), and leaves the role alone. Not in `tags` either.
 */
export const ROLE_INSTANCE_TAG = "pulumi-cognito-mfa:instance";
/** Tags the provider manages itself: kept out of the `tags` output and of its drift comparison. */
export const MANAGED_TAG_KEYS: readonly string[] = [OWNER_TAG_KEY, ROLE_INSTANCE_TAG];

// ---------------------------------------------------------------------------------------------
// Constraints (IAM API reference for CreateRole / TagRole; the ExternalId's are in common/externalId.ts)

export const ROLE_NAME_MAX = 64;
/** Length of the generated suffix added to `namePrefix` (as Terraform's name_prefix: 64 - 38). */
export const NAME_SUFFIX_LENGTH = 26;
export const NAME_PREFIX_MAX = ROLE_NAME_MAX - NAME_SUFFIX_LENGTH;
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]+$/;
export const PATH_PATTERN = /^(\u002F)$|^(\u002F[\u0021-\u007E]+\u002F)$/;
export const PATH_MAX = 512;
// IAM's own pattern for a role description: tab, line feed and carriage return are allowed.
// eslint-disable-next-line no-control-regex
export const DESCRIPTION_PATTERN = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;
export const DESCRIPTION_MAX = 1000;
export const POLICY_ARN_PATTERN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/([\u0021-\u007E]*\/)?[\w+=,.@-]+$/;
export const TAGS_MAX = 50;
/** User tags: IAM's 50 less the provider's own {@link MANAGED_TAG_KEYS}. */
export const USER_TAGS_MAX = TAGS_MAX - MANAGED_TAG_KEYS.length;

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

/** The default namePrefix for a resource: its name with disallowed characters as "-", then "-". */
export function defaultNamePrefix(resourceName: string): string {
    const clean = resourceName.replace(/[^\w+=,.@-]/g, "-").slice(0, NAME_PREFIX_MAX - 1);
    return `${clean}-`;
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
