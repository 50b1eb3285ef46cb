// The owner tag both resources write (on the user pool, on the role): `<project>/<stack>/<name>`
// as a tag value IAM and Cognito accept. Pure.

/** The key of the owner tag, on pools (UserPoolMfaConfig) and on roles (SnsCallerRole). */
export const OWNER_TAG_KEY = "pulumi-cognito-mfa:owner";

/** Letters, separators, digits and `_ . : / = + - @`: what IAM and Cognito tag values allow. */
const NOT_ALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

/** A tag value holds at most 256 characters, counted in code points. */
export const TAG_VALUE_MAX = 256;

/**
 * The `__owner` value for a resource: `<project>/<stack>/<name>`, with characters tag values do
 * not allow replaced by "_", cut at 256 code points (never inside a surrogate pair).
 */
export function ownerTagValue(project: string, stack: string, resourceName: string): string {
    return [...`${project}/${stack}/${resourceName}`.replace(NOT_ALLOWED, "_")].slice(0, TAG_VALUE_MAX).join("");
}
