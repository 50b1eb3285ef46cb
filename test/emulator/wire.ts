// AWS JSON 1.1 calls to the emulator as raw HTTP, so the emulator tests see exactly what goes over
// the wire: every member of botocore's model (whatever the installed SDK knows), the HTTP status,
// the `__type` and the message. moto routes a request by its SigV4 credential scope and does not
// check the signature, so a well-formed Authorization header with a dummy signature is enough.
import { cognitoClient, createUserPool } from "../harness/moto";
import { CreateUserPoolCommand, CreateUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";

export interface WireAnswer {
    status: number;
    body: Record<string, unknown>;
}

const targets = { "cognito-idp": "AWSCognitoIdentityProviderService" } as const;

export async function call(
    endpoint: string,
    op: string,
    request: unknown,
    service: keyof typeof targets = "cognito-idp",
): Promise<WireAnswer> {
    const res = await fetch(`${endpoint}/`, {
        method: "POST",
        headers: {
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": `${targets[service]}.${op}`,
            "x-amz-date": "20260101T000000Z",
            authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
        },
        body: JSON.stringify(request),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The answer's error as `{ type, message }`, or undefined for a success. */
export function errorOf(a: WireAnswer): { type: string; message: string } | undefined {
    if (a.status === 200) return undefined;
    return { type: String(a.body.__type), message: String(a.body.message ?? a.body.Message) };
}

export const SES_DEVELOPER = {
    EmailSendingAccount: "DEVELOPER",
    SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
    From: "no-reply@example.com",
} as const;

/** A pool; by default as email MFA and passkeys need it on AWS (Essentials, email through SES). */
export async function pool(
    endpoint: string,
    extra: Partial<CreateUserPoolCommandInput> = { EmailConfiguration: SES_DEVELOPER },
): Promise<string> {
    if (Object.keys(extra).length === 0) return createUserPool(endpoint);
    const out = await cognitoClient(endpoint).send(new CreateUserPoolCommand({ PoolName: `emu-${Date.now()}`, ...extra }));
    return out.UserPool!.Id!;
}
