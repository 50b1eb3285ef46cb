// The errors an SnsCallerRole's create, update and delete refuse with: what happened and the
// way out.
import { OWNER_TAG_KEY } from "../common/tags";

/** update of a role that is no longer in IAM. */
export function roleGone(roleName: string): Error {
    return new Error(
        `IAM role ${roleName} no longer exists. Run \`pulumi refresh\` so the engine forgets it; the next \`pulumi up\` creates it again (a user pool that uses it must then get the new ARN).`,
    );
}

/** delete of a role a pool still sends SMS with (`sources`: where the pool names it). */
export function stillReferenced(roleName: string, arn: string, poolId: string, sources: string[]): Error {
    return new Error(
        `Refusing to delete IAM role ${roleName}: user pool ${poolId} still uses it to send SMS (${sources.join("; ")} is ${arn}). ` +
            "Without the role the pool's SMS messages (MFA codes, verification) fail, and Cognito then refuses changes to its SMS settings with InvalidSmsRoleTrustRelationshipException; " +
            "a pool's SMS configuration cannot be removed, only pointed at another role. Way out: point the pool at another role first (smsConfiguration of its UserPoolMfaConfig or UserPool), " +
            "or delete the pool, or set forceDelete: true on this SnsCallerRole and run `pulumi up` before deleting it (delete uses the settings last stored in state), " +
            "or keep the role by removing it from the stack with `pulumi state delete <urn>`.",
    );
}

/** create that met a role of its name which is not this resource's (`found`: the role's owner tag). */
export function notOurs(roleName: string, arn: string, owner: string, found: string | undefined): Error {
    const whose =
        found === undefined
            ? `it has no ${OWNER_TAG_KEY} tag, so no SnsCallerRole created it`
            : `its ${OWNER_TAG_KEY} tag says it belongs to ${found}`;
    return new Error(
        `Cannot create IAM role ${roleName}: a role with that name already exists (${arn}) and ${whose}, not to ${owner}. Refusing to take it over. ` +
            `Choose another roleName or namePrefix, or delete that role if nothing uses it (aws iam delete-role --role-name ${roleName}, after removing its policies). ` +
            `If it really is this resource's role (made by an earlier run whose state was lost), tag it and run \`pulumi up\` again: ` +
            `aws iam tag-role --role-name ${roleName} --tags Key=${OWNER_TAG_KEY},Value=${owner}`,
    );
}

/** create that met this resource's own role (a lost create's) at another path, which IAM cannot change. */
export function pathCannotChange(roleName: string, arn: string, owner: string, livePath: string, path: string): Error {
    return new Error(
        `Cannot adopt IAM role ${roleName} (${arn}): it is this resource's (${OWNER_TAG_KEY} = ${owner}), left by an earlier create whose state was lost, but its path is ${livePath}, not ${path}, and a path cannot change. ` +
            `Set path back to "${livePath}" to adopt it, or delete it (aws iam delete-role --role-name ${roleName}, after removing its policies) and run \`pulumi up\` again.`,
    );
}
