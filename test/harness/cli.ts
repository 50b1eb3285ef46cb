// The built `pulumi-cognito-mfa` command run as a user runs it, in a process of its own.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./moto";

const cli = join(repoRoot, "dist/provider/cli.js");

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the command with `env` on top of this process's environment minus every inherited AWS_* setting (the command may reach moto only). */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
    const child = spawn(process.execPath, [cli, ...args], { env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    return new Promise((ok, fail) => {
        child.on("error", fail);
        child.on("close", (code) => ok({ code: code ?? 1, stdout, stderr }));
    });
}
