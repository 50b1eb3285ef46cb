// What the benchmark's figures must meet: the pass/fail rules report.mjs renders (and the floor
// part records as meetsGoal). The prose around them is report.mjs's.

/** Issue 15: ours / floor at most this for every operation at N >= GOAL_MIN_N. */
export const GOAL = 1.15;
export const GOAL_MIN_N = 400;

/** Whether the goal applies at N (smaller N are shown, not judged). */
export const goalApplies = (n) => Number(n) >= GOAL_MIN_N;

/** Whether a median ratio ours / floor meets the goal. */
export const meetsGoal = (ratio) => ratio <= GOAL;

/** Issue 15: state per resource at most 3 KB. */
export const STATE_LIMIT = 3 * 1024;

export const withinStateLimit = (bytes) => bytes <= STATE_LIMIT;

/** Issue 18: each method's CPU above the same requests made bare with one shared client, per AWS request, at most this (µs). */
export const OVERHEAD_PER_REQUEST_GOAL_US = 150;

export const meetsOverheadGoal = (cpuUsPerRequest) => cpuUsPerRequest <= OVERHEAD_PER_REQUEST_GOAL_US;

/** The floor for each operation (one UserPoolMfaConfig): what at most / exactly it may cost. */
export const FLOOR = {
    "up (create)": { text: "≤ 1 Set (0 when the pool already has the configuration)", ok: (c) => c.Set <= 1 },
    "preview (no change)": { text: "0 Get, 0 Set", ok: (c) => c.Get === 0 && c.Set === 0 },
    "up (no change)": { text: "0 Get, 0 Set", ok: (c) => c.Get === 0 && c.Set === 0 },
    "preview (change)": { text: "0 Set (a preview never writes), 0 Get", ok: (c) => c.Get === 0 && c.Set === 0 },
    "up (change)": { text: "exactly 1 Set", ok: (c) => c.Set === 1 },
    refresh: { text: "1 Get, 0 Set", ok: (c) => c.Get <= 1 && c.Set === 0 },
    destroy: { text: "≤ 1 Set", ok: (c) => c.Set <= 1 },
};

/**
 * One command of part "calls" against its floor: `ok` (Get/Set at the floor), `extra` (reads
 * beyond it, which need an explanation), `plansChange` (a no-change command that still plans an
 * update, or a refresh that finds drift).
 */
export function callVerdict(op, r) {
    const f = FLOOR[op];
    const ok = f ? f.ok(r.calls) : true;
    const extra =
        r.calls.Describe + r.calls.IAM + r.calls.Tag + r.calls.Other > 0 ||
        (["up (create)", "up (change)", "destroy"].includes(op) && r.calls.Get > 0);
    // A no-change command should also plan nothing (refresh: find no drift).
    const plansChange = (op.includes("no change") || op === "refresh") && r.steps.length > 0;
    return { ok, extra, plansChange };
}

/**
 * Whether every Get/Set figure above the floor (`"<kind> / <operation>"`) is moto's: it drops the
 * email and WebAuthn blocks, so their no-change commands write them again.
 */
export const onlyMotoDrops = (above) => above.every((a) => /^(Email|WebAuthn) \/ (up|preview) \(no change\)$/.test(a));

/**
 * The calls beyond the floor this run saw, each of which report.mjs must explain (it fails on one
 * it has no explanation for): a call the provider no longer makes drops out.
 */
export function callsToExplain(calls) {
    const seen = (op, call) => calls.some((k) => (k.ops[op]?.calls.byOp[call] ?? 0) > 0);
    const show = {
        "up (create):GetUserPoolMfaConfig": seen("up (create)", "GetUserPoolMfaConfig"),
        "up (create):DescribeUserPool": seen("up (create)", "DescribeUserPool"),
        "up (create):TagResource": seen("up (create)", "TagResource"),
        "up (change):GetUserPoolMfaConfig": seen("up (change)", "GetUserPoolMfaConfig"),
        "up (change):DescribeUserPool": seen("up (change)", "DescribeUserPool") || seen("preview (change)", "DescribeUserPool"),
        destroy: calls.some((k) => k.kind === "TOTP" && k.ops.destroy.calls.total > 1),
        iam: calls.some((k) => Object.values(k.ops).some((r) => r.calls.IAM > 0)),
        smsDestroy: calls.some((k) => k.kind === "SMS with role" && k.ops.destroy.calls.Get > 1),
        motoDrops: calls.some((k) => ["Email", "WebAuthn"].includes(k.kind)),
    };
    return Object.keys(show).filter((key) => show[key]);
}

// ---------------------------------------------------------------------------------------------
// Issue 20: at AWS's own quotas (part "quota").

const FLEET_CONFIG = { "pulumi-cognito-mfa:ownerTag": "false", "pulumi-cognito-mfa:preflight": "false" };
/**
 * The modes the quota part runs ours in: the stack settings (`config`) and environment (`env`)
 * of each, whether it is judged against the minimal floor too (the fleet goal), the engine rows
 * (ENGINE_MODES) it is judged beside (`engine`; `paced`: the same at the quota's pace), and how
 * many stacks of N / `stacks` each run at once (default 1).
 */
export const QUOTA_MODES = {
    default: { text: "defaults (owner tag, pre-flight)", config: {}, env: {}, minimal: false, engine: "engine", paced: "engine-paced" },
    fleet: {
        text: "`pulumi-cognito-mfa:ownerTag=false`, `pulumi-cognito-mfa:preflight=false`",
        config: FLEET_CONFIG,
        env: {},
        minimal: true,
        engine: "engine",
        paced: "engine-paced",
    },
    "fleet-skip": {
        text: "the *fleet* settings with `PULUMI_SKIP_CHECKPOINTS=true` (the engine writes the checkpoint once, at the end, instead of around every step: docs/scale.md section 5)",
        config: FLEET_CONFIG,
        env: { PULUMI_SKIP_CHECKPOINTS: "true" },
        minimal: true,
        engine: "engine-skip",
    },
    "fleet-zstd": {
        text: "the *fleet* settings with `PULUMI_DIY_BACKEND_ZSTD=true` (the file backend writes every checkpoint zstd-compressed: docs/scale.md section 1)",
        config: FLEET_CONFIG,
        env: { PULUMI_DIY_BACKEND_ZSTD: "true" },
        minimal: true,
        engine: "engine-zstd",
        paced: "engine-zstd-paced",
    },
    "fleet-split": {
        text: "the *fleet* settings in 2 stacks of N / 2, run at once, each with `COGNITO_MFA_QUOTA_SHARE=0.5` (half of each quota per stack: docs/scale.md section 1), checkpoints kept",
        config: FLEET_CONFIG,
        env: { COGNITO_MFA_QUOTA_SHARE: "0.5" },
        minimal: true,
        engine: "engine-split",
        stacks: 2,
    },
};

/** The null provider's rows: the engine's own time, in the environment of the modes judged beside them. */
export const ENGINE_MODES = {
    engine: { label: "engine (null provider)", env: {} },
    "engine-skip": { label: "engine (null provider), `PULUMI_SKIP_CHECKPOINTS=true`", env: { PULUMI_SKIP_CHECKPOINTS: "true" } },
    // The null provider answering each create, read, update and delete in its turn at 15/s
    // (bench/floor/provider.js BENCH_PACE_RPS), the pace of the minimal call set at Cognito's
    // quotas: the engine's own time when every resource's calls take the quota's time and no more.
    "engine-paced": { label: "engine (null provider), paced at 15 resources/s", env: { BENCH_PACE_RPS: "15" } },
    "engine-zstd": { label: "engine (null provider), `PULUMI_DIY_BACKEND_ZSTD=true`", env: { PULUMI_DIY_BACKEND_ZSTD: "true" } },
    "engine-zstd-paced": {
        label: "engine (null provider), `PULUMI_DIY_BACKEND_ZSTD=true`, paced at 15 resources/s",
        env: { PULUMI_DIY_BACKEND_ZSTD: "true", BENCH_PACE_RPS: "15" },
    },
    "engine-split": { label: "engine (null provider), 2 stacks of N / 2 at once", env: {}, stacks: 2 },
};

/** Wall time at most this × its floor. */
export const QUOTA_GOAL = 1.15;
/** Throttled answers at most this share of the requests. */
export const THROTTLE_GOAL = 0.1;
/** The goals are judged at this N and above (smaller N are shown). */
export const QUOTA_GOAL_MIN_N = 1000;

/**
 * The quota floor of the minimal lossless call set, in seconds: create Get + Set, refresh Get,
 * destroy Get + Set (each in its own 15/s category, so N / 15), a preview or a no-change up
 * nothing. With SnsCallerRole, also the role's CreateRole + PutRolePolicy (destroy: DeleteRolePolicy
 * + DeleteRole; refresh: GetRole + GetRolePolicy) at the proxy's assumed IAM rates (10 writes/s,
 * 20 reads/s).
 */
export function minimalFloorSeconds(op, n, sms) {
    const cognito = { up: n / 15, refresh: n / 15, destroy: n / 15 }[op] ?? 0;
    const iam = sms ? ({ up: (2 * n) / 10, refresh: (2 * n) / 20, destroy: (2 * n) / 10 }[op] ?? 0) : 0;
    return Math.max(cognito, iam);
}

/**
 * The floor a command is judged against: the quota floor (of its own calls, or of the minimal
 * set), but never below the engine's own time for the same command at the same N (section 2's
 * null provider, `engineSeconds`): a command that makes no call cannot take less than that.
 */
export const judgedFloor = (quotaFloor, engineSeconds) => Math.max(quotaFloor, engineSeconds ?? 0);

/**
 * The same floor with the program's start counted: a command's calls cannot begin before the
 * engine first asks the provider about a resource (the null provider's first call,
 * `engineFirstCallSeconds`: after the CLI, the program and its registrations have started), so
 * a command that makes calls takes at least that plus its quota floor; and it cannot take less
 * than the engine takes when its provider answers each resource at the quota's pace and does
 * nothing else (`pacedSeconds`, the engine-paced row): the engine's per-step checkpoint writes
 * then overlap the quota's time only as far as the engine itself lets them.
 */
export const programFloor = (quotaFloor, engineSeconds, engineFirstCallSeconds, pacedSeconds) =>
    Math.max(engineSeconds ?? 0, quotaFloor > 0 ? Math.max((engineFirstCallSeconds ?? 0) + quotaFloor, pacedSeconds ?? 0) : 0);

export const withinQuotaGoal = (seconds, floor) => seconds <= QUOTA_GOAL * floor;
export const withinThrottleGoal = (throttled, requests) => requests === 0 || throttled / requests <= THROTTLE_GOAL;
