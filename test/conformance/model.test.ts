// Conformance with AWS's own models (botocore in .venv): every member of SetUserPoolMfaConfig and
// every IAM/STS member an SnsCallerRole input becomes, through validate()/validateRole(), against
// the model's lengths (in code points), patterns (matched by Java, as AWS matches them), enums,
// types and requiredness; the pattern translator (javaPattern) against Java on every pattern of
// the three models; random round trips of requests and responses, with a fixed seed.
//
// A difference from the model fails unless provider/common/deviations.ts declares it (member,
// aspect, and where it has one, the bound we apply instead); a declared deviation that no longer
// holds fails too. All the work (one JVM for every pattern/probe pair) is done once when the file
// loads; each test then asserts its share of the findings, which name member, aspect, model and ours.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ARN_PATTERN } from "../../provider/common/arn";
import { Deviation, DEVIATIONS } from "../../provider/common/deviations";
import { PARTITIONS } from "../../provider/common/partitions";
import { partitionOfRegion, poolRegion } from "../../provider/common/regions";
import { javaPattern, memberPaths } from "../../provider/common/shape";
import { ownerTagValue, TAG_VALUE_MAX } from "../../provider/common/tags";
import {
    defaultNamePrefix,
    EUMS_PERMISSION_POLICY_NAME,
    NAME_PREFIX_MAX,
    PERMISSION_POLICY_NAME,
    roleNameFor,
} from "../../provider/snsCallerRole/model";
import {
    eumsPermissionPolicyDocument,
    PERMISSION_POLICY_DOCUMENT,
    sourceArnFor,
    trustPolicyDocument,
} from "../../provider/snsCallerRole/policies";
import { validateRoleInputs } from "../../provider/snsCallerRole/validate";
import { fromSetRequest, readResponse, toResponse, toSetRequest } from "../../provider/userPoolMfaConfig/mapping";
import { MfaConfig } from "../../provider/userPoolMfaConfig/model";
import { MFA_CONFIG } from "../../provider/userPoolMfaConfig/shape";
import { NO_EUMS_REGIONS, SNS_REGION_TABLE } from "../../provider/userPoolMfaConfig/snsRegions";
import { validateInputs } from "../../provider/userPoolMfaConfig/validate";
import { repoRoot } from "../harness/moto";
import { allPatterns, botocoreVersion, loadModel, memberOf, ModelShape, ModelString, Service, structureOf } from "./botocore";
import { Oracle, runOracle } from "./java";
import { ABSENT, contextValue, GLOBAL_PROBES, mfaTargets, POOL, randomRoleArn, randomString, roleTargets, Target } from "./members";
import { cpLength, mutations, patternCharacters, rng, Rng, TRICKY } from "./probes";

type Aspect = Deviation["aspect"];
const SEED = 0x13c0ffee;
const ROUND_TRIPS = 300;

const t0 = Date.now();
const cognito = loadModel("cognito-idp");
const targets = [...mfaTargets(), ...roleTargets()];

const stringShape = (t: Target): ModelString | undefined => (t.shape.type === "string" && !t.shape.enum ? t.shape : undefined);
const show = (s: string) => `${JSON.stringify([...s].slice(0, 40).join(""))}${cpLength(s) > 40 ? `... (${cpLength(s)} code points)` : ""}`;
const modelText = (m: ModelString) =>
    [`min ${m.min ?? 0}`, `max ${m.max ?? "none"}`, m.pattern === undefined ? "no pattern" : `pattern ${m.pattern}`].join(", ");

// ---------------------------------------------------------------------------------------------
// The probes of each string member: its own examples, the tricky characters and the pattern's own
// characters put into its examples, every other member's examples, and values of each boundary length.

function lengthsOf(t: Target, m: ModelString): number[] {
    const min = m.min ?? 0;
    const out = [min - 1, min];
    if (m.max !== undefined) out.push(m.max, m.max + 1);
    else out.push(20001); // no maximum: a long value must pass
    for (const d of t.deviations) if (d.bound !== undefined) out.push(d.bound - 1, d.bound, d.bound + 1);
    return [...new Set(out)].filter((n) => n >= 0).sort((a, b) => a - b);
}

const probesOf = new Map<Target, string[]>();
for (const t of targets) {
    const m = stringShape(t);
    if (!m) continue;
    const chars = [...TRICKY, ...(m.pattern ? patternCharacters(m.pattern) : [])];
    const mutated = t.seeds.slice(0, 2).flatMap((seed) => chars.flatMap((c) => mutations(seed, c)));
    const boundaries = t.make ? lengthsOf(t, m).map((n) => t.make!(n)) : [];
    probesOf.set(t, [...new Set([...t.seeds, ...GLOBAL_PROBES, ...TRICKY, ...mutated, ...boundaries])]);
}

// ---------------------------------------------------------------------------------------------
// Random round-trip cases, drawn before Java runs so that Java can confirm every string in them.

/** Strings the generators made, with the shape they must be valid for. */
const generated: { shape: ModelString; shapeName: string; value: string; where: string }[] = [];

function randomMember(r: Rng, shapeName: string, shape: ModelShape, key: string, region: string, where: string): unknown {
    switch (shape.type) {
        case "structure":
            return randomStructure(r, shapeName, region, where);
        case "boolean":
            return r.chance(0.5);
        case "string": {
            if (shape.enum) return r.pick(shape.enum);
            const value = randomString(r, key, shapeName, region);
            generated.push({ shape, shapeName, value, where: `${where} (${key})` });
            return value;
        }
        default:
            throw new Error(`conformance: no random value for a ${shape.type} (${key})`);
    }
}

/** A random value of a model structure: each optional member in or out, required ones always. */
function randomStructure(r: Rng, name: string, region: string, where: string): Record<string, unknown> {
    const s = structureOf(cognito, name);
    const out: Record<string, unknown> = {};
    for (const [member, ref] of Object.entries(s.members)) {
        if (member === "UserPoolId") continue;
        if (!(s.required ?? []).includes(member) && r.chance(0.45)) continue;
        out[member] = randomMember(r, ref.shape, cognito.shapes[ref.shape], `${name}.${member}`, region, `${where}.${member}`);
    }
    return out;
}

type Req = Record<string, unknown> & { UserPoolId: string };
type Obj = Record<string, unknown>;

/**
 * A random request in the form toSetRequest produces (and validate accepts): OFF with no factor
 * blocks, a TOTP block only when it enables TOTP, one SMS path, the pool's SMS Regions, at least
 * one factor when MFA is on, no empty passkey block. The rest is as the model draws it.
 */
function randomRequest(r: Rng, i: number): Req {
    const eums = r.chance(0.4);
    const rows = SNS_REGION_TABLE.filter((row) => !eums || !NO_EUMS_REGIONS.includes(row.region));
    const row = r.pick(rows);
    const region = eums ? row.region : r.pick(row.snsRegions);
    const req = randomStructure(r, "SetUserPoolMfaConfigRequest", region, `request ${i}`);
    req.MfaConfiguration = r.pick(["OFF", "ON", "OPTIONAL"]);
    if (req.MfaConfiguration === "OFF") {
        delete req.SmsMfaConfiguration;
        delete req.SoftwareTokenMfaConfiguration;
        delete req.EmailMfaConfiguration;
    } else {
        if (req.SoftwareTokenMfaConfiguration) req.SoftwareTokenMfaConfiguration = { Enabled: true };
        if (!req.SmsMfaConfiguration && !req.EmailMfaConfiguration && !req.SoftwareTokenMfaConfiguration) {
            req.SoftwareTokenMfaConfiguration = { Enabled: true };
        }
    }
    const cfg = (req.SmsMfaConfiguration as Obj | undefined)?.SmsConfiguration as Obj | undefined;
    if (cfg) {
        if (eums) {
            cfg.EumsSms ??= { CallerArn: randomRoleArn(r) };
            delete cfg.SnsCallerArn;
            delete cfg.ExternalId;
            delete cfg.SnsRegion;
        } else {
            delete cfg.EumsSms;
            cfg.SnsCallerArn ??= randomRoleArn(r);
            cfg.ExternalId ??= "cognito-external-id";
            if (cfg.SnsRegion !== undefined) cfg.SnsRegion = r.pick(row.snsRegions);
        }
    }
    const webAuthn = req.WebAuthnConfiguration as Obj | undefined;
    if (webAuthn && Object.keys(webAuthn).length === 0) delete req.WebAuthnConfiguration;
    return { UserPoolId: `${row.region}_${i.toString(36)}AbC`, ...req };
}

/** A random Get (or Set) response: anything the model allows, MfaConfiguration always there. */
function randomResponse(r: Rng, i: number): Obj {
    const root = i % 2 === 0 ? "GetUserPoolMfaConfigResponse" : "SetUserPoolMfaConfigResponse";
    const res = randomStructure(r, root, r.pick(PARTITIONS.flatMap((p) => p.regions)), `response ${i}`);
    res.MfaConfiguration ??= r.pick(["OFF", "ON", "OPTIONAL"]);
    return res;
}

const r = rng(SEED);
const requests = Array.from({ length: ROUND_TRIPS }, (_, i) => randomRequest(r, i));
const responses = Array.from({ length: ROUND_TRIPS }, (_, i) => randomResponse(r, i));

// Values the role resource generates itself, which IAM then receives: tag values, names, policies.
const ownerValues = Array.from({ length: 60 }, (_, i) => {
    const part = (n: number) => Array.from({ length: n }, () => r.pick([..."aZ9-_ .:/=+@😀𝒳中é\u00A0\u2028!#?*"])).join("");
    return ownerTagValue(part(r.int(1, 120)), part(r.int(1, 60)), part(i % 3 === 0 ? 300 : r.int(1, 80)));
});
const prefixes = Array.from({ length: 40 }, () =>
    Array.from({ length: r.int(1, NAME_PREFIX_MAX) }, () => r.pick([..."aZ9_+=,.@-"])).join(""),
);
const resourceNames = Array.from({ length: 40 }, () => Array.from({ length: r.int(1, 80) }, () => r.pick([..."aZ9 /:😀é-_."])).join(""));
const generatedNames = [
    ...prefixes.flatMap((p, i) => [roleNameFor(p, `proj/stack/res${i}`, "/"), roleNameFor(p, undefined)]),
    ...resourceNames.map((n) => defaultNamePrefix(n)),
];
const policyDocuments = Array.from({ length: 40 }, (_, i) => {
    const region = r.pick(PARTITIONS.flatMap((p) => p.regions));
    const externalId = Array.from({ length: r.int(2, 1224) }, () => r.pick([..."aZ9+=,.@:/_-"])).join("");
    const account = Array.from({ length: 12 }, () => r.int(0, 9)).join("");
    const pool = i % 2 ? `${region}_${i}AbC` : undefined;
    return i % 3 === 0
        ? eumsPermissionPolicyDocument(`arn:${partitionOfRegion(region)}:sms-voice:${region}:${account}:phone-number/phone-${i}`)
        : trustPolicyDocument({
              externalId,
              accountId: account,
              sourceArn: sourceArnFor(partitionOfRegion(region), region, account, pool),
          });
});

// ---------------------------------------------------------------------------------------------
// One JVM: every pattern of the three models against every probe (the long ones only against
// the pattern of the member they are for).

const iam = loadModel("iam");
const sts = loadModel("sts");
const patterns = [...new Set([...allPatterns(cognito), ...allPatterns(iam), ...allPatterns(sts)])];
const memberPatterns = new Set(targets.map((t) => stringShape(t)?.pattern).filter((p): p is string => p !== undefined));
// Every pattern is matched against every probe up to LONG UTF-16 units; a longer probe (a
// boundary value, a long generated message) only against the pattern of the member it is for.
const LONG = 600;
const common = new Set<string>();
const extra = new Map<string, Set<string>>();
const ask = (pattern: string | undefined, s: string) => {
    if (s.length <= LONG) common.add(s);
    else if (pattern !== undefined) extra.set(pattern, (extra.get(pattern) ?? new Set<string>()).add(s));
};
for (const [t, ps] of probesOf) for (const p of ps) ask(stringShape(t)?.pattern, p);
for (const g of generated) ask(g.shape.pattern, g.value);
const iamPattern = (key: string) => (memberOf(iam, key)!.shape as ModelString).pattern!;
for (const s of [...ownerValues, ...generatedNames, PERMISSION_POLICY_NAME, EUMS_PERMISSION_POLICY_NAME]) ask(undefined, s);
// Cognito's ExternalIds are also held against STS's externalIdType (the AssumeRole Cognito makes with them).
const externalIdType = memberOf(sts, "AssumeRoleRequest.ExternalId")!.shape as ModelString;
for (const [t, ps] of probesOf) {
    if (t.service === "cognito-idp" && t.key.endsWith(".ExternalId"))
        for (const p of ps) if (cpLength(p) <= externalIdType.max!) ask(externalIdType.pattern, p);
}
for (const d of [...policyDocuments, PERMISSION_POLICY_DOCUMENT]) {
    ask(iamPattern("PutRolePolicyRequest.PolicyDocument"), d);
    ask(iamPattern("CreateRoleRequest.AssumeRolePolicyDocument"), d);
}
const oracle: Oracle = runOracle(patterns, common, extra);
const oracleMs = Date.now() - t0;

/** What the model says of a string: within its lengths (code points) and, per Java, its pattern. */
function modelVerdict(m: ModelString, s: string): { ok: boolean; why: string } {
    const n = cpLength(s);
    if (n < (m.min ?? 0)) return { ok: false, why: `shorter than the model's min ${m.min ?? 0}` };
    if (m.max !== undefined && n > m.max) return { ok: false, why: `longer than the model's max ${m.max}` };
    if (m.pattern !== undefined && !oracle.matches(m.pattern, s)) return { ok: false, why: `Java: does not match ${m.pattern}` };
    return { ok: true, why: "" };
}

// ---------------------------------------------------------------------------------------------
// The judge: validate() against the model, value by value.

/** What a failure of ours is about, from the validator's wording. */
function aspectOf(reason: string): Aspect {
    if (/must be at least \d+ characters long/.test(reason)) return "min";
    if (/must be at most \d+ characters long/.test(reason)) return "max";
    if (/ is required/.test(reason)) return "required";
    return "pattern";
}

const evidence = new Set<Deviation>();
/**
 * Findings by test (a target's label, or a topic). The same finding for many probes is reported
 * once, with how many probes showed it and the first few of them.
 */
const findings = new Map<string, Map<string, string[]>>();
const finding = (group: string, text?: string, example?: string) => {
    const list = findings.get(group) ?? new Map<string, string[]>();
    findings.set(group, list);
    if (text === undefined) return;
    const examples = list.get(text) ?? [];
    if (example !== undefined) examples.push(example);
    list.set(text, examples);
};
const report = (group: string): string[] =>
    [...(findings.get(group) ?? new Map<string, string[]>())].map(([text, examples]) =>
        examples.length === 0 ? text : `${text} — ${examples.length} probe(s), e.g. ${examples.slice(0, 4).join(", ")}`,
    );
const undeclaredText = (service: Service, key: string, aspect: Aspect, model: string, ours: string) =>
    `undeclared deviation (aspect "${aspect}"): the model says ${model}; ours ${ours}. Fix the code, or declare it in provider/common/deviations.ts (service "${service}", member "${key}", aspect "${aspect}")`;
const undeclared = (t: Target, aspect: Aspect, model: string, ours: string) =>
    `${t.label}: ${undeclaredText(t.service, t.key, aspect, model, ours)}`;

/** A failure's reason without the value it received, so that one rule reads as one finding. */
const rule = (reason: string) => reason.replace(/ \(received: .*\)$/s, "");

function judge(group: string, t: Target, m: ModelString, s: string): void {
    if (t.notValues?.values.includes(s)) return;
    const model = modelVerdict(m, s);
    const v = t.run(s);
    const n = cpLength(s);
    const example = show(s);
    const bounded = (aspect: "min" | "max") => t.deviations.find((d) => d.aspect === aspect && d.bound !== undefined);
    if (v.failures.length === 0) {
        if (!model.ok) finding(group, `${t.label}: accepts values the model refuses (${model.why.replace(/^Java: /, "")})`, example);
        for (const aspect of ["min", "max"] as const) {
            const d = bounded(aspect);
            if (!d) continue;
            const beyond = aspect === "min" ? n < d.bound! : n > d.bound!;
            const warned = v.warnings.length > 0;
            if (beyond && d.level === "failure")
                finding(group, `${t.label}: accepts lengths beyond the declared ${aspect} ${d.bound}`, `${n}`);
            if (beyond && d.level === "warning") {
                if (warned) evidence.add(d);
                else finding(group, `${t.label}: does not warn about lengths beyond the declared ${aspect} ${d.bound}`, `${n}`);
            }
        }
        if (model.ok && v.warnings.length > 0) {
            const beyondBound = t.deviations.some(
                (d) => d.level === "warning" && d.bound !== undefined && (d.aspect === "max" ? n > d.bound : n < d.bound),
            );
            const patternWarning = t.deviations.find((d) => d.level === "warning" && d.aspect === "pattern");
            if (patternWarning && !beyondBound) evidence.add(patternWarning);
            else if (!beyondBound) {
                finding(group, undeclared(t, "pattern", `valid (${modelText(m)})`, `warn: ${v.warnings.map(rule).join("; ")}`), example);
            }
        }
        return;
    }
    if (!model.ok) return; // both refuse: the reasons may differ (a pattern implies a length)
    for (const f of v.failures) {
        const aspect = aspectOf(f.reason);
        const d = t.deviations.find((x) => x.aspect === aspect && x.level === "failure");
        if (!d) {
            finding(group, undeclared(t, aspect, `valid (${modelText(m)})`, `refuse: ${rule(f.reason)}`), example);
            continue;
        }
        evidence.add(d);
        if (d.bound !== undefined && (aspect === "min" ? !(n < d.bound) : aspect === "max" ? !(n > d.bound) : false)) {
            finding(group, `${t.label}: refuses lengths within the declared ${aspect} ${d.bound}: ${rule(f.reason)}`, `${n}`);
        }
    }
}

const valueAt = (o: unknown, path: string): unknown =>
    path.split(".").reduce<unknown>((at, k) => (at !== null && typeof at === "object" ? (at as Obj)[k] : undefined), o);

/** A present, valid value of a target (for the required and type tests). */
function exampleOf(t: Target): unknown {
    if (t.seeds.length > 0) return t.seeds[0];
    // A member of a shape the makers know needs no example of its own: one of the shortest valid length.
    const m = stringShape(t);
    if (m && t.make) return t.make(Math.max(m.min ?? 0, 1));
    if (t.shape.type === "string" && t.shape.enum) return t.shape.enum[0] === "OFF" ? "OPTIONAL" : t.shape.enum[0];
    const inContext = t.service === "cognito-idp" ? contextValue(t.path) : undefined;
    if (inContext !== undefined) return inContext;
    if (t.shape.type === "boolean") return true;
    if (t.shape.type === "structure") return {};
    throw new Error(`conformance: no example for ${t.label}`);
}

for (const t of targets) {
    const group = t.label;
    finding(group);
    const m = stringShape(t);
    if (m) {
        const ps = probesOf.get(t)!;
        for (const s of ps) judge(group, t, m, s);
        // A comparison in which the model accepted everything (or nothing) would prove little.
        const refusedByModel = ps.filter((s) => !modelVerdict(m, s).ok).length;
        if (refusedByModel === 0 || refusedByModel === ps.length)
            finding(group, `${t.label}: the probes do not exercise the model (it refuses ${refusedByModel} of ${ps.length})`);
        if (m.pattern !== undefined && !ps.some((s) => modelVerdict(m, s).why.startsWith("Java"))) {
            finding(group, `${t.label}: no probe within the lengths is refused by the pattern`);
        }
        // Lengths are counted in code points: the boundary values are astral where the pattern allows.
        if (!t.make) finding(group, `${t.label}: no boundary generator for shape ${t.shapeName} (add one to MAKERS in members.ts)`);
    }
    // Types: a number for a string or enum, a string for a boolean or a structure.
    const wrong = t.shape.type === "boolean" || t.shape.type === "structure" ? "true" : 42;
    if (t.typeTest === true && t.run(wrong).failures.length === 0) {
        finding(group, `${t.label}: accepts ${JSON.stringify(wrong)}, not a ${t.shape.type}`);
    }
    // Structures: a member the model does not have is refused (nothing is dropped in silence).
    if (t.shape.type === "structure") {
        const block = exampleOf(t) as Record<string, unknown>;
        const all = t.run({ ...block, futureMember: "x" }).allFailures;
        if (!all.some((f) => f.property === `${t.path}.futureMember`))
            finding(group, `${t.label}: accepts a member the model does not have (futureMember)`);
    }
    // Enums: every value accepted, a near miss (case changed) and a non-member refused.
    if (t.shape.type === "string" && t.shape.enum) {
        for (const value of t.shape.enum) {
            const f = t.run(value).failures;
            if (f.length > 0) finding(group, `${t.label}: refuses the model's enum value ${value}: ${f[0].reason}`);
            const nearMiss = value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase();
            if (t.run(nearMiss).failures.length === 0)
                finding(group, `${t.label}: accepts ${nearMiss}, not one of ${t.shape.enum.join(", ")}`);
        }
        if (t.run("").failures.length === 0) finding(group, `${t.label}: accepts "", not an enum value`);
    }
    // Required: a valid value present passes, and missing is refused exactly when the model requires it.
    if (t.requiredTest === true) {
        const present = t.run(exampleOf(t));
        if (present.allFailures.length > 0)
            finding(group, `${t.label}: the test's valid inputs fail: ${present.allFailures.map((f) => f.reason).join("; ")}`);
        const missing = t.run(ABSENT).failures.filter((f) => aspectOf(f.reason) === "required");
        if (t.modelRequired && missing.length === 0) finding(group, `${t.label}: accepts inputs without it; the model requires it`);
        if (!t.modelRequired && missing.length > 0) {
            const d = t.deviations.find((x) => x.aspect === "required");
            if (d) evidence.add(d);
            else finding(group, undeclared(t, "required", "it is optional", `require it: ${missing[0].reason}`));
        }
    }
}

// Declared pattern deviations of ours must only narrow: on a probe Java refuses, our RegExp refuses too.
const regexpFindings: string[] = [];
let regexpChecks = 0;
for (const t of targets) {
    const m = stringShape(t);
    if (!m || !t.ourPattern) continue;
    const declared = t.deviations.some((d) => d.aspect === "pattern" && d.level === "failure");
    const modelPattern = m.pattern;
    if (modelPattern === undefined) {
        if (!declared) regexpFindings.push(undeclared(t, "pattern", "no pattern", `match ${String(t.ourPattern)}`));
        continue;
    }
    for (const s of oracle.probesOf(modelPattern)) {
        regexpChecks++;
        const java = oracle.matches(modelPattern, s);
        const ours = t.ourPattern.test(s);
        if (java === ours) continue;
        if (!declared || ours) {
            regexpFindings.push(
                `${t.label}: our RegExp ${String(t.ourPattern)} ${ours ? "matches" : "does not match"} ${show(s)}; Java's ${modelPattern} ${java ? "does" : "does not"}`,
            );
        }
    }
}

// The tag list: IAM's 50, less the provider's own two on a role the SnsCallerRole class creates (__owner).
const tagsMax = (memberOf(iam, "CreateRoleRequest.Tags")!.shape as { max: number }).max;
{
    finding("tags");
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    const refused = (n: number, owner?: string) =>
        validateRoleInputs({ roleName: "r", tags: many(n), __owner: owner }).failures.some((f) => f.property === "tags");
    if (refused(tagsMax) || !refused(tagsMax + 1)) finding("tags", `without __owner, the limit is not the model's ${tagsMax}`);
    const d = DEVIATIONS.find((x) => x.service === "iam" && x.member === "CreateRoleRequest.Tags" && x.aspect === "max");
    if (refused(tagsMax - 1, "p/s/r")) {
        if (d?.bound === undefined)
            finding("tags", undeclaredText("iam", "CreateRoleRequest.Tags", "max", `${tagsMax}`, "fewer with __owner"));
        else if (refused(d.bound, "p/s/r") || !refused(d.bound + 1, "p/s/r"))
            finding("tags", `with __owner, the limit is not the declared ${d.bound}`);
        else evidence.add(d);
    }
}

const buildMs = Date.now() - t0;

// ---------------------------------------------------------------------------------------------

describe(`conformance with botocore ${botocoreVersion()}'s models (Java ${oracle.javaVersion} as the pattern oracle)`, () => {
    it("the botocore in .venv is the one tools/moto-requirements.txt pins", () => {
        const pinned = /^botocore==([\d.]+)$/m.exec(readFileSync(join(repoRoot, "tools/moto-requirements.txt"), "utf8"));
        assert.ok(pinned, "tools/moto-requirements.txt pins no botocore==<version>");
        assert.equal(botocoreVersion(), pinned[1], "the .venv's botocore is not the pinned one: run node scripts/setup.mjs");
    });

    it(`runs in one JVM (${patterns.length} patterns, ${common.size} probes, ${oracle.pairs} verdicts; ${oracleMs} ms to here, ${buildMs} ms in all)`, () => {
        assert.ok(patterns.length > 50 && common.size > 1000, "the corpus is too small to mean anything");
    });

    it("the test's own examples and generated strings are valid for the model (else the test, not the code, is wrong)", () => {
        const bad: string[] = [];
        for (const t of targets) {
            const m = stringShape(t);
            if (!m) continue;
            for (const s of t.seeds) if (!modelVerdict(m, s).ok) bad.push(`${t.label}: seed ${show(s)}: ${modelVerdict(m, s).why}`);
            if (t.make) {
                // Inside the bounds the generator gives a value of the asked length that the pattern accepts (where any can).
                for (const n of lengthsOf(t, m)) {
                    const s = t.make(n);
                    if (cpLength(s) !== n) bad.push(`${t.label}: make(${n}) has ${cpLength(s)} code points`);
                }
                // At the maximum (the minimum may be shorter than any match, as a pool id's 1).
                const max = Math.min(m.max ?? 20001, 20001);
                const s = t.make(max);
                if (!modelVerdict(m, s).ok) bad.push(`${t.label}: make(${max}) is not valid: ${modelVerdict(m, s).why}`);
            }
        }
        for (const g of generated) {
            const v = modelVerdict(g.shape, g.value);
            if (!v.ok) bad.push(`${g.where}: generated ${show(g.value)} (${g.shapeName}): ${v.why}`);
        }
        assert.deepEqual(bad, []);
    });

    describe("validate() and validateRole() against the model, member by member (lengths, patterns, enums, types, required)", () => {
        for (const t of targets) {
            const n = probesOf.get(t)?.length ?? 0;
            it(`${t.label}${n ? ` (${n} probes)` : ""}`, () => assert.deepEqual(report(t.label), []));
        }
    });

    it(`our RegExps (shape patterns, the role model's constants) agree with Java on every probe (${regexpChecks} checks)`, () => {
        assert.deepEqual(regexpFindings, []);
    });

    it("ARN_PATTERN is botocore's ArnType", () => {
        const arnType = cognito.shapes.ArnType as ModelString;
        const bad = oracle.probesOf(arnType.pattern!).filter((s) => ARN_PATTERN.test(s) !== oracle.matches(arnType.pattern!, s));
        assert.deepEqual(bad.map(show), []);
    });

    it("javaPattern (the translator) agrees with Java on every pattern of cognito-idp, iam and sts it accepts", () => {
        const bad: string[] = [];
        const refused: string[] = [];
        for (const p of patterns) {
            let re: RegExp;
            try {
                re = javaPattern(p);
            } catch (e) {
                refused.push(`${p}: ${(e as Error).message}`);
                continue;
            }
            assert.ok(!oracle.compileErrors.has(p), `Java does not compile ${p} but javaPattern does`);
            const wrong = oracle.probesOf(p).filter((s) => re.test(s) !== oracle.matches(p, s));
            if (wrong.length > 0)
                bad.push(
                    `${p} -> ${re.source}: differs from Java on ${wrong.length} probes, e.g. ${wrong.slice(0, 3).map(show).join(", ")}`,
                );
        }
        // A pattern it refuses is a loud refusal, not a wrong match; the members' own must all translate.
        for (const p of memberPatterns)
            assert.ok(!refused.some((x) => x.startsWith(`${p}: `)), `javaPattern refuses a member's pattern ${p}`);
        assert.ok(refused.length < patterns.length / 4, `javaPattern refuses too many patterns:\n${refused.join("\n")}`);
        assert.deepEqual(bad, []);
    });

    it("cognito's ExternalId warns exactly where STS's externalIdType (the AssumeRole Cognito makes) refuses it", () => {
        const ext = externalIdType;
        const bad: string[] = [];
        for (const t of targets.filter((x) => x.service === "cognito-idp" && x.key.endsWith(".ExternalId"))) {
            for (const s of probesOf.get(t)!) {
                const n = cpLength(s);
                if (n === 0 || n > ext.max!) continue;
                const stsOk = modelVerdict(ext, s).ok;
                const v = t.run(s);
                if (v.failures.length > 0) bad.push(`${t.label}: refuses ${show(s)}: ${v.failures[0].reason}`);
                if (stsOk === v.warnings.length > 0)
                    bad.push(
                        `${t.label}: ${stsOk ? "warns about" : "does not warn about"} ${show(s)}; STS ${stsOk ? "accepts" : "refuses"} it`,
                    );
            }
        }
        assert.deepEqual(bad, []);
    });

    describe("tags", () => {
        it(`at most the model's ${tagsMax} tags; ${tagsMax - 2} on a role the class creates (two are the provider's)`, () => {
            assert.deepEqual(report("tags"), []);
        });
        it("a tag without a value is refused (IAM's Tag.Value is required)", () => {
            const f = validateRoleInputs({ roleName: "r", tags: { env: null } }).failures;
            assert.ok(
                f.some((x) => x.property === "tags.env" && / is required/.test(x.reason)),
                JSON.stringify(f),
            );
        });
        it(`the owner tag values the provider writes are valid Tag.Values (at most ${TAG_VALUE_MAX} code points, no half surrogate pair)`, () => {
            const value = memberOf(iam, "Tag.Value")!.shape as ModelString;
            for (const v of ownerValues) {
                assert.ok(modelVerdict(value, v).ok, `${show(v)}: ${modelVerdict(value, v).why}`);
                assert.ok(!/\p{Cs}/u.test(v), `${show(v)} has a lone surrogate`);
            }
            assert.ok(
                ownerValues.some((v) => cpLength(v) === TAG_VALUE_MAX && v.length > TAG_VALUE_MAX),
                "no owner value was cut at 256 astral-heavy code points",
            );
        });
    });

    it("the names and policy documents the role resource generates are valid for IAM's model", () => {
        const roleName = memberOf(iam, "CreateRoleRequest.RoleName")!.shape as ModelString;
        const policyName = memberOf(iam, "PutRolePolicyRequest.PolicyName")!.shape as ModelString;
        const document = memberOf(iam, "PutRolePolicyRequest.PolicyDocument")!.shape as ModelString;
        const trust = memberOf(iam, "CreateRoleRequest.AssumeRolePolicyDocument")!.shape as ModelString;
        const bad: string[] = [];
        for (const n of generatedNames)
            if (!modelVerdict(roleName, n).ok) bad.push(`role name ${show(n)}: ${modelVerdict(roleName, n).why}`);
        for (const n of resourceNames.map((x) => defaultNamePrefix(x))) {
            const f = validateRoleInputs({ namePrefix: n }).failures;
            if (f.length > 0) bad.push(`defaultNamePrefix gives a namePrefix validateRole refuses: ${f[0].reason}`);
        }
        for (const n of [PERMISSION_POLICY_NAME, EUMS_PERMISSION_POLICY_NAME])
            if (!modelVerdict(policyName, n).ok) bad.push(`policy name ${n}`);
        for (const d of [...policyDocuments, PERMISSION_POLICY_DOCUMENT]) {
            if (!modelVerdict(document, d).ok || !modelVerdict(trust, d).ok) bad.push(`policy document ${show(d)}`);
        }
        assert.deepEqual(bad, []);
    });

    describe("every Region botocore knows, in every partition (eusc-de-east-1 in aws-eusc too)", () => {
        const regions = PARTITIONS.flatMap((p) => p.regions.map((region) => ({ region, partition: p.id })));
        it(`${regions.length} Regions: pool ids, region inputs, partitions, role ARNs`, () => {
            const bad: string[] = [];
            for (const { region, partition } of regions) {
                const userPoolId = `${region}_AbC123`;
                if (poolRegion(userPoolId) !== region) bad.push(`poolRegion(${userPoolId}) is ${poolRegion(userPoolId)}`);
                if (partitionOfRegion(region) !== partition)
                    bad.push(`partitionOfRegion(${region}) is ${partitionOfRegion(region)}, not ${partition}`);
                const arn = `arn:${partition}:iam::123456789012:role/cognito-sms`;
                const pool = validateInputs({
                    userPoolId,
                    region,
                    mfaConfiguration: "OPTIONAL",
                    softwareTokenMfaConfiguration: { enabled: true },
                    smsMfaConfiguration: { smsConfiguration: { eumsSms: { callerArn: arn, region } } },
                });
                const ownFailures = pool.failures.filter(
                    (f) => f.property !== "smsMfaConfiguration.smsConfiguration.eumsSms" || !NO_EUMS_REGIONS.includes(region),
                );
                if (ownFailures.length > 0 || pool.warnings.length > 0) bad.push(`${region}: ${JSON.stringify(pool)}`);
                const role = validateRoleInputs({
                    roleName: "r",
                    userPoolId,
                    region,
                    permissionsBoundary: `arn:${partition}:iam::123456789012:policy/b`,
                });
                if (role.failures.length > 0 || role.warnings.length > 0) bad.push(`${region} (role): ${JSON.stringify(role)}`);
            }
            assert.deepEqual(bad, []);
        });
    });

    describe(`round trips (seed ${SEED.toString(16)}, ${ROUND_TRIPS} requests and ${ROUND_TRIPS} responses)`, () => {
        it("request -> fromSetRequest -> toSetRequest gives the request back, and validate() accepts the args", () => {
            for (const req of requests) {
                const args = fromSetRequest(structuredClone(req));
                const failures = validateInputs(args as unknown as Record<string, unknown>).failures;
                assert.deepEqual(failures, [], JSON.stringify(req));
                assert.deepEqual(toSetRequest(args.userPoolId, args as MfaConfig), req);
            }
        });
        it("response -> readResponse (nothing unmodelled) -> toResponse gives the response back", () => {
            for (const res of responses) {
                const read = readResponse(structuredClone(res));
                assert.deepEqual(read.unmodelled, [], JSON.stringify(res));
                assert.deepEqual(toResponse(read.config), res);
            }
        });
        it("validate() and validateRole() refuse an input neither resource has, at the top", () => {
            const pool = validateInputs({ userPoolId: POOL, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {}, futureMember: "x" });
            assert.deepEqual(
                pool.failures.map((f) => f.property),
                ["futureMember"],
            );
            assert.deepEqual(
                validateRoleInputs({ roleName: "r", futureMember: "x" }).failures.map((f) => f.property),
                ["futureMember"],
            );
        });
        it("a response without MfaConfiguration reads as OFF", () => {
            const { MfaConfiguration: _, ...rest } = responses[0];
            assert.deepEqual(toResponse(readResponse(rest).config), { ...rest, MfaConfiguration: "OFF" });
        });
        // Every structure of the response (from the model): a member the shape lacks is reported, not dropped.
        const structures = memberPaths(MFA_CONFIG).filter((m) => m.member.kind === "structure");
        for (const at of ["", ...structures.map((s) => s.awsPath)]) {
            it(`an unknown member ${at ? `in ${at}` : "at the top"} is listed in unmodelled, and refused by fromSetRequest`, () => {
                const res = structuredClone<Obj>(responses.find((x) => at === "" || valueAt(x, at) !== undefined) ?? {});
                let block = res;
                for (const k of at ? at.split(".") : []) block = (block[k] ??= {}) as Obj;
                block.FutureMember = "x";
                const name = at ? `${at}.FutureMember` : "FutureMember";
                assert.deepEqual(readResponse(res).unmodelled, [name]);
                assert.throws(() => fromSetRequest({ ...res, UserPoolId: POOL }), new RegExp(name.replace(/\./g, "\\.")));
            });
        }
    });

    describe("provider/common/deviations.ts: every entry names a model member and still holds", () => {
        it("declares each deviation once (one entry per service, member, aspect and inputs)", () => {
            const keys = DEVIATIONS.map((d) => `${d.service} ${d.member} ${d.aspect} ${(d.inputs ?? []).join(",")}`);
            assert.deepEqual(
                keys.filter((k, i) => keys.indexOf(k) !== i),
                [],
            );
        });
        for (const d of DEVIATIONS) {
            it(`${d.service} ${d.member} (${d.aspect})`, () => {
                const model = loadModel(d.service);
                if (d.aspect === "members") {
                    structureOf(model, d.member); // the structure exists; test/conformance/coverage.test.ts checks the list
                    return;
                }
                const member = memberOf(model, d.member);
                assert.ok(member, `botocore ${d.service} has no member ${d.member}: the entry is stale`);
                // What the entry says the model says must still be what the model says.
                if (d.aspect === "min" || d.aspect === "max") {
                    const bound = (member.shape as { min?: number; max?: number })[d.aspect];
                    const said = d.model.split(" ")[0];
                    assert.equal(
                        said,
                        bound === undefined ? "none" : String(bound),
                        `the model's ${d.aspect} is ${bound ?? "none"}; the entry says ${d.model}`,
                    );
                }
                if (d.aspect === "required") assert.equal(member.required, false, "the model requires the member now: the entry is stale");
                assert.ok(
                    evidence.has(d),
                    `no probe showed this deviation (${d.ours} where the model says ${d.model}): it no longer holds or nothing tests it; remove or correct the entry`,
                );
            });
        }
    });
});
