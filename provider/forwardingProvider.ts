// What actually goes into state as `__provider`: a stub whose methods build the real provider on
// first use, from the package as installed. Pulumi's closure serializer captures installed
// packages by `require()` and everything else by value, so the full provider code would be
// stored twice per resource (inputs and outputs) — about 14 KB for UserPoolMfaConfig — and,
// worse, refresh and destroy would keep running the code of the version that last wrote the
// state (pulumi/pulumi#16826). Through this stub they run the installed version.
import type * as dynamic from "@pulumi/pulumi/dynamic";

type Provider = dynamic.ResourceProvider;

export interface ForwardingProvider extends Provider {
    /** The real provider, built on first use in the provider process (never serialized). */
    instance?: Provider;
    make(): Provider;
}

/**
 * A provider that forwards every call to `make()`'s result. `make` must reach the real provider
 * through an imported module (so that, installed, it is serialized as a `require`), not through a
 * captured instance.
 */
export function forwardingProvider(make: () => Provider): ForwardingProvider {
    return {
        instance: undefined,
        make,
        async configure(req) {
            const p = (this.instance ??= this.make());
            if (p.configure) await p.configure(req);
        },
        check(olds, news) {
            const p = (this.instance ??= this.make());
            return p.check ? p.check(olds, news) : Promise.resolve({ inputs: news });
        },
        diff(id, olds, news) {
            const p = (this.instance ??= this.make());
            return p.diff ? p.diff(id, olds, news) : Promise.resolve({});
        },
        create(inputs) {
            return (this.instance ??= this.make()).create(inputs);
        },
        read(id, props) {
            const p = (this.instance ??= this.make());
            return p.read ? p.read(id, props) : Promise.resolve({ id, props });
        },
        update(id, olds, news) {
            const p = (this.instance ??= this.make());
            return p.update ? p.update(id, olds, news) : Promise.resolve({ outs: news });
        },
        delete(id, props) {
            const p = (this.instance ??= this.make());
            return p.delete ? p.delete(id, props) : Promise.resolve();
        },
    };
}
