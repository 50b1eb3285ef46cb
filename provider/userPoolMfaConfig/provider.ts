// The dynamic provider behind UserPoolMfaConfig: thin glue between the engine's calls and the
// model and gateway. How each call maps onto the API:
//
//   check   -> validate; then, only when the inputs changed, read-only pre-flight checks
//              (DescribeUserPool; GetRole and the role's policies) unless turned off
//              (stack setting pulumi-cognito-mfa:preflight = false), see preflight.ts; those on
//              a pool or role from another resource of the stack warn, and create and update
//              run them again right before writing (DescribeUserPool, GetRole... again)
//   diff    -> compare desired with the last read (no AWS call)
//   create  -> GetUserPoolMfaConfig (adopt: remember what was there), DescribeUserPool (shared with
//              check's pre-flight: one per pool per process) + TagResource (owner tag: refuse a
//              pool another resource owns), SetUserPoolMfaConfig only if different
//   read    -> GetUserPoolMfaConfig
//   update  -> GetUserPoolMfaConfig, SetUserPoolMfaConfig only if different
//   delete  -> DescribeUserPool (the owner tag: a pool another resource has claimed is left alone),
//              then per deletePolicy GetUserPoolMfaConfig + Set OFF (reset) or the adopted
//              configuration (restore), or nothing (retain); then UntagResource of our owner tag
//   With the stack setting pulumi-cognito-mfa:ownerTag = false (ownerTag.ts),
//   create skips DescribeUserPool + TagResource and delete DescribeUserPool + UntagResource: the
//   owner tag's TagResource is limited to 5 requests/s per account, so it binds a create at scale.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { debugLog } from "../runtime/log";
import { findPoolOwner, GatewayOptions, putPoolOwner, resetPoolOwner } from "../aws/cognito";
import { putMfaConfig, readMfaConfig, resetMfaConfig } from "./live";
import { namedRegion } from "../common/regions";
import { OWNER_TAG_KEY } from "../common/tags";
import { containsUnknown, isUnknown } from "../common/unknown";
import { desiredWithLiveWebAuthn, diffNormalized, encodeShape, inputsFromLive, recordedShape, shapeOf } from "./diff";
import { configOf, DEFAULT_DELETE_POLICY, MfaConfig, MfaConfigInputs, MfaConfigOutputs, normalize, NormalizedMfaConfig } from "./model";
import { inVersionOf, stamped, upgradeState } from "../common/stateVersion";
import { isPlainOff, MFA_STATE } from "./stateVersion";
import { validateInputs } from "./validate";
import { emitWarning } from "../runtime/warnings";
import { fromStackOf, inputsChanged, livePreflight, PREFLIGHT_CONFIG_KEY, preflightEnabled, preWriteChecks } from "./preflight";
import { ReadConfig } from "./mapping";
import { OWNER_TAG_CONFIG_KEY, ownerTagEnabled } from "./ownerTag";

/** The stored outputs, in the current layout once upgraded (stateVersion.ts), with the stub the engine adds. */
type Outputs = MfaConfigOutputs & { __provider?: string; __stateVersion?: number };
/** `__owner`: hidden input set by UserPoolMfaConfig, `<project>/<stack>/<resource name>` (see claim). */
type Owned = { __owner?: string };

function notFound(userPoolId: string, region: string): Error {
    return new Error(
        `User pool ${userPoolId} does not exist in ${region}. UserPoolMfaConfig manages the MFA settings of an existing pool and never creates one: check userPoolId and region, or remove this resource from the program if the pool was deleted on purpose.`,
    );
}

export class UserPoolMfaConfigProvider implements dynamic.ResourceProvider<MfaConfigInputs, Outputs> {
    /** The `aws:region` stack setting, if any. */
    private stackRegion?: string;
    /** The `pulumi-cognito-mfa:preflight` stack setting, if any ("false" turns the live checks off). */
    private preflightSetting?: string;
    /** The `pulumi-cognito-mfa:ownerTag` stack setting, if any ("false" turns the owner tag off). */
    private ownerTagSetting?: string;

    configure(req: dynamic.ConfigureRequest): Promise<void> {
        this.stackRegion = req.config.get("aws:region");
        this.preflightSetting = req.config.get(PREFLIGHT_CONFIG_KEY);
        this.ownerTagSetting = req.config.get(OWNER_TAG_CONFIG_KEY);
        return Promise.resolve();
    }

    /** Region order: the region arg, the pool id's own Region prefix, aws:region, then the SDK's chain. */
    private region(inputs: { region?: string; userPoolId: string }): string | undefined {
        return namedRegion(inputs.region, inputs.userPoolId) ?? this.stackRegion;
    }

    /** Whether create writes the owner tag and delete removes it (ownerTag.ts). */
    private tagging(): boolean {
        return ownerTagEnabled(this.ownerTagSetting);
    }

    private gateway(region: string | undefined): GatewayOptions {
        return { region, log: (m) => void debugLog(m) };
    }

    async check(olds: MfaConfigInputs, news: MfaConfigInputs): Promise<dynamic.CheckResult<MfaConfigInputs>> {
        const { failures, warnings } = validateInputs(news as unknown as Record<string, unknown>);
        // Warnings of unchanged inputs were shown when they changed: a no-change preview is quiet.
        const changed = inputsChanged(olds, news);
        if (changed) for (const w of warnings) await emitWarning(w);
        // Live checks only for statically valid inputs that changed (never on a no-change
        // preview), and only reads: a refusal is a failure, a read that fails is a warning.
        if (failures.length === 0 && preflightEnabled(this.preflightSetting) && changed) {
            const r = await livePreflight(news as unknown as Record<string, unknown>, {
                region: this.region(news),
                log: this.gateway(undefined).log,
                fromStack: fromStackOf(news),
            });
            failures.push(...r.failures);
            for (const w of r.warnings) await emitWarning(w);
        }
        return { inputs: news, failures };
    }

    // A new `__provider` is no change: every stub, including the one 0.1.0 stored, reaches the
    // provider as installed (engine/stub.ts), so refresh and destroy never run stale code and an
    // upgrade needs no update.
    diff(_id: string, stored: Outputs, news: MfaConfigInputs): Promise<dynamic.DiffResult> {
        const olds = upgradeState(MFA_STATE, stored);
        const replaces: string[] = [];
        if (isUnknown(news.userPoolId) || news.userPoolId !== olds.userPoolId) replaces.push("userPoolId");
        if (news.region !== undefined && (isUnknown(news.region) || news.region !== olds.region)) replaces.push("region");
        const desired = configOf(news);
        // Normalized once each, here where they enter: the program's configuration and the stored one.
        const configChanged =
            containsUnknown(desired) || diffNormalized(normalize(desired), normalize(configOf(olds)), recordedShape(olds)).length > 0;
        const deletePolicyChanged = (news.deletePolicy ?? DEFAULT_DELETE_POLICY) !== olds.deletePolicy;
        return Promise.resolve({
            changes: replaces.length > 0 || configChanged || deletePolicyChanged,
            replaces,
            deleteBeforeReplace: true,
        });
    }

    async create(inputs: MfaConfigInputs & Owned): Promise<dynamic.CreateResult<Outputs>> {
        const region = this.region(inputs);
        const gw = this.gateway(region);
        const adopted = await readMfaConfig(inputs.userPoolId, gw);
        if (!adopted) throw notFound(inputs.userPoolId, region ?? "the configured Region");
        const found = normalized(adopted);
        await this.checkBeforeWrite(inputs, found, gw);
        await this.claim(inputs, gw);
        const live = await this.apply(inputs, normalize(configOf(inputs)), found, undefined, gw);
        return {
            id: inputs.userPoolId,
            outs: this.outputs(inputs, region, live, found.config, this.tagging() ? inputs.__owner : undefined),
        };
    }

    async read(id: string, props?: Outputs): Promise<dynamic.ReadResult<Outputs>> {
        const old = upgradeState(MFA_STATE, props as Outputs);
        const userPoolId = old.userPoolId ?? id;
        const found = await readMfaConfig(userPoolId, this.gateway(old.region || undefined));
        // An empty result tells the engine the pool is gone, so refresh drops the resource.
        if (!found) return {};
        if (found.unmodelled.length > 0) await emitWarning(unmodelledText(userPoolId, found.unmodelled, "The next write will refuse"));
        const live = found.config;
        const shape = recordedShape(old) ?? shapeOf(old);
        const oldInputs: MfaConfigInputs = { ...shape, userPoolId, region: shape.region !== undefined ? old.region : undefined };
        const outs = this.outputs(
            { ...oldInputs, deletePolicy: old.deletePolicy },
            old.region,
            normalize(live),
            old.__adoptedConfiguration,
            old.__owner,
            shape,
        );
        // The layout the state was given in: a refresh that rewrote it would report a change.
        return { id, props: inVersionOf(MFA_STATE, props as Outputs, outs), inputs: inputsFromLive(oldInputs, live) as Outputs };
    }

    async update(_id: string, stored: Outputs, news: MfaConfigInputs & Owned): Promise<dynamic.UpdateResult<Outputs>> {
        const olds = upgradeState(MFA_STATE, stored);
        const region = this.region(news);
        const gw = this.gateway(region);
        const current = await readMfaConfig(news.userPoolId, gw);
        if (!current) throw notFound(news.userPoolId, region ?? "the configured Region");
        const cur = normalized(current);
        await this.checkBeforeWrite(news, cur, gw);
        const live = await this.apply(news, normalize(configOf(news)), cur, recordedShape(olds), gw);
        // A tag written while the setting was on stays on the pool: its record stays too, so that
        // a delete with the setting on again removes it.
        const owner = (this.tagging() ? news.__owner : undefined) ?? olds.__owner;
        return { outs: this.outputs(news, region, live, olds.__adoptedConfiguration, owner) };
    }

    async delete(_id: string, stored: Outputs): Promise<void> {
        const props = upgradeState(MFA_STATE, stored);
        const gw = this.gateway(props.region || undefined);
        // Owner tag off: no DescribeUserPool, no UntagResource (a tag an earlier run wrote stays).
        if (!this.tagging()) return this.unapply(props, gw);
        // The owner tag first: a pool that another UserPoolMfaConfig has claimed since (after
        // someone removed this one's tag) is that resource's now, and a reset would undo its work.
        const pool = props.__owner ? await findPoolOwner(props.userPoolId, gw) : undefined;
        if (props.__owner && !pool) return; // The pool is gone, and its MFA configuration with it.
        if (pool?.owner !== undefined && pool.owner !== props.__owner) {
            await emitWarning(
                `User pool ${props.userPoolId} is now managed by UserPoolMfaConfig ${pool.owner} (tag ${OWNER_TAG_KEY}): ` +
                    `leaving its MFA configuration and the tag as they are, and removing ${props.__owner} from the stack only`,
            );
            return;
        }
        await this.unapply(props, gw);
        if (pool && pool.owner === props.__owner) await resetPoolOwner(props.userPoolId, pool.arn, gw);
    }

    /**
     * The live rules that check left to `pulumi up` (a pool or SMS role from another resource of
     * the stack, which this update may have changed since): run on fresh reads, before any write
     * of create or update; one that still fails refuses the write with check's message.
     */
    private async checkBeforeWrite(inputs: MfaConfigInputs, found: ReadConfig, gw: GatewayOptions): Promise<void> {
        const fromStack = fromStackOf(inputs);
        if ((!fromStack.userPool && !fromStack.smsRole) || !preflightEnabled(this.preflightSetting)) return;
        const r = await preWriteChecks(inputs as unknown as Record<string, unknown>, {
            region: gw.region,
            log: gw.log,
            fromStack,
            liveMfa: found.config,
        });
        for (const w of r.warnings) await emitWarning(w);
        if (r.failures.length > 0) {
            throw new Error(
                `Refusing to write the MFA configuration of user pool ${inputs.userPoolId}: the pre-flight checks, left from preview to this point because the ${[fromStack.userPool && "user pool", fromStack.smsRole && "SMS role"].filter(Boolean).join(" and ")} come${fromStack.userPool && fromStack.smsRole ? "" : "s"} from another resource of this stack, still fail:\n` +
                    r.failures.map((f) => f.reason).join("\n"),
            );
        }
    }

    /**
     * Refuses (before any write) a pool whose owner tag names another UserPoolMfaConfig, then
     * tags the pool with this one's `__owner`. Costs a TagResource, and a DescribeUserPool unless
     * check's pre-flight already asked for the pool in this process (findUserPoolOnce).
     */
    private async claim(inputs: MfaConfigInputs & Owned, gw: GatewayOptions): Promise<void> {
        const me = inputs.__owner;
        if (!me || !this.tagging()) return;
        const pool = await findPoolOwner(inputs.userPoolId, gw);
        if (!pool) return; // gone since create's readMfaConfig: the Set below reports it
        if (pool.owner !== undefined && pool.owner !== me) {
            throw new Error(
                `User pool ${inputs.userPoolId} is already managed by UserPoolMfaConfig ${pool.owner} (tag ${OWNER_TAG_KEY} on ${pool.arn}); ` +
                    `refusing to overwrite its MFA configuration from ${me}. Manage the pool from one resource only. If ${pool.owner} no longer exists, remove the tag: ` +
                    `aws cognito-idp untag-resource --resource-arn ${pool.arn} --tag-keys ${OWNER_TAG_KEY}`,
            );
        }
        if (pool.owner !== me) await putPoolOwner(inputs.userPoolId, pool.arn, me, gw);
    }

    /** What delete does to the MFA configuration, per deletePolicy. */
    private async unapply(props: Outputs, gw: GatewayOptions): Promise<void> {
        const policy = props.deletePolicy ?? DEFAULT_DELETE_POLICY;
        if (policy === "retain") return;
        const found = await readMfaConfig(props.userPoolId, gw);
        if (!found) return; // The pool is gone, and its MFA configuration with it.
        const live = normalize(found.config);
        const adopted = props.__adoptedConfiguration;
        const target = normalize(
            policy === "restore" && adopted ? adopted : { mfaConfiguration: "OFF", webAuthnConfiguration: live.webAuthnConfiguration },
        );
        if (diffNormalized(target, live).length === 0) return;
        refuseToDrop(props.userPoolId, found.unmodelled);
        if (policy === "restore") await putMfaConfig(props.userPoolId, target, gw);
        else await resetMfaConfig(props.userPoolId, target, gw);
    }

    /**
     * Writes the desired configuration if, and only if, it differs from what is live (`found`;
     * members the program removed since `previouslySet` included); returns what is live
     * afterwards. Both come normalized, and so does what it returns.
     */
    private async apply(
        inputs: MfaConfigInputs,
        desired: NormalizedMfaConfig,
        found: Normalized<ReadConfig>,
        previouslySet: MfaConfigInputs | undefined,
        gw: GatewayOptions,
    ): Promise<NormalizedMfaConfig> {
        const live = found.config;
        if (diffNormalized(desired, live, previouslySet).length === 0) return live;
        refuseToDrop(inputs.userPoolId, found.unmodelled);
        return putMfaConfig(inputs.userPoolId, desiredWithLiveWebAuthn(desired, live, previouslySet), gw);
    }

    /**
     * The outputs for a live configuration, in the current state version, of a configuration the caller has normalized. `read` passes the
     * input shape it found; create and update record the shape of their inputs. `owner`: the owner
     * tag this resource wrote on the pool (none with the owner tag off: nothing for delete to remove).
     */
    private outputs(
        inputs: MfaConfigInputs,
        region: string | undefined,
        live: MfaConfig,
        adopted: MfaConfig | undefined,
        owner: string | undefined,
        shape: MfaConfigInputs = shapeOf(inputs),
    ): Outputs {
        const outs: Outputs = {
            userPoolId: inputs.userPoolId,
            region: region ?? "",
            deletePolicy: inputs.deletePolicy ?? DEFAULT_DELETE_POLICY,
            ...live,
        };
        outs.__inputShape = encodeShape(shape);
        // A pool adopted with MFA OFF and nothing else (every new pool) needs no record: restore
        // then writes what reset writes. That saves each such resource ~190 bytes of ciphertext.
        if (adopted && !isPlainOff(adopted)) outs.__adoptedConfiguration = adopted;
        if (owner) outs.__owner = owner;
        return stamped(MFA_STATE, outs);
    }
}

/** A read whose configuration is in the canonical form. */
type Normalized<R extends ReadConfig> = R & { config: NormalizedMfaConfig };

/** A read's configuration in the canonical form, once, where it enters from AWS. */
function normalized(found: ReadConfig): Normalized<ReadConfig> {
    return { ...found, config: normalize(found.config) };
}

function unmodelledText(userPoolId: string, members: string[], then: string): string {
    return (
        `GetUserPoolMfaConfig on user pool ${userPoolId} returned ${members.join(", ")}, which this version of pulumi-cognito-mfa does not model. ` +
        `SetUserPoolMfaConfig replaces the whole configuration, so writing it would drop them. ${then}: upgrade pulumi-cognito-mfa to a version that models them, ` +
        `or use deletePolicy "retain" and leave the pool's MFA settings to another tool`
    );
}

/** Refuses a write that would drop members the service returned and this resource cannot model. */
function refuseToDrop(userPoolId: string, unmodelled: string[]): void {
    if (unmodelled.length > 0) throw new Error(unmodelledText(userPoolId, unmodelled, "Refusing to write"));
}
