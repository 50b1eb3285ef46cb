#!/usr/bin/env node
// The provider plugin `pulumi-resource-cognito-mfa`: the engine starts it (through the launcher,
// bin/pulumi-resource-cognito-mfa, or the npm bin of the same name) with its own address as the
// first argument; @pulumi/pulumi's provider server prints the port it listens on and serves
// the resource-provider protocol with the methods of adapter.ts.
import * as provider from "@pulumi/pulumi/provider";
import { pluginProvider } from "./adapter";
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

const version = packageVersion();
void provider.main(pluginProvider(version, packageSchema(version)), process.argv.slice(2));
