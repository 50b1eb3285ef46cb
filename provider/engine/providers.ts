// The real providers behind the `__provider` stubs (userPoolMfaConfigStub.ts,
// snsCallerRoleStub.ts), reached by them as `pulumi-cognito-mfa/engine/providers`. One
// instance of each per provider process: the host configures a provider once per distinct
// serialized stub, and every stub of the same kind forwards to the same instance, so the
// per-process memos (pre-flight reads, warnings already shown) are shared.
import { UserPoolMfaConfigProvider } from "../userPoolMfaConfig/provider";
import { snsCallerRoleProvider, SnsCallerRoleProvider } from "../snsCallerRole/provider";

let mfa: UserPoolMfaConfigProvider | undefined;
let role: SnsCallerRoleProvider | undefined;

/** The UserPoolMfaConfig provider of this process. */
export function userPoolMfaConfig(): UserPoolMfaConfigProvider {
    if (mfa === undefined) mfa = new UserPoolMfaConfigProvider();
    return mfa;
}

/** The SnsCallerRole provider of this process. */
export function snsCallerRole(): SnsCallerRoleProvider {
    if (role === undefined) role = snsCallerRoleProvider();
    return role;
}
