// Tags as IAM and Cognito take them (the characters and the value length both allow), and the
// owner tag both resources write (on the user pool, on the role): `<project>/<stack>/<name>` as a
// tag value. Pure.

/** The key of the owner tag, on pools (UserPoolMfaConfig) and on roles (SnsCallerRole). */
export const OWNER_TAG_KEY = "pulumi-cognito-mfa:owner";

/** Letters, separators, digits and `_ . : / = + - @`: what IAM and Cognito tag keys and values allow. */
const TAG_CHARACTERS = String.raw`\p{L}\p{Z}\p{N}_.:/=+\-@`;
/** A tag key: one or more of those characters. */
export const TAG_KEY_PATTERN = new RegExp(`^[${TAG_CHARACTERS}]+$`, "u");
/** A tag value: any number of them. */
export const TAG_VALUE_PATTERN = new RegExp(`^[${TAG_CHARACTERS}]*$`, "u");
const NOT_ALLOWED = new RegExp(`[^${TAG_CHARACTERS}]`, "gu");

/** A tag value holds at most 256 characters, counted in code points. */
export const TAG_VALUE_MAX = 256;

/**
 * The `__owner` value for a resource: `<project>/<stack>/<name>`, with characters tag values do
 * not allow replaced by "_", cut at 256 code points (never inside a surrogate pair).
 */
export function ownerTagValue(project: string, stack: string, resourceName: string): string {
    return [...`${project}/${stack}/${resourceName}`.replace(NOT_ALLOWED, "_")].slice(0, TAG_VALUE_MAX).join("");
}
