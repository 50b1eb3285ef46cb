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

// The layers of provider/, bottom to top: common/ (pure helpers) < runtime/ (log, warnings, SDK promise stacks) <
// aws/ (the SDK calls) < the two resource folders < engine/, index.ts and cli.ts (the top, which
// may import anything). An import may only run down: each layer lists the folders it may import.
// The resource folders never import each other (what both need is in common/). A resource's class
// names its `__provider` stub by the package's own export, as text (runtime/registration.ts), so
// it imports nothing of engine/. Checked by test/unit/lint.test.ts.
const LAYERS = {
    common: [],
    runtime: ["common/"],
    aws: ["common/", "runtime/"],
    userPoolMfaConfig: ["common/", "aws/", "runtime/"],
    snsCallerRole: ["common/", "aws/", "runtime/"],
    // The audit reads pools with the resources' own rules; nothing below it imports it (cli.ts does).
    audit: ["common/", "aws/", "runtime/", "userPoolMfaConfig/", "snsCallerRole/"],
    // The provider plugin hosts the resources' own providers; nothing in the package imports it
    // (the plugin's launcher runs plugin/main.ts).
    plugin: ["common/", "aws/", "runtime/", "userPoolMfaConfig/", "snsCallerRole/"],
};

/** One files block per layer: an import that leaves the layer's folder must go to one it may import. */
const layerBlocks = Object.entries(LAYERS).map(([layer, allowed]) => {
    const may = allowed.length === 0 ? "nothing outside itself" : `only from ${allowed.map((a) => a.replace(/\$$/, "")).join(", ")}`;
    // "..", or "../" followed by anything but an allowed folder (or module).
    const regex = allowed.length === 0 ? "^\\.\\.(/|$)" : `^\\.\\.($|/(?!(${allowed.join("|")})))`;
    const message = `provider/${layer}/ may import ${may}: imports run down the layers common < runtime < aws < resources < engine (eslint.config.mjs).`;
    return {
        files: [`provider/${layer}/**/*.ts`],
        rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ regex, message }] }] },
    };
});

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
    ...layerBlocks,
);
