// The Pulumi package schema of the provider plugin (package "cognito-mfa"), built from the same
// description of the API as validation and mapping: the UserPoolMfaConfig configuration types are
// walked from MFA_CONFIG (userPoolMfaConfig/shape.ts) member by member, with its docs, enums and
// `secret` flags. SnsCallerRole has no API structure of that kind (its arguments are a role's
// settings, not one request), so its properties are listed here, keyed by the model's INPUT_KEYS
// and output names (test/unit/plugin/schema.test.ts holds them against each other).
// scripts/gen-plugin-schema.mjs writes it to provider/plugin/schema.json, which `pulumi package
// gen-sdk` reads; the plugin serves the same object (GetSchema). Pure.
import type { Member, StructureMember } from "../common/shape";
import { DELETE_POLICIES, DEFAULT_DELETE_POLICY } from "../userPoolMfaConfig/model";
import { MFA_CONFIG } from "../userPoolMfaConfig/shape";
import { DEFAULT_PATH, DEFAULT_SENDER, INPUT_KEYS, SMS_SENDERS } from "../snsCallerRole/model";

export const PACKAGE = "cognito-mfa";
export const MFA_TOKEN = `${PACKAGE}:index:UserPoolMfaConfig`;
export const ROLE_TOKEN = `${PACKAGE}:index:SnsCallerRole`;

/** A property of the schema (the subset this package uses). */
export interface SchemaProperty {
    type?: "string" | "boolean" | "integer" | "number" | "object" | "array";
    $ref?: string;
    additionalProperties?: SchemaProperty;
    items?: SchemaProperty;
    description?: string;
    secret?: boolean;
    replaceOnChanges?: boolean;
    default?: unknown;
}

export interface ObjectType {
    type: "object";
    description: string;
    properties: Record<string, SchemaProperty>;
    required?: string[];
}

export interface EnumType {
    type: "string";
    description: string;
    enum: { value: string; name?: string }[];
}

export interface ResourceSchema {
    description: string;
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs: string[];
    properties: Record<string, SchemaProperty>;
    required: string[];
}

export interface PackageSchema {
    name: string;
    displayName: string;
    version: string;
    description: string;
    license: string;
    keywords: string[];
    provider: { description: string };
    types: Record<string, ObjectType | EnumType>;
    resources: Record<string, ResourceSchema>;
    language: Record<string, Record<string, unknown>>;
}

const ref = (name: string) => `#/types/${PACKAGE}:index:${name}`;

/** Enum type names by the member's API name (the values come from shape.ts). */
const ENUM_NAMES: Record<string, string> = {
    MfaConfiguration: "MfaMode",
    UserVerification: "UserVerification",
    FactorConfiguration: "WebAuthnFactorConfiguration",
};

/** The object and enum types of MFA_CONFIG, keyed by token; returns the property that refers to `m`. */
function addMember(types: PackageSchema["types"], m: Member): SchemaProperty {
    const base: SchemaProperty = { description: m.doc, ...(m.secret ? { secret: true } : {}) };
    switch (m.kind) {
        case "string":
            return { type: "string", ...base };
        case "boolean":
            return { type: "boolean", ...base };
        case "enum": {
            const name = ENUM_NAMES[m.aws] ?? m.aws;
            types[`${PACKAGE}:index:${name}`] = { type: "string", description: m.doc, enum: m.values.map((value) => ({ value })) };
            return { $ref: ref(name), ...base };
        }
        case "structure":
            types[`${PACKAGE}:index:${m.aws}`] = objectType(types, m);
            return { $ref: ref(m.aws), ...base };
    }
}

function objectType(types: PackageSchema["types"], s: StructureMember): ObjectType {
    const properties = Object.fromEntries(Object.entries(s.members).map(([name, m]) => [name, addMember(types, m)]));
    const required = Object.entries(s.members)
        .filter(([, m]) => m.required)
        .map(([name]) => name);
    return { type: "object", description: s.doc, properties, ...(required.length ? { required } : {}) };
}

function userPoolMfaConfig(types: PackageSchema["types"]): ResourceSchema {
    const config = Object.fromEntries(Object.entries(MFA_CONFIG.members).map(([name, m]) => [name, addMember(types, m)]));
    types[`${PACKAGE}:index:DeletePolicy`] = {
        type: "string",
        description: "What deleting the resource does to the pool's MFA configuration.",
        enum: DELETE_POLICIES.map((value) => ({ value })),
    };
    const inputs: Record<string, SchemaProperty> = {
        userPoolId: {
            type: "string",
            description: "The id of an existing user pool, e.g. us-east-1_AbCdEf123. Changing it replaces the resource.",
            replaceOnChanges: true,
        },
        region: {
            type: "string",
            description:
                "The pool's Region. Default: the Region in userPoolId, then the AWS SDK's chain (AWS_REGION, the profile). Changing it replaces the resource.",
        },
        deletePolicy: {
            $ref: ref("DeletePolicy"),
            description: `On delete: "reset" sets MFA to OFF (default), "restore" puts back what was adopted at create, "retain" leaves the pool as it is.`,
            default: DEFAULT_DELETE_POLICY,
        },
        ...config,
    };
    const required = Object.entries(MFA_CONFIG.members)
        .filter(([, m]) => m.required)
        .map(([name]) => name);
    return {
        description:
            "The MFA configuration of an existing Amazon Cognito user pool, managed through SetUserPoolMfaConfig / GetUserPoolMfaConfig. Creating it adopts the pool's current configuration (and writes only if it differs); `pulumi refresh` reads it back field by field; `pulumi import` takes the pool id.",
        inputProperties: inputs,
        requiredInputs: ["userPoolId", ...required],
        properties: { ...inputs, region: { type: "string", description: "The pool's Region." } },
        required: ["userPoolId", "region", "deletePolicy", ...required],
    };
}

const str = (description: string, more: Partial<SchemaProperty> = {}): SchemaProperty => ({ type: "string", description, ...more });

function snsCallerRole(types: PackageSchema["types"]): ResourceSchema {
    types[`${PACKAGE}:index:SmsSender`] = {
        type: "string",
        description: "What Cognito sends SMS through with the role.",
        enum: SMS_SENDERS.map((value) => ({ value })),
    };
    const inputs: Record<(typeof INPUT_KEYS)[number], SchemaProperty> = {
        roleName: str(
            "The exact role name (1-64 letters, digits and +=,.@_-), unique in the account; not with namePrefix. Changing it replaces the role.",
        ),
        namePrefix: str(
            'Prefix of a generated role name (at most 38 characters); the suffix is derived from the project, stack and resource name, the prefix and the path. Default: the resource name followed by "-". Changing it replaces the role.',
        ),
        path: str(`The role's IAM path, / or /<text>/ (up to 512 characters). Default "${DEFAULT_PATH}". Changing it replaces the role.`),
        description: str("The role's description, up to 1000 characters."),
        permissionsBoundary: str("ARN of a managed policy to use as the role's permissions boundary."),
        tags: { type: "object", additionalProperties: { type: "string" }, description: "IAM tags of the role (at most 48)." },
        externalId: str(
            "The sts:ExternalId Cognito must present (2-1224 characters of letters, digits and +=,.@:/_-); the pool's smsConfiguration.externalId must be the same. Default: a random UUID generated once and kept in state.",
            { secret: true },
        ),
        userPoolId: str(
            "The user pool that will send SMS with this role: narrows aws:SourceArn to the pool, supplies the account, and lets delete refuse while the pool still uses the role.",
        ),
        region: str("The Region in aws:SourceArn (the pool's Region). Default: the Region in userPoolId, then the AWS SDK's chain."),
        accountId: str("The 12-digit account of the user pool, for aws:SourceAccount and aws:SourceArn."),
        forceDelete: { type: "boolean", description: "Delete the role even when its user pool still names it as its SMS caller." },
        sender: {
            $ref: ref("SmsSender"),
            description: `"sns" (Amazon SNS, sns:Publish) or "eumsSms" (AWS End User Messaging SMS, sms-voice:SendTextMessage). Default "${DEFAULT_SENDER}".`,
        },
        originationIdentity: str(
            'With sender "eumsSms": the ARN of the phone number, sender ID or phone pool that sms-voice:SendTextMessage is scoped to.',
        ),
    };
    const outputs: Record<string, SchemaProperty> = {
        ...inputs,
        arn: str("The role's ARN: the pool's smsConfiguration.snsCallerArn (or eumsSms.callerArn)."),
        roleName: str("The role's name (with its generated suffix when namePrefix was used)."),
        roleId: str("The role's unique id (AROA...)."),
        path: str("The role's IAM path."),
        tags: inputs.tags,
        externalId: inputs.externalId,
        region: str("The Region in aws:SourceArn."),
        accountId: str("The account in aws:SourceAccount."),
        sourceArn: str("The aws:SourceArn the trust policy allows."),
        forceDelete: inputs.forceDelete,
        trustPolicy: str("The trust policy as IAM has it (compact JSON).", { secret: true }),
        permissionPolicy: str("The inline permission policy as IAM has it; absent when it was removed out of band."),
    };
    return {
        description:
            'The IAM role Amazon Cognito assumes to send SMS (through Amazon SNS, or AWS End User Messaging SMS with sender "eumsSms"): trust for cognito-idp.amazonaws.com with sts:ExternalId, aws:SourceAccount and aws:SourceArn conditions, and an inline sns:Publish (or sms-voice:SendTextMessage) policy.',
        inputProperties: inputs,
        requiredInputs: [],
        properties: outputs,
        required: [
            "arn",
            "roleName",
            "roleId",
            "path",
            "tags",
            "externalId",
            "region",
            "accountId",
            "sourceArn",
            "forceDelete",
            "trustPolicy",
        ],
    };
}

/** The package schema for this version of the package. */
export function packageSchema(version: string): PackageSchema {
    const types: PackageSchema["types"] = {};
    const resources = { [MFA_TOKEN]: userPoolMfaConfig(types), [ROLE_TOKEN]: snsCallerRole(types) };
    return {
        name: PACKAGE,
        displayName: "Cognito MFA",
        version,
        description: "The MFA configuration of an existing Amazon Cognito user pool, and the IAM role Cognito assumes to send SMS.",
        license: "Apache-2.0",
        keywords: ["pulumi", "aws", "cognito", "mfa", "category/cloud"],
        provider: {
            description: "The cognito-mfa provider. AWS credentials and the Region come from the AWS SDK's chain (environment, profile).",
        },
        types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
        resources,
        language: {
            nodejs: { packageName: "@pulumi-cognito-mfa/sdk" },
            python: { packageName: "pulumi_cognito_mfa" },
            go: { importBasePath: "example.com/pulumi-cognito-mfa/sdk/go/cognitomfa", generateResourceContainerTypes: false },
        },
    };
}

/**
 * The paths that are secret in a resource's inputs or outputs by the schema (`secret: true`),
 * following the object types: e.g. "smsMfaConfiguration.smsConfiguration.externalId".
 */
export function schemaSecretPaths(schema: PackageSchema, token: string, which: "inputProperties" | "properties"): string[] {
    const out: string[] = [];
    const walk = (props: Record<string, SchemaProperty>, prefix: string, seen: Set<string>) => {
        for (const [name, p] of Object.entries(props)) {
            const path = prefix ? `${prefix}.${name}` : name;
            if (p.secret) out.push(path);
            const t = p.$ref ? schema.types[p.$ref.replace(/^#\/types\//, "")] : undefined;
            if (t && "properties" in t && !seen.has(p.$ref!)) walk(t.properties, path, new Set([...seen, p.$ref!]));
        }
    };
    walk(schema.resources[token][which], "", new Set());
    return out;
}
