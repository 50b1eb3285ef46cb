// The dynamic provider behind SnsCallerRole: thin glue between the engine's calls and the role's
// model (model.ts, validate.ts, policies.ts), its workflows (create.ts, adopt.ts, converge.ts)
// and IAM (aws/iam.ts). How each call maps onto the API:
//
//   check   -> validate, fill in a generated ExternalId once (no AWS call)
//   diff    -> compare the program with the last read, including trust/permission drift (no AWS call)
//   create  -> [DescribeUserPool for the account] CreateRole, [UpdateAssumeRolePolicy], PutRolePolicy;
//              on EntityAlreadyExists: GetRole, and if the owner tag is this resource's, adopt
//              the role (the update path below) instead of failing
//   read    -> GetRole, GetRolePolicy
//   update  -> GetRole, then only what differs: UpdateRole / TagRole / UntagRole /
//              Put|DeleteRolePermissionsBoundary, UpdateAssumeRolePolicy, PutRolePolicy
//   delete  -> GetRole, guard (GetUserPoolMfaConfig + DescribeUserPool), DeleteRolePolicy, DeleteRole
//
// The engine never serializes this object (it stores the stub in engine/, which reaches this
// provider through engine/providers.ts); its only state is `stackRegion`, set by `configure`.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { debugLog } from "../runtime/log";
import { findPoolSmsRoleReferences } from "./poolReferences";
import { deleteRole, deleteRolePolicy, findRole, findRolePolicy } from "../aws/iam";
import { containsUnknown, isUnknown } from "../common/unknown";
import { parseArn } from "../common/arn";
import { namedRegion, partitionOfRegion } from "../common/regions";
import {
    DEFAULT_PATH,
    DEFAULT_SENDER,
    inputKeysOf,
    ROLE_INSTANCE_TAG,
    roleNameFor,
    SnsCallerRoleInputs,
    tagsEqual,
    withExternalId,
} from "./model";
import { permissionPolicyFor, policiesEqual } from "./policies";
import { validateRoleInputs } from "./validate";
import { emitWarning } from "../runtime/warnings";
import { inputsChanged } from "../common/inputs";
import { convergeRole } from "./converge";
import { createRole } from "./create";
import { roleGone, stillReferenced } from "./errors";
import { Outputs, recordedInputKeys, recordedPolicyName } from "./legacy";
import { expectedTrust, inputsFromOutputs, outputsOf } from "./outputs";
import { gateway, resolveRegion, Source } from "./regionAndAccount";
import { inVersionOf, upgradeState } from "../common/stateVersion";
import { ROLE_STATE } from "./stateVersion";

type Inputs = SnsCallerRoleInputs & { __provider?: string };

/** The SnsCallerRole provider: the engine's methods plus the `aws:region` stack setting. */
export interface SnsCallerRoleProvider extends dynamic.ResourceProvider<SnsCallerRoleInputs, Outputs> {
    stackRegion?: string;
}

/** Creates an SnsCallerRole provider. Every resource of one program shares one instance. */
export function snsCallerRoleProvider(): SnsCallerRoleProvider {
    return {
        stackRegion: undefined,

        configure(req: dynamic.ConfigureRequest): Promise<void> {
            this.stackRegion = req.config.get("aws:region");
            return Promise.resolve();
        },

        async check(olds: SnsCallerRoleInputs, news: SnsCallerRoleInputs): Promise<dynamic.CheckResult<SnsCallerRoleInputs>> {
            const { failures, warnings } = validateRoleInputs(news as unknown as Record<string, unknown>);
            // Shown when the inputs changed, so a no-change preview is quiet.
            if (inputsChanged(olds, news)) for (const w of warnings) await emitWarning(w);
            return { inputs: withExternalId(olds, news), failures };
        },

        diff(_id: string, stored: Outputs, news: Inputs): Promise<dynamic.DiffResult> {
            const olds = upgradeState(ROLE_STATE, stored);
            const replaces: string[] = [];
            if (news.roleName !== undefined) {
                if (isUnknown(news.roleName) || news.roleName !== olds.roleName) replaces.push("roleName");
            } else if (isUnknown(news.namePrefix) || news.namePrefix !== olds.namePrefix) {
                replaces.push("namePrefix");
            }
            if (isUnknown(news.path) || (news.path ?? DEFAULT_PATH) !== olds.path) replaces.push("path");
            // Role names are unique in the account whatever the path, so a replacement that keeps
            // the name must delete first; a new name (or a new generated suffix) creates first, so
            // that a pool can be moved to the new role before the old one is deleted.
            // Role names are case-insensitive in IAM. A generated name is kept when the owner,
            // prefix and path that derive it give the old name again.
            const sameName = (n: string) => n.toLowerCase() === (olds.roleName ?? "").toLowerCase();
            const keepsName =
                news.roleName !== undefined
                    ? typeof news.roleName === "string" && !isUnknown(news.roleName) && sameName(news.roleName)
                    : typeof news.__owner === "string" &&
                      typeof news.namePrefix === "string" &&
                      !isUnknown(news.namePrefix) &&
                      !isUnknown(news.path) &&
                      sameName(roleNameFor(news.namePrefix, news.__owner, news.path ?? DEFAULT_PATH));

            const newRegion = namedRegion(news.region, news.userPoolId);
            const changed = [
                news.externalId !== olds.externalId,
                news.userPoolId !== olds.userPoolId,
                news.accountId !== undefined && news.accountId !== olds.accountId,
                newRegion !== undefined && newRegion !== olds.region,
                (news.description ?? "") !== (olds.description ?? ""),
                containsUnknown(news.tags) || !tagsEqual(news.tags, olds.tags),
                news.permissionsBoundary !== olds.permissionsBoundary,
                (news.forceDelete ?? false) !== olds.forceDelete,
                // A new owner (renamed stack or resource) is written to the owner tag. States
                // from before __owner existed get it with the next update, not as a diff of its own.
                news.__owner !== undefined && olds.__owner !== undefined && news.__owner !== olds.__owner,
                inputKeysOf(news).join() !== (recordedInputKeys(olds) ?? []).join(),
                // Drift that read found: the live documents are not what the recorded settings call for.
                !policiesEqual(olds.trustPolicy, expectedTrust(olds)),
                !policiesEqual(olds.permissionPolicy, permissionPolicyFor(olds.sender, olds.originationIdentity).document),
                (news.sender ?? DEFAULT_SENDER) !== (olds.sender ?? DEFAULT_SENDER),
                news.originationIdentity !== olds.originationIdentity,
                // A new `__provider` is no change: every stub reaches the provider as installed
                // (engine/stub.ts), so an upgrade needs no update.
            ].some(Boolean);
            return Promise.resolve({
                changes: replaces.length > 0 || changed,
                replaces,
                deleteBeforeReplace: replaces.length > 0 && keepsName,
            });
        },

        async create(inputs: SnsCallerRoleInputs): Promise<dynamic.CreateResult<Outputs>> {
            return createRole(inputs, this.stackRegion);
        },

        async read(id: string, props?: Outputs): Promise<dynamic.ReadResult<Outputs>> {
            const old = upgradeState(ROLE_STATE, props as Outputs);
            const roleName = old.roleName ?? id;
            const gw = gateway(old.region || undefined);
            const live = await findRole(roleName, gw);
            // An empty result tells the engine the role is gone, so refresh drops the resource.
            if (!live) return {};
            const permissionPolicy = await findRolePolicy(roleName, recordedPolicyName(old), gw);
            const outs = outputsOf(
                {
                    namePrefix: old.namePrefix,
                    externalId: old.externalId,
                    userPoolId: old.userPoolId,
                    region: old.region,
                    accountId: old.accountId,
                    sourceArn: old.sourceArn,
                    forceDelete: old.forceDelete ?? false,
                    inputKeys: recordedInputKeys(old) ?? [],
                    owner: old.__owner,
                    instance: old.__instance,
                    sender: old.sender ?? DEFAULT_SENDER,
                    originationIdentity: old.originationIdentity,
                    policyName: recordedPolicyName(old),
                },
                live,
                permissionPolicy,
            );
            // The layout the state was given in: a refresh that rewrote it would report a change.
            return { id, props: inVersionOf(ROLE_STATE, props as Outputs, outs), inputs: inputsFromOutputs(outs) as Outputs };
        },

        async update(_id: string, stored: Outputs, news: SnsCallerRoleInputs): Promise<dynamic.UpdateResult<Outputs>> {
            const olds = upgradeState(ROLE_STATE, stored);
            const args = withExternalId(olds, news);
            const region = await resolveRegion(args, this.stackRegion, olds.region);
            const gw = gateway(region);
            const roleName = olds.roleName;
            const live = await findRole(roleName, gw);
            if (!live) throw roleGone(roleName);

            // Same pool, no accountId arg before or now: the account found at create still holds.
            const samePool =
                args.userPoolId === olds.userPoolId &&
                args.accountId === undefined &&
                !(recordedInputKeys(olds) ?? []).includes("accountId");
            const known: Source | undefined =
                samePool && olds.accountId
                    ? { accountId: olds.accountId, partition: parseArn(olds.sourceArn)?.partition ?? partitionOfRegion(region) }
                    : undefined;
            // The name (with the suffix chosen at create) is the live one: update never renames.
            // A program without __owner (direct provider use) keeps the owner recorded before.
            const withOwner = args.__owner || !olds.__owner ? args : { ...args, __owner: olds.__owner };
            return { outs: await convergeRole(withOwner, roleName, live, region, gw, known, olds.__instance, recordedPolicyName(olds)) };
        },

        async delete(id: string, stored: Outputs): Promise<void> {
            const props = upgradeState(ROLE_STATE, stored);
            const roleName = props.roleName ?? id;
            const gw = gateway(props.region || undefined);
            const live = await findRole(roleName, gw);
            if (!live) return; // Already gone: nothing to delete, and no pool can be hurt by it.
            const token = live.tags[ROLE_INSTANCE_TAG];
            if (props.__instance && token && token !== props.__instance) {
                // A newer create (a create-before-delete replacement that kept the name, such as
                // `pulumi up --replace`) has adopted this role: it is that resource's now.
                void debugLog(
                    `SnsCallerRole ${roleName}: the role was adopted by a newer resource (${ROLE_INSTANCE_TAG} ${token}, this one's ${props.__instance}); leaving it in place`,
                );
                return;
            }
            if (props.userPoolId && !props.forceDelete) {
                let refs;
                try {
                    refs = await findPoolSmsRoleReferences(props.userPoolId, gw);
                } catch (err) {
                    if (err instanceof Error) {
                        err.message += ` (This check keeps the role while pool ${props.userPoolId} uses it; to skip it, set forceDelete: true and run \`pulumi up\` first.)`;
                    }
                    throw err;
                }
                // Role names are case-insensitive in IAM, so ARNs are compared the same way.
                const hits = (refs ?? []).filter((r) => r.roleArn.toLowerCase() === live.arn.toLowerCase());
                if (hits.length > 0)
                    throw stillReferenced(
                        roleName,
                        live.arn,
                        props.userPoolId,
                        hits.map((h) => h.source),
                    );
            }
            await deleteRolePolicy(roleName, recordedPolicyName(props), gw);
            await deleteRole(roleName, gw);
        },
    };
}
