#!/bin/sh
# pulumi-resource-cognito-mfa, the launcher at the root of the plugin's release archive
# (scripts/pack-plugin.mjs): runs the plugin on the `node` found on PATH (Node.js >= 22, which
# @pulumi/pulumi 3.249+ requires) from the node_modules next to it. The engine starts it with
# its own address as the argument.
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
exec node "$dir/node_modules/pulumi-cognito-mfa/dist/provider/plugin/main.js" "$@"
