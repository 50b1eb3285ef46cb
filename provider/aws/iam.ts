// The only place that calls IAM (for the SMS role). The client is the process's shared one
// (clients.ts), and every call goes through awsCall (call.ts).
//
// Verbs: find… reads (undefined when the thing does not exist), put… writes (create or
// converge), delete… removes (tolerating "already gone"). Every other AWS error is thrown as an
// AwsCallError naming the operation, the role, the AWS error name and a fix.
import {
    CreateRoleCommand,
    CreateRoleCommandInput,
    DeleteRoleCommand,
    DeleteRolePermissionsBoundaryCommand,
    DeleteRolePolicyCommand,
    GetPolicyCommand,
    GetPolicyVersionCommand,
    GetRoleCommand,
    GetRolePolicyCommand,
    IAMClient,
    paginateListAttachedRolePolicies,
    paginateListInstanceProfilesForRole,
    paginateListRolePolicies,
    PutRolePermissionsBoundaryCommand,
    PutRolePolicyCommand,
    Role,
    TagRoleCommand,
    UntagRoleCommand,
    UpdateAssumeRolePolicyCommand,
    UpdateRoleCommand,
} from "@aws-sdk/client-iam";
import { decodePolicyDocument } from "../common/policyDocument";
import { awsCall, Call, CallOptions } from "./call";
import { iamClient } from "./clients";
import { errorName } from "./retry";
import { failedWith } from "./errors";

export interface IamGatewayOptions extends CallOptions {
    /** Region for the client: IAM is global, but the partition's endpoint and signing need one. */
    region?: string;
}

/** A role as IAM has it. */
export interface LiveRole {
    arn: string;
    roleId: string;
    roleName: string;
    path: string;
    description?: string;
    permissionsBoundary?: string;
    tags: Record<string, string>;
    /** Decoded, compact JSON. */
    trustPolicy: string;
}

/** What CreateRole needs, and what putRole converges an existing role to. */
export type RoleSpec = Omit<LiveRole, "arn" | "roleId">;

/** What keeps DeleteRole from succeeding (DeleteConflict). */
export interface DeleteBlockers {
    managedPolicyArns: string[];
    inlinePolicyNames: string[];
    instanceProfileNames: string[];
}

/** The IAM error name without the SDK's "Exception" suffix: "NoSuchEntity", "AccessDenied", ... */
function iamErrorName(err: unknown): string {
    return errorName(err).replace(/Exception$/, "");
}

const IAM_FIXES: Record<string, (op: string, roleName: string) => string> = {
    AccessDenied: (op, roleName) =>
        `Grant the caller iam:${op} on the role ${roleName} (arn:<partition>:iam::<account>:role/<path>${roleName}), and check that no permissions boundary, SCP or session policy denies it.`,
    EntityAlreadyExists: (_op, roleName) =>
        `A role named ${roleName} already exists in this account (role names are unique regardless of path): choose another roleName, use namePrefix, or delete the existing role. Dynamic resources cannot import an existing role.`,
    NoSuchEntity: (_op, roleName) =>
        `The role ${roleName} no longer exists: run \`pulumi refresh\` so the engine forgets it; the next \`pulumi up\` creates it again.`,
    MalformedPolicyDocument: () => "IAM refused the policy document; the message above names the problem.",
    LimitExceeded: () =>
        "An IAM quota is reached (roles per account, tags per role, or the size of the role's policies): raise it or remove unused roles.",
    InvalidInput: () => "IAM refused an argument; the message above names it (roleName, path, tags, description).",
    UnmodifiableEntity: (_op, roleName) =>
        `The role ${roleName} is protected from changes (for example a service-linked role): manage another role.`,
    ServiceFailure: () => "IAM had an internal error; run again.",
    InvalidClientTokenId: () => "The AWS credentials are not valid: check AWS_PROFILE / AWS_ACCESS_KEY_ID.",
    ExpiredToken: () => "The AWS credentials have expired: refresh them (e.g. aws sso login) and run again.",
};

/** An IAM call on a role, whose error brings IAM's fix (errors.ts's fixes speak of Cognito user pools). */
function onRole(operation: string, roleName: string, fix?: (err: unknown) => Promise<string>): Call {
    return {
        operation,
        subject: roleName,
        target: `IAM role ${roleName}`,
        fix: fix ?? ((err) => IAM_FIXES[iamErrorName(err)]?.(operation, roleName) ?? ""),
    };
}

/** One IAM call on a role through the shared client. */
function send<T>(operation: string, roleName: string, opts: IamGatewayOptions, fn: (c: IAMClient) => Promise<T>): Promise<T> {
    const c = iamClient(opts.region);
    return awsCall(onRole(operation, roleName), opts, () => fn(c));
}

function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
    return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
}

function liveRole(role: Role): LiveRole {
    const out: LiveRole = {
        arn: role.Arn ?? "",
        roleId: role.RoleId ?? "",
        roleName: role.RoleName ?? "",
        path: role.Path ?? "/",
        tags: tagMap(role.Tags),
        trustPolicy: decodePolicyDocument(role.AssumeRolePolicyDocument ?? ""),
    };
    if (role.Description) out.description = role.Description;
    if (role.PermissionsBoundary?.PermissionsBoundaryArn) out.permissionsBoundary = role.PermissionsBoundary.PermissionsBoundaryArn;
    return out;
}

// ---------------------------------------------------------------------------------------------
// find…

/** The role, with its trust policy decoded (GetRole returns it URL-encoded), or undefined when it does not exist. */
export async function findRole(roleName: string, opts: IamGatewayOptions = {}): Promise<LiveRole | undefined> {
    try {
        const res = await send("GetRole", roleName, opts, (c) => c.send(new GetRoleCommand({ RoleName: roleName })));
        return res.Role ? liveRole(res.Role) : undefined;
    } catch (err) {
        if (failedWith(err, "NoSuchEntity")) return undefined;
        throw err;
    }
}

/** An inline policy of the role (decoded, compact JSON), or undefined when the role or the policy does not exist. */
export async function findRolePolicy(roleName: string, policyName: string, opts: IamGatewayOptions = {}): Promise<string | undefined> {
    try {
        const res = await send("GetRolePolicy", roleName, opts, (c) =>
            c.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
        );
        return res.PolicyDocument === undefined ? undefined : decodePolicyDocument(res.PolicyDocument);
    } catch (err) {
        if (failedWith(err, "NoSuchEntity")) return undefined;
        throw err;
    }
}

/** One permission policy of a role: inline (by name) or managed (by ARN, default version). */
export interface RolePermissionPolicy {
    source: string;
    /** Decoded, compact JSON. */
    document: string;
}

/** Every page of a list, as one call (a retry starts the list again: it only reads). */
async function all<P, T>(pages: (c: IAMClient) => AsyncIterable<P>, items: (page: P) => T[] | undefined, c: IAMClient): Promise<T[]> {
    const out: T[] = [];
    for await (const page of pages(c)) out.push(...(items(page) ?? []));
    return out;
}

function inlinePolicyNames(roleName: string, opts: IamGatewayOptions): Promise<string[]> {
    return send("ListRolePolicies", roleName, opts, (c) =>
        all(
            (client) => paginateListRolePolicies({ client }, { RoleName: roleName }),
            (p) => p.PolicyNames,
            c,
        ),
    );
}

function attachedPolicies(roleName: string, opts: IamGatewayOptions): Promise<{ PolicyArn?: string; PolicyName?: string }[]> {
    return send("ListAttachedRolePolicies", roleName, opts, (c) =>
        all(
            (client) => paginateListAttachedRolePolicies({ client }, { RoleName: roleName }),
            (p) => p.AttachedPolicies,
            c,
        ),
    );
}

/**
 * Every permission policy of the role, read only: its inline policies (ListRolePolicies,
 * GetRolePolicy) and the default version of each attached managed policy
 * (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion). Used by the pre-flight checks;
 * errors (AccessDenied included) are thrown as AwsCallError naming the operation.
 */
export async function findRolePermissionPolicies(roleName: string, opts: IamGatewayOptions = {}): Promise<RolePermissionPolicy[]> {
    const out: RolePermissionPolicy[] = [];
    for (const name of await inlinePolicyNames(roleName, opts)) {
        const res = await send("GetRolePolicy", roleName, opts, (c) =>
            c.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })),
        );
        if (res?.PolicyDocument !== undefined)
            out.push({ source: `inline policy ${name}`, document: decodePolicyDocument(res.PolicyDocument) });
    }
    const attached = (await attachedPolicies(roleName, opts)).map((p) => p.PolicyArn ?? "").filter(Boolean);
    for (const arn of attached) {
        const policy = await send("GetPolicy", roleName, opts, (c) => c.send(new GetPolicyCommand({ PolicyArn: arn })));
        const versionId = policy?.Policy?.DefaultVersionId;
        if (!versionId) continue;
        const version = await send("GetPolicyVersion", roleName, opts, (c) =>
            c.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
        );
        const doc = version?.PolicyVersion?.Document;
        if (doc !== undefined) out.push({ source: `managed policy ${arn}`, document: decodePolicyDocument(doc) });
    }
    return out;
}

/** What is attached to the role, for a DeleteConflict message. Best effort: a failed list is left empty. */
export async function findDeleteBlockers(roleName: string, opts: IamGatewayOptions = {}): Promise<DeleteBlockers> {
    const quiet = <T>(p: Promise<T[]>): Promise<T[]> => p.catch(() => []);
    const [attached, inline, profiles] = await Promise.all([
        quiet(attachedPolicies(roleName, opts)),
        quiet(inlinePolicyNames(roleName, opts)),
        quiet(
            send("ListInstanceProfilesForRole", roleName, opts, (c) =>
                all(
                    (client) => paginateListInstanceProfilesForRole({ client }, { RoleName: roleName }),
                    (p) => p.InstanceProfiles,
                    c,
                ),
            ),
        ),
    ]);
    return {
        managedPolicyArns: attached.map((p) => p.PolicyArn ?? p.PolicyName ?? "?"),
        inlinePolicyNames: inline,
        instanceProfileNames: profiles.map((p) => p.InstanceProfileName ?? "?"),
    };
}

/** The Region the AWS SDK's own chain resolves (AWS_REGION, profile), or undefined when it finds none. */
export async function findDefaultRegion(): Promise<string | undefined> {
    try {
        return await iamClient(undefined).config.region();
    } catch {
        return undefined;
    }
}

// ---------------------------------------------------------------------------------------------
// put…

/**
 * Creates the role (`live` undefined) or converges an existing one to `spec`: description,
 * tags and permissions boundary. The trust policy of an existing role is written by
 * {@link putTrustPolicy}; name and path cannot change (the provider replaces the role).
 * Returns the role as IAM has it afterwards.
 */
export async function putRole(spec: RoleSpec, live: LiveRole | undefined, opts: IamGatewayOptions = {}): Promise<LiveRole> {
    const name = spec.roleName;
    if (!live) {
        const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }));
        const request: CreateRoleCommandInput = { RoleName: name, Path: spec.path, AssumeRolePolicyDocument: spec.trustPolicy };
        if (spec.description) request.Description = spec.description;
        if (spec.permissionsBoundary) request.PermissionsBoundary = spec.permissionsBoundary;
        if (tags.length > 0) request.Tags = tags;
        const res = await send("CreateRole", name, opts, (c) => c.send(new CreateRoleCommand(request)));
        if (!res.Role) throw new Error("CreateRole returned no role");
        return liveRole(res.Role);
    }
    const next: LiveRole = { ...live, tags: { ...live.tags } };
    if ((live.description ?? "") !== (spec.description ?? "")) {
        await send("UpdateRole", name, opts, (c) => c.send(new UpdateRoleCommand({ RoleName: name, Description: spec.description ?? "" })));
        next.description = spec.description || undefined;
    }
    const removed = Object.keys(live.tags).filter((k) => !(k in spec.tags));
    if (removed.length > 0) {
        await send("UntagRole", name, opts, (c) => c.send(new UntagRoleCommand({ RoleName: name, TagKeys: removed })));
        for (const k of removed) delete next.tags[k];
    }
    const changed = Object.entries(spec.tags).filter(([k, v]) => live.tags[k] !== v);
    if (changed.length > 0) {
        await send("TagRole", name, opts, (c) =>
            c.send(new TagRoleCommand({ RoleName: name, Tags: changed.map(([Key, Value]) => ({ Key, Value })) })),
        );
        for (const [k, v] of changed) next.tags[k] = v;
    }
    if (live.permissionsBoundary !== spec.permissionsBoundary) {
        const boundary = spec.permissionsBoundary;
        if (boundary) {
            await send("PutRolePermissionsBoundary", name, opts, (c) =>
                c.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: boundary })),
            );
        } else {
            await send("DeleteRolePermissionsBoundary", name, opts, (c) =>
                c.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name })),
            );
        }
        next.permissionsBoundary = boundary;
    }
    return next;
}

/** Writes the role's trust policy (UpdateAssumeRolePolicy). */
export async function putTrustPolicy(roleName: string, document: string, opts: IamGatewayOptions = {}): Promise<void> {
    await send("UpdateAssumeRolePolicy", roleName, opts, (c) =>
        c.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document })),
    );
}

/** Creates or replaces an inline policy of the role (PutRolePolicy is an upsert). */
export async function putRolePolicy(roleName: string, policyName: string, document: string, opts: IamGatewayOptions = {}): Promise<void> {
    await send("PutRolePolicy", roleName, opts, (c) =>
        c.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document })),
    );
}

// ---------------------------------------------------------------------------------------------
// delete…

/** Deletes an inline policy; false when it (or the role) was already gone. */
export async function deleteRolePolicy(roleName: string, policyName: string, opts: IamGatewayOptions = {}): Promise<boolean> {
    try {
        await send("DeleteRolePolicy", roleName, opts, (c) =>
            c.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
        );
        return true;
    } catch (err) {
        if (failedWith(err, "NoSuchEntity")) return false;
        throw err;
    }
}

/** The fix for a DeleteConflict: what is still attached to the role, and how to detach it. */
async function deleteConflictFix(roleName: string, opts: IamGatewayOptions): Promise<string> {
    const b = await findDeleteBlockers(roleName, opts);
    const parts = [
        b.managedPolicyArns.length > 0
            ? `managed policies attached: ${b.managedPolicyArns.join(", ")} (aws iam detach-role-policy --role-name ${roleName} --policy-arn <arn>)`
            : "",
        b.inlinePolicyNames.length > 0
            ? `inline policies not managed here: ${b.inlinePolicyNames.join(", ")} (aws iam delete-role-policy --role-name ${roleName} --policy-name <name>)`
            : "",
        b.instanceProfileNames.length > 0
            ? `instance profiles: ${b.instanceProfileNames.join(", ")} (aws iam remove-role-from-instance-profile)`
            : "",
    ].filter(Boolean);
    return `Something this resource does not manage is still attached to the role${parts.length > 0 ? `: ${parts.join("; ")}` : ""}. Detach it (or delete it where it is managed), then run the delete again.`;
}

/**
 * Deletes the role; false when it was already gone. A DeleteConflict (something this resource
 * does not manage is still attached) is explained with the list of what is attached.
 */
export async function deleteRole(roleName: string, opts: IamGatewayOptions = {}): Promise<boolean> {
    const c = iamClient(opts.region);
    const call = onRole("DeleteRole", roleName, async (err) =>
        iamErrorName(err) === "DeleteConflict"
            ? deleteConflictFix(roleName, opts)
            : (IAM_FIXES[iamErrorName(err)]?.("DeleteRole", roleName) ?? ""),
    );
    try {
        await awsCall(call, opts, () => c.send(new DeleteRoleCommand({ RoleName: roleName })));
        return true;
    } catch (err) {
        if (failedWith(err, "NoSuchEntity")) return false;
        throw err;
    }
}
