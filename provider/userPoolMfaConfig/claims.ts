// The program-side half of "one pool, one UserPoolMfaConfig": a second resource of the same
// program on the same pool is refused before it is registered, so before it can write. The
// provider-side half, across programs and stacks, is the owner tag on the pool (provider.ts: create's
// claim writes it, delete removes it when it is still this resource's).
import * as pulumi from "@pulumi/pulumi";
import { namedRegion } from "../common/regions";
import { ownerTagValue } from "../common/tags";
import { OWNER_TAG_CONFIG_KEY, ownerTagEnabled } from "./ownerTag";

/** Pools claimed by the UserPoolMfaConfig resources of this program: "<region>/<pool id>" -> resource name. */
const claimedPools = new Map<string, string>();

/**
 * The hidden `__owner` input: `<project>/<stack>/<resource name>`, the value of the
 * `pulumi-cognito-mfa:owner` tag that create puts on the pool (and refuses to overwrite when
 * another resource's value is there); undefined (no input) for a plain pool id when the stack
 * setting pulumi-cognito-mfa:ownerTag is off. Resolving it also refuses a second resource of
 * this program on the same pool, before that resource is registered, so before it can write.
 */
export function ownerInput(
    name: string,
    userPoolId: pulumi.Input<string>,
    region: pulumi.Input<string> | undefined,
): pulumi.Input<string> | undefined {
    const owner = ownerTagValue(pulumi.getProject(), pulumi.getStack(), name);
    // Plain strings (the usual case) are checked at once: the constructor throws and the program
    // stops right there, and the owner is a plain string too (an Output would cost the SDK a few
    // captured stack traces per resource). Outputs are checked when they resolve; the failed
    // input then stops the program (slowly: the Node runtime took over a minute to give up on the
    // rejected input), so that input is sent whatever the setting: it is what carries the refusal.
    if (typeof userPoolId === "string" && (region === undefined || typeof region === "string")) {
        claimPool(name, userPoolId, region);
        // With the owner tag off (the same stack setting the provider reads) no tag is written, and
        // an input nobody reads would cost every resource ~90 bytes of state (input, property
        // dependency and output) in each checkpoint write.
        return ownerTagEnabled(pulumi.runtime.getConfig(OWNER_TAG_CONFIG_KEY)) ? owner : undefined;
    }
    return pulumi.all([userPoolId, region]).apply(([poolId, r]) => {
        claimPool(name, poolId, r);
        return owner;
    });
}

function claimPool(name: string, poolId: string, region: string | undefined): void {
    const key = `${namedRegion(region, poolId) ?? ""}/${poolId}`;
    const first = claimedPools.get(key);
    if (first !== undefined && first !== name) {
        // hideStack: the message alone, without a stack trace of the SDK's internals.
        throw new pulumi.ResourceError(
            `UserPoolMfaConfig "${name}" and UserPoolMfaConfig "${first}" both manage user pool ${poolId}: each would overwrite the other's MFA configuration. Keep one of them.`,
            undefined,
            true,
        );
    }
    claimedPools.set(key, name);
}
