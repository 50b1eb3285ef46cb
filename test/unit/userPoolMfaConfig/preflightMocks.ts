// aws-sdk-client-mock set-up for the pre-flight tests: answers the read-only calls of
// provider/userPoolMfaConfig/preflight.ts from a pool (DescribeUserPool shape) and a role fixture, and lists the
// commands that were sent, so tests can assert that nothing but reads happened.
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    GetUserPoolMfaConfigCommandOutput,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
    GetPolicyCommand,
    GetPolicyVersionCommand,
    GetRoleCommand,
    GetRolePolicyCommand,
    IAMClient,
    ListAttachedRolePoliciesCommand,
    ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import {
    DescribeAccountAttributesCommand,
    DescribeSpendLimitsCommand,
    PinpointSMSVoiceV2Client,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { RoleFixture } from "./badInputCatalogue";

export const cognitoMock = mockClient(CognitoIdentityProviderClient);
export const iamMock = mockClient(IAMClient);
export const snsMock = mockClient(SNSClient);
export const smsVoiceMock = mockClient(PinpointSMSVoiceV2Client);

/** Every operation the pre-flight may call. */
export const READ_ONLY_COMMANDS = [
    "DescribeUserPoolCommand",
    "GetUserPoolMfaConfigCommand",
    "GetRoleCommand",
    "ListRolePoliciesCommand",
    "GetRolePolicyCommand",
    "ListAttachedRolePoliciesCommand",
    "GetPolicyCommand",
    "GetPolicyVersionCommand",
    "GetSMSSandboxAccountStatusCommand",
    "GetSMSAttributesCommand",
    "DescribeAccountAttributesCommand",
    "DescribeSpendLimitsCommand",
];

import { awsError } from "../fakes";

export { awsError };

export function resetMocks(): void {
    cognitoMock.reset();
    iamMock.reset();
    snsMock.reset();
    smsVoiceMock.reset();
    mockSmsState();
}

/**
 * Answers the SMS delivery reads (Amazon SNS, End User Messaging SMS). The default, an account out of the SMS sandbox
 * whose GetSMSAttributes names no MonthlySpendLimit, makes no warning.
 */
export function mockSmsState(state: { inSandbox?: boolean; attributes?: Record<string, string> } = {}): void {
    snsMock.on(GetSMSSandboxAccountStatusCommand).resolves({ IsInSandbox: state.inSandbox ?? false });
    snsMock.on(GetSMSAttributesCommand).resolves({ attributes: state.attributes ?? {} });
    // End User Messaging SMS: no account attribute and no spend limit answered, so no warning
    // (test/integration/smsDelivery.test.ts reads them from the emulator).
    smsVoiceMock.on(DescribeAccountAttributesCommand).resolves({ AccountAttributes: [] });
    smsVoiceMock.on(DescribeSpendLimitsCommand).resolves({ SpendLimits: [] });
}

/** The names of the commands sent to Cognito and IAM, in order per client. */
export function sentCommands(): string[] {
    return [...cognitoMock.calls(), ...iamMock.calls()].map((c) => (c.args[0] as object).constructor.name);
}

/** Answers DescribeUserPool with `pool` (null: ResourceNotFoundException). */
export function mockPool(pool: UserPoolType | null): void {
    if (pool === null) {
        cognitoMock.on(DescribeUserPoolCommand).rejects(awsError("ResourceNotFoundException", "User pool does not exist."));
    } else {
        cognitoMock.on(DescribeUserPoolCommand).resolves({ UserPool: pool });
    }
}

/**
 * Answers GetUserPoolMfaConfig with `mfa` (default: a fresh pool's `{ MfaConfiguration: "OFF" }`).
 * Mocked because moto (5.2.3) ignores WebAuthnConfiguration: it can never answer with a live
 * FactorConfiguration, which is what the WEB_AUTHN rule reads.
 */
export function mockMfa(mfa: Partial<GetUserPoolMfaConfigCommandOutput> = { MfaConfiguration: "OFF" }): void {
    cognitoMock.on(GetUserPoolMfaConfigCommand).resolves(mfa);
}

/** Answers the IAM reads for one role (policy documents URL-encoded, as IAM returns them). */
export function mockRole(roleName: string, role: RoleFixture | "missing", account = "123456789012"): void {
    if (role === "missing") {
        iamMock.on(GetRoleCommand).rejects(awsError("NoSuchEntityException", `The role with name ${roleName} cannot be found.`));
        return;
    }
    const enc = (doc: object) => encodeURIComponent(JSON.stringify(doc));
    iamMock.on(GetRoleCommand, { RoleName: roleName }).resolves({
        Role: {
            RoleName: roleName,
            RoleId: "AROAEXAMPLE",
            Arn: `arn:aws:iam::${account}:role/${roleName}`,
            Path: "/",
            CreateDate: new Date(0),
            AssumeRolePolicyDocument: enc(role.trust),
        },
    });
    const inline = role.inline ?? {};
    iamMock.on(ListRolePoliciesCommand, { RoleName: roleName }).resolves({ PolicyNames: Object.keys(inline), IsTruncated: false });
    for (const [name, doc] of Object.entries(inline)) {
        iamMock
            .on(GetRolePolicyCommand, { RoleName: roleName, PolicyName: name })
            .resolves({ RoleName: roleName, PolicyName: name, PolicyDocument: enc(doc) });
    }
    const managed = role.managed ?? {};
    iamMock.on(ListAttachedRolePoliciesCommand, { RoleName: roleName }).resolves({
        AttachedPolicies: Object.keys(managed).map((arn) => ({ PolicyArn: arn, PolicyName: arn.split("/").pop() })),
        IsTruncated: false,
    });
    for (const [arn, doc] of Object.entries(managed)) {
        iamMock.on(GetPolicyCommand, { PolicyArn: arn }).resolves({ Policy: { Arn: arn, DefaultVersionId: "v3" } });
        iamMock
            .on(GetPolicyVersionCommand, { PolicyArn: arn, VersionId: "v3" })
            .resolves({ PolicyVersion: { VersionId: "v3", IsDefaultVersion: true, Document: enc(doc) } });
    }
}
