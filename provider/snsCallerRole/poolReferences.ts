// Which SMS roles a user pool names: what SnsCallerRole's delete checks before it removes a role
// a pool still uses. Read with the SDK's shapes, after this process's own writes (no cache).
import { findUserPool, findUserPoolMfaConfig, GatewayOptions } from "../aws/cognito";

/** Where a pool names an SMS role (an SNS caller role or an End User Messaging SMS caller role). */
export interface PoolSmsRoleReference {
    roleArn: string;
    /** The API member it was read from. */
    source: string;
}

/**
 * Every SMS role ARN the pool names: in its MFA configuration (GetUserPoolMfaConfig
 * SmsMfaConfiguration.SmsConfiguration, SnsCallerArn or EumsSms.CallerArn) and in its pool-level
 * SMS configuration (DescribeUserPool UserPool.SmsConfiguration). Real AWS stores one setting
 * behind both, moto two, so both are read. Undefined when the pool does not exist.
 */
export async function findPoolSmsRoleReferences(
    userPoolId: string,
    opts: GatewayOptions = {},
): Promise<PoolSmsRoleReference[] | undefined> {
    const mfa = await findUserPoolMfaConfig(userPoolId, opts);
    if (!mfa) return undefined;
    const refs: PoolSmsRoleReference[] = [];
    const cfg = mfa.SmsMfaConfiguration?.SmsConfiguration;
    if (cfg?.SnsCallerArn)
        refs.push({ roleArn: cfg.SnsCallerArn, source: "GetUserPoolMfaConfig SmsMfaConfiguration.SmsConfiguration.SnsCallerArn" });
    if (cfg?.EumsSms?.CallerArn)
        refs.push({
            roleArn: cfg.EumsSms.CallerArn,
            source: "GetUserPoolMfaConfig SmsMfaConfiguration.SmsConfiguration.EumsSms.CallerArn",
        });
    const pool = await findUserPool(userPoolId, opts);
    if (!pool) return undefined;
    const poolCfg = pool.SmsConfiguration;
    if (poolCfg?.SnsCallerArn)
        refs.push({ roleArn: poolCfg.SnsCallerArn, source: "DescribeUserPool UserPool.SmsConfiguration.SnsCallerArn" });
    if (poolCfg?.EumsSms?.CallerArn)
        refs.push({ roleArn: poolCfg.EumsSms.CallerArn, source: "DescribeUserPool UserPool.SmsConfiguration.EumsSms.CallerArn" });
    return refs;
}
