// The catalogue of what the conformance test holds against the models: every member of
// SetUserPoolMfaConfigRequest (found by walking botocore's structure and pairing it with
// MFA_CONFIG by API name, so a new member cannot be missed), and the SnsCallerRole inputs with
// the IAM/STS members they become. For each: where validate() reports it, the valid inputs it is
// tested inside, real examples, a generator of a value of any length (for the boundaries) and
// one of random valid values (for the round trips).
import { Deviation, DEVIATIONS } from "../../provider/common/deviations";
import { PARTITIONS } from "../../provider/common/partitions";
import { USER_POOL_ID_PATTERN } from "../../provider/common/regions";
import { TAG_KEY_PATTERN, TAG_VALUE_PATTERN } from "../../provider/common/tags";
import { memberPaths } from "../../provider/common/shape";
import { Failure } from "../../provider/common/validator";
import { GENERATE_EXTERNAL_ID, POLICY_ARN_PATTERN } from "../../provider/snsCallerRole/model";
import { ROLE_INPUTS as ROLE_INPUTS_SHAPE } from "../../provider/snsCallerRole/generated";
import { validateRoleInputs } from "../../provider/snsCallerRole/validate";
import { MFA_CONFIG } from "../../provider/userPoolMfaConfig/shape";
import { validateInputs } from "../../provider/userPoolMfaConfig/validate";
import { loadModel, memberOf, ModelShape, Service, walk } from "./botocore";
import { Rng } from "./probes";

export const POOL_REGION = "us-east-1";
export const POOL = `${POOL_REGION}_AbCdEf123`;
export const ROLE_ARN = "arn:aws:iam::123456789012:role/cognito-sms";
const EXTERNAL_ID = "cognito-external-id";

/** What a target's validation said about one input. */
export interface Verdict {
    /** The failures at the target's own property (other properties' failures are not its business). */
    failures: Failure[];
    /** The warnings about the target's own property. */
    warnings: string[];
    /** Every failure of the inputs, for the sanity check that the inputs around the value are valid. */
    allFailures: Failure[];
}

/** Passed to `run` for "leave the member out". */
export const ABSENT: unique symbol = Symbol("absent");

export interface Target {
    /** For messages: `<service> <Shape.Member> as <our path>`. */
    label: string;
    service: Service;
    /** The model member, `Shape.Member`. */
    key: string;
    /** The model member's own shape. */
    shapeName: string;
    shape: ModelShape;
    modelRequired: boolean;
    /** Where validation reports the member (a key of the inputs, dotted). */
    path: string;
    /** Runs validation with the member set to `value` inside valid inputs. */
    run(value: unknown): Verdict;
    /** The deviations of deviations.ts that concern this target. */
    deviations: Deviation[];
    /** The RegExp this package matches the member with, to hold against Java directly. */
    ourPattern?: RegExp;
    /** Real, valid examples (the test checks them against the model first). */
    seeds: string[];
    /** A value of `n` code points, valid for the model's pattern where the pattern allows that length. */
    make?(n: number): string;
    /** Whether the required test applies; the reason when it does not. */
    requiredTest: true | string;
    /** Whether the type test (a value of the wrong type) applies; the reason when it does not. */
    typeTest: true | string;
    /** Inputs that are not values of the member, and why (they are left out of the comparison). */
    notValues?: { values: readonly string[]; reason: string };
}

// ---------------------------------------------------------------------------------------------
// UserPoolMfaConfig

type Inputs = Record<string, unknown>;
const clone = <T>(x: T): T => structuredClone(x);

/** Valid inputs around a member, by the path of the block it is in (our names). */
const CONTEXTS: Record<string, Inputs> = (() => {
    const base = { userPoolId: POOL, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };
    return {
        "": base,
        smsMfaConfiguration: { ...base, smsMfaConfiguration: {} },
        // Each SMS path with its required siblings: an SNS role with its ExternalId, or EUMS with its role.
        "smsMfaConfiguration.smsConfiguration": {
            ...base,
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: ROLE_ARN, externalId: EXTERNAL_ID } },
        },
        "smsMfaConfiguration.smsConfiguration.eumsSms": {
            ...base,
            smsMfaConfiguration: { smsConfiguration: { eumsSms: { callerArn: ROLE_ARN } } },
        },
        softwareTokenMfaConfiguration: base,
        emailMfaConfiguration: { ...base, emailMfaConfiguration: {} },
        webAuthnConfiguration: { ...base, webAuthnConfiguration: {} },
    };
})();

function parentOf(path: string): string {
    const i = path.lastIndexOf(".");
    return i < 0 ? "" : path.slice(0, i);
}

function setAt(inputs: Inputs, path: string, value: unknown): Inputs {
    const keys = path.split(".");
    let at = inputs;
    for (const k of keys.slice(0, -1)) at = at[k] as Inputs;
    const last = keys[keys.length - 1];
    if (value === ABSENT) delete at[last];
    else at[last] = value;
    return inputs;
}

function contextOf(path: string): Inputs {
    const context = CONTEXTS[path in CONTEXTS ? path : parentOf(path)];
    if (!context) throw new Error(`conformance: no context for ${path} (add its block to CONTEXTS)`);
    return clone(context);
}

/** The inputs a member is tested inside: its block's context, with the member set to `value`. */
export function mfaInputs(path: string, value: unknown): Inputs {
    return setAt(contextOf(path), path, value);
}

/** The member's value in the context it is tested in (undefined where the context has none). */
export function contextValue(path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((at, k) => (at !== null && typeof at === "object" ? (at as Inputs)[k] : undefined), contextOf(path));
}

function verdictAt(result: { failures: Failure[]; warnings: string[] }, path: string): Verdict {
    return {
        failures: result.failures.filter((f) => f.property === path),
        warnings: result.warnings.filter((w) => w.startsWith(`${path} `)),
        allFailures: result.failures,
    };
}

const PARTITION_IDS = PARTITIONS.map((p) => p.id);
const roleArns = [
    ROLE_ARN,
    "arn:aws:iam::123456789012:role/service-role/cognito-sms",
    ...PARTITION_IDS.filter((p) => p !== "aws").map((p) => `arn:${p}:iam::123456789012:role/sms`),
];

const alternate = (n: number, a: string, b: string) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a)).join("");

/** A value of n code points for a model shape (by name), valid for its pattern where it can be. */
const MAKERS: Record<string, (n: number) => string> = {
    UserPoolIdType: (n) => (n >= 10 ? "us-east-1_" + "A".repeat(n - 10) : n >= 3 ? "a_" + "B".repeat(n - 2) : "a".repeat(n)),
    SmsVerificationMessageType: (n) => (n >= 6 ? "{####}" + "😀".repeat(n - 6) : "😀".repeat(n)),
    // A role ARN where it fits (20 is the shortest), else the shortest ARNs, else not an ARN.
    ArnType: (n) => (n >= 20 ? "arn:aws:iam::1:role/" + "a".repeat(n - 20) : n >= 12 ? "arn:a:b::1:" + "c".repeat(n - 11) : "a".repeat(n)),
    OptionalArnType: (n) => MAKERS.ArnType(n),
    // Astral and ASCII in turn: a count in UTF-16 units would be off by half.
    StringType: (n) => alternate(n, "😀", "a"),
    RegionCodeType: (n) => alternate(n, "😀", "a"),
    RelyingPartyIdType: (n) => alternate(n, "😀", "a"),
    EmailMfaMessageType: (n) => (n >= 6 ? "{####}" + "𝒳".repeat(n - 6) : "𝒳".repeat(n)),
    EmailMfaSubjectType: (n) => "𝒳".repeat(n),
    roleNameType: (n) => "a".repeat(n),
    pathType: (n) => (n >= 3 ? "/" + "a".repeat(n - 2) + "/" : "/".repeat(n)),
    roleDescriptionType: (n) => "é".repeat(n),
    // IAM's arnType has no pattern; a managed policy's ARN from 25 code points on.
    arnType: (n) => (n >= 25 ? "arn:aws:iam::aws:policy/" + "a".repeat(n - 24) : "a".repeat(n)),
    tagKeyType: (n) => "𝒳".repeat(n),
    tagValueType: (n) => "𝒳".repeat(n),
    externalIdType: (n) => "a".repeat(n),
};

/** Real examples by model member (`Shape.Member`), or by shape name. */
const SEEDS: Record<string, string[]> = {
    UserPoolIdType: [POOL, "us-east-1_a", "eusc-de-east-1_Z9y8X7", "us-gov-west-1_AbC123"],
    "SmsMfaConfigType.SmsAuthenticationMessage": ["Your code is {####}", "{####}", "Code:\t{####} 😀", "Votre code : {####}."],
    "SmsConfigurationType.SnsCallerArn": roleArns,
    "EumsSmsConfigurationType.CallerArn": roleArns,
    "SmsConfigurationType.ExternalId": [EXTERNAL_ID, "6f1c2f1e-0b7a-4d8e-9a43-1f2d3c4b5a69"],
    "EumsSmsConfigurationType.ExternalId": [EXTERNAL_ID, "6f1c2f1e-0b7a-4d8e-9a43-1f2d3c4b5a69"],
    "SmsConfigurationType.SnsRegion": [POOL_REGION],
    "EumsSmsConfigurationType.Region": [POOL_REGION],
    "EumsSmsConfigurationType.OriginationIdentity": ["+12065550100", "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-abc"],
    "EumsSmsConfigurationType.ConfigurationSetName": ["cognito-mfa"],
    "EumsSmsConfigurationType.InEntityId": ["1101123456789012345"],
    "EumsSmsConfigurationType.InTemplateId": ["1107123456789012345"],
    "EmailMfaConfigType.Message": ["Your sign-in code is {####}", "{####}", "Code: {####}\n\nThanks,\r\nThe team ✉"],
    "EmailMfaConfigType.Subject": ["Your sign-in code", "Ünïcödé 中文 😀", "Code\t(1/2)"],
    "WebAuthnConfigurationType.RelyingPartyId": ["auth.example.com", "localhost"],
    roleNameType: ["cognito-sms", "A+=,.@_-z"],
    pathType: ["/", "/service-role/", "/a/b/c/"],
    roleDescriptionType: ["Cognito SMS role\n\tused by pool X (ü)", ""],
    "CreateRoleRequest.PermissionsBoundary": [
        "arn:aws:iam::123456789012:policy/boundary",
        "arn:aws:iam::aws:policy/PowerUserAccess",
        "arn:aws-eusc:iam::123456789012:policy/team/boundary",
    ],
    tagKeyType: ["env", "a b:c/d=e+f-g@h_i.j", "Ünïcode", "𝒳"],
    tagValueType: ["prod", "", "välue", "proj/stack/name"],
    externalIdType: ["ab", "A+=,.@:/_-z", "6f1c2f1e-0b7a-4d8e-9a43-1f2d3c4b5a69"],
};

/** Near misses and values valid for no member, which every member is also tried on. */
const EXTRA_PROBES: string[] = [
    // Not role ARNs: a user, a topic, a policy, a pool, an ARN with a resource colon.
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:sns:us-east-1:123456789012:cognito-sms",
    "arn:aws:iam::123456789012:policy/boundary",
    "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123",
    "arn:aws:iam::123456789012:role/a:b",
    // Regions that are not (case, a typo, a partition prefix).
    "US-EAST-1",
    "us-east-1 ",
    "eusc-de-east-1",
    "aws-global",
    // Tag keys IAM reserves, and the provider's own.
    "aws:cloudformation:stack-name",
    "AWS:x",
    "pulumi-cognito-mfa:owner",
    "pulumi-cognito-mfa:instance",
    // External ids STS refuses.
    "a",
    "has space",
    // Near misses of the code placeholder.
    "{###}",
    "{ #### }",
    "Your code is {####",
    "Your code is\n{####}",
    "{####}\u2028",
];
export const GLOBAL_PROBES: readonly string[] = [...new Set([...Object.values(SEEDS).flat(), ...EXTRA_PROBES, ""])];

function deviationsOf(service: Service, key: string, path: string): Deviation[] {
    return DEVIATIONS.filter((d) => d.service === service && d.member === key && (d.inputs === undefined || d.inputs.includes(path)));
}

function requireShape(service: Service, key: string) {
    const m = memberOf(loadModel(service), key);
    if (!m) throw new Error(`conformance: ${service} has no member ${key}`);
    return m;
}

/**
 * The MFA_CONFIG members paired with botocore's SetUserPoolMfaConfigRequest by API path; the
 * coverage test asserts the pairing is complete both ways.
 */
export function mfaTargets(): Target[] {
    const model = loadModel("cognito-idp");
    const ours = new Map(memberPaths(MFA_CONFIG).map((m) => [m.awsPath, m]));
    const targets: Target[] = [];
    for (const w of walk(model, "SetUserPoolMfaConfigRequest")) {
        const awsPath = w.path.join(".");
        const path = awsPath === "UserPoolId" ? "userPoolId" : ours.get(awsPath)?.path;
        if (path === undefined) continue;
        const member = ours.get(awsPath)?.member;
        targets.push({
            label: `cognito-idp ${w.key} as ${path}`,
            service: "cognito-idp",
            key: w.key,
            shapeName: w.shapeName,
            shape: w.shape,
            modelRequired: w.required,
            path,
            run: (value) => verdictAt(validateInputs(mfaInputs(path, value)), path),
            deviations: deviationsOf("cognito-idp", w.key, path),
            ourPattern: path === "userPoolId" ? USER_POOL_ID_PATTERN : member?.kind === "string" ? member.pattern : undefined,
            seeds: SEEDS[w.key] ?? SEEDS[w.shapeName] ?? [],
            make: MAKERS[w.shapeName],
            requiredTest: true,
            typeTest: true,
        });
    }
    return targets;
}

// ---------------------------------------------------------------------------------------------
// SnsCallerRole

/** Which model member each role input becomes (CreateRole, TagRole; STS's AssumeRole for the ExternalId). */
export const ROLE_INPUTS: readonly { input: string; service: Service; key: string }[] = [
    { input: "roleName", service: "iam", key: "CreateRoleRequest.RoleName" },
    { input: "namePrefix", service: "iam", key: "CreateRoleRequest.RoleName" },
    { input: "path", service: "iam", key: "CreateRoleRequest.Path" },
    { input: "description", service: "iam", key: "CreateRoleRequest.Description" },
    { input: "permissionsBoundary", service: "iam", key: "CreateRoleRequest.PermissionsBoundary" },
    { input: "tags", service: "iam", key: "CreateRoleRequest.Tags" },
    { input: "externalId", service: "sts", key: "AssumeRoleRequest.ExternalId" },
    { input: "userPoolId", service: "cognito-idp", key: "SetUserPoolMfaConfigRequest.UserPoolId" },
];

/** The pattern each input is matched with: the shape's (generated from the models), or the rule's. */
const ROLE_PATTERNS: Record<string, RegExp | undefined> = {
    ...Object.fromEntries(
        Object.entries(ROLE_INPUTS_SHAPE.members).map(([name, m]) => [name, m.kind === "string" ? m.pattern : undefined]),
    ),
    permissionsBoundary: POLICY_ARN_PATTERN,
    userPoolId: USER_POOL_ID_PATTERN,
};

const ROLE_CONTEXT: Inputs = { roleName: "cognito-sms" };

export function roleTargets(): Target[] {
    const targets: Target[] = [];
    for (const { input, service, key } of ROLE_INPUTS) {
        if (input === "tags") continue; // a list: its members are Tag.Key and Tag.Value, below
        const m = requireShape(service, key);
        // roleName and namePrefix are the two ways to give the RoleName: each is tested alone.
        const context = input === "roleName" || input === "namePrefix" ? {} : ROLE_CONTEXT;
        targets.push({
            label: `${service} ${key} as SnsCallerRole ${input}`,
            service,
            key,
            shapeName: m.shapeName,
            shape: m.shape,
            modelRequired: m.required,
            path: input,
            run: (value) => verdictAt(validateRoleInputs(value === ABSENT ? clone(context) : { ...context, [input]: value }), input),
            deviations: deviationsOf(service, key, input),
            ourPattern: ROLE_PATTERNS[input],
            seeds: SEEDS[key] ?? SEEDS[m.shapeName] ?? [],
            make: MAKERS[m.shapeName],
            requiredTest:
                input === "namePrefix"
                    ? "namePrefix is the alternative to roleName; roleName's target tests that one of them is required"
                    : input === "userPoolId"
                      ? "the role's userPoolId only narrows aws:SourceArn: optional, with the model's type"
                      : true,
            typeTest: true,
            notValues:
                input === "externalId"
                    ? { values: [GENERATE_EXTERNAL_ID], reason: 'the SnsCallerRole class\'s marker for "generate one": never sent to STS' }
                    : undefined,
        });
    }
    // A tag is a map entry: the key is the property, a key without a value is `{ k: null }`.
    const tagKey = requireShape("iam", "Tag.Key");
    targets.push({
        label: "iam Tag.Key as SnsCallerRole tags (keys)",
        service: "iam",
        key: "Tag.Key",
        shapeName: tagKey.shapeName,
        shape: tagKey.shape,
        modelRequired: tagKey.required,
        path: "tags.<key>",
        run: (value) => {
            const k = String(value);
            return verdictAt(validateRoleInputs({ ...ROLE_CONTEXT, tags: { [k]: "v" } }), `tags.${k}`);
        },
        deviations: deviationsOf("iam", "Tag.Key", "tags"),
        ourPattern: TAG_KEY_PATTERN,
        seeds: SEEDS.tagKeyType,
        make: MAKERS.tagKeyType,
        requiredTest: "a map entry always has its key",
        typeTest: "a map's keys are always strings",
    });
    const tagValue = requireShape("iam", "Tag.Value");
    targets.push({
        label: "iam Tag.Value as SnsCallerRole tags (values)",
        service: "iam",
        key: "Tag.Value",
        shapeName: tagValue.shapeName,
        shape: tagValue.shape,
        modelRequired: tagValue.required,
        path: "tags.env",
        run: (value) => verdictAt(validateRoleInputs({ ...ROLE_CONTEXT, tags: { env: value === ABSENT ? null : value } }), "tags.env"),
        deviations: deviationsOf("iam", "Tag.Value", "tags"),
        ourPattern: TAG_VALUE_PATTERN,
        seeds: SEEDS.tagValueType,
        make: MAKERS.tagValueType,
        requiredTest: true,
        typeTest: true,
    });
    return targets;
}

// ---------------------------------------------------------------------------------------------
// Random valid values (round trips)

const LETTERS = [..."abcXYZéßжλ中文𝒳ǅʰ"];
const MARKS = ["\u0301", "\u0903", "\u20DD"];
const NUMBERS = [..."0129٣½Ⅻ𝟘"];
const SYMBOLS = [..."$+<=>^`|~©€😀\u{1F3FB}"];
const PUNCTUATION = [..."!\"#%&'()*,-./:;?@[\\]_{}¿「·"];
const ASCII_SPACE = [..."\t\n\x0B\f\r "];
/** What `.` matches in Java: anything but its five line terminators (and the rest of the corpus's oddities). */
const NOT_LINE_TERMINATORS = [...LETTERS, ...MARKS, ...NUMBERS, ...SYMBOLS, ...PUNCTUATION, "\t", " ", "\u00A0", "\u3000", "\uFEFF", "\0"];
const EMAIL_CHARS = [...LETTERS, ...MARKS, ...NUMBERS, ...SYMBOLS, ...PUNCTUATION, ...ASCII_SPACE, "*"];
const SUBJECT_CHARS = [...LETTERS, ...MARKS, ...NUMBERS, ...SYMBOLS, ...PUNCTUATION, ...ASCII_SPACE];
const ANY_CHARS = [...NOT_LINE_TERMINATORS, ...ASCII_SPACE, "\u2028", "\u0085", "\u00AD"];
const ROLE_NAME_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-"];
const STS_CHARS = [...ROLE_NAME_CHARS, ":", "/"];

function draw(r: Rng, chars: readonly string[], min: number, max: number): string {
    return Array.from({ length: r.int(min, max) }, () => r.pick(chars)).join("");
}

function withCode(r: Rng, chars: readonly string[], maxRest: number): string {
    const rest = [...draw(r, chars, 0, maxRest)];
    const at = r.int(0, rest.length);
    return [...rest.slice(0, at), "{####}", ...rest.slice(at)].join("");
}

export function randomRoleArn(r: Rng): string {
    const path = r.chance(0.3) ? `${draw(r, ROLE_NAME_CHARS, 1, 12)}/` : "";
    const account = Array.from({ length: 12 }, () => r.int(0, 9)).join("");
    return `arn:${r.pick(PARTITION_IDS)}:iam::${account}:role/${path}${draw(r, ROLE_NAME_CHARS, 1, 40)}`;
}

/**
 * A random value for a string member, valid for its model shape (the test asks Java to confirm
 * each), by member and then by shape. Region members get a Region (the caller picks which).
 */
export function randomString(r: Rng, key: string, shapeName: string, region: string): string {
    switch (key) {
        case "SmsConfigurationType.ExternalId":
        case "EumsSmsConfigurationType.ExternalId":
            // Non-empty, and within STS's 1224: what an SNS path needs; anything else would only warn.
            return r.chance(0.5) ? draw(r, STS_CHARS, 2, 64) : draw(r, ANY_CHARS, 1, 40);
        case "SmsConfigurationType.SnsRegion":
        case "EumsSmsConfigurationType.Region":
            return region;
    }
    switch (shapeName) {
        case "SmsVerificationMessageType":
            return withCode(r, NOT_LINE_TERMINATORS, 134);
        case "EmailMfaMessageType":
            return withCode(r, EMAIL_CHARS, r.chance(0.1) ? 19994 : 200);
        case "EmailMfaSubjectType":
            return draw(r, SUBJECT_CHARS, 1, 140);
        case "ArnType":
        case "OptionalArnType":
            return randomRoleArn(r);
        case "RelyingPartyIdType":
            return r.chance(0.5) ? `${draw(r, [..."abcxyz019-"], 1, 20)}.example.com` : draw(r, ANY_CHARS, 1, 127);
        case "StringType":
            return draw(r, ANY_CHARS, 0, 60);
        case "UserPoolIdType":
            return `${region}_${draw(r, [..."abcXYZ0189"], 1, 20)}`;
    }
    throw new Error(`conformance: no random value for ${key} (${shapeName}): add one to randomString`);
}
