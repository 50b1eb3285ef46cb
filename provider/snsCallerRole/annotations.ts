// What SnsCallerRole decides about its inputs: which model member each becomes (CreateRole's, and
// STS's AssumeRole for the ExternalId), which is secret, the words of its failures, its docs'
// prose and defaults. scripts/generate.mjs reads it with the models and deviations.ts and writes
// generated.ts (the shape validate.ts checks the members with, and SnsCallerRoleArgs with its
// JSDoc) and the argument table of docs/sns-caller-role.md. The lengths and patterns come from the
// models: the prose here does not repeat them. The rules between inputs, tags and the pool are in validate.ts. Data only.
import type { ResourceAnnotations } from "../common/shape";

const NAME_CHARS = "contain only letters, digits and + = , . @ _ -";

export const ANNOTATIONS: ResourceAnnotations = {
    service: "iam",
    shapeName: "ROLE_INPUTS",
    argsDoc: "The SnsCallerRole inputs that are members of IAM's and STS's models.",
    argsName: "SnsCallerRoleArgs",
    argsTypeDoc: 'Arguments of {@link SnsCallerRole}. All are optional: `new SnsCallerRole("sms")` makes a working role.',
    docsFile: "docs/sns-caller-role.md",
    members: {
        roleName: {
            from: "iam CreateRoleRequest.RoleName",
            patternText: NAME_CHARS,
            docs: "The exact role name, unique in the account. Cannot be combined with `namePrefix`. Changing it replaces the role.",
            default: "none: `namePrefix` + a generated suffix",
        },
        namePrefix: {
            from: "iam CreateRoleRequest.RoleName",
            patternText: NAME_CHARS,
            doc: "The start of a generated role name.",
            docs: "Prefix of a generated name; the 26-character suffix is derived from the project, stack and resource name (and the path), so a create interrupted by a crash finds and adopts its own role (tagged `pulumi-cognito-mfa:owner`) instead of making a second one. Changing it replaces the role.",
            default: "the resource name followed by `-`",
        },
        path: {
            from: "iam CreateRoleRequest.Path",
            patternText: 'be "/" or start and end with "/" with printable ASCII between, such as "/service-role/"',
            docs: "The role's IAM path, `/` or `/<text>/`. Changing it replaces the role.",
            default: '`"/"`',
        },
        description: {
            from: "iam CreateRoleRequest.Description",
            patternText: "contain only printable Latin-1 characters, tabs and line breaks",
            default: "no description",
        },
        permissionsBoundary: {
            from: "iam CreateRoleRequest.PermissionsBoundary",
            default: "none",
        },
        externalId: {
            from: "sts AssumeRoleRequest.ExternalId",
            secret: true,
            patternText: "contain only letters, digits and + = , . @ : / _ - (the characters sts:ExternalId allows)",
            docs: "The `sts:ExternalId` Cognito must present; the pool's `smsConfiguration.externalId` must be the same.",
            default: "a random UUID, generated once and kept in state (also across replacements)",
        },
        forceDelete: {
            kind: "boolean",
            doc: "Delete the role even while its user pool still names it.",
            docs: "Delete the role even while its user pool still names it (which breaks the pool's SMS). Delete uses the value in state: run `pulumi up` after setting it.",
            default: "`false`",
        },
        sender: {
            values: ["sns", "eumsSms"],
            typeName: "SmsSender",
            valuesName: "SMS_SENDERS",
            doc: "What Cognito sends SMS through with the role: Amazon SNS or AWS End User Messaging SMS.",
            docs: 'What Cognito sends SMS through with this role: `"sns"` (Amazon SNS) or `"eumsSms"` (AWS End User Messaging SMS). It chooses the inline policy above and the shape of `smsConfiguration`. Changing it swaps the inline policy in place (the new one is written, then the old one deleted); the role is not replaced.',
            default: '`"sns"`',
        },
    },
    extra: {
        tags: {
            tsType: "Record<string, pulumi.Input<string>>",
            typeText: "map of strings",
            doc: "IAM tags of the role.",
            docs: "At most 48: IAM's 50 less the provider's own `pulumi-cognito-mfa:owner` and `pulumi-cognito-mfa:instance`, which are reserved keys and are not in the `tags` output. Keys 1–128 characters, not starting with `aws:`, not differing only in case; values up to 256 and required (`\"\"` for an empty one).",
            default: "none",
        },
        userPoolId: {
            tsType: "string",
            typeText: "user pool id",
            doc: "The user pool that will send SMS with the role.",
            docs: "Narrows `aws:SourceArn` to this pool, supplies the account for `aws:SourceAccount`, and lets delete refuse while the pool still uses the role.",
            default: "any pool of the account in `region` (`userpool/*`), no delete guard",
        },
        region: {
            tsType: "string",
            typeText: "Region code",
            doc: "The Region in `aws:SourceArn`.",
            docs: "The Region in `aws:SourceArn` (the pool's Region; IAM itself is global).",
            default: "the Region in `userPoolId`, then `aws:region`, then the SDK's chain",
        },
        accountId: {
            tsType: "string",
            typeText: "12 digits",
            doc: "The account for `aws:SourceAccount` and `aws:SourceArn`.",
            docs: "The 12-digit account for `aws:SourceAccount` and `aws:SourceArn`.",
            default: "the account in the pool's ARN (DescribeUserPool) when `userPoolId` is given, else the role's own account",
        },
        originationIdentity: {
            tsType: "string",
            typeText: "ARN",
            doc: "With sender eumsSms: the ARN sms-voice:SendTextMessage is scoped to.",
            docs: 'Only with `sender: "eumsSms"`: the ARN of the phone number, sender ID or phone pool that `sms-voice:SendTextMessage` is scoped to (an ARN, since a phone number cannot scope an IAM policy). It is passed on in `smsConfiguration.eumsSms.originationIdentity`, as AWS requires when the policy is scoped.',
            default: 'none: `"*"` in the policy',
        },
    },
};
