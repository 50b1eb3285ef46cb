// The floor's provider. This module's `module.exports` IS the provider object: Pulumi's closure
// serializer finds it in require.cache under node_modules/pulumi-null-dynamic/provider.js, maps
// that through package.json `exports` and stores only `require("pulumi-null-dynamic/provider")`
// as `__provider` — the same form pulumi-cognito-mfa's provider takes, and the smallest the
// engine allows. No AWS call: whatever time or state the engine spends on these resources is
// the engine's own, the floor ours is measured against.
"use strict";

/** Inputs without the engine's `__provider` (the shim adds it back to what we return). */
function own(props) {
    const out = {};
    for (const k of Object.keys(props)) if (k !== "__provider") out[k] = props[k];
    return out;
}

// Outputs echo the inputs: a resource a program can read back (as ours has), with nothing added.
module.exports = {
    async create(inputs) {
        return { id: String(inputs.userPoolId ?? "null"), outs: own(inputs) };
    },
    async read(id, props) {
        return { id, props: own(props) };
    },
    async diff(_id, olds, news) {
        return { changes: JSON.stringify(own(olds)) !== JSON.stringify(own(news)) };
    },
    async update(_id, _olds, news) {
        return { outs: own(news) };
    },
    async delete() {},
};
