// One SDK client per service, Region and credential source, per provider process, shared by
// every call and every resource. Building a client costs about 0.7-0.9 ms of CPU per request
// (bench/results.md section 7), and the `adaptive` retry mode keeps its rate limiter and retry
// quota in the client: only a shared client learns how fast Cognito lets this account go.
// SDK clients are safe for concurrent sends; the credentials still come from the standard chain
// (the client resolves and refreshes them itself).
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient } from "@aws-sdk/client-iam";
import { PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { SNSClient } from "@aws-sdk/client-sns";

// The SDK retries throttling, 5xx and connection resets itself (aws/call.ts adds only what it
// does not retry).
const SETTINGS = { retryMode: "adaptive", maxAttempts: 5 } as const;

/**
 * What picks the client's Region, endpoint and credentials: the Region asked for and the
 * environment the standard chain reads. A process whose environment changes (a test suite
 * pointing at another emulator) gets a new client; no secret is part of the key.
 */
function keyOf(region: string | undefined): string {
    const e = process.env;
    return [
        region,
        e.AWS_REGION,
        e.AWS_PROFILE,
        e.AWS_ACCESS_KEY_ID,
        e.AWS_ENDPOINT_URL,
        e.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
        e.AWS_ENDPOINT_URL_IAM,
        e.AWS_ENDPOINT_URL_SNS,
        e.AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2,
        e.AWS_CONFIG_FILE,
        e.AWS_SHARED_CREDENTIALS_FILE,
    ].join("\0");
}

const cognitoClients = new Map<string, CognitoIdentityProviderClient>();
const iamClients = new Map<string, IAMClient>();
const snsClients = new Map<string, SNSClient>();
const smsVoiceClients = new Map<string, PinpointSMSVoiceV2Client>();

function shared<C>(clients: Map<string, C>, region: string | undefined, build: () => C): C {
    const key = keyOf(region);
    let c = clients.get(key);
    if (!c) {
        c = build();
        clients.set(key, c);
    }
    return c;
}

export function cognitoClient(region: string | undefined): CognitoIdentityProviderClient {
    return shared(cognitoClients, region, () => new CognitoIdentityProviderClient({ region, ...SETTINGS }));
}

/** IAM is global, but the partition's endpoint and signing need a Region. */
export function iamClient(region: string | undefined): IAMClient {
    return shared(iamClients, region, () => new IAMClient({ region, ...SETTINGS }));
}

/** Amazon SNS: the account's SMS sending state is per Region. */
export function snsClient(region: string | undefined): SNSClient {
    return shared(snsClients, region, () => new SNSClient({ region, ...SETTINGS }));
}

/** AWS End User Messaging SMS (pinpoint-sms-voice-v2): its account tier and spend limits are per Region. */
export function smsVoiceClient(region: string | undefined): PinpointSMSVoiceV2Client {
    return shared(smsVoiceClients, region, () => new PinpointSMSVoiceV2Client({ region, ...SETTINGS }));
}
