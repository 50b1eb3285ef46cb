#!/usr/bin/env node
// The provider plugin `pulumi-resource-cognito-mfa`: the engine starts it (through the launcher,
// bin/pulumi-resource-cognito-mfa, or the npm bin of the same name) with its own address as the
// first argument; @pulumi/pulumi's provider server prints the port it listens on and serves
// the resource-provider protocol with the methods of adapter.ts.
import * as provider from "@pulumi/pulumi/provider";
import { pluginProvider, type PluginProvider } from "./adapter";
import { packageSchema } from "./schema";
import { packageVersion } from "./schemaFile";

// `pulumi import` sends Read with no properties at all; @pulumi/pulumi's provider server (3.259)
// calls getProperties().toJavaScript() on it and fails with "Cannot read properties of
// undefined (reading 'toJavaScript')" before the provider is asked. An unset Struct is an empty one.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */
const pb = require("@pulumi/pulumi/proto/provider_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const getProperties = pb.ReadRequest.prototype.getProperties;
pb.ReadRequest.prototype.getProperties = function (this: unknown) {
    return getProperties.call(this) ?? new Struct();
};
/* eslint-enable */

// The same server answers Configure without reading it (configure in provider/server.js, 3.259),
// so the plugin's settings would never reach the providers. It builds its service object
// privately and hands it to grpc-js's Server.addService: that is where its configure is wrapped,
// so that the settings are applied first. The engine sends them twice, in `args` (by key) and in
// `variables` (as `cognito-mfa:config:<key>`); either is read.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any */
const pulumiDir = require("path").dirname(require.resolve("@pulumi/pulumi/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));

/** The settings of a ConfigureRequest, by their plugin key (`ownerTag`, ...). */
function settingsOf(request: any): Record<string, string> {
    const settings: Record<string, string> = {};
    const args = (request.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(args)) {
        // A secret arrives wrapped (an object): no setting of this plugin is one.
        if (["string", "boolean", "number"].includes(typeof value)) settings[key] = String(value);
    }
    request.getVariablesMap().forEach((value: string, name: string) => {
        const key = /^cognito-mfa:(?:config:)?(.+)$/.exec(name)?.[1];
        if (key !== undefined && !(key in settings)) settings[key] = value;
    });
    return settings;
}

function withSettings(p: PluginProvider): PluginProvider {
    const addService = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (this: unknown, service: unknown, impl: any) {
        if (typeof impl?.configure === "function") {
            const configure = impl.configure.bind(impl);
            impl.configure = (call: any, callback: (err: unknown, resp?: unknown) => void) => {
                p.configure(settingsOf(call.request)).then(
                    () => configure(call, callback),
                    (err: unknown) => callback(err, undefined),
                );
            };
        }
        return addService.call(this, service, impl);
    };
    return p;
}
/* eslint-enable */

const version = packageVersion();
void provider.main(withSettings(pluginProvider(version, packageSchema(version))), process.argv.slice(2));
