// The Pulumi package schema of the provider plugin (package "cognito-mfa"), built from the same
// description of the API as validation and mapping: the UserPoolMfaConfig configuration types are
// walked from MFA_CONFIG (userPoolMfaConfig/shape.ts) member by member, with its docs, enums and
// `secret` flags; SnsCallerRole's inputs from its generated ROLE_INPUTS and argument docs (the
// IAM and STS members, and the resource's own arguments), keyed by the model's INPUT_KEYS; its
// outputs are listed here (test/unit/plugin/schema.test.ts holds them against each other).
// scripts/gen-plugin-schema.mjs writes it to provider/plugin/schema.json, which `pulumi package
// gen-sdk` reads; the plugin serves the same object (GetSchema). Pure.
import type { Member, StructureMember } from "../common/shape";
import { DELETE_POLICIES, DEFAULT_DELETE_POLICY } from "../userPoolMfaConfig/model";
import { MFA_CONFIG } from "../userPoolMfaConfig/shape";
import { ANNOTATIONS as ROLE_ANNOTATIONS } from "../snsCallerRole/annotations";
import { ROLE_INPUTS, SNS_CALLER_ROLE_ARGS_DOCS } from "../snsCallerRole/generated";
import { INPUT_KEYS, SMS_SENDERS } from "../snsCallerRole/model";

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
    // The model's members (type, enum, secret) from ROLE_INPUTS, the resource's own from
    // ANNOTATIONS.extra; every description is the argument's JSDoc (generated.ts).
    const inputs = Object.fromEntries(
        INPUT_KEYS.map((key): [string, SchemaProperty] => {
            const description = SNS_CALLER_ROLE_ARGS_DOCS[key];
            const m = (ROLE_INPUTS.members as Record<string, Member>)[key];
            if (m?.kind === "enum") return [key, { $ref: ref("SmsSender"), description }];
            if (m) return [key, { ...addMember(types, m), description }];
            const x = ROLE_ANNOTATIONS.extra?.[key];
            if (x?.tsType?.startsWith("Record<string"))
                return [key, { type: "object", additionalProperties: { type: "string" }, description }];
            if (x?.tsType === "string") return [key, str(description)];
            throw new Error(`SnsCallerRole input ${key}: no model member and no string or map argument in annotations.ts`);
        }),
    ) as Record<(typeof INPUT_KEYS)[number], SchemaProperty>;
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
