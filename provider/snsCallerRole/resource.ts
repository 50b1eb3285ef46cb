import * as pulumi from "@pulumi/pulumi";
import { secretNames } from "../common/shape";
import { ownerTagValue } from "../common/tags";
import type { RoleSmsConfigurationArgs } from "../common/roleSmsConfiguration";
import { ROLE_INPUTS } from "./generated";
import { defaultNamePrefix, GENERATE_EXTERNAL_ID, SmsSender } from "./model";
import stub = require("../engine/snsCallerRoleStub");

/** Arguments of {@link SnsCallerRole}. All are optional: `new SnsCallerRole("sms")` makes a working role. */
export interface SnsCallerRoleArgs {
    /**
     * The exact role name: 1–64 letters, digits and `+=,.@_-`, unique in the account. Cannot be
     * combined with `namePrefix`. Changing it replaces the role.
     * @default none: the name is `namePrefix` plus a generated suffix
     */
    roleName?: pulumi.Input<string>;
    /**
     * Prefix of a generated role name (at most 38 characters). The 26-character suffix is derived
     * from the project, stack and resource name, the prefix and the path, so that a create
     * repeated after a lost checkpoint picks the same name and adopts the role it made before
     * (tagged `pulumi-cognito-mfa:owner`) instead of leaving it orphaned. The name is kept in
     * state. Changing it replaces the role.
     * @default the resource name followed by "-"
     */
    namePrefix?: pulumi.Input<string>;
    /**
     * The role's IAM path, `/` or `/<text>/` (up to 512 characters). Changing it replaces the role.
     * @default "/"
     */
    path?: pulumi.Input<string>;
    /**
     * The role's description, up to 1000 characters.
     * @default no description
     */
    description?: pulumi.Input<string>;
    /**
     * ARN of a managed policy to use as the role's permissions boundary.
     * @default no permissions boundary
     */
    permissionsBoundary?: pulumi.Input<string>;
    /**
     * IAM tags of the role: at most 48 (IAM's 50, less the two the resource adds); keys 1–128 characters, not starting with `aws:`;
     * values up to 256 characters.
     * @default no tags
     */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * The `sts:ExternalId` Cognito must present; the pool's `smsConfiguration.externalId` must be
     * the same value. 2–1224 characters of letters, digits and `+=,.@:/_-`. Stored as a secret.
     * @default a random UUID generated once and kept in state (also across replacements)
     */
    externalId?: pulumi.Input<string>;
    /**
     * The user pool that will send SMS with this role. Narrows the trust policy's
     * `aws:SourceArn` to this pool (instead of `userpool/*`), supplies the account for
     * `aws:SourceAccount`, and lets delete refuse while the pool still uses the role.
     * @default any pool of the account in `region` (`userpool/*`), and no delete guard
     */
    userPoolId?: pulumi.Input<string>;
    /**
     * The Region in `aws:SourceArn` (the pool's Region). IAM itself is global.
     * @default the Region in `userPoolId`, then `aws:region`, then the AWS SDK's own chain
     */
    region?: pulumi.Input<string>;
    /**
     * The 12-digit account of the user pool, for `aws:SourceAccount` and `aws:SourceArn`.
     * @default the account in the pool's ARN (DescribeUserPool) when `userPoolId` is given,
     * else the account of the role itself
     */
    accountId?: pulumi.Input<string>;
    /**
     * Delete the role even when its user pool still names it as its SNS caller (which breaks
     * the pool's SMS). Delete uses the value last stored in state, so run `pulumi up` after
     * setting it.
     * @default false
     */
    forceDelete?: pulumi.Input<boolean>;
    /**
     * What Cognito sends SMS through with this role: `"sns"` (Amazon SNS; the role may call
     * `sns:Publish`) or `"eumsSms"` (AWS End User Messaging SMS; the role may call
     * `sms-voice:SendTextMessage`). The trust is the same. Changing it swaps the inline policy in place.
     * @default "sns"
     */
    sender?: pulumi.Input<SmsSender>;
    /**
     * With `sender: "eumsSms"`: the ARN of the phone number, sender ID or phone pool that
     * `sms-voice:SendTextMessage` is scoped to. It is passed on in `smsConfiguration.eumsSms`, as
     * AWS requires when the policy is scoped.
     * @default "*" (any origination identity of the account)
     */
    originationIdentity?: pulumi.Input<string>;
}

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
export class SnsCallerRole extends pulumi.dynamic.Resource {
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
                s === "eumsSms"
                    ? { eumsSms: { callerArn: arn, externalId: id, ...(origin ? { originationIdentity: origin } : {}) } }
                    : { snsCallerArn: arn, externalId: id },
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
        super(
            stub,
            name,
            props,
            { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs] },
            "cognito-mfa",
            "SnsCallerRole",
        );
        this.smsArgs = { sender: args.sender, originationIdentity: args.originationIdentity };
    }
}
