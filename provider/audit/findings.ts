// What the audit reports: per pool, its posture and findings. Every finding names its rule (id),
// its level, what was found, the fix, and how well the rule is established (the evidence).
import type { Evidence } from "../common/evidence";
import type { MfaMode } from "../userPoolMfaConfig/model";

export type Level = "failure" | "warning";
export const LEVELS: readonly Level[] = ["failure", "warning"];

export interface Finding {
    id: string;
    level: Level;
    message: string;
    fix: string;
    evidence: Evidence;
}

export interface PoolReport {
    userPoolId: string;
    name: string;
    region: string;
    /** Null when GetUserPoolMfaConfig could not be read. */
    mfaConfiguration: MfaMode | null;
    /** The pool's ARN, when DescribeUserPool answered. */
    arn?: string;
    findings: Finding[];
}

export interface AuditReport {
    pools: PoolReport[];
}

/** Whether a finding reaches `failOn`: "warning" counts both levels, "failure" failures only. */
export function reaches(level: Level, failOn: Level): boolean {
    return failOn === "warning" || level === "failure";
}
