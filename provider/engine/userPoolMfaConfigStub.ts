// The `__provider` of every UserPoolMfaConfig (see stub.ts). Its exports object *is* the stub,
// so the serializer can refer to it as `require("pulumi-cognito-mfa/engine/user-pool-mfa-config")`.
import { forwardTo } from "./stub";

export = forwardTo("userPoolMfaConfig");
