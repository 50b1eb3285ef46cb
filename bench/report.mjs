// Renders bench/results.json (scripts/bench.mjs) as bench/results.md. What the figures must meet
// (the floor, the goal, the state limit, which calls need an explanation) is bench/policy.mjs.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { quotaSection } from "./quotaReport.mjs";
import {
    callsToExplain,
    callVerdict,
    FLOOR,
    goalApplies,
    meetsOverheadGoal,
    onlyMotoDrops,
    OVERHEAD_PER_REQUEST_GOAL_US,
    withinStateLimit,
} from "./policy.mjs";

/** Why a call beyond the bare Get/Set floor is made (keys: what shows up in byOp). */
const WHY = {
    "up (create):GetUserPoolMfaConfig":
        '**Get on create = adoption.** create reads the pool\'s current configuration once: it is kept as `__adoptedConfiguration` (what `deletePolicy: "restore"` writes back; not stored when it is MFA OFF and nothing else, since restore then writes what reset writes), members the service returns that the resource does not model make it refuse to write instead of dropping them, and the Set is skipped when the pool already has the desired configuration.',
    "up (create):DescribeUserPool":
        "**DescribeUserPool on create**: the one read of the pool per provider process, shared with `check`'s pre-flight: it gives the owner tag (a pool another resource has claimed is refused before anything is written) and the pool's ARN, which TagResource needs.",
    "up (create):TagResource":
        "**TagResource on create**: the owner tag that makes a second stack refuse the same pool before it writes (docs/reliability.md). It is why create makes 4 calls and not 3: the owner protection needs one read of the tag (the shared DescribeUserPool) and one write of it, and neither the Get (adoption, never dropping what the service returns) nor the Set can go. moto 5.2.3 has no cognito-idp tagging, so the proxy answers it (it is still counted).",
    "up (change):GetUserPoolMfaConfig":
        "**Get before Set on update**: SetUserPoolMfaConfig replaces the whole configuration, so update reads the live one first to send back WebAuthn settings the program does not manage, and to skip the Set entirely when the live configuration already matches (no billed test SMS, no no-op write).",
    "up (change):DescribeUserPool":
        "**DescribeUserPool on a changed preview / up**: `check`'s pre-flight runs when the inputs changed (never on a no-change preview). It is a read, memoized per provider process (one per pool however many resources and checks). `pulumi-cognito-mfa:preflight=false` turns it off.",
    "preview (change):DescribeUserPool": "see *DescribeUserPool on a changed preview / up* (pre-flight, read only).",
    destroy:
        "**destroy = DescribeUserPool + Get + Set(OFF) + UntagResource**: the DescribeUserPool reads the owner tag first (a pool another resource has claimed since is left alone; the ARN is what UntagResource needs); the Get skips the Set when the pool is already OFF and supplies the live WebAuthn block for the OFF write (SetUserPoolMfaConfig replaces everything, and whether an omitted WebAuthnConfiguration is kept is not settled, ../shared/reference/aws-mfa-api.md §2.1); UntagResource lets go of the pool. 4 and not 3 for the same reason as create: the owner protection is one read and one write of the tag.",
    iam: "**IAM (SMS with role only)**: SnsCallerRole's own calls (create: CreateRole, PutRolePolicy, …; read: GetRole + GetRolePolicy; delete: GetRole, the in-use guard (GetUserPoolMfaConfig + DescribeUserPool), DeleteRolePolicy, DeleteRole) plus the SMS pre-flight's read-only role checks in `check` when inputs changed (GetRole, ListRolePolicies, GetRolePolicy, ListAttachedRolePolicies), memoized per role per process.",
    smsDestroy:
        "**SMS destroy: Get 2, DescribeUserPool 2**: one of each is SnsCallerRole's delete guard (refuses to delete a role the pool still uses for SMS), the others are UserPoolMfaConfig's delete as above.",
    motoDrops:
        '**Email and WebAuthn on moto: the "no change" rows are not at the floor because of moto, not the provider.** moto 5.2.3 stores only the mode, SMS and TOTP of SetUserPoolMfaConfig and silently drops `EmailMfaConfiguration` and `WebAuthnConfiguration`. The provider stores what the service answered, so the state never holds the email / passkey block, the next preview plans an update (still without any call: diff is local), the next up writes it again (Get + Set), and refresh reports the missing block as drift — on AWS, which returns the blocks, these rows are the TOTP row\'s 0/0. The mocked-SDK unit tests (test/unit/userPoolMfaConfig/provider.test.ts: "an empty email block … is not a perpetual diff", "keeps WebAuthn settings the program does not manage…") check that once the service returns those blocks, `diff` finds no change — so a no-change preview or up makes no call.',
};

const fmtCalls = (c) => `${c.Get} | ${c.Set} | ${c.Describe} | ${c.IAM} | ${c.Tag}${c.Other ? ` (+${c.Other} other)` : ""}`;
const ops = (c) =>
    Object.entries(c.byOp)
        .map(([k, v]) => `${k}×${v}`)
        .join(", ") || "—";

function callsSection(calls) {
    const out = [];
    out.push("## 1. AWS calls per operation (one resource of each kind)");
    out.push("");
    out.push(
        "Each row is one `pulumi` command on a stack with one `UserPoolMfaConfig` (SMS: plus its `SnsCallerRole`), counted by the recording proxy in front of moto. *Get* = GetUserPoolMfaConfig, *Set* = SetUserPoolMfaConfig, *Describe* = DescribeUserPool, *IAM* = every IAM request, *Tag* = TagResource / UntagResource. `up` runs with `--skip-preview` (so the counts are those of the update alone); the change between the no-change and the change rows is named per kind.",
    );
    out.push("");
    const above = [];
    for (const k of calls) {
        out.push(`### ${k.kind} — \`${k.project}\` (change: ${k.change})`);
        out.push("");
        out.push("| operation | Get | Set | Describe | IAM | Tag | floor | at floor? | engine steps | requests |");
        out.push("|---|---:|---:|---:|---:|---:|---|---|---|---|");
        for (const [op, r] of Object.entries(k.ops)) {
            const f = FLOOR[op];
            const { ok, extra, plansChange } = callVerdict(op, r);
            if (!ok) above.push(`${k.kind} / ${op}`);
            const verdict = !ok
                ? "**no — see below**"
                : plansChange
                  ? `calls yes, but ${op === "refresh" ? "reports drift" : "plans an update"} (moto, see below)`
                  : extra
                    ? "yes (reads beyond the floor, see below)"
                    : "yes";
            out.push(`| ${op} | ${fmtCalls(r.calls)} | ${f?.text ?? ""} | ${verdict} | ${r.steps.join(", ") || "—"} | ${ops(r.calls)} |`);
        }
        out.push("");
    }
    out.push("### Figures above the floor, explained");
    out.push("");
    out.push(
        above.length === 0
            ? "Every Get/Set figure is at the floor. The reads beyond it are explained here."
            : `Get/Set figures above the floor: ${above.join("; ")}.${onlyMotoDrops(above) ? " All of them come from the moto limitation explained in the last point below; the provider's own figures are at the floor." : " See below."} The reads beyond the floor are explained here too.`,
    );
    out.push("");
    for (const key of callsToExplain(calls)) {
        if (!WHY[key]) throw new Error(`bench/report.mjs: no explanation for ${key}`);
        out.push(`- ${WHY[key]}`);
    }
    out.push(
        "- **refresh** makes exactly one Get per UserPoolMfaConfig (SMS: plus SnsCallerRole's GetRole + GetRolePolicy) and never writes.",
    );
    out.push("");
    return out;
}

function overheadSection(o) {
    const out = [];
    out.push("## 7. Provider overhead and state size");
    out.push("");
    if (!o.perRequest || o.table.some((r) => r.requests === undefined)) {
        // results.json from bench/overhead.mjs before it counted the requests per method.
        out.push("This run's overhead figures predate the per-request ones: run `BENCH_PARTS=overhead node scripts/bench.mjs` again.");
        out.push("");
        return out;
    }
    out.push(
        `\`bench/overhead.mjs\`, on Node ${o.node}: the \`UserPoolMfaConfigProvider\` methods called in process against moto (through the proxy), ${o.iterations} iterations after ${o.warmup} warm-up ones, each method timed with \`process.cpuUsage()\` (CPU of this process only: the time spent waiting for moto is not counted), in turns with the same requests made bare with the SDK and one shared client, as the provider makes them (provider/aws/clients.ts). *Overhead* = provider CPU − bare shared-client CPU: what the provider itself costs beyond its requests (validation, diff, mapping, the call wrapper). *Per request* divides it by the requests the method made (counted in the bare sequence); goal (issue 18): **at most ${OVERHEAD_PER_REQUEST_GOAL_US} µs per request**. *Paired* is the median of the per-iteration differences (the two ran back to back), less sensitive to the machine's load changing between iterations. Medians, µs of CPU.`,
    );
    out.push("");
    out.push(
        "| method | AWS requests | provider CPU (µs) | bare SDK, shared client (µs) | **overhead (µs)** | **per request (µs)** | paired, per request (µs) | goal | provider wall (ms) | bare wall (ms) |",
    );
    out.push("|---|---|---:|---:|---:|---:|---:|---|---:|---:|");
    for (const r of o.table) {
        const per = r.requests > 0 ? r.perRequestCpuUs : undefined;
        const verdict = per === undefined ? "—" : meetsOverheadGoal(per) ? "✓" : "✗";
        out.push(
            `| ${r.method} | ${r.calls} | ${r.providerCpuUs} | ${r.bareSharedClientCpuUs} | **${r.overheadCpuUs}** | ${per === undefined ? "—" : `**${per}**`} | ${per === undefined ? "—" : r.perRequestPairedCpuUs} | ${verdict} | ${r.providerWallMs} | ${r.bareSharedClientWallMs} |`,
        );
    }
    out.push("");
    const withRequests = o.table.filter((r) => r.requests > 0);
    const failing = withRequests.filter((r) => !meetsOverheadGoal(r.perRequestCpuUs));
    // What a client per call would cost: the bare sequences with a new client each time, apart.
    const perNewClient = withRequests.map((r) => (r.bareNewClientCpuUs - r.bareSharedClientCpuUs) / r.requests);
    out.push(
        `Reading the table: ${
            failing.length === 0
                ? `every method that makes requests is within ${OVERHEAD_PER_REQUEST_GOAL_US} µs per request`
                : `above ${OVERHEAD_PER_REQUEST_GOAL_US} µs per request: ${failing.map((r) => `${r.method} ${r.perRequestCpuUs} µs`).join(", ")}`
        } (a negative figure is measurement noise: the overhead there is below what this machine resolves). The methods without requests cost ${o.table
            .filter((r) => r.requests === 0)
            .map((r) => `${r.method} ${r.overheadCpuUs} µs`)
            .join(
                ", ",
            )}. The same requests with a new client per call (the provider before it shared one per process; run apart, after the rest) cost ${Math.round(Math.min(...perNewClient))}–${Math.round(Math.max(...perNewClient))} µs of CPU more per request than with the shared client. Either is small next to the pulumi engine's own per-resource cost in section 2.`,
    );
    out.push("");
    out.push(
        `Requests the overhead run made, per operation: ${Object.entries(o.calls)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")} (provider and both bare variants make the same ones).`,
    );
    out.push("");
    return out;
}

function stateSection(calls, floor) {
    const out = [];
    out.push("### State size (`pulumi stack export`, as stored: secrets stay ciphertext)");
    out.push("");
    out.push("`__provider` is the serialized provider (one string, stored in both the inputs and the outputs of each dynamic resource).");
    out.push("");
    out.push("| program | resource | `__provider` (chars) | copies | resource JSON (bytes) | without `__provider` (bytes) | ≤ 3 KB? |");
    out.push("|---|---|---:|---:|---:|---:|---|");
    const rows = [];
    for (const k of calls ?? []) for (const s of k.state) rows.push([k.project, s]);
    const big = Object.entries(floor?.state ?? {}).at(-1);
    if (big) {
        const [n, st] = big;
        for (const [p, label, type] of [
            ["ours", "many-mfa", "UserPoolMfaConfig"],
            ["floor", "many-null (floor)", "NullResource"],
        ])
            rows.push([
                `${label}, N = ${n} (median resource)`,
                {
                    type,
                    name: `× ${n}`,
                    providerStringChars: st[p].providerStringChars,
                    providerCopies: st[p].providerCopies,
                    resourceJsonBytes: st[p].bytesPerResourceMedian,
                    resourceJsonBytesWithoutProvider: st[p].bytesPerResourceWithoutProviderMedian,
                },
            ]);
    }
    let over = false;
    for (const [p, s] of rows) {
        const ok = withinStateLimit(s.resourceJsonBytes);
        over ||= !ok;
        out.push(
            `| ${p} | ${s.type} ${s.name} | ${s.providerStringChars} | ${s.providerCopies} | ${s.resourceJsonBytes} | ${s.resourceJsonBytesWithoutProvider} | ${ok ? "yes" : "**no**"} |`,
        );
    }
    out.push("");
    out.push(
        `${over ? "**Not every resource is within 3 KB** (issue 15's goal). " : "Every resource is within 3 KB. "}What \`__provider\` is made of — the modules it \`require()\`s by reference: ${requiresOf(calls)}; the text itself is in results.json (\`calls[].state[].providerText\`, \`floor.providerText\`). The floor's \`__provider\` is what \`pulumi.dynamic.Resource\` stores for a provider that is a module's exports: a function returning \`require("pulumi-null-dynamic/provider")\`.`,
    );
    out.push("");
    return out;
}

function requiresOf(calls) {
    const seen = [];
    const types = new Set();
    for (const k of calls ?? [])
        for (const st of k.state)
            if (st.providerRequires && !types.has(st.type) && types.add(st.type))
                seen.push(`${st.type}: ${st.providerRequires.map((m) => "`" + m.replace(/^.*node_modules\//, "") + "`").join(", ")}`);
    return seen.join("; ") || "see results.json";
}

function shapeSection(sh, floor) {
    const out = ["### The floor with ours' properties", ""];
    out.push(
        `The floor's resource registers 4 properties (its three inputs and \`__provider\`); a UserPoolMfaConfig registers 11: its 8 declared outputs (seeded \`undefined\` so that each is an Output), the hidden \`__owner\` input and \`__provider\`. For every property the Node SDK makes 4 promises, and each captures a stack trace (\`debuggablePromise\` in @pulumi/pulumi/runtime/debuggable.js), which ts-node's source-map support then maps frame by frame: a CPU profile of the program (\`NODE_OPTIONS=--cpu-prof\`) of a no-change \`pulumi preview\` of 400 UserPoolMfaConfig put 2.8 s of its CPU there. Here the floor program registers the same 11 properties (\`pulumi config set shape ours\`, bench/fixtures/many-null), with still no AWS call, against ours at N = ${sh.n}, ${sh.runs} round${sh.runs === 1 ? "" : "s"}, order alternating: what is left between the two is what ours' provider and its AWS calls cost.`,
        "",
    );
    out.push(
        "| operation | floor, same properties (s) | ours (s) | ours / floor with ours' properties, per round | median | ours / floor (4 properties), section 2 | ours' AWS calls |",
    );
    out.push("|---|---:|---:|---|---:|---:|---:|");
    for (const [op, t] of Object.entries(sh.table)) {
        const plain = floor?.table?.[sh.n]?.[op]?.ratioMedian;
        out.push(
            `| ${op} | ${t.shapedSeconds} | ${t.oursSeconds} | ${t.ratiosPerRound.join(", ")} | ${t.ratioMedian} | ${plain ?? "—"} | ${t.oursCalls} |`,
        );
    }
    out.push("");
    if (sh.state)
        out.push(
            `State per resource: floor with ours' properties ${sh.state.shaped.bytesPerResourceMedian} bytes, ours ${sh.state.ours.bytesPerResourceMedian} bytes (median, \`pulumi stack export\`).`,
            "",
        );
    return out;
}

/**
 * The before-issue-15 run (bench/results-before.json), kept so that every later results file
 * compares with it; none for that run's own file.
 */
export function beforeRun(name) {
    const path = join(dirname(fileURLToPath(import.meta.url)), "results-before.json");
    return name !== "results-before" && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}

export function renderMarkdown(r, { json = "results.json", before } = {}) {
    const m = r.machine;
    const out = [];
    out.push("# pulumi-cognito-mfa benchmark results");
    out.push("");
    out.push("Produced by:");
    out.push("");
    out.push("```sh");
    out.push(r.command);
    out.push("```");
    out.push("");
    const st = r.settings;
    out.push(
        `(${r.command.includes("npm run bench") ? "`npm run bench` = `node scripts/setup.mjs && node scripts/bench.mjs && BENCH_FULL=1 node scripts/run-tests.mjs reliability`; these results are the bench.mjs half" : "the measuring half of `npm run bench`, run by hand after `node scripts/setup.mjs`"}. Settings: parts ${st.parts.join(", ")}; N = ${st.NS.join(", ")}; ${st.RUNS} rounds for N ≤ 10, ${st.RUNS_LARGE} for 10 < N < 1,000, ${st.RUNS_HUGE} for N ≥ 1,000.) Started ${r.startedAt}, took ${Math.round(r.totalSeconds)} s. Raw figures: [${json}](${json}). Against moto (in-memory AWS emulator) through the recording proxy (test/harness/faultProxy.ts; no fault rules except the throttling of section 5), all on loopback.`,
    );
    for (const k of r.kept?.from ?? [])
        out.push(
            "",
            `**Kept from an earlier run** (\`BENCH_KEEP=1\`): the figures of parts ${k.parts.join(", ")} come from \`${k.command}\`, started ${k.startedAt}; the machine and load below are this run's.`,
        );
    if (r.errors)
        out.push(
            "",
            `**Parts that failed in this run:** ${Object.entries(r.errors)
                .map(([k, v]) => `${k}: \`${v.split("\n")[0]}\``)
                .join("; ")}.`,
        );
    out.push("");
    out.push("## Machine");
    out.push("");
    out.push("| | |");
    out.push("|---|---|");
    out.push(`| CPUs (nproc) | ${m.nproc} |`);
    out.push(`| memory | ${m.memTotalGiB} GiB |`);
    out.push(`| CPU model | ${m.cpuModel} |`);
    out.push(`| kernel | ${m.kernel} |`);
    out.push(`| Node.js | ${m.node} |`);
    out.push(`| pulumi CLI | ${m.pulumi} |`);
    out.push(`| moto | ${m.moto} |`);
    out.push(`| AWS CLI | ${m.awsCli} |`);
    out.push(`| AWS SDK for JS (client-cognito-identity-provider) | ${m.awsSdk} |`);
    out.push(
        `| load average (1/5/15 min) at start → end | ${m.loadAverageAtStart.join(" / ")} → ${(m.loadAverageAtEnd ?? []).join(" / ")} |`,
    );
    if (m.scratchFilesystem) out.push(`| scratch filesystem (backends) | ${m.scratchFilesystem} |`);
    out.push("");
    out.push(
        `Absolute times depend on what else the ${m.nproc} CPUs were doing (the load averages above, and per round in section 2); the ratios compare the floor's and ours run back to back, command by command, in the same conditions, and the order alternates by round.`,
    );
    out.push("");
    if (r.floor) out.push(...headline(r.floor));
    if (r.floor && before?.floor) out.push(...beforeAfter(before, r));
    if (r.calls) out.push(...callsSection(r.calls));
    if (r.floor) out.push(...floorSection(r.floor, r.settings));
    if (r.shape) out.push(...shapeSection(r.shape, r.floor));
    if (r.floor && r.baselines) out.push(...gapSection(r.floor, r.baselines));
    if (r.iocheck) out.push(...iocheckSection(r.iocheck));
    if (r.baselines) out.push(...baselinesSection(r.baselines, r.floor));
    if (r.parallel) out.push(...parallelSection(r.parallel));
    if (r.stacks) out.push(...stacksSection(r.stacks));
    if (r.overhead) out.push(...overheadSection(r.overhead));
    if (r.calls || r.floor) out.push(...stateSection(r.calls, r.floor));
    if (r.quota) out.push(...quotaSection(r.quota, r.floor));
    if (r.partSeconds)
        out.push(
            `Time per part (s): ${Object.entries(r.partSeconds)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}; total ${r.totalSeconds} s.`,
            "",
        );
    return out.join("\n") + "\n";
}

const MB = (b) => (b === undefined || Number.isNaN(b) ? "—" : (b / 1e6).toFixed(b < 1e7 ? 2 : 1));
const fmtPerRes = (o) =>
    Object.entries(o ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "0";
const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);

function headline(f) {
    const out = ["## Headline: ours / floor", ""];
    const ns = Object.keys(f.table).map(Number);
    const big = ns.filter(goalApplies);
    out.push(
        `Wall time of ours (test/fixtures/many-mfa: N × UserPoolMfaConfig) over the floor (bench/fixtures/many-null: N × a null dynamic resource, same inputs, no AWS call), median of the per-round ratios (each round runs the two back to back, command by command). Goal (issue 15): **ours / floor ≤ ${f.goal} for every operation at N = 400 and 1,000**${big.length ? "" : " — this run has no N ≥ 400"}.`,
    );
    out.push("");
    out.push(
        `| N | ${f.ops.join(" | ")} | state per resource, ours / floor (bytes) | bytes written per up, ours / floor (MB) | calls per create / destroy (ours) |`,
    );
    out.push(`|---:|${f.ops.map(() => "---:").join("|")}|---:|---:|---|`);
    for (const n of ns) {
        const t = f.table[n];
        const st = f.state[n];
        const cell = (op) => {
            const r = t[op].ratioMedian;
            return goalApplies(n) ? (r <= f.goal ? `${r} ✓` : `**${r}** ✗`) : `${r}`;
        };
        out.push(
            `| ${n} | ${f.ops.map(cell).join(" | ")} | ${st?.ours.bytesPerResourceMedian ?? "—"} / ${st?.floor.bytesPerResourceMedian ?? "—"} | ${MB(t.up.oursWriteBytes)} / ${MB(t.up.floorWriteBytes)} | ${+sum(t.up.oursCallsPerResource).toFixed(2)} / ${+sum(t.destroy.oursCallsPerResource).toFixed(2)} |`,
        );
    }
    out.push("");
    if (big.length) {
        const misses = big.flatMap((n) =>
            f.ops.filter((op) => !f.table[n][op].meetsGoal).map((op) => `${op} at N = ${n} (${f.table[n][op].ratioMedian})`),
        );
        out.push(misses.length ? `Goal missed: ${misses.join("; ")}.` : `Goal met for every operation at N = ${big.join(" and ")}.`);
        out.push("");
    }
    return out;
}

function floorSection(f, settings) {
    const out = [];
    out.push("## 2. Ours beside the floor");
    out.push("");
    out.push(
        "Both programs run with the same CLI, the same file:// backend kind (one per program, in the same scratch directory), the same stack settings (config `userPoolIds`: the same N pools), Pulumi's default parallelism, and the package installed from its `npm pack` tarball (the floor: `bench/floor`, whose provider module's `module.exports` is the provider, so `__provider` is just its `require`). Each round creates a fresh stack per program and runs, for each command in turn, the floor's and ours back to back (who goes first alternates by round): " +
            f.ops.map((op) => `**${op}** \`pulumi ${f.opArgs[op].join(" ")} --non-interactive\``).join(", ") +
            ". Wall time is from fork to exit of the `pulumi` process (bench/ioexec.py). `preview` and `up (no change)` follow the creating `up`; `refresh` finds no drift.",
    );
    out.push("");
    out.push(
        "| N | operation | runs | floor (s) | ours (s) | ours / floor per round | median | bytes written, floor (MB) | bytes written, ours (MB) | AWS calls per resource, ours |",
    );
    out.push("|---:|---|---:|---:|---:|---|---:|---:|---:|---|");
    for (const [n, rows] of Object.entries(f.table))
        for (const [op, r] of Object.entries(rows))
            out.push(
                `| ${n} | ${op} | ${r.runs} | ${r.floorSeconds} | ${r.oursSeconds} | ${r.ratiosPerRound.join(", ")} | ${goalApplies(n) ? (r.meetsGoal ? `${r.ratioMedian} ✓` : `**${r.ratioMedian}** ✗`) : r.ratioMedian} | ${MB(r.floorWriteBytes)} | ${MB(r.oursWriteBytes)} | ${fmtPerRes(r.oursCallsPerResource)} |`,
            );
    out.push("");
    const floorCalls = Object.values(f.table).flatMap((rows) => Object.values(rows).map((r) => r.floorCallsTotal));
    out.push(
        `The floor made ${Math.max(...floorCalls) === 0 ? "no AWS call at all" : `up to ${Math.max(...floorCalls)} AWS calls`} (counted by the same proxy). Runs: ${settings.RUNS} for N ≤ 10, ${settings.RUNS_LARGE} for 10 < N < 1,000, ${settings.RUNS_HUGE} for N ≥ 1,000; every sample, with the load average when it started, is in results.json (\`floor.rounds\`). *Bytes written* = \`write_bytes\` of the pulumi process tree (section 3); median of the rounds.`,
    );
    out.push("");
    const warn = Object.entries(f.table).flatMap(([n, rows]) =>
        Object.entries(rows).flatMap(([op, r]) => r.unexpected.map((u) => `N = ${n} ${op}: ${u}`)),
    );
    if (warn.length) out.push(`Commands whose summary was not the expected one: ${warn.join("; ")}.`, "");
    out.push(
        "Load average (1 min) at the start of each round: " +
            f.rounds.map((r) => `N = ${r.n} round ${r.run}: ${r.loadAtStart[0]}`).join(", ") +
            ".",
    );
    out.push("");
    out.push("### State and checkpoint size per N (after the creating `up`)");
    out.push("");
    out.push(
        "| N | program | resource JSON, median (bytes) | without `__provider` (bytes) | `__provider` (chars × copies) | checkpoint file (bytes) | checkpoint / N (bytes) | bytes written by `up` / checkpoint file |",
    );
    out.push("|---:|---|---:|---:|---:|---:|---:|---:|");
    for (const [n, st] of Object.entries(f.state))
        for (const p of ["floor", "ours"]) {
            const s = st[p];
            const w = f.table[n].up[p === "ours" ? "oursWriteBytes" : "floorWriteBytes"];
            out.push(
                `| ${n} | ${p} | ${s.bytesPerResourceMedian} | ${s.bytesPerResourceWithoutProviderMedian} | ${s.providerStringChars} × ${s.providerCopies} | ${s.checkpointFileBytes} | ${s.checkpointBytesPerResource} | ${s.checkpointFileBytes ? (w / s.checkpointFileBytes).toFixed(0) : "—"} |`,
            );
        }
    out.push("");
    out.push(
        "The last column is how many full copies of the final checkpoint the `up` wrote: the file backend rewrites the whole checkpoint (and a `.bak` copy of the previous one) at every step, so it grows with N while each copy grows with N too — bytes written per `up` grow with N², and with the state per resource.",
    );
    out.push("");
    return out;
}

/** The files outside the backend that the strace runs saw written, without the scratch prefix. */
function otherFiles(io) {
    const paths = Object.values(io).flatMap((ps) => Object.values(ps).flatMap((x) => (x.otherFiles ?? []).map((o) => o.path)));
    const shown = [...new Set(paths.filter((p) => p.startsWith("<scratch>/")).map((p) => p.split("/").slice(2, -1).join("/") + "/…"))];
    return shown.length ? shown.map((p) => `\`${p}\``).join(", ") + " (Pulumi's own log of each update)" : "none";
}

function iocheckSection(io) {
    const out = ['## 3. What "bytes written" counts', ""];
    out.push(
        "`bench/ioexec.py` forks `pulumi`, waits for it with `waitid(P_PID, pid, WEXITED | WNOWAIT)` (the process has exited but is not reaped, so `/proc/<pid>/io` is still there), reads that file, then reaps it. At that point the kernel has folded into the counters the I/O of every thread of the CLI and of every child it reaped itself (language host, Node program, dynamic-provider plugins). **`write_bytes`** is the figure used: bytes of page cache dirtied for files on a block device, counted when dirtied, so a checkpoint written and then renamed over before writeback still counts. The scratch directory (backends, PULUMI_HOME) is on " +
            "a block-device filesystem (see the machine table); on tmpfs `write_bytes` would be 0. `wchar` (every `write(2)`, pipes and gRPC sockets included) is kept in results.json for comparison.",
    );
    out.push("");
    if (io.skipped) {
        out.push(`The strace check was skipped: ${io.skipped}.`, "");
        return out;
    }
    out.push(
        "To check it, the same `up` (fresh stack, same N) was run once under `strace -ff -y -e trace=write,pwrite64,writev,…,rename,renameat,renameat2` and the bytes each process wrote were summed by file (a temp file under the name it was renamed to); a checkpoint save is a rename onto `<stack>.json`. Then it ran again through ioexec:",
    );
    out.push("");
    out.push(
        "| N | program | checkpoint saves | `.bak` saves | backend bytes (strace) | of which `<stack>.json` | `.json.bak` | history + backups | other files (strace) | `write_bytes` (ioexec) | write_bytes / backend bytes | AWS calls |",
    );
    out.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [n, progs] of Object.entries(io))
        for (const [p, r] of Object.entries(progs)) {
            const c = r.bytesByClass;
            out.push(
                `| ${n} | ${p} | ${r.checkpointSaves} | ${r.bakSaves} | ${r.backendBytes} | ${c["backend: checkpoint <stack>.json"] ?? 0} | ${c["backend: <stack>.json.bak"] ?? 0} | ${(c["backend: history"] ?? 0) + (c["backend: backups"] ?? 0)} | ${c["other files"] ?? 0} | ${r.ioexec.write_bytes} | ${(r.ioexec.write_bytes / r.backendBytes).toFixed(2)} | ${r.calls} |`,
            );
        }
    out.push("");
    out.push(
        `\`write_bytes\` counts whole 4 KiB pages (each small \`.attrs\` sidecar costs a page), and files outside the backend too — here: ${otherFiles(io)} — so it is a little above the exact backend bytes at small N, and within a few per cent from N = 100. A save count of 2N + 5 is one save at the start and one at the end of each resource step, plus a few per command; each save also rewrites \`<stack>.json.bak\`.`,
    );
    out.push("");
    return out;
}

function baselinesSection(b, f) {
    const out = ["## 4. The same N calls without Pulumi", ""];
    out.push(
        `The N writes / reads made outside Pulumi, through the same proxy and moto: **aws CLI loop** (\`while read id; do aws cognito-idp set-user-pool-mfa-config --user-pool-id $id … --endpoint-url <proxy>; done\`, awscli from tools/bench-requirements.txt, one process per call; only for N ≤ ${b.cliMaxN}: it costs about 1 s per call here, linear in N, so at N = 100 it would add minutes per round to show what N ≤ ${b.cliMaxN} already shows; \`BENCH_CLI_MAX_N\` raises it), **SDK script** (\`bench/sdk-script.mjs\`, one Node process and one client, sequential or Promise.all). \`up\` is compared with N Sets, \`destroy\` with N Sets to OFF, the others with N Gets.`,
    );
    out.push("");
    const tools = [...new Set(Object.values(b.table).flatMap((t) => Object.keys(t)))];
    out.push(`| N | operation | ours (s) | floor (s) | ${tools.map((t) => `${t} (s)`).join(" | ")} |`);
    out.push(`|---:|---|---:|---:|${tools.map(() => "---:").join("|")}|`);
    for (const [n, t] of Object.entries(b.table))
        for (const [op, base] of Object.entries(b.baselineOp))
            out.push(
                `| ${n} | ${op} (vs ${base} ×${n}) | ${f?.table[n]?.[op]?.oursSeconds ?? "—"} | ${f?.table[n]?.[op]?.floorSeconds ?? "—"} | ${tools.map((tool) => t[tool]?.[base] ?? "—").join(" | ")} |`,
            );
    out.push("");
    return out;
}

function parallelSection(p) {
    const out = ["## 5. `--parallel` against Cognito's rate limit", ""];
    out.push(
        `N = ${p.n} UserPoolMfaConfig, one stack, the proxy answering every cognito-idp request above ${p.rps} requests/s (token bucket, burst ${p.rps}) with HTTP 429 TooManyRequestsException — Cognito's per-account, per-Region quota for these operations. \`up\` = \`pulumi up --yes --skip-preview --parallel P\`, then \`destroy\` likewise (unlimited = \`--parallel 2147483647\`, the engine's "infinite"; Pulumi's default is 4 × GOMAXPROCS = 8 on this 2-CPU machine). *Quota time* = the least time ${p.rps} requests/s allows for the requests that got through.`,
    );
    out.push("");
    out.push(
        "| --parallel | up (s) | requests | throttled (429) | accepted / s | quota time (s) | destroy (s) | requests | throttled | accepted / s | quota time (s) | result |",
    );
    out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const r of p.rows)
        out.push(
            `| ${r.parallel} | ${r.up.seconds} | ${r.up.requests} | ${r.up.throttled} | ${r.up.acceptedPerSecond} | ${r.up.quotaSeconds} | ${r.destroy.seconds} | ${r.destroy.requests} | ${r.destroy.throttled} | ${r.destroy.acceptedPerSecond} | ${r.destroy.quotaSeconds} | ${[r.up, r.destroy].some((x) => x.exitCode) ? `**failed**: ${[r.up.failure, r.destroy.failure].filter(Boolean).join(" / ").replace(/\|/g, "\\|").slice(0, 300)}` : "ok"} |`,
        );
    out.push("");
    return out;
}

function stacksSection(s) {
    const out = ["## 6. One stack or several", ""];
    out.push(
        `${s.n} UserPoolMfaConfig as 1 stack, or as ${s.k} stacks of ${s.per} (the same program, one pool list each) run one after another or all at once (${s.k} \`pulumi\` processes on this 2-CPU machine), no throttling. Each figure is the wall time of the whole variant (all its stacks), \`up\` then \`preview\` then \`destroy\`; *bytes written* adds up \`write_bytes\` of every \`up\`.`,
    );
    out.push("");
    out.push("| variant | up (s) | per stack (s) | preview (s) | destroy (s) | bytes written by up (MB) |");
    out.push("|---|---:|---|---:|---:|---:|");
    for (const v of s.variants)
        out.push(
            `| ${v.label} | ${v.up.seconds} | ${v.up.perStackSeconds.join(", ")} | ${v.preview.seconds} | ${v.destroy.seconds} | ${MB(v.up.writeBytes)} |`,
        );
    out.push("");
    return out;
}

function gapSection(f, b) {
    const out = ["### Where ours' time above the floor goes: moto's time per call", ""];
    out.push(
        "The floor makes no AWS call; every call ours makes goes through the proxy to moto, which runs on the same 2 CPUs. *moto time* estimates the least those calls cost here: ours' calls in that command × the per-request time of the SDK script with every request in flight at once (Promise.all, one client, section 4) at the same N, for the matching kind of request (Set for up and destroy, Get otherwise; DescribeUserPool and TagResource taken at the same price). It comes from another moment of the run, so it is an estimate, not a split of each sample. What is left is state size (bytes written, JSON per step) and the provider's own CPU.",
    );
    out.push("");
    out.push("| N | operation | floor (s) | ours (s) | ours − floor (s) | ours' calls | moto time for them (s) | left (s) |");
    out.push("|---:|---|---:|---:|---:|---:|---:|---:|");
    for (const [n, rows] of Object.entries(f.table)) {
        const sdk = b.table[n]?.["SDK script (Promise.all)"];
        if (!sdk) continue;
        for (const [op, row] of Object.entries(rows)) {
            const per = sdk[b.baselineOp[op]] / Number(n);
            const moto = row.oursCallsTotal * per;
            const gap = row.oursSeconds - row.floorSeconds;
            out.push(
                `| ${n} | ${op} | ${row.floorSeconds} | ${row.oursSeconds} | ${gap.toFixed(2)} | ${row.oursCallsTotal} | ${moto.toFixed(2)} | ${(gap - moto).toFixed(2)} |`,
            );
        }
    }
    out.push("");
    out.push(
        "On AWS a call costs round-trip latency instead (tens of ms, overlapping up to `--parallel`), and Cognito's request-rate quota bounds the calls per second (section 5): fewer calls per resource shortens both.",
    );
    out.push("");
    return out;
}

function beforeAfter(b, a) {
    const out = ["### Before and after issue 15's provider changes", ""];
    out.push(
        `Before: [results-before.md](results-before.md) (started ${b.startedAt}, \`${b.command}\`, load average ${b.machine.loadAverageAtStart.join(" / ")} at start), the provider as it was before issue 15; after: this run. ours / floor, median of the rounds.`,
    );
    out.push("");
    const ns = Object.keys(a.floor.table).filter((n) => b.floor.table[n] && Number(n) >= 100);
    const ops = a.floor.ops;
    out.push(`| N | | ${ops.join(" | ")} | state per resource (bytes) | bytes written per up (MB) | calls per create / destroy |`);
    out.push(`|---:|---|${ops.map(() => "---:").join("|")}|---:|---:|---|`);
    for (const n of ns)
        for (const [label, r] of [
            ["before", b],
            ["after", a],
        ]) {
            const t = r.floor.table[n];
            out.push(
                `| ${n} | ${label} | ${ops.map((op) => t[op].ratioMedian).join(" | ")} | ${r.floor.state[n]?.ours.bytesPerResourceMedian ?? "—"} | ${MB(t.up.oursWriteBytes)} | ${+sum(t.up.oursCallsPerResource).toFixed(2)} / ${+sum(t.destroy.oursCallsPerResource).toFixed(2)} |`,
            );
        }
    out.push("");
    return out;
}
