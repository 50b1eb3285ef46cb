// Writes the provider plugin's Pulumi package schema (provider/plugin/schema.ts, built from
// userPoolMfaConfig/shape.ts) to provider/plugin/schema.json, the file `pulumi package gen-sdk`
// and `pulumi package add` read. Run after `npm run build`; test/unit/plugin/schema.test.ts
// fails when the committed file is not what this writes.
// Usage: node scripts/gen-plugin-schema.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { schemaText } = require(join(root, "dist/provider/plugin/schemaFile.js"));
const target = join(root, "provider/plugin/schema.json");
const want = schemaText();
if (process.argv.includes("--check")) {
    const have = readFileSync(target, "utf8");
    if (have !== want) {
        console.error("provider/plugin/schema.json is stale: run node scripts/gen-plugin-schema.mjs");
        process.exit(1);
    }
    console.log("provider/plugin/schema.json is up to date");
} else {
    writeFileSync(target, want);
    console.log(`wrote provider/plugin/schema.json (${want.length} bytes)`);
}
