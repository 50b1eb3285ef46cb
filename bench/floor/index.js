"use strict";
const pulumi = require("@pulumi/pulumi");
// Through the package's own name, as a program's import reaches it, so the object serialized is
// the one require.cache holds for node_modules/pulumi-null-dynamic/provider.js.
const provider = require("pulumi-null-dynamic/provider");

/** A dynamic resource with no cloud behind it: the engine's floor for one resource. */
class NullResource extends pulumi.dynamic.Resource {
    constructor(name, args, opts) {
        super(provider, name, { ...args }, opts, "null", "NullResource");
    }
}
exports.NullResource = NullResource;
