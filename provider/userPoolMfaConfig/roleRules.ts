// Pre-flight rules on the SMS role that smsConfiguration names, as IAM has it (trust policy and
// permission policies): what Cognito would refuse with InvalidSmsRole*Exception. Two paths share
// the trust rules: the SNS path (snsCallerArn, the role needs sns:Publish) and the End User
// Messaging SMS direct path (eumsSms.callerArn, the role needs sms-voice:SendTextMessage). Pure:
// preflight.ts does the reads.
import { failure, Findings, show } from "../common/validator";
import {
    actionMatches,
    COGNITO_SERVICE_PRINCIPAL,
    admitsCognito,
    externalIdAccepted,
    hasExternalIdCondition,
    list,
    resourceCovers,
    Statement,
    statements,
} from "../common/policyEvaluation";
import type { RolePermissionPolicy } from "../aws/iam";
import { SMS_CFG } from "./shape";

/** What the role documents say about Cognito using it to send SMS. */
export interface RoleDocuments {
    /** The role's ARN, for messages. */
    arn: string;
    /** The trust policy (decoded JSON). */
    trustPolicy: string;
    /** The permission policies, or undefined when they could not be read (the permission rule is skipped). */
    permissionPolicies?: RolePermissionPolicy[];
}

/** Which SMS path the role serves, and what that path's configuration says. */
export type SmsRolePath =
    | { path: "sns" }
    /** `originationIdentity` undefined: not set, or unknown at preview. */
    | { path: "eums"; originationIdentity?: string; originationIdentityUnknown?: boolean };

/** The property names of the role ARN and ExternalId on each path. */
export function rolePropertiesOf(path: SmsRolePath["path"]): { arn: string; externalId: string } {
    return path === "sns"
        ? { arn: `${SMS_CFG}.snsCallerArn`, externalId: `${SMS_CFG}.externalId` }
        : { arn: `${SMS_CFG}.eumsSms.callerArn`, externalId: `${SMS_CFG}.eumsSms.externalId` };
}

/**
 * The live rules on the SMS role: its trust policy must let cognito-idp.amazonaws.com call
 * sts:AssumeRole with the configured ExternalId, and its permissions must allow sns:Publish on
 * "*" (SNS path) or sms-voice:SendTextMessage on "*" or on the origination identity's ARN (EUMS
 * path). `externalId` undefined (unset, or unknown at preview) skips the ExternalId rule.
 */
export function roleRules(role: RoleDocuments, externalId: string | undefined, smsPath: SmsRolePath = { path: "sns" }): Findings {
    const result: Findings = { failures: [], warnings: [] };
    const props = rolePropertiesOf(smsPath.path);
    trustRules(role, externalId, props, result);
    if (role.permissionPolicies !== undefined) {
        const all = role.permissionPolicies.flatMap((p) => statements(p.document).map((st) => ({ st, source: p.source })));
        if (smsPath.path === "sns") snsPermissionRules(role, all, props.arn, result);
        else eumsPermissionRules(role, all, props.arn, smsPath, result);
    }
    return result;
}

type Sourced = { st: Statement; source: string };

function trustRules(role: RoleDocuments, externalId: string | undefined, props: { arn: string; externalId: string }, result: Findings) {
    const trust = statements(role.trustPolicy).filter(
        (st) => st.Effect === "Allow" && admitsCognito(st) && actionMatches(st, "sts:AssumeRole"),
    );
    if (trust.length === 0) {
        failure(
            result.failures,
            props.arn,
            show(role.arn),
            `names a role whose trust policy does not let ${COGNITO_SERVICE_PRINCIPAL} call sts:AssumeRole (AWS answers InvalidSmsRoleTrustRelationshipException: "Role does not have a trust relationship allowing Cognito to assume the role"). Add a statement { Effect: "Allow", Principal: { Service: "${COGNITO_SERVICE_PRINCIPAL}" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": <externalId> } } } to the role's trust policy, or use SnsCallerRole to create a correct role`,
        );
        return;
    }
    if (!trust.some(hasExternalIdCondition)) {
        // The Developer Guide ("SMS message settings"): "To send SMS messages for multi-factor
        // authentication, your IAM role trust policy must have an sts:ExternalId condition." No
        // source shows SetUserPoolMfaConfig refusing a role without one, so this only warns.
        result.warnings.push(
            `pre-flight: ${props.arn} names role ${role.arn}, whose trust policy lets ${COGNITO_SERVICE_PRINCIPAL} assume it without an sts:ExternalId condition. AWS documents that for SMS MFA "your IAM role trust policy must have an sts:ExternalId condition" matching the pool's ExternalId (Developer Guide, "SMS message settings"), and the condition guards the role against confused-deputy use. Add Condition: { StringEquals: { "sts:ExternalId": <${props.externalId.split(".").pop()}> } } to the trust statement.`,
        );
    } else if (externalId !== undefined && !trust.some((st) => externalIdAccepted(st, externalId))) {
        result.failures.push({
            property: props.externalId,
            reason: `${props.externalId} does not match the sts:ExternalId condition in the trust policy of role ${role.arn} (AWS answers InvalidSmsRoleTrustRelationshipException). Set ${props.externalId.split(".").pop()} to the role's sts:ExternalId, or change the condition in the role's trust policy to this value (received: value not shown, the ExternalId is secret)`,
        });
    }
}

/** The Allow/Deny verdict of a set of statements for one action on one resource. */
function evaluate(all: Sourced[], action: string, resource: string) {
    const matching = all.filter(({ st }) => actionMatches(st, action));
    return {
        matching,
        // A Deny under a Condition may not apply to Cognito's request: not counted.
        denied: matching.find(({ st }) => st.Effect === "Deny" && !st.Condition && resourceCovers(st, resource)),
        allowed: matching.some(({ st }) => st.Effect === "Allow" && !st.Condition && resourceCovers(st, resource)),
        allowedUnderCondition: matching.filter(({ st }) => st.Effect === "Allow" && st.Condition && resourceCovers(st, resource)),
        narrowAllows: matching.filter(({ st }) => st.Effect === "Allow" && st.Resource !== undefined && !resourceCovers(st, resource)),
    };
}

function conditionWarning(role: RoleDocuments, arnProp: string, action: string, under: Sourced[]): string {
    const conditions = under.map(({ st, source }) => `${source}: ${JSON.stringify(st.Condition)}`).join("; ");
    // CDK's SMS role (aws-cdk-lib aws-cognito user-pool.ts) says a restricting condition makes the
    // pool's validation fail; AWS documents no condition. A warning: the condition may hold.
    return `pre-flight: ${arnProp} names role ${role.arn}, which allows ${action} only under a Condition (${conditions}). Cognito's check of the role may not meet the condition (AWS CDK notes that a restricting condition fails the pool's validation with InvalidSmsRoleAccessPolicyException); if SetUserPoolMfaConfig fails, remove the Condition from the Allow.`;
}

function snsPermissionRules(role: RoleDocuments, all: Sourced[], arnProp: string, result: Findings) {
    // SMS goes to phone numbers, not topics: the request names no ARN ("*").
    const v = evaluate(all, "sns:Publish", "*");
    if (v.denied) {
        failure(
            result.failures,
            arnProp,
            show(role.arn),
            `names a role whose ${v.denied.source} denies sns:Publish (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Remove the Deny from the role`,
        );
    } else if (v.allowed) {
        return;
    } else if (v.allowedUnderCondition.length > 0) {
        result.warnings.push(conditionWarning(role, arnProp, "sns:Publish", v.allowedUnderCondition));
    } else {
        const narrow = v.narrowAllows.flatMap(({ st }) => list(st.Resource));
        const why =
            narrow.length > 0
                ? `allows sns:Publish only on ${narrow.map((r) => JSON.stringify(r)).join(", ")}; Cognito publishes SMS to phone numbers, not to topics, so the Resource must be "*"`
                : "has no permission policy that allows sns:Publish";
        failure(
            result.failures,
            arnProp,
            show(role.arn),
            `names a role that ${why} (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Give the role an inline policy { Effect: "Allow", Action: "sns:Publish", Resource: "*" }, or use SnsCallerRole to create a correct role`,
        );
    }
}

const SEND = "sms-voice:SendTextMessage";
const OI_PROP = `${SMS_CFG}.eumsSms.originationIdentity`;

function eumsPermissionRules(
    role: RoleDocuments,
    all: Sourced[],
    arnProp: string,
    smsPath: Extract<SmsRolePath, { path: "eums" }>,
    result: Findings,
) {
    if (smsPath.originationIdentityUnknown) return;
    const oi = smsPath.originationIdentity;
    const oiIsArn = oi !== undefined && oi.startsWith("arn:");
    // End User Messaging SMS "evaluates IAM authorization with the value that you provide"
    // (EumsSmsConfigurationType.OriginationIdentity): an ARN is matched against the Resource, a
    // phone number or sender ID is no ARN and matches only "*".
    const v = evaluate(all, SEND, oiIsArn ? oi : "*");
    if (v.denied) {
        failure(
            result.failures,
            arnProp,
            show(role.arn),
            `names a role whose ${v.denied.source} denies ${SEND}${oiIsArn ? ` on ${oi}` : ""} (AWS answers InvalidSmsRoleAccessPolicyException). Remove the Deny from the role`,
        );
        return;
    }
    if (v.allowed) return;
    if (v.allowedUnderCondition.length > 0) {
        result.warnings.push(conditionWarning(role, arnProp, SEND, v.allowedUnderCondition));
        return;
    }
    const scoped = v.narrowAllows.flatMap(({ st }) => list(st.Resource));
    if (scoped.length === 0) {
        failure(
            result.failures,
            arnProp,
            show(role.arn),
            `names a role that has no permission policy that allows ${SEND}: on the End User Messaging SMS path Cognito calls SendTextMessage with this role (AWS answers InvalidSmsRoleAccessPolicyException). Give the role a policy { Effect: "Allow", Action: "${SEND}", Resource: <the ARN of your phone number, sender ID or pool> } and set eumsSms.originationIdentity to that ARN`,
        );
        return;
    }
    const arns = scoped.map((r) => JSON.stringify(r)).join(", ");
    // The API reference (EumsSmsConfigurationType.OriginationIdentity): "If the permissions policy
    // of your CallerArn role scopes the sms-voice:SendTextMessage resource to a specific ARN,
    // provide that same ARN. If the formats do not match, requests fail with an
    // InvalidSmsRoleAccessPolicyException."
    if (oi === undefined) {
        result.warnings.push(
            `pre-flight: ${arnProp} names role ${role.arn}, which allows ${SEND} only on ${arns}, and eumsSms.originationIdentity is not set. AWS documents that when the role scopes ${SEND} to an ARN, OriginationIdentity must be that same ARN, or the request fails with InvalidSmsRoleAccessPolicyException. Set eumsSms.originationIdentity to one of ${arns}, or allow ${SEND} on "*".`,
        );
        return;
    }
    failure(
        result.failures,
        OI_PROP,
        show(oi),
        oiIsArn
            ? `matches none of the ARNs on which role ${role.arn} allows ${SEND} (${arns}): End User Messaging SMS authorizes the request with this value, so AWS answers InvalidSmsRoleAccessPolicyException. Set originationIdentity to one of ${arns}, or widen the role's Resource`
            : `is not an ARN, but role ${role.arn} allows ${SEND} only on ${arns}: End User Messaging SMS authorizes the request with the value given, so a phone number or sender ID in this form does not match and AWS answers InvalidSmsRoleAccessPolicyException. Give originationIdentity as the ARN of the phone number, sender ID or pool (one of ${arns})`,
    );
}
