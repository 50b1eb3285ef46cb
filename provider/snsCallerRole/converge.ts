// Brings an existing role to the program's settings (update, and the create that adopts its own
// role), writing only what differs.
import { deleteRolePolicy, findRolePolicy, IamGatewayOptions, LiveRole, putRole, putRolePolicy, putTrustPolicy } from "../aws/iam";
import { decodePolicyDocument } from "../common/policyDocument";
import { newInstanceToken, ROLE_INSTANCE_TAG, SnsCallerRoleInputs } from "./model";
import { Outputs } from "./legacy";
import { bookkeeping, outputsOf } from "./outputs";
import { permissionPolicyFor, policiesEqual, sourceArnFor, trustPolicyDocument } from "./policies";
import { resolveSource, Source } from "./regionAndAccount";
import { managedTags, specOf } from "./roleSpec";
import { OWNER_TAG_KEY } from "../common/tags";

/**
 * Brings an existing role to the desired state, writing only what differs: description, tags,
 * boundary (putRole), trust policy, inline policy. Shared by update and adoption. `known` is the
 * account and partition when the caller already has them; `instance` a new instance token;
 * `previousPolicyName` the inline policy the role had, deleted once the new one is in place when
 * the sender changed (Amazon SNS <-> End User Messaging SMS).
 */
export async function convergeRole(
    args: SnsCallerRoleInputs,
    roleName: string,
    live: LiveRole,
    region: string,
    gw: IamGatewayOptions,
    known: Source | undefined,
    instance: string | undefined,
    previousPolicyName?: string,
): Promise<Outputs> {
    const source = known ?? (await resolveSource(args, region, gw, live.arn));
    const accountId = source.accountId!;
    const sourceArn = sourceArnFor(source.partition, region, accountId, args.userPoolId);
    const trust = trustPolicyDocument({ externalId: args.externalId!, accountId, sourceArn });
    // The provider's tags stay: the owner from the program (or the role when the program has
    // none), the instance token given, else the role's; a role with an owner and no token gets one.
    const owner = args.__owner || live.tags[OWNER_TAG_KEY] || undefined;
    const token = instance ?? live.tags[ROLE_INSTANCE_TAG] ?? (owner ? newInstanceToken() : undefined);

    let next = await putRole(specOf(args, roleName, trust, managedTags(owner, token)), live, gw);
    if (!policiesEqual(live.trustPolicy, trust)) {
        await putTrustPolicy(roleName, trust, gw);
        next = { ...next, trustPolicy: decodePolicyDocument(trust) };
    }
    const permission = permissionPolicyFor(args.sender, args.originationIdentity);
    let permissionPolicy = await findRolePolicy(roleName, permission.name, gw);
    if (!policiesEqual(permissionPolicy, permission.document)) {
        await putRolePolicy(roleName, permission.name, permission.document, gw);
        permissionPolicy = decodePolicyDocument(permission.document);
    }
    if (previousPolicyName !== undefined && previousPolicyName !== permission.name)
        await deleteRolePolicy(roleName, previousPolicyName, gw);
    return outputsOf(bookkeeping(args, region, accountId, sourceArn, owner, token), next, permissionPolicy);
}
