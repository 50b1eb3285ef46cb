// Stacks written by 0.1.0 keep a `__provider` that requires
// `pulumi-cognito-mfa/dist/provider/snsCallerRoleProvider.js` and calls
// `snsCallerRoleProvider()`; package.json `exports` maps that path here (see the sibling file).
export { snsCallerRoleProvider } from "../../snsCallerRole/provider";
