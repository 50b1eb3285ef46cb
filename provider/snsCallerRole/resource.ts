import * as pulumi from "@pulumi/pulumi";
import { secretNames } from "../common/shape";
import { ownerTagValue } from "../common/tags";
import type { RoleSmsConfigurationArgs } from "../common/roleSmsConfiguration";
import { ROLE_INPUTS } from "./generated";
import type { SnsCallerRoleArgs } from "./generated";
import { defaultNamePrefix, GENERATE_EXTERNAL_ID, smsConfigurationOf } from "./model";
import { dynamicType, withProvider } from "../runtime/registration";
import { withoutPromiseStacks } from "../runtime/promiseStacks";

// The argument type is generated from the IAM and STS models, with its JSDoc (generated.ts).
export type { SnsCallerRoleArgs } from "./generated";

/**
 * The IAM role Amazon Cognito assumes to send SMS (MFA codes, verification) through Amazon
 * SNS, or with `sender: "eumsSms"` through AWS End User Messaging SMS: trust for
 * `cognito-idp.amazonaws.com` with `sts:ExternalId`, `aws:SourceAccount` and `aws:SourceArn`
 * conditions, and an inline `sns:Publish` (or `sms-voice:SendTextMessage`) policy.
 * `pulumi refresh` reports out-of-band changes of either document, and `pulumi up` puts them back.
 *
 * ```ts
 * const role = new SnsCallerRole("sms", { userPoolId: pool.id });
 * new UserPoolMfaConfig("mfa", {
 *     userPoolId: pool.id,
 *     mfaConfiguration: "OPTIONAL",
 *     smsMfaConfiguration: { smsConfiguration: role.smsConfiguration },
 * });
 * ```
 */
export class SnsCallerRole extends pulumi.CustomResource {
    /** The role's ARN: the pool's `smsConfiguration.snsCallerArn` (or `eumsSms.callerArn`). */
    declare readonly arn: pulumi.Output<string>;
    /** The role's name (with its generated suffix when `namePrefix` was used). */
    declare readonly roleName: pulumi.Output<string>;
    /** The role's unique id (`AROA…`). */
    declare readonly roleId: pulumi.Output<string>;
    declare readonly namePrefix: pulumi.Output<string | undefined>;
    declare readonly path: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly permissionsBoundary: pulumi.Output<string | undefined>;
    declare readonly tags: pulumi.Output<Record<string, string>>;
    /** The `sts:ExternalId` of the trust policy (secret). */
    declare readonly externalId: pulumi.Output<string>;
    declare readonly userPoolId: pulumi.Output<string | undefined>;
    /** The Region in `aws:SourceArn`. */
    declare readonly region: pulumi.Output<string>;
    /** The account in `aws:SourceAccount`. */
    declare readonly accountId: pulumi.Output<string>;
    /** The `aws:SourceArn` the trust policy allows. */
    declare readonly sourceArn: pulumi.Output<string>;
    declare readonly forceDelete: pulumi.Output<boolean>;
    /** The trust policy as IAM has it (secret: it contains the ExternalId). */
    declare readonly trustPolicy: pulumi.Output<string>;
    /** The inline permission policy (`sns:Publish`, or `sms-voice:SendTextMessage`) as IAM has it; undefined when it was removed out of band. */
    declare readonly permissionPolicy: pulumi.Output<string | undefined>;
    /** With `sender: "eumsSms"`: the ARN `sms-voice:SendTextMessage` is scoped to, if any. */
    declare readonly originationIdentity: pulumi.Output<string | undefined>;

    /** The `sender` and `originationIdentity` arguments, for {@link smsConfiguration}. */
    private readonly smsArgs: Pick<SnsCallerRoleArgs, "sender" | "originationIdentity">;

    /**
     * What a UserPoolMfaConfig's `smsMfaConfiguration.smsConfiguration` takes for this role:
     * `{ snsCallerArn, externalId }`, or with `sender: "eumsSms"`
     * `{ eumsSms: { callerArn, externalId, originationIdentity } }`. Only the ExternalId is secret,
     * so `pulumi preview --diff` shows every other member by name.
     */
    get smsConfiguration(): pulumi.Input<RoleSmsConfigurationArgs> {
        const { sender, originationIdentity } = this.smsArgs;
        // Only an origination identity the program sets: an output the provider never returns is
        // unknown at every preview, which would plan an update of the MFA configuration each time.
        const origin = originationIdentity === undefined ? {} : { originationIdentity: this.originationIdentity as pulumi.Output<string> };
        if (sender === "eumsSms") return { eumsSms: { callerArn: this.arn, externalId: this.externalId, ...origin } };
        if (sender === undefined || sender === "sns") return { snsCallerArn: this.arn, externalId: this.externalId };
        // A sender known only at deployment: the same shape, secret as a whole.
        return pulumi
            .all([sender, this.arn, this.externalId, originationIdentity])
            .apply(([s, arn, id, origin]): RoleSmsConfigurationArgs =>
                smsConfigurationOf({ sender: s, arn, externalId: id, originationIdentity: origin }),
            );
    }

    constructor(name: string, args: SnsCallerRoleArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const named = args.roleName !== undefined || args.namePrefix !== undefined;
        const props = {
            arn: undefined,
            roleId: undefined,
            roleName: undefined,
            path: undefined,
            description: undefined,
            permissionsBoundary: undefined,
            tags: undefined,
            userPoolId: undefined,
            region: undefined,
            accountId: undefined,
            sourceArn: undefined,
            forceDelete: undefined,
            trustPolicy: undefined,
            permissionPolicy: undefined,
            originationIdentity: undefined,
            ...args,
            namePrefix: named ? args.namePrefix : defaultNamePrefix(name),
            // Always sent, as a secret: an omitted ExternalId travels as the "generate" marker, so
            // that the value check generates is secret in the stored inputs too.
            externalId: pulumi.secret(pulumi.output(args.externalId).apply((v) => v ?? GENERATE_EXTERNAL_ID)),
            // Hidden: `<project>/<stack>/<resource name>`, as UserPoolMfaConfig's. It seeds the
            // generated name and is the `pulumi-cognito-mfa:owner` tag value by which create recognises its own role.
            __owner: ownerTagValue(pulumi.getProject(), pulumi.getStack(), name),
        };
        // The inputs the shape marks secret (the ExternalId), and the outputs that hold one.
        const secretOutputs = [...secretNames(ROLE_INPUTS), "smsConfiguration", "trustPolicy"];
        const restoreStacks = withoutPromiseStacks();
        try {
            super(dynamicType("SnsCallerRole"), name, withProvider("SnsCallerRole", props), {
                ...opts,
                additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs],
            });
        } finally {
            restoreStacks();
        }
        this.smsArgs = { sender: args.sender, originationIdentity: args.originationIdentity };
    }
}
