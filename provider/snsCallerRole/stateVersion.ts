// The versions of SnsCallerRole's stored outputs (the machinery: common/stateVersion.ts).
//
//   0  0.1.0: the bookkeeping under names the engine displays, `inputKeys` and `policyName`,
//      and the `smsConfiguration` output ({ snsCallerArn, externalId } or { eumsSms: … }, secret)
//   1  `__inputKeys`, `__policyName` (left out when it is the one the sender implies), no
//      `smsConfiguration` (SnsCallerRole.smsConfiguration builds it from arn, externalId and the
//      args), `__owner`, `__instance`; written with `__stateVersion` since it was introduced,
//      without before
import { renamed, StateSchema } from "../common/stateVersion";
import { DEFAULT_SENDER, smsConfigurationOf, SmsSender } from "./model";
import { permissionPolicyFor } from "./policies";

const defaultPolicyName = (s: Record<string, unknown>) => permissionPolicyFor((s.sender as SmsSender | undefined) ?? DEFAULT_SENDER).name;

export const ROLE_STATE = {
    resource: "SnsCallerRole",
    unversioned: (s) => ("inputKeys" in s || "policyName" in s ? 0 : 1),
    steps: [
        {
            up: (s) => {
                const out = renamed(s, { inputKeys: "__inputKeys", policyName: "__policyName" });
                if (out.__policyName === undefined || out.__policyName === defaultPolicyName(out)) delete out.__policyName;
                delete out.smsConfiguration;
                return out;
            },
            down: (s, stored) => {
                const out = renamed(s, { __inputKeys: "inputKeys", __policyName: "policyName" });
                out.policyName ??= defaultPolicyName(out);
                // 0.1.0's `smsConfiguration` output.
                if ("smsConfiguration" in stored)
                    out.smsConfiguration = smsConfigurationOf(out as Parameters<typeof smsConfigurationOf>[0]);
                return out;
            },
        },
    ],
} satisfies StateSchema;
