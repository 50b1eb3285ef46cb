// Where an SnsCallerRole's trust policy points: the Region (for aws:SourceArn and the IAM calls)
// and the pool's account and partition (aws:SourceAccount, aws:SourceArn).
import { isAccessDenied } from "../aws/errors";
import { findUserPoolArn } from "../aws/cognito";
import { findDefaultRegion, IamGatewayOptions } from "../aws/iam";
import { accountOf } from "../common/arn";
import { namedRegion, partitionOfRegion } from "../common/regions";
import { debugLog } from "../runtime/log";
import { SnsCallerRoleInputs } from "./model";

/** Where the trust policy's conditions point: the pool's account and partition. */
export interface Source {
    accountId?: string;
    partition: string;
}

/** The options of the IAM calls for a role in `region`, logging to the engine's debug log. */
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
    const region = namedRegion(inputs.region, inputs.userPoolId) ?? (oldRegion || undefined) ?? stackRegion ?? (await findDefaultRegion());
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
export async function resolveSource(inputs: SnsCallerRoleInputs, region: string, gw: IamGatewayOptions, roleArn?: string): Promise<Source> {
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
            if (!isAccessDenied(err)) throw err;
            gw.log?.(`DescribeUserPool ${inputs.userPoolId} was denied; taking the account from the role's ARN instead`);
        }
    }
    return fromRole ?? { partition: partitionOfRegion(region) };
}
