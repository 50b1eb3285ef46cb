// The pool's MFA configuration as it is in AWS, in this resource's shape: aws/cognito.ts makes
// the calls with the SDK's shapes, mapping.ts maps them, here and nowhere else.
import { findUserPoolMfaConfig, GatewayOptions, putUserPoolMfaConfig } from "../aws/cognito";
import { failedWith } from "../aws/errors";
import { fromResponse, ReadConfig, readResponse, setRequestOf } from "./mapping";
import { MfaConfig, normalize, NormalizedMfaConfig } from "./model";

/**
 * The pool's MFA configuration and the members of it this resource does not model (see
 * ReadConfig), or undefined when the pool does not exist.
 */
export async function readMfaConfig(userPoolId: string, opts: GatewayOptions = {}): Promise<ReadConfig | undefined> {
    const res = await findUserPoolMfaConfig(userPoolId, opts);
    return res && readResponse(res);
}

/** The pool's MFA configuration, or undefined when the pool does not exist. */
export async function findMfaConfig(userPoolId: string, opts: GatewayOptions = {}): Promise<MfaConfig | undefined> {
    return (await readMfaConfig(userPoolId, opts))?.config;
}

/**
 * Writes a complete MFA configuration, already normalized (SetUserPoolMfaConfig replaces the
 * whole configuration), and returns the configuration as the service echoes it, normalized.
 */
export async function putMfaConfig(
    userPoolId: string,
    normalized: NormalizedMfaConfig,
    opts: GatewayOptions = {},
): Promise<NormalizedMfaConfig> {
    return normalize(fromResponse(await putUserPoolMfaConfig(setRequestOf(userPoolId, normalized), opts)));
}

/**
 * Writes MFA OFF (`off`, normalized, with the WebAuthn settings to keep: OFF with WebAuthn is
 * accepted by AWS); a pool that is gone is reset already.
 */
export async function resetMfaConfig(
    userPoolId: string,
    off: NormalizedMfaConfig,
    opts: GatewayOptions = {},
): Promise<NormalizedMfaConfig | undefined> {
    try {
        return await putMfaConfig(userPoolId, off, opts);
    } catch (err) {
        if (failedWith(err, "ResourceNotFoundException")) return undefined;
        throw err;
    }
}
