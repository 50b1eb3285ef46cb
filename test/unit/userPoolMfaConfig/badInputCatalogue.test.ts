// Every case of the bad-input catalogue through the provider's `check`, as `pulumi preview` of a
// new resource calls it: the failure must name the property and the rule; static cases must not
// call AWS at all, live cases only the read-only pre-flight calls.
import * as assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { MfaConfigInputs } from "../../../provider/userPoolMfaConfig/model";
import { warningSink } from "../../../provider/runtime/warnings";
import { clearPreflightCache } from "../../../provider/userPoolMfaConfig/preflight";
import { UserPoolMfaConfigProvider } from "../../../provider/userPoolMfaConfig/provider";
import { ACCEPTED, BAD_INPUTS, BASE_POOL, GOOD_INPUTS, GOOD_ROLE, ROLE_NAME } from "./badInputCatalogue";
import { mockMfa, mockPool, mockRole, READ_ONLY_COMMANDS, resetMocks, sentCommands } from "./preflightMocks";

const warnings: string[] = [];
const realWarn = warningSink.warn;

describe("bad-input catalogue through check", () => {
    beforeEach(() => {
        resetMocks();
        clearPreflightCache();
        warnings.length = 0;
        warningSink.warn = (m) => {
            warnings.push(m);
            return Promise.resolve();
        };
    });
    afterEach(() => {
        warningSink.warn = realWarn;
    });

    it("has at least 40 cases, static and live, with unique names", () => {
        assert.ok(BAD_INPUTS.length >= 40, `${BAD_INPUTS.length} cases`);
        assert.ok(BAD_INPUTS.filter((c) => c.kind === "static").length >= 20);
        assert.ok(BAD_INPUTS.filter((c) => c.kind === "live").length >= 15);
        assert.equal(new Set(BAD_INPUTS.map((c) => c.name)).size, BAD_INPUTS.length);
    });

    for (const c of BAD_INPUTS) {
        it(`${c.kind}: ${c.name} -> ${c.property}`, async () => {
            mockPool(c.pool === null ? null : { ...BASE_POOL, ...c.pool });
            mockMfa();
            mockRole(ROLE_NAME, c.role ?? GOOD_ROLE);
            const r = await new UserPoolMfaConfigProvider().check({} as MfaConfigInputs, c.inputs as unknown as MfaConfigInputs);
            const failures = r.failures ?? [];
            const hit = failures.find((f) => f.property === c.property);
            assert.ok(hit, `no failure names ${c.property}; got ${JSON.stringify(failures, null, 1)}`);
            assert.ok(hit.reason.startsWith(c.property), `the reason starts with the property: ${hit.reason}`);
            assert.match(hit.reason, c.reason);
            assert.match(hit.reason, /\(received: /, "the reason shows the value received");
            const sent = sentCommands();
            if (c.kind === "static") assert.deepEqual(sent, [], "a static rule needs no AWS call");
            else assert.ok(sent.includes("DescribeUserPoolCommand"), `live case without a pool read: ${sent.join(", ")}`);
            assert.deepEqual(
                sent.filter((n) => !READ_ONLY_COMMANDS.includes(n)),
                [],
                "pre-flight only reads",
            );
            assert.deepEqual(warnings, []);
        });
    }

    for (const c of ACCEPTED) {
        it(`accepted: ${c.name} passes, with ${c.warnings.length} warning(s)`, async () => {
            mockPool({ ...BASE_POOL, ...c.pool });
            mockMfa();
            mockRole(ROLE_NAME, c.role ?? GOOD_ROLE);
            const r = await new UserPoolMfaConfigProvider().check({} as MfaConfigInputs, c.inputs as unknown as MfaConfigInputs);
            assert.deepEqual(r.failures, []);
            assert.equal(warnings.length, c.warnings.length, warnings.join("\n"));
            for (const re of c.warnings)
                assert.ok(
                    warnings.some((w) => re.test(w)),
                    `no warning matches ${re}: ${warnings.join("\n")}`,
                );
            assert.deepEqual(
                sentCommands().filter((n) => !READ_ONLY_COMMANDS.includes(n)),
                [],
                "pre-flight only reads",
            );
        });
    }

    for (const inputs of GOOD_INPUTS) {
        it(`control: ${JSON.stringify(inputs)} passes every rule`, async () => {
            mockPool(BASE_POOL);
            mockRole(ROLE_NAME, GOOD_ROLE);
            const r = await new UserPoolMfaConfigProvider().check({} as MfaConfigInputs, inputs as unknown as MfaConfigInputs);
            assert.deepEqual(r.failures, []);
            assert.deepEqual(warnings, []);
        });
    }
});
