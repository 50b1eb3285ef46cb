// Mapping between our camelCase model and the SDK's request/response shapes, driven by the
// request's shape (shape.ts). Pure: no I/O.
import type {
    GetUserPoolMfaConfigResponse,
    SetUserPoolMfaConfigRequest,
    SetUserPoolMfaConfigResponse,
} from "@aws-sdk/client-cognito-identity-provider";
import { fromApi, toApi } from "../common/shape";
import { MfaConfig, MfaConfigInputs, normalize, NormalizedMfaConfig } from "./model";
import { MFA_CONFIG } from "./shape";

/**
 * The exact SetUserPoolMfaConfig request for a configuration. `MfaConfiguration` is always sent,
 * because an omitted value means OFF; with OFF no SMS, TOTP or email block is sent, because AWS
 * refuses "to turn off MFA and configure an MFA together"; a TOTP block is sent only when
 * enabled, since leaving a block out is how a factor is turned off (full replace).
 */
export function toSetRequest(userPoolId: string, config: MfaConfig): SetUserPoolMfaConfigRequest {
    return setRequestOf(userPoolId, normalize(config));
}

/** {@link toSetRequest} for a configuration already normalized (the provider's writes: normalized where they enter). */
export function setRequestOf(userPoolId: string, normalized: NormalizedMfaConfig): SetUserPoolMfaConfigRequest {
    return { UserPoolId: userPoolId, ...(toApi(MFA_CONFIG, normalized) as Omit<SetUserPoolMfaConfigRequest, "UserPoolId">) };
}

/** What a Get or Set response describes, and the members of it this resource does not model. */
export interface ReadConfig {
    config: MfaConfig;
    /**
     * Members the service returned that the shape has no place for (API paths). Writing the
     * configuration back would drop them (SetUserPoolMfaConfig replaces it whole), so a write
     * refuses while there are any.
     */
    unmodelled: string[];
}

/** The configuration a Get (or Set) response describes, in our shape, not yet normalized. */
export function readResponse(res: GetUserPoolMfaConfigResponse | SetUserPoolMfaConfigResponse): ReadConfig {
    const unmodelled: string[] = [];
    const config = fromApi(MFA_CONFIG, res, unmodelled) as Partial<MfaConfig>;
    // A response without MfaConfiguration describes an OFF pool.
    return { config: { ...config, mfaConfiguration: config.mfaConfiguration ?? "OFF" }, unmodelled };
}

/** The configuration a Get (or Set) response describes (members it cannot model left out: see readResponse). */
export function fromResponse(res: GetUserPoolMfaConfigResponse | SetUserPoolMfaConfigResponse): MfaConfig {
    return readResponse(res).config;
}

/**
 * Args built from a SetUserPoolMfaConfig request, as the AWS CLI's `--cli-input-json` takes it:
 * the round trip of {@link toSetRequest}. Unknown members are refused so that nothing is silently
 * dropped.
 */
export function fromSetRequest(request: SetUserPoolMfaConfigRequest | string): MfaConfigInputs {
    const req = (typeof request === "string" ? JSON.parse(request) : request) as Record<string, unknown>;
    const { UserPoolId, ...rest } = req;
    const unmodelled: string[] = [];
    const config = fromApi(MFA_CONFIG, rest, unmodelled) as MfaConfig;
    if (unmodelled.length > 0) {
        throw new Error(`SetUserPoolMfaConfig request has members this resource does not manage: ${unmodelled.join(", ")}`);
    }
    if (typeof UserPoolId !== "string") {
        throw new Error(`SetUserPoolMfaConfig request needs UserPoolId (received: ${JSON.stringify(UserPoolId)})`);
    }
    // A request without MfaConfiguration means OFF to the service; keep the blocks as sent so that
    // validation can say what is wrong with them instead of dropping them.
    return { userPoolId: UserPoolId, ...config, mfaConfiguration: config.mfaConfiguration ?? "OFF" };
}

/**
 * The GetUserPoolMfaConfig response (without `$metadata`) that describes a configuration: the
 * inverse of {@link fromResponse}. Nothing is normalized, so what the service returned is what
 * comes back.
 */
export function toResponse(config: MfaConfig): GetUserPoolMfaConfigResponse {
    return toApi(MFA_CONFIG, config) as GetUserPoolMfaConfigResponse;
}
