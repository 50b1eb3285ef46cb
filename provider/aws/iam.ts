// The only place that calls IAM (for the SMS role). Clients are built per call, as in
// cognito.ts, so credentials always come from the standard AWS chain.
//
// Verbs: find… reads (undefined when the thing does not exist), put… writes (create or
// converge), delete… removes (tolerating "already gone"). Every other AWS error is rethrown as
// an AwsCallError naming the operation, the role or pool, the AWS error name and a fix.
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
    ListAttachedRolePoliciesCommand,
    ListInstanceProfilesForRoleCommand,
    ListRolePoliciesCommand,
    PutRolePermissionsBoundaryCommand,
    PutRolePolicyCommand,
    Role,
    TagRoleCommand,
    UntagRoleCommand,
    UpdateAssumeRolePolicyCommand,
    UpdateRoleCommand,
} from "@aws-sdk/client-iam";
import { decodePolicyDocument } from "../common/policyDocument";
import { AwsCallError } from "./errors";
import { errorName, RetryClock, RetryRule, withRetry } from "./retry";

export interface IamGatewayOptions {
    /** Region for the clients: IAM is global, but the partition's endpoint and signing need one. */
    region?: string;
    clock?: RetryClock;
    log?: (message: string) => void;
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

// The SDK's adaptive mode retries throttling and 5xx; IAM's ConcurrentModification is not among
// them. Bounded, as everything in retry.ts.
const CONCURRENT: RetryRule = {
    names: ["ConcurrentModificationException", "ConcurrentModification"],
    budgetMs: 30_000,
    baseMs: 1_000,
    capMs: 8_000,
};

function iam(opts: IamGatewayOptions): IAMClient {
    return new IAMClient({ region: opts.region, retryMode: "adaptive", maxAttempts: 5 });
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

/**
 * An AwsCallError for an IAM call: same "<op> on <target> failed: <name>: <message>. <fix>"
 * text, with a fix for IAM (errors.ts's fixes speak of Cognito user pools).
 */
function iamError(operation: string, roleName: string, err: unknown, fix?: string): AwsCallError {
    const e = new AwsCallError(operation, `IAM role ${roleName}`, err);
    const text = fix ?? IAM_FIXES[iamErrorName(err)]?.(operation, roleName) ?? "";
    const awsMessage = err instanceof Error ? err.message : String(err);
    e.message = `${operation} on IAM role ${roleName} failed: ${e.awsErrorName}: ${awsMessage}${text ? `. ${text}` : ""}`;
    return e;
}

async function call<T>(opts: IamGatewayOptions, op: string, target: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, {
        rules: [CONCURRENT],
        clock: opts.clock,
        onRetry: (i) => opts.log?.(`${op} ${target}: ${i.error}, retry ${i.attempt} in ${i.delayMs} ms`),
    });
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
    const c = iam(opts);
    try {
        const res = await call(opts, "GetRole", roleName, () => c.send(new GetRoleCommand({ RoleName: roleName })));
        return res.Role ? liveRole(res.Role) : undefined;
    } catch (err) {
        if (iamErrorName(err) === "NoSuchEntity") return undefined;
        throw iamError("GetRole", roleName, err);
    } finally {
        c.destroy();
    }
}

/** An inline policy of the role (decoded, compact JSON), or undefined when the role or the policy does not exist. */
export async function findRolePolicy(roleName: string, policyName: string, opts: IamGatewayOptions = {}): Promise<string | undefined> {
    const c = iam(opts);
    try {
        const res = await call(opts, "GetRolePolicy", roleName, () =>
            c.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
        );
        return res.PolicyDocument === undefined ? undefined : decodePolicyDocument(res.PolicyDocument);
    } catch (err) {
        if (iamErrorName(err) === "NoSuchEntity") return undefined;
        throw iamError("GetRolePolicy", roleName, err);
    } finally {
        c.destroy();
    }
}

/** One permission policy of a role: inline (by name) or managed (by ARN, default version). */
export interface RolePermissionPolicy {
    source: string;
    /** Decoded, compact JSON. */
    document: string;
}

/**
 * Every permission policy of the role, read only: its inline policies (ListRolePolicies,
 * GetRolePolicy) and the default version of each attached managed policy
 * (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion). Used by the pre-flight checks;
 * errors (AccessDenied included) are thrown as AwsCallError naming the operation.
 */
export async function findRolePermissionPolicies(roleName: string, opts: IamGatewayOptions = {}): Promise<RolePermissionPolicy[]> {
    const c = iam(opts);
    let op = "ListRolePolicies";
    const out: RolePermissionPolicy[] = [];
    try {
        const inlineNames: string[] = [];
        let marker: string | undefined;
        do {
            const page = await call(opts, op, roleName, () => c.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker })));
            inlineNames.push(...(page?.PolicyNames ?? []));
            marker = page?.IsTruncated ? page.Marker : undefined;
        } while (marker);
        op = "GetRolePolicy";
        for (const name of inlineNames) {
            const res = await call(opts, op, roleName, () => c.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })));
            if (res?.PolicyDocument !== undefined)
                out.push({ source: `inline policy ${name}`, document: decodePolicyDocument(res.PolicyDocument) });
        }
        op = "ListAttachedRolePolicies";
        const attached: string[] = [];
        marker = undefined;
        do {
            const page = await call(opts, op, roleName, () =>
                c.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker })),
            );
            attached.push(...(page?.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? "").filter(Boolean));
            marker = page?.IsTruncated ? page.Marker : undefined;
        } while (marker);
        for (const arn of attached) {
            op = "GetPolicy";
            const policy = await call(opts, op, roleName, () => c.send(new GetPolicyCommand({ PolicyArn: arn })));
            const versionId = policy?.Policy?.DefaultVersionId;
            if (!versionId) continue;
            op = "GetPolicyVersion";
            const version = await call(opts, op, roleName, () =>
                c.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
            );
            const doc = version?.PolicyVersion?.Document;
            if (doc !== undefined) out.push({ source: `managed policy ${arn}`, document: decodePolicyDocument(doc) });
        }
        return out;
    } catch (err) {
        throw iamError(op, roleName, err);
    } finally {
        c.destroy();
    }
}

/** What is attached to the role, for a DeleteConflict message. Best effort: a failed list is left empty. */
export async function findDeleteBlockers(roleName: string, opts: IamGatewayOptions = {}): Promise<DeleteBlockers> {
    const c = iam(opts);
    const out: DeleteBlockers = { managedPolicyArns: [], inlinePolicyNames: [], instanceProfileNames: [] };
    try {
        const quiet = async <T>(fn: () => Promise<T>): Promise<T | undefined> => fn().catch(() => undefined);
        const attached = await quiet(() => c.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName })));
        out.managedPolicyArns = (attached?.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? p.PolicyName ?? "?");
        const inline = await quiet(() => c.send(new ListRolePoliciesCommand({ RoleName: roleName })));
        out.inlinePolicyNames = inline?.PolicyNames ?? [];
        const profiles = await quiet(() => c.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName })));
        out.instanceProfileNames = (profiles?.InstanceProfiles ?? []).map((p) => p.InstanceProfileName ?? "?");
        return out;
    } finally {
        c.destroy();
    }
}

/** The Region the AWS SDK's own chain resolves (AWS_REGION, profile), or undefined when it finds none. */
export async function findDefaultRegion(): Promise<string | undefined> {
    const c = iam({});
    try {
        return await c.config.region();
    } catch {
        return undefined;
    } finally {
        c.destroy();
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
    const c = iam(opts);
    const name = spec.roleName;
    let op = "CreateRole";
    try {
        if (!live) {
            const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }));
            const request: CreateRoleCommandInput = { RoleName: name, Path: spec.path, AssumeRolePolicyDocument: spec.trustPolicy };
            if (spec.description) request.Description = spec.description;
            if (spec.permissionsBoundary) request.PermissionsBoundary = spec.permissionsBoundary;
            if (tags.length > 0) request.Tags = tags;
            const res = await call(opts, op, name, () => c.send(new CreateRoleCommand(request)));
            if (!res.Role) throw new Error("CreateRole returned no role");
            return liveRole(res.Role);
        }
        const next: LiveRole = { ...live, tags: { ...live.tags } };
        if ((live.description ?? "") !== (spec.description ?? "")) {
            op = "UpdateRole";
            await call(opts, op, name, () => c.send(new UpdateRoleCommand({ RoleName: name, Description: spec.description ?? "" })));
            next.description = spec.description || undefined;
        }
        const removed = Object.keys(live.tags).filter((k) => !(k in spec.tags));
        if (removed.length > 0) {
            op = "UntagRole";
            await call(opts, op, name, () => c.send(new UntagRoleCommand({ RoleName: name, TagKeys: removed })));
            for (const k of removed) delete next.tags[k];
        }
        const changed = Object.entries(spec.tags).filter(([k, v]) => live.tags[k] !== v);
        if (changed.length > 0) {
            op = "TagRole";
            await call(opts, op, name, () =>
                c.send(new TagRoleCommand({ RoleName: name, Tags: changed.map(([Key, Value]) => ({ Key, Value })) })),
            );
            for (const [k, v] of changed) next.tags[k] = v;
        }
        if (live.permissionsBoundary !== spec.permissionsBoundary) {
            if (spec.permissionsBoundary) {
                op = "PutRolePermissionsBoundary";
                const boundary = spec.permissionsBoundary;
                await call(opts, op, name, () =>
                    c.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: boundary })),
                );
            } else {
                op = "DeleteRolePermissionsBoundary";
                await call(opts, op, name, () => c.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name })));
            }
            next.permissionsBoundary = spec.permissionsBoundary;
        }
        return next;
    } catch (err) {
        if (err instanceof AwsCallError) throw err;
        throw iamError(op, name, err);
    } finally {
        c.destroy();
    }
}

/** One IAM write with a client of its own; AWS errors come back with the fix. */
async function write(op: string, roleName: string, opts: IamGatewayOptions, send: (c: IAMClient) => Promise<unknown>): Promise<void> {
    const c = iam(opts);
    try {
        await call(opts, op, roleName, () => send(c));
    } catch (err) {
        throw iamError(op, roleName, err);
    } finally {
        c.destroy();
    }
}

/** Writes the role's trust policy (UpdateAssumeRolePolicy). */
export function putTrustPolicy(roleName: string, document: string, opts: IamGatewayOptions = {}): Promise<void> {
    return write("UpdateAssumeRolePolicy", roleName, opts, (c) =>
        c.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document })),
    );
}

/** Creates or replaces an inline policy of the role (PutRolePolicy is an upsert). */
export function putRolePolicy(roleName: string, policyName: string, document: string, opts: IamGatewayOptions = {}): Promise<void> {
    return write("PutRolePolicy", roleName, opts, (c) =>
        c.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document })),
    );
}

// ---------------------------------------------------------------------------------------------
// delete…

/** Deletes an inline policy; false when it (or the role) was already gone. */
export async function deleteRolePolicy(roleName: string, policyName: string, opts: IamGatewayOptions = {}): Promise<boolean> {
    const c = iam(opts);
    try {
        await call(opts, "DeleteRolePolicy", roleName, () =>
            c.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
        );
        return true;
    } catch (err) {
        if (iamErrorName(err) === "NoSuchEntity") return false;
        throw iamError("DeleteRolePolicy", roleName, err);
    } finally {
        c.destroy();
    }
}

/**
 * Deletes the role; false when it was already gone. A DeleteConflict (something this resource
 * does not manage is still attached) is explained with the list of what is attached.
 */
export async function deleteRole(roleName: string, opts: IamGatewayOptions = {}): Promise<boolean> {
    const c = iam(opts);
    try {
        await call(opts, "DeleteRole", roleName, () => c.send(new DeleteRoleCommand({ RoleName: roleName })));
        return true;
    } catch (err) {
        const name = iamErrorName(err);
        if (name === "NoSuchEntity") return false;
        if (name === "DeleteConflict") {
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
            const fix = `Something this resource does not manage is still attached to the role${parts.length > 0 ? `: ${parts.join("; ")}` : ""}. Detach it (or delete it where it is managed), then run the delete again.`;
            throw iamError("DeleteRole", roleName, err, fix);
        }
        throw iamError("DeleteRole", roleName, err);
    } finally {
        c.destroy();
    }
}
