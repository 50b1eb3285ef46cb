// The provider plugin's resource methods (@pulumi/pulumi's `provider.Provider`): each call is
// translated to the dynamic provider of the resource kind (userPoolMfaConfig/provider.ts,
// snsCallerRole/provider.ts), which does the work, so both hosts run one implementation.
// What the translation adds, because a plugin is called differently:
// - Secrets arrive wrapped (wire.ts): unwrapped for the provider, and wrapped again on the way
//   out at every path that was secret on the way in and every path the schema marks secret
//   (the ExternalIds, the trust policy, the adopted configuration).
// - What the Node.js resource classes add to the inputs in the program (resource.ts: the hidden
//   `__owner` input, SnsCallerRole's default namePrefix and "generate an ExternalId" marker) is
//   added in check, from the resource's URN: a YAML, Python or Go program has no such class.
// - `pulumi import` calls read with the id only (no state): the pool id, with the Region it
//   names, and an input shape of "only userPoolId set", so that read returns every block the
//   pool has as inputs and a preview of a program with those inputs shows no change. That state
//   carries the current state version: read writes back the version it is given, and an
//   imported resource's state is then in the layout create would have written.
// - There is no `__provider`: the plugin is the provider.
// - Settings arrive in Configure as `cognito-mfa:<key>` (main.ts reads them: the provider server
//   does not): `ownerTag` and `preflight` reach the dynamic providers under the keys a Node.js
//   stack sets them with (`pulumi-cognito-mfa:<key>`).
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as plugin from "@pulumi/pulumi/provider";
import { poolRegion } from "../common/regions";
import { currentVersion, STATE_VERSION_KEY } from "../common/stateVersion";
import { ownerTagValue } from "../common/tags";
import { UserPoolMfaConfigProvider } from "../userPoolMfaConfig/provider";
import { snsCallerRoleProvider } from "../snsCallerRole/provider";
import { MFA_STATE } from "../userPoolMfaConfig/stateVersion";
import { encodeShape } from "../userPoolMfaConfig/diff";
import { ROLE_STATE } from "../snsCallerRole/stateVersion";
import { defaultNamePrefix, GENERATE_EXTERNAL_ID } from "../snsCallerRole/model";
import { MFA_TOKEN, PackageSchema, ROLE_TOKEN, schemaSecretPaths } from "./schema";
import { parseUrn, Path, unwrap, withoutUndefined, wrap } from "./wire";
import { OWNER_TAG_CONFIG_KEY, ownerTagEnabled } from "../userPoolMfaConfig/ownerTag";
import { PREFLIGHT_CONFIG_KEY } from "../userPoolMfaConfig/preflight";

type Props = Record<string, unknown>;

/** One resource kind: its dynamic provider and what the plugin adds around it. */
interface Kind {
    provider: Required<Pick<dynamic.ResourceProvider, "configure" | "check" | "diff" | "create" | "read" | "update" | "delete">>;
    /** What the Node.js resource class adds to the program's inputs. */
    programDefaults(news: Props, urn: string): Props;
    /** The state read gets for an import (id only). */
    importState(id: string): Props;
    /** Outputs that are secret whatever the inputs were (besides the schema's). */
    secretOutputs: Path[];
    inputSecrets: Path[];
    outputSecrets: Path[];
}

function owner(urn: string): string {
    const { project, stack, name } = parseUrn(urn);
    return ownerTagValue(project, stack, name);
}

/** The plugin's settings (stack config `cognito-mfa:<key>`), by the key the dynamic providers read them under. */
const PLUGIN_SETTINGS: Readonly<Record<string, string>> = { ownerTag: OWNER_TAG_CONFIG_KEY, preflight: PREFLIGHT_CONFIG_KEY };

function kinds(schema: PackageSchema, tagging: () => boolean): Record<string, Kind> {
    return {
        [MFA_TOKEN]: {
            provider: new UserPoolMfaConfigProvider(),
            // With the owner tag off there is no tag to write, so no owner input (as resource.ts).
            programDefaults: (news, urn) => (tagging() ? { ...news, __owner: owner(urn) } : news),
            importState: (id) => ({
                userPoolId: id,
                region: poolRegion(id) ?? "",
                __inputShape: encodeShape({ userPoolId: "*" }),
                [STATE_VERSION_KEY]: currentVersion(MFA_STATE),
            }),
            // What restore puts back may hold an ExternalId (resource.ts additionalSecretOutputs).
            secretOutputs: ["__adoptedConfiguration", "adoptedConfiguration"],
            inputSecrets: schemaSecretPaths(schema, MFA_TOKEN, "inputProperties"),
            outputSecrets: schemaSecretPaths(schema, MFA_TOKEN, "properties"),
        },
        [ROLE_TOKEN]: {
            provider: snsCallerRoleProvider() as unknown as Kind["provider"],
            programDefaults: (news, urn) => {
                const named = news.roleName !== undefined || news.namePrefix !== undefined;
                return {
                    ...news,
                    ...(named ? {} : { namePrefix: defaultNamePrefix(parseUrn(urn).name) }),
                    externalId: news.externalId ?? GENERATE_EXTERNAL_ID,
                    __owner: owner(urn),
                };
            },
            importState: () => ({ [STATE_VERSION_KEY]: currentVersion(ROLE_STATE) }),
            // 0.1.0's copy of { snsCallerArn, externalId } (resource.ts secretOutputs).
            secretOutputs: ["smsConfiguration"],
            inputSecrets: schemaSecretPaths(schema, ROLE_TOKEN, "inputProperties"),
            outputSecrets: schemaSecretPaths(schema, ROLE_TOKEN, "properties"),
        },
    };
}

function kindOf(all: Record<string, Kind>, urn: string): Kind {
    const { type } = parseUrn(urn);
    const k = all[type];
    if (!k) throw new Error(`unknown resource type ${type} (this plugin serves ${Object.keys(all).join(", ")})`);
    return k;
}

const plain = (v: unknown) => unwrap(v ?? {});
const out = (v: unknown, secrets: Iterable<Path>) => wrap(withoutUndefined(v ?? {}), secrets);

/** The plugin's provider, with the Configure step the provider server leaves out (main.ts calls it). */
export type PluginProvider = plugin.Provider & {
    /** The settings of Configure, by their plugin key (`ownerTag`, `preflight`); unknown keys are ignored. */
    configure(settings: Readonly<Record<string, string>>): Promise<void>;
};

/** The plugin's provider: version and schema, and the resource methods translated to the dynamic providers. */
export function pluginProvider(version: string, schema: PackageSchema): PluginProvider {
    let tagging = true;
    const all = kinds(schema, () => tagging);
    return {
        version,
        schema: JSON.stringify(schema),

        async configure(settings) {
            const raw = new Map(Object.entries(PLUGIN_SETTINGS).flatMap(([key, full]) => (key in settings ? [[full, settings[key]]] : [])));
            const config = {
                get: (key: string) => raw.get(key),
                require: (key: string) => {
                    const v = raw.get(key);
                    if (v === undefined) throw new Error(`Missing required configuration variable '${key}'`);
                    return v;
                },
            };
            for (const k of Object.values(all)) await k.provider.configure({ config });
            tagging = ownerTagEnabled(raw.get(OWNER_TAG_CONFIG_KEY));
        },

        async check(urn, olds, news) {
            const k = kindOf(all, urn);
            const o = plain(olds);
            const n = plain(news);
            const r = await k.provider.check(o.value, k.programDefaults(n.value as Props, urn));
            return { inputs: out(r.inputs, [...n.secrets, ...k.inputSecrets]), failures: r.failures ?? [] };
        },

        async diff(id, urn, olds, news) {
            const k = kindOf(all, urn);
            const r = await k.provider.diff(id, plain(olds).value, plain(news).value);
            return { changes: r.changes, replaces: r.replaces, deleteBeforeReplace: r.deleteBeforeReplace };
        },

        async create(urn, inputs) {
            const k = kindOf(all, urn);
            const i = plain(inputs);
            const r = await k.provider.create(i.value);
            return { id: r.id, outs: out(r.outs, [...i.secrets, ...k.outputSecrets, ...k.secretOutputs]) };
        },

        async read(id, urn, props) {
            const k = kindOf(all, urn);
            const p = plain(props);
            const state = Object.keys(p.value as Props).length === 0 ? k.importState(id) : p.value;
            const r = await k.provider.read(id, state);
            // An empty result: the resource is gone (refresh drops it; import reports it missing).
            if (!r.id) return {};
            const secrets = [...p.secrets, ...k.outputSecrets, ...k.secretOutputs];
            return { id: r.id, props: out(r.props, secrets), inputs: out(r.inputs, [...p.secrets, ...k.inputSecrets]) };
        },

        async update(id, urn, olds, news) {
            const k = kindOf(all, urn);
            const o = plain(olds);
            const n = plain(news);
            const r = await k.provider.update(id, o.value, n.value);
            return { outs: out(r.outs, [...o.secrets, ...n.secrets, ...k.outputSecrets, ...k.secretOutputs]) };
        },

        async delete(id, urn, props) {
            await kindOf(all, urn).provider.delete(id, plain(props).value);
        },
    };
}
