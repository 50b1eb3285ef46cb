// IAM policy documents as text: the URL-encoded form IAM returns, made compact JSON. Pure.

/**
 * A policy document as IAM returns it (URL-encoded by GetRole, GetRolePolicy and CreateRole),
 * as compact JSON. Text that is not URL-encoded JSON is returned as it is.
 */
export function decodePolicyDocument(doc: string): string {
    for (const candidate of [safeDecode(doc), doc]) {
        if (candidate === undefined) continue;
        try {
            return JSON.stringify(JSON.parse(candidate));
        } catch {
            /* try the next form */
        }
    }
    return doc;
}

function safeDecode(s: string): string | undefined {
    try {
        return decodeURIComponent(s);
    } catch {
        return undefined;
    }
}
