// Pre-flight rules on the SMS role that smsConfiguration names, as IAM has it (trust policy and
// permission policies): what Cognito would refuse with InvalidSmsRole*Exception. Pure:
// preflight.ts does the reads.
import { Failure, failure, show } from "../common/validator";
import { COGNITO_SERVICE_PRINCIPAL } from "../snsCallerRole/model";
import { actionMatches, admitsCognito, externalIdAccepted, list, resourceIsAll, statements } from "../snsCallerRole/policyEvaluation";
import type { RolePermissionPolicy } from "../aws/iam";

/** What the role documents say about Cognito using it to send SMS. */
export interface RoleDocuments {
    /** The role's ARN, for messages. */
    arn: string;
    /** The trust policy (decoded JSON). */
    trustPolicy: string;
    /** The permission policies, or undefined when they could not be read (the sns:Publish rule is skipped). */
    permissionPolicies?: RolePermissionPolicy[];
}

/**
 * The live rules on the SNS caller role: its trust policy must let cognito-idp.amazonaws.com
 * call sts:AssumeRole with the configured ExternalId, and its permissions must allow
 * sns:Publish on "*". `externalId` undefined (unknown at preview) skips the ExternalId rule.
 */
export function roleRules(role: RoleDocuments, externalId: string | undefined): Failure[] {
    const failures: Failure[] = [];
    const arnProp = "smsMfaConfiguration.smsConfiguration.snsCallerArn";
    const trust = statements(role.trustPolicy).filter(
        (st) => st.Effect === "Allow" && admitsCognito(st) && actionMatches(st, "sts:AssumeRole"),
    );
    if (trust.length === 0) {
        failure(
            failures,
            arnProp,
            show(role.arn),
            `names a role whose trust policy does not let ${COGNITO_SERVICE_PRINCIPAL} call sts:AssumeRole (AWS answers InvalidSmsRoleTrustRelationshipException: "Role does not have a trust relationship allowing Cognito to assume the role"). Add a statement { Effect: "Allow", Principal: { Service: "${COGNITO_SERVICE_PRINCIPAL}" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": <externalId> } } } to the role's trust policy, or use SnsCallerRole to create a correct role`,
        );
    } else if (externalId !== undefined && !trust.some((st) => externalIdAccepted(st, externalId))) {
        failures.push({
            property: "smsMfaConfiguration.smsConfiguration.externalId",
            reason: `smsMfaConfiguration.smsConfiguration.externalId does not match the sts:ExternalId condition in the trust policy of role ${role.arn} (AWS answers InvalidSmsRoleTrustRelationshipException). Set externalId to the role's sts:ExternalId, or change the condition in the role's trust policy to this externalId (received: value not shown, the ExternalId is secret)`,
        });
    }

    if (role.permissionPolicies !== undefined) {
        const all = role.permissionPolicies.flatMap((p) => statements(p.document).map((st) => ({ st, source: p.source })));
        const publish = all.filter(({ st }) => actionMatches(st, "sns:Publish"));
        const denied = publish.find(
            ({ st }) => st.Effect === "Deny" && (resourceIsAll(st) || st.NotResource !== undefined) && !st.Condition,
        );
        const allowed = publish.some(({ st }) => st.Effect === "Allow" && resourceIsAll(st));
        if (denied) {
            failure(
                failures,
                arnProp,
                show(role.arn),
                `names a role whose ${denied.source} denies sns:Publish (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Remove the Deny from the role`,
            );
        } else if (!allowed) {
            const narrow = publish.filter(({ st }) => st.Effect === "Allow").flatMap(({ st }) => list(st.Resource));
            const why =
                narrow.length > 0
                    ? `allows sns:Publish only on ${narrow.map((r) => JSON.stringify(r)).join(", ")}; Cognito publishes SMS to phone numbers, not to topics, so the Resource must be "*"`
                    : "has no permission policy that allows sns:Publish";
            failure(
                failures,
                arnProp,
                show(role.arn),
                `names a role that ${why} (AWS answers InvalidSmsRoleAccessPolicyException: "Role does not have permission to publish with SNS"). Give the role an inline policy { Effect: "Allow", Action: "sns:Publish", Resource: "*" }, or use SnsCallerRole to create a correct role`,
            );
        }
    }
    return failures;
}
