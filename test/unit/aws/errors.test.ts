// Unit tests of AwsCallError: every message says what failed, where, the AWS error and a fix.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
    ConcurrentModificationException,
    InvalidParameterException,
    InvalidSmsRoleTrustRelationshipException,
    ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "../../../provider/aws/errors";
import { awsError } from "../fakes";

const POOL = "us-east-1_AbCdEf123";
const TARGET = `user pool ${POOL} in us-east-1`;
const SET = "SetUserPoolMfaConfig";
const GET = "GetUserPoolMfaConfig";

interface ErrorCase {
    name: string;
    operation: string;
    err: unknown;
    awsName: string;
    awsMessage: string;
    /** Substrings of the fix. */
    fix: string[];
}

const cases: ErrorCase[] = [
    {
        name: "ResourceNotFoundException: the pool does not exist; never created",
        operation: GET,
        err: new ResourceNotFoundException({ message: `User pool ${POOL} does not exist.`, $metadata: {} }),
        awsName: "ResourceNotFoundException",
        awsMessage: `User pool ${POOL} does not exist.`,
        fix: ["does not exist in this Region", "userPoolId and region", "never creates one"],
    },
    {
        name: "NotAuthorizedException on Set: the cognito-idp action, or iam:PassRole on the SMS role",
        operation: SET,
        err: awsError("NotAuthorizedException", "User is not authorized"),
        awsName: "NotAuthorizedException",
        awsMessage: "User is not authorized",
        fix: ["cognito-idp:SetUserPoolMfaConfig", "iam:PassRole on the SMS role", "snsCallerArn or eumsSms.callerArn"],
    },
    {
        name: "NotAuthorizedException on a read names only the cognito-idp action (no role is passed)",
        operation: GET,
        err: awsError("NotAuthorizedException", "User is not authorized"),
        awsName: "NotAuthorizedException",
        awsMessage: "User is not authorized",
        fix: ["Grant the caller cognito-idp:GetUserPoolMfaConfig"],
    },
    {
        name: "AccessDeniedException names the IAM action of the operation",
        operation: GET,
        err: awsError("AccessDeniedException", "not authorized to perform: cognito-idp:GetUserPoolMfaConfig"),
        awsName: "AccessDeniedException",
        awsMessage: "not authorized to perform",
        fix: ["Grant the caller cognito-idp:GetUserPoolMfaConfig"],
    },
    {
        name: "UnrecognizedClientException: bad credentials",
        operation: GET,
        err: awsError("UnrecognizedClientException", "The security token included in the request is invalid."),
        awsName: "UnrecognizedClientException",
        awsMessage: "security token",
        fix: ["credentials are not valid", "AWS_PROFILE"],
    },
    {
        name: "ExpiredTokenException: refresh credentials",
        operation: SET,
        err: awsError("ExpiredTokenException", "The security token included in the request is expired"),
        awsName: "ExpiredTokenException",
        awsMessage: "expired",
        fix: ["credentials have expired", "aws sso login"],
    },
    {
        name: "InvalidSmsRoleTrustRelationshipException: trust policy, ExternalId, and a deleted role (A8, nx-plugin #631)",
        operation: SET,
        err: new InvalidSmsRoleTrustRelationshipException({
            message: "Role does not have a trust relationship allowing Cognito to assume the role",
            $metadata: {},
        }),
        awsName: "InvalidSmsRoleTrustRelationshipException",
        awsMessage: "Role does not have a trust relationship allowing Cognito to assume the role",
        fix: [
            "smsConfiguration.snsCallerArn",
            "cognito-idp.amazonaws.com",
            "sts:ExternalId",
            "smsConfiguration.externalId",
            "role has been deleted",
            "propagating",
        ],
    },
    {
        name: "InvalidSmsRoleAccessPolicyException: sns:Publish on *",
        operation: SET,
        err: awsError("InvalidSmsRoleAccessPolicyException", "Role does not have permission to publish with SNS"),
        awsName: "InvalidSmsRoleAccessPolicyException",
        awsMessage: "publish with SNS",
        fix: ["sns:Publish", '"*"', "no Condition on the Allow", "sms-voice:SendTextMessage", "eumsSms.originationIdentity"],
    },
    {
        name: "FeatureUnavailableInTierException: Essentials tier (A12, A13)",
        operation: SET,
        err: awsError(
            "FeatureUnavailableInTierException",
            "The following features need to be disabled for the LITE pricing tier configured: Passwordless Sign-In",
        ),
        awsName: "FeatureUnavailableInTierException",
        awsMessage: "LITE pricing tier",
        fix: ["Essentials tier", "UserPoolTier", "emailMfaConfiguration / webAuthnConfiguration"],
    },
    {
        name: "TooManyRequestsException after retries",
        operation: GET,
        err: awsError("TooManyRequestsException", "Rate exceeded"),
        awsName: "TooManyRequestsException",
        awsMessage: "Rate exceeded",
        fix: ["Still throttled", "--parallel"],
    },
    {
        name: "ConcurrentModificationException after retries",
        operation: SET,
        err: new ConcurrentModificationException({ message: "Concurrent modification", $metadata: {} }),
        awsName: "ConcurrentModificationException",
        awsMessage: "Concurrent modification",
        fix: ["Another change to this user pool", "run again"],
    },
    {
        name: "OperationNotEnabledException: replica Region",
        operation: SET,
        err: awsError("OperationNotEnabledException", "Operation not enabled"),
        awsName: "OperationNotEnabledException",
        awsMessage: "Operation not enabled",
        fix: ["primary Region"],
    },
    {
        name: "InternalErrorException",
        operation: GET,
        err: awsError("InternalErrorException", "Internal error"),
        awsName: "InternalErrorException",
        awsMessage: "Internal error",
        fix: ["internal error; run again"],
    },
    // InvalidParameterException: the fix depends on the message (aws-mfa-api.md §3).
    {
        name: "InvalidParameterException: OFF together with a factor (A2, lgallard #74, TF #46801)",
        operation: SET,
        err: new InvalidParameterException({
            message: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
            $metadata: {},
        }),
        awsName: "InvalidParameterException",
        awsMessage: "can't turn off MFA and configure an MFA together",
        fix: ['With mfaConfiguration "OFF" no SMS, TOTP or email factor may be configured'],
    },
    {
        name: "InvalidParameterException: ON/OPTIONAL without a factor (A1, aws-sdk-js #4186)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "can't disable all MFAs",
        fix: ['"ON" or "OPTIONAL" needs an SMS, TOTP or email factor'],
    },
    {
        name: "InvalidParameterException: only WebAuthn with ON (A3, cdkd #1920)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Invalid MFA Configuration given. SMS MFA, Email MFA, or Software Token MFA must be enabled.",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "must be enabled",
        fix: ['"ON" or "OPTIONAL" needs an SMS, TOTP or email factor'],
    },
    {
        name: "InvalidParameterException: sticky pool SMS configuration (A6, amplify-backend #1481)",
        operation: SET,
        err: awsError("InvalidParameterException", "Can't turn off SMS_MFA when SMS configuration is set for the user pool"),
        awsName: "InvalidParameterException",
        awsMessage: "Can't turn off SMS_MFA",
        fix: ["must include smsMfaConfiguration", "cannot be removed"],
    },
    {
        name: "InvalidParameterException: email MFA with COGNITO_DEFAULT sending (A12)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "COGNITO_DEFAULT",
        fix: ["Amazon SES", "EmailSendingAccount to DEVELOPER"],
    },
    {
        name: "InvalidParameterException: ON with EMAIL_OTP or SMS_OTP first factors (cdkd)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "Only PASSWORD and WEB_AUTHN",
        fix: ['"ON" cannot be combined with EMAIL_OTP or SMS_OTP', "AllowedFirstAuthFactors", '"OPTIONAL"'],
    },
    {
        name: "InvalidParameterException: WEB_AUTHN first factor with SINGLE_FACTOR passkeys (cdkd #2064)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth factor",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "SINGLE_FACTOR if MFA is required",
        fix: ['factorConfiguration to "MULTI_FACTOR_WITH_USER_VERIFICATION"', "counts as SINGLE_FACTOR", '"OPTIONAL"'],
    },
    {
        name: "InvalidParameterException: WEB_AUTHN not configured for MFA (terraform-provider-aws #50110)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "WEB_AUTHN cannot be used as an auth factor when MFA is enabled if not configured for MFA",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "WEB_AUTHN cannot be used",
        fix: ['"MULTI_FACTOR_WITH_USER_VERIFICATION"', "remove WEB_AUTHN"],
    },
    {
        name: "InvalidParameterException: reserved relying-party domain",
        operation: SET,
        err: awsError("InvalidParameterException", "RelyingPartyId cannot be reserved domain other than User Pool's prefix domain"),
        awsName: "InvalidParameterException",
        awsMessage: "RelyingPartyId cannot be reserved domain",
        fix: ["webAuthnConfiguration.relyingPartyId", "<prefix>.auth.<region>.amazoncognito.com", "custom domain"],
    },
    {
        name: "InvalidParameterException: account recovery with verified_phone_number (aws-cdk #11478)",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Invalid account recovery setting parameter. Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured.",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "Invalid account recovery setting parameter",
        fix: ["AccountRecoverySetting", "documents SMS MFA with verified_phone_number recovery as valid", "aws-cdk #11478"],
    },
    {
        name: "InvalidParameterException: phone auto verification needs an SMS configuration (terraform-provider-aws #28294)",
        operation: SET,
        err: awsError("InvalidParameterException", "SMS configuration is required when phone_number is selected for auto verification"),
        awsName: "InvalidParameterException",
        awsMessage: "phone_number is selected for auto verification",
        fix: ["AutoVerifiedAttributes", "include smsMfaConfiguration"],
    },
    {
        name: "InvalidParameterException: other messages get a generic hint",
        operation: SET,
        err: awsError(
            "InvalidParameterException",
            "Value null at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null",
        ),
        awsName: "InvalidParameterException",
        awsMessage: "Value null at 'smsConfiguration.externalId'",
        fix: ["refused as invalid", "names the member"],
    },
];

describe("AwsCallError: operation, target, AWS error and fix", () => {
    for (const c of cases) {
        test(c.name, () => {
            const e = new AwsCallError(c.operation, TARGET, c.err, POOL);
            assert.ok(e instanceof Error);
            assert.equal(e.name, "AwsCallError");
            assert.equal(e.operation, c.operation);
            assert.equal(e.awsErrorName, c.awsName);
            assert.equal(e.userPoolId, POOL);
            assert.ok(e.message.startsWith(`${c.operation} on ${TARGET} failed: ${c.awsName}: `), e.message);
            assert.ok(e.message.includes(POOL), e.message);
            assert.ok(e.message.includes(c.awsMessage), e.message);
            for (const f of c.fix) assert.ok(e.message.includes(f), `fix should mention ${JSON.stringify(f)}: ${e.message}`);
        });
    }

    test("exact message layout: '<op> on <target> failed: <name>: <aws message>. <fix>'", () => {
        const e = new AwsCallError(SET, TARGET, awsError("OperationNotEnabledException", "Operation not enabled"), POOL);
        assert.equal(
            e.message,
            `${SET} on ${TARGET} failed: OperationNotEnabledException: Operation not enabled. MFA settings cannot be changed in this Region for this pool (for example a replica Region): manage them in the pool's primary Region.`,
        );
    });

    test("an unknown error name gets no fix appended", () => {
        const e = new AwsCallError(SET, TARGET, awsError("SomethingNewException", "new failure"), POOL);
        assert.equal(e.message, `${SET} on ${TARGET} failed: SomethingNewException: new failure`);
        assert.equal(e.awsErrorName, "SomethingNewException");
    });

    test("a thrown non-Error is shown as text, named Error", () => {
        const e = new AwsCallError(GET, TARGET, "socket hang up");
        assert.equal(e.message, `${GET} on ${TARGET} failed: Error: socket hang up`);
        assert.equal(e.awsErrorName, "Error");
        assert.equal(e.userPoolId, undefined);
    });

    test("an Error carrying only a code is named by the code", () => {
        const e = new AwsCallError(GET, TARGET, Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), POOL);
        assert.equal(e.awsErrorName, "ECONNRESET");
        assert.ok(e.message.includes("failed: ECONNRESET: read ECONNRESET"), e.message);
    });

    test("every known name gets a fix right after the full AWS message", () => {
        for (const c of cases) {
            const base = `${c.operation} on ${TARGET} failed: ${c.awsName}: ${(c.err as Error).message}`;
            const msg = new AwsCallError(c.operation, TARGET, c.err, POOL).message;
            assert.ok(msg.startsWith(`${base}. `) && msg.length > base.length + 20, msg);
        }
    });
});
