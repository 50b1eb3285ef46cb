// What the Pulumi engine stores as `__provider`: an object that forwards each call to the real
// provider of the package as installed. Each resource kind's stub is the exports object of a
// module of its own (userPoolMfaConfigStub.ts, snsCallerRoleStub.ts), made by `forwardTo`.
//
// Why it looks the way it does:
// - Pulumi's closure serializer stores an object that is a module's exports *by reference*
//   when the module lies under node_modules (npm, yarn, pnpm's store): the whole `__provider`
//   is then `require("pulumi-cognito-mfa/engine/<kind>")`, a few hundred bytes, stored twice
//   per resource (inputs and outputs).
// - A package reached through a symlink (workspaces, `file:` directories, `npm link`) is not
//   under node_modules for the serializer, which then stores the methods *by value*. So each
//   method captures only `kind` (a string) and calls `require` with a string literal; the
//   serializer never captures `require`, and the provider host resolves it from the program's
//   directory at run time. Nothing with module state (caches, Maps) is ever inlined.
// - Without a `typescript` package in the program, the serializer parses the methods with the
//   TypeScript 3.8.3 it vendors, so they use nothing newer than ES2019 (no `??=`).
// - refresh and destroy run the provider the stub names, not the code that last wrote the
//   state (pulumi/pulumi#16826): the installed version always does the work.
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
