// What an SnsCallerRole's state holds, and reading its bookkeeping. A state written by an earlier
// release is first brought to the current layout by stateVersion.ts. Pure.
import { LegacyRoleBookkeeping, SnsCallerRoleOutputs } from "./model";
import { permissionPolicyFor } from "./policies";

/** What an SnsCallerRole stores as outputs, with the stub the engine adds. */
export type Outputs = SnsCallerRoleOutputs & LegacyRoleBookkeeping & { __provider?: string; __stateVersion?: number };

/** The args the user set, as recorded (outputs in the current state version, stateVersion.ts). */
export function recordedInputKeys(o: Outputs): string[] | undefined {
    return o.__inputKeys;
}

/**
 * The inline permission policy the resource wrote: as recorded, else the one its sender uses (the
 * state records the name only when it is not that one).
 */
export function recordedPolicyName(o: Outputs): string {
    return o.__policyName ?? permissionPolicyFor(o.sender).name;
}
