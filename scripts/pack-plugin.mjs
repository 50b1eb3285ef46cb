// Builds the provider plugin's release archive, pulumi-resource-cognito-mfa-v<version>.tar.gz:
// the launcher (provider/plugin/launcher.sh, as pulumi-resource-cognito-mfa) at the root, and
// node_modules with this package (from its npm tarball) and its runtime dependencies,
// @pulumi/pulumi pinned to the devDependency's release. Pure JavaScript, so one archive serves
// every OS with a POSIX shell; it needs Node.js >= 22 on PATH at run time. Nothing is published:
// `pulumi plugin install resource cognito-mfa <version> --file <archive>` installs it (docs/plugin.md).
// Usage: node scripts/pack-plugin.mjs [--tarball <pulumi-cognito-mfa-x.y.z.tgz>] [--out <dir>]
// (without --tarball it runs `npm pack` of this checkout, which must be built: npm run build)
import { spawnSync } from "node:child_process";
import { copyFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
};
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = resolve(arg("--out") ?? join(root, "dist/plugin"));
mkdirSync(out, { recursive: true });

function run(cmd, args, cwd) {
    const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
    if (r.status !== 0) {
        console.error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
        process.exit(1);
    }
    return r.stdout;
}

const work = mkdtempSync(join(tmpdir(), "cognito-mfa-plugin-"));
let tarball = arg("--tarball") && resolve(arg("--tarball"));
if (!tarball) {
    if (!existsSync(join(root, "dist/provider/plugin/main.js"))) {
        console.error("dist/provider/plugin/main.js is missing: run npm run build first");
        process.exit(1);
    }
    const [{ filename }] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root));
    tarball = join(work, filename);
}

const stage = join(work, "stage");
mkdirSync(stage);
writeFileSync(
    join(stage, "package.json"),
    JSON.stringify(
        {
            name: "pulumi-resource-cognito-mfa",
            version: pkg.version,
            private: true,
            description: "The cognito-mfa Pulumi provider plugin: run ./pulumi-resource-cognito-mfa (needs Node.js >= 22 on PATH)",
            dependencies: { "pulumi-cognito-mfa": `file:${tarball}`, "@pulumi/pulumi": pkg.devDependencies["@pulumi/pulumi"] },
        },
        null,
        2,
    ) + "\n",
);
// --install-links: a copy of the package, not a link to the tarball's unpacked directory.
run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", "--install-links"], stage);
// The absolute file: path of the tarball means nothing on another machine; the lockfile is kept
// for the record of what was installed, with the archive's own name for the package.
writeFileSync(join(stage, "package.json"), readFileSync(join(stage, "package.json"), "utf8").replace(`file:${tarball}`, pkg.version));
copyFileSync(join(root, "provider/plugin/launcher.sh"), join(stage, "pulumi-resource-cognito-mfa"));
chmodSync(join(stage, "pulumi-resource-cognito-mfa"), 0o755);

const archive = join(out, `pulumi-resource-cognito-mfa-v${pkg.version}.tar.gz`);
run("tar", ["-czf", archive, "-C", stage, "."]);
rmSync(work, { recursive: true, force: true });
console.log(archive);
