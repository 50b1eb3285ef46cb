// The text of provider/plugin/schema.json: the package schema for the version in package.json,
// as scripts/gen-plugin-schema.mjs writes it and test/unit/plugin/schema.test.ts expects it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "./schema";

/** The version in package.json (dist/provider/plugin -> the package root). */
export function packageVersion(): string {
    return (JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as { version: string }).version;
}

export function schemaText(version = packageVersion()): string {
    return JSON.stringify(packageSchema(version), null, 2) + "\n";
}
