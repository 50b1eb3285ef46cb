// The role IAM is asked for (aws/iam.ts's RoleSpec): the program's settings plus the provider's
// own tags. Pure.
import type { RoleSpec } from "../aws/iam";
import { OWNER_TAG_KEY } from "../common/tags";
import { DEFAULT_PATH, ROLE_INSTANCE_TAG, SnsCallerRoleInputs, userTagsOf } from "./model";

/** The provider's own tags: the owner and the instance token, when there are any. */
export function managedTags(owner: string | undefined, instance: string | undefined): Record<string, string> {
    const tags: Record<string, string> = {};
    if (owner) tags[OWNER_TAG_KEY] = owner;
    if (instance) tags[ROLE_INSTANCE_TAG] = instance;
    return tags;
}

/** The role `inputs` call for, named `roleName`, with `trustPolicy` and the provider's tags `managed`. */
export function specOf(inputs: SnsCallerRoleInputs, roleName: string, trustPolicy: string, managed: Record<string, string> = {}): RoleSpec {
    return {
        roleName,
        path: inputs.path ?? DEFAULT_PATH,
        description: inputs.description || undefined,
        permissionsBoundary: inputs.permissionsBoundary,
        tags: { ...userTagsOf(inputs.tags), ...managed },
        trustPolicy,
    };
}
