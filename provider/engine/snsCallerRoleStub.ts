// The `__provider` of every SnsCallerRole (see stub.ts). Its exports object *is* the stub, so
// the serializer can refer to it as `require("pulumi-cognito-mfa/engine/sns-caller-role")`.
import { forwardTo } from "./stub";

export = forwardTo("snsCallerRole");
