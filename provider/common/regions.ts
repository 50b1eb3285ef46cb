// Regions and user pool ids: the Region a pool id names, the partition of a Region (from
// botocore's partitions.json, see partitions.ts), and the pool id / Region rules every resource
// that names a pool shares. Pure.
import { PARTITIONS } from "./partitions";
import { javaPattern } from "./shape";
import { Validator } from "./validator";

/** botocore UserPoolIdType: 1-55 characters of `[\w-]+_[0-9a-zA-Z]+`. */
export const USER_POOL_ID_PATTERN = javaPattern("[\\w-]+_[0-9a-zA-Z]+");

const regexes = PARTITIONS.map((p) => ({ id: p.id, regex: new RegExp(p.regionRegex), regions: new Set(p.regions) }));

/** True for a Region botocore knows (listed, or matching a partition's Region pattern). */
export function isKnownRegion(region: string): boolean {
    return regexes.some((p) => p.regions.has(region) || p.regex.test(region));
}

/**
 * The partition of a Region: the one that lists it, else the one whose Region pattern matches
 * (the more specific partitions first: the "aws" pattern also matches us-gov-* and us-iso-*).
 */
export function partitionOfRegion(region: string): string {
    const listed = regexes.find((p) => p.regions.has(region));
    if (listed) return listed.id;
    const matching = regexes.filter((p) => p.regex.test(region)).sort((a, b) => (a.id === "aws" ? 1 : 0) - (b.id === "aws" ? 1 : 0));
    return matching[0]?.id ?? "aws";
}

/** The Region a pool id names: user pool ids are `<region>_<suffix>`. */
export function poolRegion(userPoolId: string): string | undefined {
    const i = userPoolId.lastIndexOf("_");
    if (i <= 0) return undefined;
    const region = userPoolId.slice(0, i);
    return isKnownRegion(region) ? region : undefined;
}

/**
 * The Region a resource names: its `region` argument, else the Region in its pool id (a
 * multi-Region replica keeps its primary's id, so a `region` given always wins). Undefined when
 * neither says; callers then fall back to what they have (aws:region, the SDK's chain).
 */
export function namedRegion(region: unknown, userPoolId: unknown): string | undefined {
    if (typeof region === "string") return region;
    return typeof userPoolId === "string" ? poolRegion(userPoolId) : undefined;
}

/** The user pool id and Region rules shared by every resource that names a pool. */
export function checkPoolAndRegion(v: Validator, userPoolId: unknown, region: unknown): void {
    v.string("userPoolId", userPoolId, {
        min: 1,
        max: 55,
        pattern: USER_POOL_ID_PATTERN,
        patternText: 'look like "<region>_<id>", for example "us-east-1_AbCdEf123"',
    });
    // botocore RegionCodeType is 5-32 characters and no pattern: a Region botocore does not list
    // may be new, so it is a warning, not a refusal.
    v.string("region", region, { min: 5, max: 32 });
    v.known(region, (r) => {
        // A value the length rule refused is not a Region to compare.
        if (typeof r !== "string" || r.length < 5 || r.length > 32) return;
        if (!isKnownRegion(r)) {
            v.warn("region", r, 'is not a Region the AWS SDK\'s partitions list knows; check the spelling, such as "us-east-1"');
        }
        v.known(userPoolId, (poolId) => {
            const prefix = poolRegion(String(poolId));
            // A multi-Region replica keeps its primary's pool id (and so its Region prefix) and is
            // managed in its own Region (Developer Guide, multi-Region user pools): a warning.
            if (prefix && prefix !== r) {
                v.warn(
                    "region",
                    r,
                    `differs from the Region in the pool id (${String(poolId)} is in ${prefix}); that is right only for a multi-Region replica of the pool in ${String(r)}. Otherwise remove region or set it to "${prefix}"`,
                );
            }
        });
    });
}
