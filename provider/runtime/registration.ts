// How each resource class registers as a dynamic resource. pulumi.dynamic.Resource would store as
// `__provider` the text Pulumi's closure serializer makes of the kind's stub
// (engine/userPoolMfaConfigStub.ts, engine/snsCallerRoleStub.ts); the classes write the reference
// themselves instead, one line:
//
//     exports.handler = () => require("pulumi-cognito-mfa/engine/user-pool-mfa-config");
//
// Why:
// - The engine keeps `__provider` twice per resource (inputs and outputs), and the file backend
//   rewrites the whole checkpoint after every step (pkg/backend/snapshot.go saveSnapshot), so an
//   update of N resources pays each of its bytes some N² times. The serializer's text of the stub
//   is 286 characters when the package is installed (a function wrapper around that require); when
//   the package is linked through a symlink (workspaces, `file:` directories, `npm link`) it holds
//   the seven forwarders by value, under 3,000 (test/unit/engine/stub.test.ts). This line is 83.
// - It is all the provider host needs: @pulumi/pulumi cmd/dynamic-provider getProvider does
//   `requireFromString(props.__provider).handler()`, which resolves `require` from the host's
//   working directory, the program's, as the serializer's text was resolved too.
// - The type is `pulumi-nodejs:dynamic/cognito-mfa:<Kind>`, as dynamic.Resource names it, so the
//   URNs of existing stacks stay and the same provider host serves them. A stored `__provider` of
//   the serializer's keeps working (its stub is still exported) and is no change in a diff.
// Each class extends CustomResource itself (no shared base class in between), so that the source
// position the engine records is the user's line that constructed the resource, as for a provider
// SDK's classes (@pulumi/pulumi Resource.stackTrace skips a fixed four frames). The text names the
// stub by the package's export, so this file imports nothing of the layers above it.

/** The resource kinds of this package, by their type name. */
export type ResourceKind = "UserPoolMfaConfig" | "SnsCallerRole";

/** The package subpath each kind's stub is exported under (package.json "exports"). */
const STUB_SPECIFIERS: Readonly<Record<ResourceKind, string>> = {
    UserPoolMfaConfig: "pulumi-cognito-mfa/engine/user-pool-mfa-config",
    SnsCallerRole: "pulumi-cognito-mfa/engine/sns-caller-role",
};

/** The `__provider` text of a kind: a module whose `handler()` returns the kind's stub. */
export function providerText(kind: ResourceKind): string {
    return `exports.handler = () => require(${JSON.stringify(STUB_SPECIFIERS[kind])});\n`;
}

/** The type token dynamic.Resource gives a resource of this package. */
export function dynamicType(kind: ResourceKind): string {
    return `pulumi-nodejs:dynamic/cognito-mfa:${kind}`;
}

/** The props with the kind's `__provider`, as dynamic.Resource adds it. */
export function withProvider<T extends object>(kind: ResourceKind, props: T): T & { __provider: string } {
    if ("__provider" in props) throw new Error("A dynamic resource must not define the __provider key");
    return { ...props, __provider: providerText(kind) };
}
