// Stacks written by 0.1.0 keep a `__provider` that requires
// `pulumi-cognito-mfa/dist/provider/userPoolMfaConfigProvider.js` and builds
// `new UserPoolMfaConfigProvider()`; package.json `exports` maps that path here, so their
// refresh, update and destroy run today's provider (and the first update rewrites the stub).
export { UserPoolMfaConfigProvider } from "../../userPoolMfaConfig/provider";
