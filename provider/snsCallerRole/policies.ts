// The SMS role's policy documents: the trust policy (Cognito, ExternalId, confused-deputy
// conditions) and the sns:Publish permission, and how IAM's copies of them are compared. Pure.
import { decodePolicyDocument } from "../common/policyDocument";
import { COGNITO_SERVICE_PRINCIPAL, DEFAULT_SENDER, EUMS_PERMISSION_POLICY_NAME, PERMISSION_POLICY_NAME, SmsSender } from "./model";
/** `aws:SourceArn` for a pool, or for every pool of the account in the Region (`userpool/*`). */
export function sourceArnFor(partition: string, region: string, accountId: string, userPoolId?: string): string {
    return `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${userPoolId ?? "*"}`;
}

export interface TrustParams {
    externalId: string;
    accountId: string;
    sourceArn: string;
}

/**
 * The trust policy AWS recommends for the SNS caller role: only Cognito may assume it, only
 * with the pool's ExternalId, and only on behalf of the pool's account and ARN (confused-deputy
 * protection). Exact JSON; key order as in AWS's documentation.
 */
export function trustPolicyDocument(p: TrustParams): string {
    return cognitoTrust({
        StringEquals: { "sts:ExternalId": p.externalId, "aws:SourceAccount": p.accountId },
        ArnLike: { "aws:SourceArn": p.sourceArn },
    });
}

/** Cognito may assume the role under `condition`. */
function cognitoTrust(condition: Record<string, Record<string, string>>): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: COGNITO_SERVICE_PRINCIPAL }, Action: "sts:AssumeRole", Condition: condition }],
    });
}

/**
 * The trust policy a role is created with when the account is not yet known (no accountId, no
 * readable pool ARN): Cognito with the ExternalId only. It is replaced by
 * {@link trustPolicyDocument} right after CreateRole, whose ARN tells the account.
 */
export function bootstrapTrustPolicyDocument(externalId: string): string {
    return cognitoTrust({ StringEquals: { "sts:ExternalId": externalId } });
}

/**
 * The inline permission policy: sns:Publish on "*". The Resource has to be "*": Cognito sends
 * SMS with Publish to phone numbers, not to topics, so there is no ARN to narrow it to, and
 * Cognito's own check of the role (InvalidSmsRoleAccessPolicyException) fails with a narrower
 * Resource (AWS CDK's SMS role carries the same comment).
 */
export const PERMISSION_POLICY_DOCUMENT = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
});

/**
 * The inline permission policy for End User Messaging SMS: sms-voice:SendTextMessage, on the
 * origination identity when one is given (the pool's EumsSms.OriginationIdentity must then be that
 * same ARN, or Cognito answers InvalidSmsRoleAccessPolicyException), else on "*".
 */
export function eumsPermissionPolicyDocument(originationIdentity?: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sms-voice:SendTextMessage", Resource: originationIdentity ?? "*" }],
    });
}

/** The inline policy a role needs for its sender: its name and document. */
export function permissionPolicyFor(sender: SmsSender | undefined, originationIdentity?: string): { name: string; document: string } {
    return (sender ?? DEFAULT_SENDER) === "eumsSms"
        ? { name: EUMS_PERMISSION_POLICY_NAME, document: eumsPermissionPolicyDocument(originationIdentity) }
        : { name: PERMISSION_POLICY_NAME, document: PERMISSION_POLICY_DOCUMENT };
}

/**
 * One form for equivalent policy documents: object keys sorted, a one-element array the same as
 * its element, and array elements in a fixed order (IAM treats Action, Resource, principal and
 * condition value lists, and the statements themselves, as sets).
 */
export function canonicalPolicy(doc: unknown): unknown {
    if (Array.isArray(doc)) {
        const items = doc.map(canonicalPolicy);
        if (items.length === 1) return items[0];
        return items
            .map((i) => [JSON.stringify(i), i] as const)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([, i]) => i);
    }
    if (doc !== null && typeof doc === "object") {
        const o = doc as Record<string, unknown>;
        return Object.fromEntries(
            Object.keys(o)
                .sort()
                .map((k) => [k, canonicalPolicy(o[k])]),
        );
    }
    return doc;
}

function parsePolicy(doc: string | object): unknown {
    if (typeof doc !== "string") return doc;
    return JSON.parse(decodePolicyDocument(doc));
}

/**
 * True when two policy documents say the same thing, ignoring whitespace, key order, URL
 * encoding, the order of list elements and single values vs one-element lists. A missing or
 * unparsable document equals nothing.
 */
export function policiesEqual(a: string | object | undefined, b: string | object | undefined): boolean {
    if (a === undefined || b === undefined) return false;
    try {
        return JSON.stringify(canonicalPolicy(parsePolicy(a))) === JSON.stringify(canonicalPolicy(parsePolicy(b)));
    } catch {
        return false;
    }
}
