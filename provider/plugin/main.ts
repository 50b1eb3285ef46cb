#!/usr/bin/env node
// The provider plugin `pulumi-resource-cognito-mfa`: the engine starts it (through the launcher,
// bin/pulumi-resource-cognito-mfa, or the npm bin of the same name) with its own address as the
// first argument; @pulumi/pulumi's provider server prints the port it listens on and serves
// the resource-provider protocol with the methods of adapter.ts.
import * as provider from "@pulumi/pulumi/provider";
import { pluginProvider } from "./adapter";
import { packageSchema } from "./schema";
import { packageVersion } from "./schemaFile";

const version = packageVersion();
void provider.main(pluginProvider(version, packageSchema(version)), process.argv.slice(2));
