// ARNs: parsed into their parts, and the account, partition or role name they name. Pure.

import { javaPattern } from "./shape";

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** botocore ArnType (cognito-idp; 20-2048 characters). */
export const ARN_PATTERN = javaPattern(
    "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
);

export interface Arn {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

export function parseArn(arn: string): Arn | undefined {
    const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
    if (!m) return undefined;
    return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

/** The account and partition an ARN names (a role's or a pool's), or undefined. */
export function accountOf(arn: string | undefined): { accountId: string; partition: string } | undefined {
    const a = arn === undefined ? undefined : parseArn(arn);
    if (!a || !ACCOUNT_ID_PATTERN.test(a.account)) return undefined;
    return { accountId: a.account, partition: a.partition };
}

/** The role name an IAM role ARN names (`arn:aws:iam::1:role/path/name` -> `name`), or undefined. */
export function roleNameOf(arn: string): string | undefined {
    const a = parseArn(arn);
    if (!a || a.service !== "iam" || !a.resource.startsWith("role/")) return undefined;
    return a.resource.split("/").pop() || undefined;
}
