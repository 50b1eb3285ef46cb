import * as pulumi from "@pulumi/pulumi";
import { defaultNamePrefix, GENERATE_EXTERNAL_ID, ownerTagValue } from "./model";
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
     * IAM tags of the role: at most 50; keys 1–128 characters, not starting with `aws:`;
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
}

/**
 * The IAM role Amazon Cognito assumes to send SMS (MFA codes, verification) through Amazon
 * SNS: trust for `cognito-idp.amazonaws.com` with `sts:ExternalId`, `aws:SourceAccount` and
 * `aws:SourceArn` conditions, and an inline `sns:Publish` policy. `pulumi refresh` reports
 * out-of-band changes of either document, and `pulumi up` puts them back.
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
    /** The role's ARN: the pool's `smsConfiguration.snsCallerArn`. */
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
    /** The inline `sns:Publish` policy as IAM has it; undefined when it was removed out of band. */
    declare readonly permissionPolicy: pulumi.Output<string | undefined>;
    /**
     * `{ snsCallerArn, externalId }` (secret), for
     * `smsMfaConfiguration: { smsConfiguration: role.smsConfiguration }`.
     */
    declare readonly smsConfiguration: pulumi.Output<{ snsCallerArn: string; externalId: string }>;

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
            smsConfiguration: undefined,
            ...args,
            namePrefix: named ? args.namePrefix : defaultNamePrefix(name),
            // Always sent, as a secret: an omitted ExternalId travels as the "generate" marker, so
            // that the value check generates is secret in the stored inputs too.
            externalId: pulumi.secret(pulumi.output(args.externalId).apply((v) => v ?? GENERATE_EXTERNAL_ID)),
            // Hidden: `<project>/<stack>/<resource name>`, as UserPoolMfaConfig's. It seeds the
            // generated name and is the `pulumi-cognito-mfa:owner` tag value by which create recognises its own role.
            __owner: ownerTagValue(pulumi.getProject(), pulumi.getStack(), name),
        };
        const secretOutputs = ["externalId", "smsConfiguration", "trustPolicy"];
        super(
            stub,
            name,
            props,
            { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs] },
            "cognito-mfa",
            "SnsCallerRole",
        );
    }
}
