// Mapping between our camelCase model and the SDK's request/response shapes. Pure: no I/O.
import type {
    GetUserPoolMfaConfigResponse,
    SetUserPoolMfaConfigRequest,
    SetUserPoolMfaConfigResponse,
} from "@aws-sdk/client-cognito-identity-provider";
import {
    EmailMfaConfiguration,
    MfaConfig,
    MfaConfigInputs,
    normalize,
    SmsMfaConfiguration,
    WebAuthnConfiguration,
    WebAuthnFactorConfiguration,
} from "./model";

type Dict = Record<string, unknown>;

function compact<T extends Dict>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

// The API shapes of the blocks, shared by the request and the response mappings. An empty
// ARN or ExternalId (what fromResponse makes of a missing one) is left out, not sent as "".
function smsToApi(s: SmsMfaConfiguration) {
    return compact({
        SmsAuthenticationMessage: s.smsAuthenticationMessage,
        SmsConfiguration: compact({
            SnsCallerArn: s.smsConfiguration?.snsCallerArn || undefined,
            ExternalId: s.smsConfiguration?.externalId || undefined,
            SnsRegion: s.smsConfiguration?.snsRegion,
        }),
    });
}

function emailToApi(e: EmailMfaConfiguration) {
    return compact({ Message: e.message, Subject: e.subject });
}

function webAuthnToApi(w: WebAuthnConfiguration): SetUserPoolMfaConfigRequest["WebAuthnConfiguration"] {
    return compact({
        RelyingPartyId: w.relyingPartyId,
        UserVerification: w.userVerification,
        FactorConfiguration: w.factorConfiguration,
    });
}

/**
 * The exact SetUserPoolMfaConfig request for a configuration. `MfaConfiguration` is always sent,
 * because an omitted value means OFF; with OFF no SMS, TOTP or email block is sent, because AWS
 * refuses "to turn off MFA and configure an MFA together"; a TOTP block is sent only when
 * enabled, since leaving a block out is how a factor is turned off (full replace).
 */
export function toSetRequest(userPoolId: string, config: MfaConfig): SetUserPoolMfaConfigRequest {
    const c = normalize(config);
    const req: SetUserPoolMfaConfigRequest = { UserPoolId: userPoolId, MfaConfiguration: c.mfaConfiguration };
    if (c.smsMfaConfiguration) req.SmsMfaConfiguration = smsToApi(c.smsMfaConfiguration);
    if (c.softwareTokenMfaConfiguration) req.SoftwareTokenMfaConfiguration = { Enabled: true };
    if (c.emailMfaConfiguration) req.EmailMfaConfiguration = emailToApi(c.emailMfaConfiguration);
    if (c.webAuthnConfiguration) req.WebAuthnConfiguration = webAuthnToApi(c.webAuthnConfiguration);
    return req;
}

/** The configuration a Get (or Set) response describes, in our shape, not yet normalized. */
export function fromResponse(res: GetUserPoolMfaConfigResponse | SetUserPoolMfaConfigResponse): MfaConfig {
    const out: MfaConfig = { mfaConfiguration: res.MfaConfiguration ?? "OFF" };
    const sms = res.SmsMfaConfiguration;
    if (sms) {
        const cfg = sms.SmsConfiguration ?? {};
        out.smsMfaConfiguration = compact({
            smsAuthenticationMessage: sms.SmsAuthenticationMessage,
            smsConfiguration: compact({
                snsCallerArn: cfg.SnsCallerArn ?? "",
                externalId: cfg.ExternalId ?? "",
                snsRegion: cfg.SnsRegion,
            }),
        });
    }
    if (res.SoftwareTokenMfaConfiguration) {
        out.softwareTokenMfaConfiguration = { enabled: res.SoftwareTokenMfaConfiguration.Enabled === true };
    }
    if (res.EmailMfaConfiguration) {
        out.emailMfaConfiguration = compact({
            message: res.EmailMfaConfiguration.Message,
            subject: res.EmailMfaConfiguration.Subject,
        });
    }
    if (res.WebAuthnConfiguration) {
        const w = res.WebAuthnConfiguration;
        out.webAuthnConfiguration = compact({
            relyingPartyId: w.RelyingPartyId,
            userVerification: w.UserVerification,
            factorConfiguration: (w as Dict).FactorConfiguration as WebAuthnFactorConfiguration | undefined,
        });
    }
    return out;
}

/**
 * Args built from a SetUserPoolMfaConfig request, as the AWS CLI's `--cli-input-json` takes it:
 * the round trip of {@link toSetRequest}. Unknown members are refused so that nothing is silently
 * dropped.
 */
export function fromSetRequest(request: SetUserPoolMfaConfigRequest | string): MfaConfigInputs {
    const req = (typeof request === "string" ? JSON.parse(request) : request) as Dict;
    // Every member this resource manages, nested included; anything else is refused rather than
    // silently dropped (e.g. SmsConfiguration.EumsSms, which this resource does not manage yet).
    const schema: Record<string, unknown> = {
        UserPoolId: true,
        MfaConfiguration: true,
        SmsMfaConfiguration: {
            SmsAuthenticationMessage: true,
            SmsConfiguration: { SnsCallerArn: true, ExternalId: true, SnsRegion: true },
        },
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: true, Subject: true },
        WebAuthnConfiguration: { RelyingPartyId: true, UserVerification: true, FactorConfiguration: true },
    };
    const unknown: string[] = [];
    const visit = (value: unknown, allowed: Record<string, unknown>, path: string) => {
        if (value === null || typeof value !== "object" || Array.isArray(value)) return;
        for (const [k, v] of Object.entries(value)) {
            const at = path ? `${path}.${k}` : k;
            const sub = allowed[k];
            if (sub === undefined) unknown.push(at);
            else if (typeof sub === "object") visit(v, sub as Record<string, unknown>, at);
        }
    };
    visit(req, schema, "");
    if (unknown.length > 0) {
        throw new Error(`SetUserPoolMfaConfig request has members this resource does not manage: ${unknown.join(", ")}`);
    }
    if (typeof req.UserPoolId !== "string") {
        throw new Error(`SetUserPoolMfaConfig request needs UserPoolId (received: ${JSON.stringify(req.UserPoolId)})`);
    }
    const config = fromResponse(req);
    // A request without MfaConfiguration means OFF to the service; keep the blocks as sent so that
    // validation can say what is wrong with them instead of dropping them.
    return { userPoolId: req.UserPoolId, ...config };
}

/**
 * The GetUserPoolMfaConfig response (without `$metadata`) that describes a configuration: the
 * inverse of {@link fromResponse}, in the API's member order. Nothing is normalized, so what the
 * service returned is what comes back.
 */
export function toResponse(config: MfaConfig): GetUserPoolMfaConfigResponse {
    const res: GetUserPoolMfaConfigResponse = {};
    if (config.smsMfaConfiguration) res.SmsMfaConfiguration = smsToApi(config.smsMfaConfiguration);
    if (config.softwareTokenMfaConfiguration) res.SoftwareTokenMfaConfiguration = { Enabled: config.softwareTokenMfaConfiguration.enabled };
    if (config.emailMfaConfiguration) res.EmailMfaConfiguration = emailToApi(config.emailMfaConfiguration);
    res.MfaConfiguration = config.mfaConfiguration;
    if (config.webAuthnConfiguration) res.WebAuthnConfiguration = webAuthnToApi(config.webAuthnConfiguration);
    return res;
}
