// Every deliberate deviation of this package's validation from AWS's own service models (the
// botocore models of cognito-idp 2016-04-18, iam 2010-05-08 and sts 2011-06-15 that
// tools/moto-requirements.txt pins into .venv), in one table, each with its reason and source.
// test/conformance walks the models member by member and fails on any difference not declared
// here, so a model upgrade that changes a constraint or brings a new member fails until the code
// (or this table) follows.

export interface Deviation {
    /** The botocore service whose model it is. */
    service: "cognito-idp" | "iam" | "sts";
    /** `Shape.Member` in that model, e.g. "SmsConfigurationType.SnsCallerArn" (just `Shape` for the structure). */
    member: string;
    /** What differs: requiredness, a length bound, the pattern (what values pass), or members that are left out. */
    aspect: "required" | "min" | "max" | "pattern" | "members";
    /** What the model says. */
    model: string;
    /** What this package does instead. */
    ours: string;
    /** "failure": check refuses what the model allows; "warning": check only says so. */
    level: "failure" | "warning";
    reason: string;
    source: string;
}

export const DEVIATIONS: readonly Deviation[] = [
    // --- cognito-idp: SetUserPoolMfaConfig --------------------------------------------------
    {
        service: "cognito-idp",
        member: "SetUserPoolMfaConfigRequest.MfaConfiguration",
        aspect: "required",
        model: "optional",
        ours: "required",
        level: "failure",
        reason: "An omitted MfaConfiguration turns MFA OFF; a program that leaves it out has almost always not meant that.",
        source: "go-to-k/cdkd issues 1923 and 1968 (measured against AWS, 2026); ../shared/reference/aws-mfa-api.md §2.1",
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.SnsCallerArn",
        aspect: "min",
        model: "0 (OptionalArnType)",
        ours: "20, as ArnType",
        level: "failure",
        reason: "An empty ARN names no role; the member is optional only because EumsSms is the alternative, and leaving it out (not sending it empty) is how that is said.",
        source: "botocore cognito-idp SmsConfigurationType.EumsSms documentation; the API reference of SmsConfigurationType before EumsSms (SnsCallerArn 20-2048, required)",
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.SnsCallerArn",
        aspect: "pattern",
        model: "any ARN, or empty",
        ours: "the ARN of an IAM role (arn:<partition>:iam::<account>:role/<name>)",
        level: "failure",
        reason: "It is the role Cognito assumes; any other kind of ARN fails with InvalidSmsRoleTrustRelationshipException at apply.",
        source: 'botocore cognito-idp SmsConfigurationType.SnsCallerArn documentation ("the ARN of the IAM role")',
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.SnsCallerArn",
        aspect: "required",
        model: "optional",
        ours: "exactly one of SnsCallerArn and EumsSms in an SmsConfiguration",
        level: "failure",
        reason: "The API documents the two paths as exclusive alternatives: provide one, not both; an SmsConfiguration with neither names no sender.",
        source: 'botocore cognito-idp SmsConfigurationType.EumsSms documentation ("provide either ... SnsCallerArn or this configuration, but not both")',
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.ExternalId",
        aspect: "required",
        model: "optional",
        ours: "required with SnsCallerArn",
        level: "failure",
        reason: "SMS MFA with an SNS role fails without it.",
        source: "aws-cloudformation/cfn-lint issue 237 (\"Value null at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null\"); Terraform aws_cognito_user_pool external_id is required",
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.ExternalId",
        aspect: "max",
        model: "131072 (StringType)",
        ours: "1224",
        level: "failure",
        reason: "Cognito puts the value in its sts:AssumeRole call, and STS's ExternalId is at most 1224 characters.",
        source: "botocore sts externalIdType (2-1224); AWS CDK user-pool.ts (cuts its generated ExternalId to 1223 for this reason)",
    },
    {
        service: "cognito-idp",
        member: "SmsConfigurationType.ExternalId",
        aspect: "pattern",
        model: "any string (StringType, 0-131072)",
        ours: "warns outside STS's externalIdType (2-1224 of [\\w+=,.@:/-])",
        level: "warning",
        reason: "STS refuses such a value in AssumeRole; whether Cognito refuses it at SetUserPoolMfaConfig is not documented.",
        source: "botocore sts externalIdType; ../shared/reference/rules-evidence.md M6",
    },
    {
        service: "cognito-idp",
        member: "EumsSmsConfigurationType.ExternalId",
        aspect: "max",
        model: "131072 (StringType)",
        ours: "1224",
        level: "failure",
        reason: "As SmsConfigurationType.ExternalId: it goes into the sts:AssumeRole call for CallerArn.",
        source: "botocore cognito-idp EumsSmsConfigurationType.ExternalId documentation; botocore sts externalIdType",
    },
    {
        service: "cognito-idp",
        member: "EumsSmsConfigurationType.ExternalId",
        aspect: "pattern",
        model: "any string (StringType, 0-131072)",
        ours: "warns outside STS's externalIdType (2-1224 of [\\w+=,.@:/-])",
        level: "warning",
        reason: "As SmsConfigurationType.ExternalId.",
        source: "botocore sts externalIdType",
    },
    {
        service: "cognito-idp",
        member: "EumsSmsConfigurationType.CallerArn",
        aspect: "pattern",
        model: "any ARN",
        ours: "the ARN of an IAM role",
        level: "failure",
        reason: "It is the role Cognito assumes to call sms-voice:SendTextMessage.",
        source: "botocore cognito-idp EumsSmsConfigurationType.CallerArn documentation",
    },
    {
        service: "cognito-idp",
        member: "EumsSmsConfigurationType.Region",
        aspect: "pattern",
        model: "any 5-32 characters",
        ours: "the user pool's Region only",
        level: "failure",
        reason: "AWS accepts only the pool's own Region here.",
        source: 'botocore cognito-idp EumsSmsConfigurationType.Region documentation ("Amazon Cognito rejects any other value with an InvalidParameterException")',
    },
    {
        service: "cognito-idp",
        member: "EmailMfaConfigType.Subject",
        aspect: "max",
        model: "none",
        ours: "warns above 140",
        level: "warning",
        reason: "CloudFormation documents 1-140 for the same subject; the API model sets no limit, so a longer one is said, not refused.",
        source: "CloudFormation AWS::Cognito::UserPool EmailAuthenticationSubject (1-140)",
    },
    // --- iam: the SMS role (CreateRole, TagRole, PutRolePolicy) ------------------------------
    {
        service: "iam",
        member: "CreateRoleRequest.PermissionsBoundary",
        aspect: "pattern",
        model: "any ARN (arnType)",
        ours: "the ARN of a managed policy (arn:<partition>:iam::<account or aws>:policy/...)",
        level: "failure",
        reason: "A permissions boundary is a managed policy; IAM refuses any other ARN at CreateRole.",
        source: 'IAM User Guide, Permissions boundaries for IAM entities ("you use a managed policy")',
    },
    {
        service: "iam",
        member: "CreateRoleRequest.RoleName",
        aspect: "max",
        model: "64",
        ours: "64 for roleName; 38 for namePrefix, which gets a 26-character suffix",
        level: "failure",
        reason: "The generated name must fit IAM's 64 characters.",
        source: "Terraform name_prefix for aws_iam_role (the same 38 + 26 split)",
    },
    {
        service: "iam",
        member: "CreateRoleRequest.Tags",
        aspect: "max",
        model: "50 (tagListType)",
        ours: "48",
        level: "failure",
        reason: "The role carries two tags of the provider's own (pulumi-cognito-mfa:owner and :instance).",
        source: "provider/snsCallerRole/model.ts MANAGED_TAG_KEYS",
    },
    {
        service: "iam",
        member: "Tag.Key",
        aspect: "pattern",
        model: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
        ours: "also refuses keys starting with aws:, the two reserved keys, and keys that differ only in case",
        level: "failure",
        reason: "IAM refuses the aws: prefix and case-insensitive duplicates; the reserved keys are the provider's.",
        source: "IAM User Guide, Tagging IAM resources (tag naming rules)",
    },
    {
        service: "iam",
        member: "CreateRoleRequest",
        aspect: "members",
        model: "AssumeRolePolicyDocument, MaxSessionDuration",
        ours: "not inputs",
        level: "failure",
        reason: "The trust policy is written by the resource (Cognito, ExternalId, SourceAccount, SourceArn); Cognito's sessions need no longer duration than IAM's default.",
        source: "Developer Guide, SMS message settings for Amazon Cognito user pools (the recommended trust policy)",
    },
];
