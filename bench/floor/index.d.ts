import * as pulumi from "@pulumi/pulumi";

/** A dynamic resource with no cloud behind it: the engine's floor for one resource. */
export declare class NullResource extends pulumi.dynamic.Resource {
    constructor(name: string, args: Record<string, pulumi.Input<unknown>>, opts?: pulumi.CustomResourceOptions);
}
