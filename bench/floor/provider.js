// The floor's provider. This module's `module.exports` IS the provider object: Pulumi's closure
// serializer finds it in require.cache under node_modules/pulumi-null-dynamic/provider.js, maps
// that through package.json `exports` and stores only `require("pulumi-null-dynamic/provider")`
// as `__provider` — the same form pulumi-cognito-mfa's provider takes, and the smallest the
// engine allows. No AWS call: whatever time or state the engine spends on these resources is
// the engine's own, the floor ours is measured against.
"use strict";
const { writeFileSync } = require("node:fs");

// BENCH_FIRST_CALL_FILE (bench part "quota"): the time (ms since the epoch) of the first call the
// engine made to this provider in the command, written once per provider process. A provider
// cannot call AWS for a resource before the engine has asked it about one, so this is when the
// calls of a command can start at the earliest.
let firstCallSeen = false;
function firstCall() {
    if (firstCallSeen) return;
    firstCallSeen = true;
    const file = process.env.BENCH_FIRST_CALL_FILE;
    if (file) writeFileSync(file, String(Date.now()));
}

// BENCH_PACE_RPS (bench part "quota"): every create, read, update and delete waits for its slot
// at this many per second, one slot after another, as the minimal lossless call set of a
// UserPoolMfaConfig does at Cognito's quotas (create and destroy: one Get and one Set, each in
// its own 15/s category; refresh: one Get). Still no call: the engine's own time at the quota's
// pace, the least any provider making those calls can take under this engine.
const paceMs = Number(process.env.BENCH_PACE_RPS) > 0 ? 1000 / Number(process.env.BENCH_PACE_RPS) : 0;
let nextSlot = 0;
function paced() {
    if (!paceMs) return undefined;
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + paceMs;
    return slot > now ? new Promise((ok) => setTimeout(ok, slot - now)) : undefined;
}

/** Inputs without the engine's `__provider` (the shim adds it back to what we return). */
function own(props) {
    const out = {};
    for (const k of Object.keys(props)) if (k !== "__provider") out[k] = props[k];
    return out;
}

// Outputs echo the inputs: a resource a program can read back (as ours has), with nothing added.
module.exports = {
    async check(_olds, news) {
        firstCall();
        return { inputs: news };
    },
    async create(inputs) {
        firstCall();
        await paced();
        return { id: String(inputs.userPoolId ?? "null"), outs: own(inputs) };
    },
    async read(id, props) {
        firstCall();
        await paced();
        return { id, props: own(props) };
    },
    async diff(_id, olds, news) {
        firstCall();
        return { changes: JSON.stringify(own(olds)) !== JSON.stringify(own(news)) };
    },
    async update(_id, _olds, news) {
        firstCall();
        await paced();
        return { outs: own(news) };
    },
    async delete() {
        firstCall();
        await paced();
    },
};
