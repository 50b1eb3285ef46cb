// What an SnsCallerRole's state holds, and reading the bookkeeping of a state written by 0.1.0,
// which has it under names the engine shows in a diff (`inputKeys`, `policyName`) instead of
// today's `__` names (see LegacyRoleBookkeeping). Pure.
import { LegacyRoleBookkeeping, SnsCallerRoleOutputs } from "./model";
import { permissionPolicyFor } from "./policies";

/** What an SnsCallerRole stores as outputs, with the stub the engine adds. */
export type Outputs = SnsCallerRoleOutputs & LegacyRoleBookkeeping & { __provider?: string };

/** The args the user set, as recorded (under either name). */
export function recordedInputKeys(o: Outputs): string[] | undefined {
    return o.__inputKeys ?? o.inputKeys;
}

/**
 * The inline permission policy the resource wrote: as recorded (under either name), else the one
 * its sender uses (a new state records the name only when it is not that one).
 */
export function recordedPolicyName(o: Outputs): string {
    return o.__policyName ?? o.policyName ?? permissionPolicyFor(o.sender).name;
}

/** True for a state written by 0.1.0, whose bookkeeping names read keeps (see LegacyRoleBookkeeping). */
export function usesLegacyNames(o: Outputs): boolean {
    return "inputKeys" in o || "policyName" in o;
}
