// Proves the e2e rig itself, independently of the provider code: the CLI built from Go
// modules, the Node language host and the pulumi-nodejs dynamic-provider plugin take a tiny
// TypeScript program (test/fixtures/rig-smoke, whose "real" resource is a file) through
// up -> preview -> destroy, and the harness's cycle() sees and repairs drift.
import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertNoChanges, cycle, pulumiVersion, resourceChanges, Stack } from "../harness/pulumi";

const fixture = "test/fixtures/rig-smoke";
const DYNAMIC = "pulumi-nodejs:dynamic:Resource";
const realFile = (name: string) => join(mkdtempSync(join(process.env.RIG_RUN_DIR ?? tmpdir(), "rig-real-")), name);

test("rig smoke: pulumi up / preview / destroy of a dynamic resource", async (t) => {
    const stack = await Stack.create(fixture);
    const real = realFile("echo.txt");

    await t.test("the CLI on PATH is the pinned build", async () => {
        const v = await stack.exec("pulumi", ["version"]);
        assert.equal(v.stdout.trim(), `v${pulumiVersion}`);
    });

    await t.test("up creates the stack and the dynamic resource", async () => {
        await stack.init();
        await stack.setConfig("greeting", "hi-rig");
        await stack.setConfig("realFile", real);
        const up = await stack.up();
        assert.equal(up.json.result, "succeeded");
        assert.deepEqual(up.json.changeSummary, { create: 2 });
        assert.deepEqual(
            resourceChanges(up).map((c) => [c.op, c.type, c.name]),
            [["create", DYNAMIC, "echo"]],
        );
        assert.equal(readFileSync(real, "utf8"), "hi-rig", "the provider's create() did not run");
    });

    await t.test("outputs and state carry the provider's id and outputs", async () => {
        assert.deepEqual(await stack.outputs(), { x: "hi-rig", createdBy: "rig-smoke", echoId: "echo-hi-rig" });
        const state = await stack.exportState();
        const echo = state.deployment.resources?.find((r) => r.type === DYNAMIC);
        assert.ok(echo, "echo resource missing from the exported state");
        assert.equal(echo.id, "echo-hi-rig");
        assert.equal(echo.outputs?.greeting, "hi-rig");
        assert.equal(echo.outputs?.createdBy, "rig-smoke");
    });

    await t.test("a second preview shows no changes", async () => {
        const preview = await stack.preview();
        assertNoChanges(preview);
        assert.deepEqual(preview.json.changeSummary, { same: 2 });
    });

    await t.test("destroy deletes everything and the stack can be removed", async () => {
        const destroy = await stack.destroy();
        assert.deepEqual(destroy.json.changeSummary, { delete: 2 });
        assert.equal(existsSync(real), false, "the provider's delete() did not run");
        const state = await stack.exportState();
        assert.deepEqual(state.deployment.resources ?? [], []);
        await stack.rm();
    });
});

test("rig smoke: cycle() reports out-of-band drift on refresh and up repairs it", async () => {
    const real = realFile("echo.txt");
    const result = await cycle({
        project: fixture,
        config: { greeting: "hi-cycle", realFile: real },
        resourceType: DYNAMIC,
        outOfBand({ outputs }) {
            assert.equal(outputs.x, "hi-cycle");
            writeFileSync(real, "tampered");
            return Promise.resolve();
        },
        verify({ outputs }) {
            assert.equal(readFileSync(real, "utf8"), "hi-cycle");
            assert.equal(outputs.x, "hi-cycle");
            return Promise.resolve();
        },
    });
    assert.deepEqual(
        result.drift.map((c) => [c.op, c.name, c.changedOutputs]),
        [["update", "echo", { greeting: { old: "hi-cycle", new: "tampered" } }]],
    );
    assert.deepEqual(result.restore.json.changeSummary, { same: 1, update: 1 });
    assert.equal(existsSync(real), false, "destroy left the resource behind");
});
