// Warnings the engine shows at `pulumi preview` ("warning: ..."), once per provider process.
import { warnLog } from "./log";

const emitted = new Set<string>();

/** Forgets which warnings were shown (tests; a provider process never needs it). */
export function forgetWarnings(): void {
    emitted.clear();
}

/**
 * Where warnings go. Under the engine's dynamic-provider host they are sent to the engine's Log
 * service (the address the host was started with), so `pulumi preview` shows them as
 * "warning: ..." and counts them; elsewhere, and if that fails, they go to stderr, which the
 * CLI shows as a message. Tests replace `warn`.
 */
export const warningSink = {
    warn: (message: string): Promise<void> => warnLog(message),
};

/** Emits a warning once per process (two resources on one denied pool warn once). */
export async function emitWarning(message: string): Promise<void> {
    const text = `pulumi-cognito-mfa: ${message}`;
    if (emitted.has(text)) return;
    emitted.add(text);
    await warningSink.warn(text);
}
