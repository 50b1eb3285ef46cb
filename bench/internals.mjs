// The one place the benchmark reaches the provider objects the engine drives (overhead.mjs
// times their methods). It goes through the package's own export `engine/providers` — what the
// `__provider` stubs require at run time — so a move of the files behind it needs no change
// here; if that export changes, this is the line to change.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

/** The UserPoolMfaConfig provider (check, create, diff, read, update, delete), from dist/. */
export function newUserPoolMfaConfigProvider() {
    // A self-reference: the repository is the package, resolved through its package.json exports.
    return require("pulumi-cognito-mfa/engine/providers").userPoolMfaConfig();
}
