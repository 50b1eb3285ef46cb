// The versions of UserPoolMfaConfig's stored outputs (the machinery: common/stateVersion.ts).
//
//   0  0.1.0: the bookkeeping under names the engine displays, `inputShape` and
//      `adoptedConfiguration` (every adoption recorded, the MFA OFF of a new pool too)
//   1  `__inputShape`, `__adoptedConfiguration` (left out for a pool adopted with MFA OFF and
//      nothing else: restore then writes what reset writes), `__owner`; written with
//      `__stateVersion` since it was introduced, without before
//   2  `__inputShape` as JSON text: the file backend rewrites the whole checkpoint after every
//      step, and its cost there is per property as much as per byte (the Go engine's
//      SerializeResource and JSON map encoding sort and walk every key, each save): one string
//      instead of two nested objects is four properties less per resource in every save
import { renamed, StateSchema } from "../common/stateVersion";
import type { MfaConfig, MfaConfigInputs } from "./model";
import { decodeShape, encodeShape } from "./diff";

/** True for MFA OFF and nothing else: an adoption that needs no record. */
export function isPlainOff(c: MfaConfig): boolean {
    return Object.entries(c).every(([k, v]) => (k === "mfaConfiguration" ? v === "OFF" : v === undefined));
}

const V0_NAMES = { inputShape: "__inputShape", adoptedConfiguration: "__adoptedConfiguration" };
const V1_NAMES = { __inputShape: "inputShape", __adoptedConfiguration: "adoptedConfiguration" };

export const MFA_STATE: StateSchema = {
    resource: "UserPoolMfaConfig",
    unversioned: (s) => ("inputShape" in s || "adoptedConfiguration" in s ? 0 : 1),
    steps: [
        {
            up: (s) => {
                const out = renamed(s, V0_NAMES);
                const adopted = out.__adoptedConfiguration as MfaConfig | undefined;
                if (adopted === undefined || isPlainOff(adopted)) delete out.__adoptedConfiguration;
                return out;
            },
            down: (s, stored) => {
                const out = renamed(s, V1_NAMES);
                // 0.1.0 recorded the plain MFA OFF adoption that version 1 leaves out.
                if (out.adoptedConfiguration === undefined && "adoptedConfiguration" in stored)
                    out.adoptedConfiguration = stored.adoptedConfiguration;
                return out;
            },
        },
        {
            up: (s) => (s.__inputShape === undefined ? s : { ...s, __inputShape: encodeShape(s.__inputShape as MfaConfigInputs) }),
            down: (s) => (typeof s.__inputShape === "string" ? { ...s, __inputShape: decodeShape(s.__inputShape) } : s),
        },
    ],
};
