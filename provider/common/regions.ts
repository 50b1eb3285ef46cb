// Regions and user pool ids: the Region a pool id names, the partition of a Region, and the pool
// id / Region rules every resource that names a pool shares. Pure.
import { Validator } from "./validator";

export const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The user pool id and Region rules shared by every resource that names a pool. */
export function checkPoolAndRegion(v: Validator, userPoolId: unknown, region: unknown): void {
    v.string("userPoolId", userPoolId, {
        min: 1,
        max: 55,
        pattern: USER_POOL_ID_PATTERN,
        patternText: 'look like "<region>_<id>", for example "us-east-1_AbCdEf123"',
    });
    v.string("region", region, { min: 5, max: 32, pattern: REGION_PATTERN, patternText: 'be an AWS Region code such as "us-east-1"' });
    v.known(region, (r) => {
        v.known(userPoolId, (poolId) => {
            const prefix = poolRegion(String(poolId));
            if (prefix && prefix !== r) {
                v.fail(
                    "region",
                    r,
                    `must be the Region the user pool lives in; pool ${String(poolId)} is in ${prefix}. Remove region or set it to "${prefix}"`,
                );
            }
        });
    });
}

/** The Region a pool id names: user pool ids are `<region>_<suffix>`. */
export function poolRegion(userPoolId: string): string | undefined {
    const i = userPoolId.lastIndexOf("_");
    if (i <= 0) return undefined;
    const region = userPoolId.slice(0, i);
    return REGION_PATTERN.test(region) ? region : undefined;
}

/** The partition of a Region, for when no ARN tells it. */
export function partitionOfRegion(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("us-isob-")) return "aws-iso-b";
    if (region.startsWith("us-isof-")) return "aws-iso-f";
    if (region.startsWith("eu-isoe-")) return "aws-iso-e";
    if (region.startsWith("us-iso-")) return "aws-iso";
    return "aws";
}
