// The create that finds its role already there (EntityAlreadyExists).
//
// Lost checkpoints: a generated name is a function of the hidden `__owner` input
// (`<project>/<stack>/<resource name>`), the prefix and the path, and CreateRole tags the role
// with that owner. When the engine loses a create (process killed after CreateRole, then
// `pulumi refresh --clear-pending-creates`), the next create picks the same name, meets
// EntityAlreadyExists, finds its own owner tag and adopts the role: one role, not an orphan.
// A role of the same name without the tag (or another owner's) is refused, never taken over.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { findRole, IamGatewayOptions } from "../aws/iam";
import { convergeRole } from "./converge";
import { notOurs, pathCannotChange } from "./errors";
import { Outputs } from "./legacy";
import { DEFAULT_PATH, newInstanceToken, SnsCallerRoleInputs } from "./model";
import { Source } from "./regionAndAccount";
import { OWNER_TAG_KEY } from "../common/tags";

/**
 * The create that finds its role already there: adopts it when its owner tag is this resource's
 * (an earlier create whose checkpoint was lost), converging it like an update; refuses otherwise.
 */
export async function adoptRole(
    args: SnsCallerRoleInputs,
    roleName: string,
    region: string,
    gw: IamGatewayOptions,
    source: Source,
    createErr: Error,
): Promise<dynamic.CreateResult<Outputs>> {
    const owner = args.__owner || undefined;
    // Without an owner (direct provider use, programs from before __owner) nothing can be
    // recognised as this resource's: CreateRole's own error stands, as before.
    if (!owner) throw createErr;
    const live = await findRole(roleName, gw);
    // Gone again since CreateRole said it exists: the error stands, and the next run creates it.
    if (!live) throw createErr;
    const found = live.tags[OWNER_TAG_KEY];
    if (found !== owner) throw notOurs(roleName, live.arn, owner, found);
    const path = args.path ?? DEFAULT_PATH;
    if (live.path !== path) throw pathCannotChange(roleName, live.arn, owner, live.path, path);
    gw.log?.(`CreateRole ${roleName}: the role exists with this resource's owner tag (${owner}); adopting it`);
    const outs = await convergeRole(args, roleName, live, region, gw, source.accountId ? source : undefined, newInstanceToken());
    return { id: roleName, outs };
}
