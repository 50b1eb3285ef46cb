// How an SnsCallerRole is made and kept in IAM: create (with the partial-failure clean-up), adopt
// a role a lost create left behind, converge an existing role to the program, and the outputs
// recorded from what IAM holds. provider.ts calls these; aws/iam.ts makes the calls.
//
// Lost checkpoints: a generated name is a function of the hidden `__owner` input
// (`<project>/<stack>/<resource name>`), the prefix and the path, and CreateRole tags the role
// with that owner. When the engine loses a create (process killed after CreateRole, then
// `pulumi refresh --clear-pending-creates`), the next create picks the same name, meets
// EntityAlreadyExists, finds its own owner tag and adopts the role: one role, not an orphan.
// A role of the same name without the tag (or another owner's) is refused, never taken over.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { AwsCallError } from "../aws/errors";
import { debugLog } from "../engine/log";
import { findUserPoolArn } from "../aws/cognito";
import {
    deleteRole,
    deleteRolePolicy,
    findDefaultRegion,
    findRole,
    findRolePolicy,
    IamGatewayOptions,
    LiveRole,
    putRole,
    putRolePolicy,
    putTrustPolicy,
    RoleSpec,
} from "../aws/iam";
import { decodePolicyDocument } from "../common/policyDocument";
import { poolRegion } from "../common/regions";
import { accountOf } from "../common/arn";
import { partitionOfRegion } from "../common/regions";
import {
    DEFAULT_PATH,
    DEFAULT_SENDER,
    INPUT_KEYS,
    inputKeysOf,
    LegacyRoleBookkeeping,
    newInstanceToken,
    ROLE_INSTANCE_TAG,
    ROLE_OWNER_TAG,
    roleNameFor,
    SmsSender,
    SnsCallerRoleInputs,
    SnsCallerRoleOutputs,
    userTagsOf,
    withExternalId,
} from "./model";
import { stamped } from "../common/stateVersion";
import { ROLE_STATE } from "./stateVersion";
import { bootstrapTrustPolicyDocument, permissionPolicyFor, policiesEqual, sourceArnFor, trustPolicyDocument } from "./policies";

/** What an SnsCallerRole stores as outputs, with the stub the engine adds. */
export type Outputs = SnsCallerRoleOutputs & LegacyRoleBookkeeping & { __provider?: string; __stateVersion?: number };

/** The args the user set, as recorded (outputs in the current state version, stateVersion.ts). */
export function recordedInputKeys(o: Outputs): string[] | undefined {
    return o.__inputKeys;
}

/**
 * The inline permission policy the resource wrote: as recorded, else the one its sender uses (the
 * state records the name only when it is not that one).
 */
export function recordedPolicyName(o: Outputs): string {
    return o.__policyName ?? permissionPolicyFor(o.sender).name;
}

/** Where the trust policy's conditions point: the pool's account and partition. */
export interface Source {
    accountId?: string;
    partition: string;
}

const ACCESS_DENIED = ["AccessDeniedException", "AccessDenied", "NotAuthorizedException"];

export function gateway(region: string | undefined): IamGatewayOptions {
    return { region, log: (m) => void debugLog(m) };
}

/**
 * Region order: the region arg, the pool id's own Region prefix, the Region recorded at create
 * (so a later change of aws:region does not move an existing role's aws:SourceArn), aws:region,
 * then the SDK's chain.
 */
export async function resolveRegion(
    inputs: SnsCallerRoleInputs,
    stackRegion: string | undefined,
    oldRegion: string | undefined,
): Promise<string> {
    const region =
        inputs.region ??
        (inputs.userPoolId ? poolRegion(inputs.userPoolId) : undefined) ??
        (oldRegion || undefined) ??
        stackRegion ??
        (await findDefaultRegion());
    if (!region) {
        throw new Error(
            "SnsCallerRole needs a Region for the aws:SourceArn condition of the role's trust policy: set region (or userPoolId), the aws:region stack setting, or AWS_REGION.",
        );
    }
    return region;
}

/**
 * The account and partition for the trust policy's aws:SourceAccount and aws:SourceArn.
 *
 * No STS client is installed, and the account must be in the trust policy that CreateRole
 * takes, so the account comes from, in order:
 *  1. the `accountId` arg;
 *  2. the pool's ARN (DescribeUserPool) when `userPoolId` is given: it names the pool's own
 *     account, which is what aws:SourceAccount must be;
 *  3. the role's ARN, when the role exists (update), or, at create, when neither of the above
 *     is available (no userPoolId, or no cognito-idp:DescribeUserPool permission): the role is
 *     then created with a trust policy that has the Cognito principal and the ExternalId
 *     condition but no account conditions, and that policy is replaced right after CreateRole
 *     (UpdateAssumeRolePolicy) once the role's ARN has told the account. The short window
 *     still requires the ExternalId, so it grants nothing the final policy would not.
 */
async function resolveSource(inputs: SnsCallerRoleInputs, region: string, gw: IamGatewayOptions, roleArn?: string): Promise<Source> {
    const fromRole = accountOf(roleArn);
    if (inputs.accountId) return { accountId: inputs.accountId, partition: fromRole?.partition ?? partitionOfRegion(region) };
    if (inputs.userPoolId) {
        try {
            const poolArn = await findUserPoolArn(inputs.userPoolId, gw);
            if (poolArn === undefined) {
                throw new Error(
                    `User pool ${inputs.userPoolId} does not exist in ${region}. The role's trust policy names the pool (aws:SourceArn): check userPoolId and region, or leave userPoolId out to trust every pool of the account in the Region (userpool/*).`,
                );
            }
            const fromPool = accountOf(poolArn);
            if (fromPool) return fromPool;
        } catch (err) {
            if (!(err instanceof AwsCallError && ACCESS_DENIED.includes(err.awsErrorName))) throw err;
            gw.log?.(`DescribeUserPool ${inputs.userPoolId} was denied; taking the account from the role's ARN instead`);
        }
    }
    return fromRole ?? { partition: partitionOfRegion(region) };
}

/** The provider's own tags: the owner and the instance token, when there are any. */
function managedTags(owner: string | undefined, instance: string | undefined): Record<string, string> {
    const tags: Record<string, string> = {};
    if (owner) tags[ROLE_OWNER_TAG] = owner;
    if (instance) tags[ROLE_INSTANCE_TAG] = instance;
    return tags;
}

function specOf(inputs: SnsCallerRoleInputs, roleName: string, trustPolicy: string, managed: Record<string, string> = {}): RoleSpec {
    return {
        roleName,
        path: inputs.path ?? DEFAULT_PATH,
        description: inputs.description || undefined,
        permissionsBoundary: inputs.permissionsBoundary,
        tags: { ...userTagsOf(inputs.tags), ...managed },
        trustPolicy,
    };
}

/** Everything in the outputs that is not read from IAM. */
interface Bookkeeping extends Pick<
    SnsCallerRoleOutputs,
    "namePrefix" | "externalId" | "userPoolId" | "region" | "accountId" | "sourceArn" | "forceDelete" | "originationIdentity"
> {
    inputKeys: string[];
    owner?: string;
    instance?: string;
    sender: SmsSender;
    /** The inline permission policy the role has (its name, for read and delete). */
    policyName: string;
}

export function outputsOf(b: Bookkeeping, live: LiveRole, permissionPolicy: string | undefined): Outputs {
    const outs: Outputs = {
        arn: live.arn,
        roleName: live.roleName,
        roleId: live.roleId,
        path: live.path,
        // The owner and instance tags are the provider's, not the user's: never drift.
        tags: userTagsOf(live.tags),
        externalId: b.externalId,
        region: b.region,
        accountId: b.accountId,
        sourceArn: b.sourceArn,
        forceDelete: b.forceDelete,
        trustPolicy: live.trustPolicy,
    };
    if (b.sender !== DEFAULT_SENDER) outs.sender = b.sender;
    if (b.originationIdentity !== undefined) outs.originationIdentity = b.originationIdentity;
    if (b.policyName !== permissionPolicyFor(b.sender).name) outs.__policyName = b.policyName;
    outs.__inputKeys = b.inputKeys;
    if (b.namePrefix !== undefined) outs.namePrefix = b.namePrefix;
    if (b.userPoolId !== undefined) outs.userPoolId = b.userPoolId;
    if (live.description !== undefined) outs.description = live.description;
    if (live.permissionsBoundary !== undefined) outs.permissionsBoundary = live.permissionsBoundary;
    if (permissionPolicy !== undefined) outs.permissionPolicy = permissionPolicy;
    if (b.owner) outs.__owner = b.owner;
    if (b.instance) outs.__instance = b.instance;
    return stamped(ROLE_STATE, outs);
}

/** Inputs in the program's shape (only the args the user set), with what IAM has now. */
export function inputsFromOutputs(outs: Outputs): SnsCallerRoleInputs {
    const live: Record<string, unknown> = {
        roleName: outs.roleName,
        namePrefix: outs.namePrefix,
        path: outs.path,
        description: outs.description,
        permissionsBoundary: outs.permissionsBoundary,
        tags: outs.tags,
        externalId: outs.externalId,
        userPoolId: outs.userPoolId,
        region: outs.region,
        accountId: outs.accountId,
        forceDelete: outs.forceDelete,
        sender: outs.sender ?? DEFAULT_SENDER,
        originationIdentity: outs.originationIdentity,
    };
    const keys = recordedInputKeys(outs) ?? INPUT_KEYS;
    return Object.fromEntries(keys.filter((k) => live[k] !== undefined).map((k) => [k, live[k]]));
}

/** The trust policy the recorded outputs call for. */
export function expectedTrust(o: Pick<Outputs, "externalId" | "accountId" | "sourceArn">): string {
    return trustPolicyDocument({ externalId: o.externalId, accountId: o.accountId, sourceArn: o.sourceArn });
}

export function roleGone(roleName: string): Error {
    return new Error(
        `IAM role ${roleName} no longer exists. Run \`pulumi refresh\` so the engine forgets it; the next \`pulumi up\` creates it again (a user pool that uses it must then get the new ARN).`,
    );
}

export function stillReferenced(roleName: string, arn: string, poolId: string, sources: string[]): Error {
    return new Error(
        `Refusing to delete IAM role ${roleName}: user pool ${poolId} still uses it to send SMS (${sources.join("; ")} is ${arn}). ` +
            "Without the role the pool's SMS messages (MFA codes, verification) fail, and Cognito then refuses changes to its SMS settings with InvalidSmsRoleTrustRelationshipException; " +
            "a pool's SMS configuration cannot be removed, only pointed at another role. Way out: point the pool at another role first (smsConfiguration of its UserPoolMfaConfig or UserPool), " +
            "or delete the pool, or set forceDelete: true on this SnsCallerRole and run `pulumi up` before deleting it (delete uses the settings last stored in state), " +
            "or keep the role by removing it from the stack with `pulumi state delete <urn>`.",
    );
}

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

function notOurs(roleName: string, arn: string, owner: string, found: string | undefined): Error {
    const whose =
        found === undefined
            ? `it has no ${ROLE_OWNER_TAG} tag, so no SnsCallerRole created it`
            : `its ${ROLE_OWNER_TAG} tag says it belongs to ${found}`;
    return new Error(
        `Cannot create IAM role ${roleName}: a role with that name already exists (${arn}) and ${whose}, not to ${owner}. Refusing to take it over. ` +
            `Choose another roleName or namePrefix, or delete that role if nothing uses it (aws iam delete-role --role-name ${roleName}, after removing its policies). ` +
            `If it really is this resource's role (made by an earlier run whose state was lost), tag it and run \`pulumi up\` again: ` +
            `aws iam tag-role --role-name ${roleName} --tags Key=${ROLE_OWNER_TAG},Value=${owner}`,
    );
}

/**
 * The create that finds its role already there: adopts it when its owner tag is this resource's
 * (an earlier create whose checkpoint was lost), converging it like an update; refuses otherwise.
 */
async function adoptRole(
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
    const found = live.tags[ROLE_OWNER_TAG];
    if (found !== owner) throw notOurs(roleName, live.arn, owner, found);
    const path = args.path ?? DEFAULT_PATH;
    if (live.path !== path) {
        throw new Error(
            `Cannot adopt IAM role ${roleName} (${live.arn}): it is this resource's (${ROLE_OWNER_TAG} = ${owner}), left by an earlier create whose state was lost, but its path is ${live.path}, not ${path}, and a path cannot change. ` +
                `Set path back to "${live.path}" to adopt it, or delete it (aws iam delete-role --role-name ${roleName}, after removing its policies) and run \`pulumi up\` again.`,
        );
    }
    gw.log?.(`CreateRole ${roleName}: the role exists with this resource's owner tag (${owner}); adopting it`);
    const outs = await convergeRole(args, roleName, live, region, gw, source.accountId ? source : undefined, newInstanceToken());
    return { id: roleName, outs };
}

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
    const owner = args.__owner || live.tags[ROLE_OWNER_TAG] || undefined;
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

function bookkeeping(
    inputs: SnsCallerRoleInputs,
    region: string,
    accountId: string,
    sourceArn: string,
    owner?: string,
    instance?: string,
): Bookkeeping {
    return {
        owner,
        instance,
        namePrefix: inputs.roleName === undefined ? inputs.namePrefix : undefined,
        externalId: inputs.externalId!,
        userPoolId: inputs.userPoolId,
        region,
        accountId,
        sourceArn,
        forceDelete: inputs.forceDelete ?? false,
        inputKeys: inputKeysOf(inputs),
        sender: inputs.sender ?? DEFAULT_SENDER,
        originationIdentity: inputs.originationIdentity,
        policyName: permissionPolicyFor(inputs.sender, inputs.originationIdentity).name,
    };
}
