// What the account walk read about one pool, for the pure rules: each read's answer, or why it
// could not be made. Nothing here calls AWS.
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { RolePermissionPolicy } from "../aws/iam";
import type { MfaConfig } from "../userPoolMfaConfig/model";
import type { SmsSendingRead } from "../userPoolMfaConfig/smsDeliveryPreflight";

/** A read that failed: the IAM action it needed and the AWS answer. */
export interface FailedRead {
    /** e.g. "cognito-idp:GetUserPoolMfaConfig". */
    action: string;
    /** The AWS error name, e.g. "AccessDeniedException". */
    errorName: string;
    /** The whole error message (with its fix). */
    message: string;
    /** Whether the answer means a missing permission. */
    accessDenied: boolean;
}

export type RoleFacts =
    | { arn: string; trustPolicy: string; permissionPolicies?: RolePermissionPolicy[]; policiesError?: FailedRead }
    | { arn: string; missing: true }
    | { arn: string; error: FailedRead }
    /** The role is in another account than the pool's: IAM reads roles by name in the caller's own account. */
    | { arn: string; otherAccount: string };

export interface PoolFacts {
    userPoolId: string;
    name: string;
    region: string;
    /** DescribeUserPool's UserPool, or why it could not be read. */
    pool?: UserPoolType;
    poolError?: FailedRead;
    /** GetUserPoolMfaConfig, or why it could not be read. */
    mfa?: MfaConfig;
    mfaError?: FailedRead;
    /** The SMS role the MFA configuration names, when it names one and MFA is not OFF. */
    role?: RoleFacts;
    /** The account's SMS sending state in the SNS Region, when SMS MFA goes through Amazon SNS. */
    sms?: SmsSendingRead;
}
