import * as pulumi from "@pulumi/pulumi";
import { fromSetRequest, toSetRequest } from "./mapping";
import type {
    DeletePolicy,
    EmailMfaConfiguration,
    MfaConfig,
    MfaMode,
    SmsMfaConfiguration,
    SoftwareTokenMfaConfiguration,
    WebAuthnConfiguration,
} from "./model";
import type { UserPoolMfaConfigArgs } from "./generated";
import type { Member } from "../common/shape";
import { MFA_CONFIG } from "./shape";
import { dynamicType, withProvider } from "../runtime/registration";
import { withoutPromiseStacks } from "../runtime/promiseStacks";
import { ownerInput } from "./claims";
import { fromStackInput } from "./sameStack";

// The argument types are generated from the model, with their JSDoc (generated.ts).
export type {
    EmailMfaConfigurationArgs,
    EumsSmsConfigurationArgs,
    SmsConfigurationArgs,
    SmsMfaConfigurationArgs,
    SoftwareTokenMfaConfigurationArgs,
    UserPoolMfaConfigArgs,
    WebAuthnConfigurationArgs,
} from "./generated";

/** Whether a value is known now (a plain value), as opposed to an Output or a Promise. */
function plain<T>(x: pulumi.Input<T> | undefined): x is T {
    return x !== undefined && !pulumi.Output.isInstance(x) && !(x instanceof Promise);
}

/** The value as a secret, when it is one. */
function secretIfSet<T>(x: pulumi.Input<T> | undefined): pulumi.Input<T> | undefined {
    return x === undefined ? undefined : (pulumi.secret(x) as pulumi.Input<T>);
}

/** Whether a structure has a secret member, at any depth. */
function hasSecret(m: Member): boolean {
    return m.secret === true || (m.kind === "structure" && Object.values(m.members).some(hasSecret));
}

/**
 * The value with the members the shape marks secret (the ExternalIds) made secrets in inputs and
 * state, without hiding the rest of their block. A block that holds a secret member and is not
 * known yet is made secret whole.
 */
function secretMembers(m: Member, x: unknown): unknown {
    if (m.secret) return secretIfSet(x);
    if (m.kind !== "structure" || !hasSecret(m) || x === undefined) return x;
    if (!plain(x as pulumi.Input<unknown>)) return secretIfSet(x as pulumi.Input<unknown>);
    const out: Record<string, unknown> = { ...(x as Record<string, unknown>) };
    for (const [name, member] of Object.entries(m.members)) {
        if (name in out || member.secret) out[name] = secretMembers(member, out[name]);
    }
    return out;
}

/**
 * The MFA configuration of an existing Amazon Cognito user pool, managed through
 * SetUserPoolMfaConfig / GetUserPoolMfaConfig. Creating it adopts the pool's current
 * configuration (and writes only if it differs); `pulumi refresh` reads it back field by field.
 *
 * ```ts
 * new UserPoolMfaConfig("mfa", {
 *     userPoolId: pool.id,
 *     mfaConfiguration: "OPTIONAL",
 *     softwareTokenMfaConfiguration: { enabled: true },
 * });
 * ```
 */
export class UserPoolMfaConfig extends pulumi.CustomResource {
    declare readonly userPoolId: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly mfaConfiguration: pulumi.Output<MfaMode>;
    declare readonly smsMfaConfiguration: pulumi.Output<SmsMfaConfiguration | undefined>;
    declare readonly softwareTokenMfaConfiguration: pulumi.Output<SoftwareTokenMfaConfiguration | undefined>;
    declare readonly emailMfaConfiguration: pulumi.Output<EmailMfaConfiguration | undefined>;
    declare readonly webAuthnConfiguration: pulumi.Output<WebAuthnConfiguration | undefined>;
    declare readonly deletePolicy: pulumi.Output<DeletePolicy>;

    constructor(name: string, args: UserPoolMfaConfigArgs, opts?: pulumi.CustomResourceOptions) {
        // Every declared output is a key of props, or the engine never resolves it and the
        // property is undefined instead of an Output.
        const declared = Object.fromEntries(["region", "deletePolicy", ...Object.keys(MFA_CONFIG.members)].map((k) => [k, undefined]));
        const fromStack = fromStackInput(args);
        const owner = ownerInput(name, args.userPoolId, args.region);
        const props = {
            ...(secretMembers(MFA_CONFIG, { ...declared, ...args }) as UserPoolMfaConfigArgs),
            // Only when there is one: each key costs the SDK its promises even when undefined.
            ...(owner === undefined ? {} : { __owner: owner }),
            ...(fromStack === undefined ? {} : { __fromStack: fromStack }),
        };
        const restoreStacks = withoutPromiseStacks();
        try {
            super(
                dynamicType("UserPoolMfaConfig"),
                name,
                withProvider("UserPoolMfaConfig", props),
                // What restore puts back may hold an ExternalId (0.1.0 stored it as adoptedConfiguration).
                {
                    ...opts,
                    additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "__adoptedConfiguration", "adoptedConfiguration"],
                },
            );
        } finally {
            restoreStacks();
        }
    }

    /**
     * Args from a SetUserPoolMfaConfig request JSON, as `aws cognito-idp set-user-pool-mfa-config
     * --cli-input-json` takes it.
     */
    static argsFromRequest(request: string | object): UserPoolMfaConfigArgs {
        return fromSetRequest(request as never);
    }

    /** The exact SetUserPoolMfaConfig request that these (resolved) args produce. */
    static requestFor(args: { userPoolId: string } & MfaConfig): ReturnType<typeof toSetRequest> {
        return toSetRequest(args.userPoolId, args);
    }
}
