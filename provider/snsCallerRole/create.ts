// Creating an SnsCallerRole: CreateRole with its trust policy (completed once the role's ARN has
// told the account, when nothing else could), then its inline permission policy; a failure after
// CreateRole deletes the role again. A role of that name already there goes to adopt.ts.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { AwsCallError } from "../aws/errors";
import { deleteRole, deleteRolePolicy, LiveRole, putRole, putRolePolicy, putTrustPolicy } from "../aws/iam";
import { accountOf } from "../common/arn";
import { decodePolicyDocument } from "../common/policyDocument";
import { adoptRole } from "./adopt";
import { Outputs } from "./legacy";
import { DEFAULT_PATH, newInstanceToken, roleNameFor, SnsCallerRoleInputs, withExternalId } from "./model";
import { bookkeeping, outputsOf } from "./outputs";
import { bootstrapTrustPolicyDocument, permissionPolicyFor, sourceArnFor, trustPolicyDocument } from "./policies";
import { gateway, resolveRegion, resolveSource, Source } from "./regionAndAccount";
import { managedTags, specOf } from "./roleSpec";

/** Creates the role and its policies; on failure after CreateRole, deletes the role again. */
export async function createRole(inputs: SnsCallerRoleInputs, stackRegion: string | undefined): Promise<dynamic.CreateResult<Outputs>> {
    // check has filled in the ExternalId; this covers a create that skipped check (tests).
    const args = withExternalId(undefined, inputs);
    const externalId = args.externalId!;
    const region = await resolveRegion(args, stackRegion, undefined);
    const gw = gateway(region);
    const owner = args.__owner || undefined;
    // A namePrefix gets its suffix here; the name is then kept in the outputs. With an owner the
    // suffix is derived from it, so a create repeated after a lost checkpoint picks the same name.
    const roleName = args.roleName ?? roleNameFor(args.namePrefix!, owner, args.path ?? DEFAULT_PATH);
    const instance = owner ? newInstanceToken() : undefined;
    const permission = permissionPolicyFor(args.sender, args.originationIdentity);
    let source = await resolveSource(args, region, gw);
    const trustFor = (s: Source) =>
        trustPolicyDocument({
            externalId,
            accountId: s.accountId!,
            sourceArn: sourceArnFor(s.partition, region, s.accountId!, args.userPoolId),
        });

    // If CreateRole itself fails nothing exists, and the error goes out as it is, except for a
    // role of that name that is this resource's own (an earlier create whose checkpoint was lost).
    let live: LiveRole;
    try {
        const spec = specOf(
            args,
            roleName,
            source.accountId ? trustFor(source) : bootstrapTrustPolicyDocument(externalId),
            managedTags(owner, instance),
        );
        live = await putRole(spec, undefined, gw);
    } catch (err) {
        if (err instanceof AwsCallError && /^EntityAlreadyExists(Exception)?$/.test(err.awsErrorName)) {
            return adoptRole(args, roleName, region, gw, source, err);
        }
        throw err;
    }
    let permissionPolicy: string | undefined;
    try {
        if (!source.accountId) {
            const fromRole = accountOf(live.arn);
            if (!fromRole) throw new Error(`CreateRole returned an ARN without an account id: ${live.arn}`);
            source = fromRole;
            const trust = trustFor(source);
            await putTrustPolicy(roleName, trust, gw);
            live = { ...live, trustPolicy: decodePolicyDocument(trust) };
        }
        await putRolePolicy(roleName, permission.name, permission.document, gw);
        permissionPolicy = decodePolicyDocument(permission.document);
    } catch (err) {
        // Partial failure. The role is deleted again rather than recorded: a role without its
        // trust conditions or sns:Publish is of no use to Cognito, nothing can depend on it yet,
        // and an explicit roleName would otherwise collide with the orphan on the next attempt
        // (EntityAlreadyExists). Only if that clean-up fails too is the role handed to the
        // engine (an Error with `id` and `properties`), so that it is in state instead of
        // orphaned: the next `pulumi up` then updates it, which converges the policies.
        try {
            await deleteRolePolicy(roleName, permission.name, gw);
            await deleteRole(roleName, gw);
        } catch (cleanupErr) {
            const reason = `${(err as Error).message}; deleting the half-created role failed too: ${(cleanupErr as Error).message}`;
            const sourceArn = source.accountId ? sourceArnFor(source.partition, region, source.accountId, args.userPoolId) : "";
            const properties = outputsOf(bookkeeping(args, region, source.accountId ?? "", sourceArn, owner, instance), live, undefined);
            throw Object.assign(
                new Error(
                    `SnsCallerRole ${roleName} was created but is incomplete: ${reason}. It is kept in state; the next \`pulumi up\` completes it.`,
                ),
                {
                    id: roleName,
                    properties,
                    reasons: [reason],
                },
            );
        }
        throw err;
    }
    const accountId = source.accountId!;
    const outs = outputsOf(
        bookkeeping(args, region, accountId, sourceArnFor(source.partition, region, accountId, args.userPoolId), owner, instance),
        live,
        permissionPolicy,
    );
    return { id: roleName, outs };
}
