// Which of the things the live pre-flight reads come from other resources of the same program:
// the user pool (userPoolId) and the SMS role (the role ARN in smsConfiguration). `check` only
// sees values: at preview the id of a pool that this update changes is known and looks like any
// plain id, and DescribeUserPool still shows the pool as it is before the update. So the program
// records where the values came from in the hidden `__fromStack` input, and the provider checks
// such a pool or role at `pulumi up`, right before its write, instead of refusing at preview
// what the same update may fix (provider.ts, preflight.ts).
import * as pulumi from "@pulumi/pulumi";
import type { StackReference } from "./preflight";

/** Where the ARN of each SMS path sits inside smsMfaConfiguration. */
const ROLE_PATHS = [
    ["smsConfiguration", "snsCallerArn"],
    ["smsConfiguration", "eumsSms", "callerArn"],
];

/**
 * Whether a value is an Output that depends on resources. The SDK does not declare an Output's
 * dependencies in its types; `allResources` (and the older `resources`) are what the SDK itself
 * reads to register them (`getAllResources`, @pulumi/pulumi output.js). An Output without either
 * counts as a resource's: its checks then run before the write instead of at preview, which
 * still refuses before anything is written.
 */
async function fromResources(v: unknown): Promise<boolean> {
    if (!pulumi.Output.isInstance(v)) return false;
    const o = v as unknown as { allResources?: () => Promise<Set<unknown>>; resources?: () => Set<unknown> };
    if (typeof o.allResources === "function") return (await o.allResources()).size > 0;
    if (typeof o.resources === "function") return o.resources().size > 0;
    return true;
}

/** True when the value at `path`, or any Output on the way to it, depends on resources. */
async function pathFromResources(root: unknown, path: string[]): Promise<boolean> {
    let v: unknown = root;
    for (const key of path) {
        if (await fromResources(v)) return true;
        // An Output without resources (a secret of a plain value) holds nothing that another
        // resource changes: what is inside it is judged by its own value.
        if (v === null || typeof v !== "object" || pulumi.Output.isInstance(v) || v instanceof Promise) return false;
        v = (v as Record<string, unknown>)[key];
    }
    return fromResources(v);
}

function holdsOutputs(v: unknown): boolean {
    if (pulumi.Output.isInstance(v)) return true;
    if (v === null || typeof v !== "object" || v instanceof Promise) return false;
    return Object.values(v as Record<string, unknown>).some(holdsOutputs);
}

/**
 * The `__fromStack` input of a UserPoolMfaConfig: the references among userPoolId and the SMS
 * role ARNs that are Outputs of other resources, or undefined (no input at all) when every one
 * is a plain value, the usual case, whose state stays as it was.
 */
export function fromStackInput(args: {
    userPoolId: unknown;
    smsMfaConfiguration?: unknown;
}): Promise<StackReference[] | undefined> | undefined {
    if (!pulumi.Output.isInstance(args.userPoolId) && !holdsOutputs(args.smsMfaConfiguration)) return undefined;
    return (async () => {
        const refs: StackReference[] = [];
        if (await fromResources(args.userPoolId)) refs.push("userPool");
        for (const path of ROLE_PATHS) {
            if (await pathFromResources(args.smsMfaConfiguration, path)) {
                refs.push("smsRole");
                break;
            }
        }
        return refs.length > 0 ? refs : undefined;
    })();
}
