// The stacks of @pulumi/pulumi's promises are turned off while a resource registers its
// properties (provider/runtime/promiseStacks.ts), and always turned back on: the program's own
// errors keep their stacks, and PULUMI_DEBUG_PROMISE_LEAKS keeps the SDK's.
import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { withoutPromiseStacks } from "../../../provider/runtime/promiseStacks";
import { UserPoolMfaConfig } from "../../../provider/userPoolMfaConfig/resource";
import { SnsCallerRole } from "../../../provider/snsCallerRole/resource";

describe("withoutPromiseStacks", () => {
    const saved = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    after(() => {
        if (saved === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
        else process.env.PULUMI_DEBUG_PROMISE_LEAKS = saved;
    });

    it("formats no stack until restored, then the limit is what it was", () => {
        delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
        const limit = Error.stackTraceLimit;
        const restore = withoutPromiseStacks();
        assert.equal(new Error("x").stack, "Error: x");
        restore();
        assert.equal(Error.stackTraceLimit, limit);
        assert.match(new Error("x").stack ?? "", /\n\s+at /);
    });

    it("keeps the stacks with PULUMI_DEBUG_PROMISE_LEAKS, the SDK's leak report prints them", () => {
        process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
        const limit = Error.stackTraceLimit;
        const restore = withoutPromiseStacks();
        assert.equal(Error.stackTraceLimit, limit);
        assert.match(new Error("x").stack ?? "", /\n\s+at /);
        restore();
        assert.equal(Error.stackTraceLimit, limit);
    });
});

describe("the resource classes restore the limit (Pulumi mocks)", () => {
    const registered: MockResourceArgs[] = [];
    before(async () => {
        delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
        await pulumi.runtime.setMocks(
            {
                newResource(args: MockResourceArgs) {
                    registered.push(args);
                    return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            true,
        );
    });

    it("after a UserPoolMfaConfig and an SnsCallerRole are constructed", async () => {
        const limit = Error.stackTraceLimit;
        new UserPoolMfaConfig("mfa", {
            userPoolId: "us-east-1_stacks1",
            mfaConfiguration: "OPTIONAL",
            softwareTokenMfaConfiguration: { enabled: true },
        });
        assert.equal(Error.stackTraceLimit, limit);
        new SnsCallerRole("role", { userPoolId: "us-east-1_stacks1" });
        assert.equal(Error.stackTraceLimit, limit);
        await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(registered.map((r) => r.name).sort(), ["mfa", "role"]);
        // A plain pool id records no __fromStack at all (each key costs the SDK its promises).
        const mfa = registered.find((r) => r.name === "mfa")!;
        assert.ok(!("__fromStack" in (mfa.inputs as object)), Object.keys(mfa.inputs as object).join());
    });

    it("after the SDK throws from inside the constructor", () => {
        const limit = Error.stackTraceLimit;
        // An empty name is refused by the SDK's Resource constructor itself ("Missing resource name argument").
        assert.throws(() => new UserPoolMfaConfig("", { userPoolId: "us-east-1_stacks2", mfaConfiguration: "OFF" }), /name/i);
        assert.equal(Error.stackTraceLimit, limit);
    });
});
