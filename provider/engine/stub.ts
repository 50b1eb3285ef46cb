// What the Pulumi engine's `__provider` leads to: an object that forwards each call to the real
// provider of the package as installed. Each resource kind's stub is the exports object of a
// module of its own (userPoolMfaConfigStub.ts, snsCallerRoleStub.ts), made by `forwardTo`, and
// exported at a package subpath that the `__provider` text requires (runtime/registration.ts).
//
// Why it looks the way it does:
// - refresh and destroy run the provider the stored `__provider` names, not the code that last
//   wrote the state (pulumi/pulumi#16826): the stub reaches the installed version, so that
//   version always does the work.
// - States written by earlier builds hold the closure serializer's text of this stub: by reference
//   (`require("pulumi-cognito-mfa/engine/<kind>")` in a function wrapper) when the package was
//   installed under node_modules, by value when it was linked through a symlink (workspaces,
//   `file:` directories, `npm link`). The by-value text is these methods as that build wrote
//   them: each captures only `kind` (a string) and calls `require` with a string literal that
//   the provider host resolves from the program's directory at run time. They still use nothing
//   newer than ES2019, the TypeScript 3.8.3 that @pulumi/pulumi vendors, so that
//   test/unit/engine/stub.test.ts can serialize them as those builds did.
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The real providers, by the name `pulumi-cognito-mfa/engine/providers` exports them under. */
export type ProviderKind = "userPoolMfaConfig" | "snsCallerRole";

/** What engine/providers.ts exports: each real provider implements every method. */
type RealProviders = Record<ProviderKind, () => Required<dynamic.ResourceProvider>>;

/* eslint-disable @typescript-eslint/no-require-imports -- the run-time lookup is the point (see above) */
export function forwardTo(kind: ProviderKind): dynamic.ResourceProvider {
    return {
        configure(req) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().configure(req);
        },
        check(olds, news) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().check(olds, news);
        },
        diff(id, olds, news) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().diff(id, olds, news);
        },
        create(inputs) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().create(inputs);
        },
        read(id, props) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().read(id, props);
        },
        update(id, olds, news) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().update(id, olds, news);
        },
        delete(id, props) {
            return (require("pulumi-cognito-mfa/engine/providers") as RealProviders)[kind]().delete(id, props);
        },
    };
}
