// The one place the benchmark reaches into the provider's compiled internals by path (the
// public entry exports the resources, not the provider objects that overhead.mjs times). When
// the provider's files move, this is the line to change.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

/** A fresh UserPoolMfaConfig provider (the object the engine drives: check, create, diff, ...). */
export function newUserPoolMfaConfigProvider() {
    const { UserPoolMfaConfigProvider } = require(join(root, "dist/provider/userPoolMfaConfigProvider.js"));
    return new UserPoolMfaConfigProvider();
}
