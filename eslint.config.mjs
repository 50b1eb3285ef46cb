// ESLint for the package: type-aware typescript-eslint rules on the provider and its tests, the
// plain JavaScript rules on the scripts. `npm run lint` (part of `npm test`) runs it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeGlobals = Object.fromEntries(
    [
        "process",
        "console",
        "Buffer",
        "URL",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "AbortController",
        "fetch",
        "structuredClone",
    ].map((g) => [g, "readonly"]),
);

export default tseslint.config(
    { ignores: ["dist/**", "node_modules/**", ".venv/**", ".tools/**", "**/node_modules/**", "test/fixtures/releases/**"] },
    {
        files: ["provider/**/*.ts", "test/**/*.ts"],
        ignores: ["test/fixtures/**"],
        extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            // node:test's describe/it return promises that the runner itself awaits.
            "@typescript-eslint/no-floating-promises": [
                "error",
                { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] }] },
            ],
            // `_x` marks a parameter or binding kept for its position; `{ a, ...rest }` drops `a` on purpose.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
            // `import x = require()` is how a module whose exports object *is* the value (the
            // __provider stubs, `export =`) is imported without esModuleInterop.
            "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
        },
    },
    {
        files: ["scripts/**/*.mjs", "bench/**/*.mjs", "eslint.config.mjs"],
        extends: [js.configs.recommended],
        languageOptions: { globals: nodeGlobals },
        rules: { "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }] },
    },
);
