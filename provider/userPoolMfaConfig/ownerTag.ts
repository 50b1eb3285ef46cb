// Whether create and delete keep the owner tag (claims.ts has the program-side guard, provider.ts
// the claim and its release).
import { settingOff } from "../common/settings";

/**
 * The stack setting that turns the owner tag off: `pulumi config set pulumi-cognito-mfa:ownerTag
 * false`. Create then makes no DescribeUserPool + TagResource and delete no DescribeUserPool +
 * UntagResource: TagResource is limited to 5 requests/s per account (Cognito API reference,
 * API_TagResource.html), a third of the 15/s of Get and Set, so at scale the tag is what a create
 * waits for. What is lost: the refusal of a second resource in another program or stack on the
 * same pool (the guard within one program, claims.ts, stays), and delete's check that the pool has not
 * been claimed by another resource since (delete then resets the pool regardless). A tag written
 * while the setting was on stays on the pool, and its record (`__owner`) in the outputs; a
 * resource with no tag written stores no `__owner` (claims.ts sends none for a plain pool id).
 */
export const OWNER_TAG_CONFIG_KEY = "pulumi-cognito-mfa:ownerTag";

/** False for "false", "off", "no", "0", "disabled" (any case); true for anything else, including unset. */
export function ownerTagEnabled(configValue: string | undefined): boolean {
    return !settingOff(configValue);
}
