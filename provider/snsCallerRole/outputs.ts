// The outputs codec of an SnsCallerRole: the outputs recorded from what IAM holds plus the
// bookkeeping that is not read from IAM, and the inputs in the program's shape given back from
// them (read). Pure.
import { DEFAULT_SENDER, INPUT_KEYS, inputKeysOf, SmsSender, SnsCallerRoleInputs, SnsCallerRoleOutputs, userTagsOf } from "./model";
import type { LiveRole } from "../aws/iam";
import { Outputs, recordedInputKeys } from "./legacy";
import { permissionPolicyFor, trustPolicyDocument } from "./policies";
import { stamped } from "../common/stateVersion";
import { ROLE_STATE } from "./stateVersion";

/** Everything in the outputs that is not read from IAM. */
export interface Bookkeeping extends Pick<
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

/** The outputs of a role as IAM has it (`live`, and its inline `permissionPolicy` if any), with the bookkeeping `b`. */
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

/** The bookkeeping of a role created, adopted or converged from `inputs`. */
export function bookkeeping(
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
