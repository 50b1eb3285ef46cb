// Enough of IAM's policy evaluation to predict Cognito's checks of an SMS role: does its trust let
// cognito-idp.amazonaws.com assume it with a given ExternalId, does a permission policy allow (or
// deny) an action on "*" or on a named resource. Pure.
//
// Where this evaluation cannot tell (a condition operator it does not model, a NotResource next to
// a request with no ARN), it answers in the role's favour: a refusal at preview that AWS would not
// make is worse than a failure at apply.
/** The service principal Cognito assumes an SMS role as. */
export const COGNITO_SERVICE_PRINCIPAL = "cognito-idp.amazonaws.com";

export interface Statement {
    Effect?: string;
    Principal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

const text = (x: unknown): string => (typeof x === "string" ? x : JSON.stringify(x));
export const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(text) : [text(v)]);

export function statements(document: string | object): Statement[] {
    let doc: unknown = document;
    if (typeof document === "string") {
        try {
            doc = JSON.parse(document);
        } catch {
            return [];
        }
    }
    const s = (doc as { Statement?: unknown } | null)?.Statement;
    return (Array.isArray(s) ? s : s ? [s] : []) as Statement[];
}

/** IAM wildcard match: `*` any run, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
    const re = new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        ignoreCase ? "is" : "s",
    );
    return re.test(value);
}

export function actionMatches(st: Statement, action: string): boolean {
    if (st.Action !== undefined) return list(st.Action).some((a) => wildcardMatch(a, action, true));
    if (st.NotAction !== undefined) return !list(st.NotAction).some((a) => wildcardMatch(a, action, true));
    return false;
}

export function admitsCognito(st: Statement): boolean {
    const p = st.Principal;
    if (p === "*") return true;
    if (p && typeof p === "object") {
        const o = p as Record<string, unknown>;
        if (list(o.AWS).includes("*")) return true;
        return list(o.Service).some((s) => s.toLowerCase() === COGNITO_SERVICE_PRINCIPAL);
    }
    return false;
}

/** Whether the statement's conditions on `sts:ExternalId` (if any) accept `externalId`. */
export function externalIdAccepted(st: Statement, externalId: string): boolean {
    for (const [rawOp, conds] of Object.entries(st.Condition ?? {})) {
        for (const [key, raw] of Object.entries(conds ?? {})) {
            if (key.toLowerCase() !== "sts:externalid") continue;
            const values = list(raw);
            const op = rawOp.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
            let ok: boolean;
            switch (op) {
                case "StringEquals":
                    ok = values.includes(externalId);
                    break;
                case "StringEqualsIgnoreCase":
                    ok = values.some((v) => v.toLowerCase() === externalId.toLowerCase());
                    break;
                case "StringLike":
                    ok = values.some((v) => wildcardMatch(v, externalId));
                    break;
                case "StringNotEquals":
                    ok = !values.includes(externalId);
                    break;
                case "StringNotEqualsIgnoreCase":
                    ok = !values.some((v) => v.toLowerCase() === externalId.toLowerCase());
                    break;
                case "StringNotLike":
                    ok = !values.some((v) => wildcardMatch(v, externalId));
                    break;
                case "Null":
                    ok = values.every((v) => v.toLowerCase() === "false");
                    break;
                default:
                    ok = true; // an operator this check does not model: give the role the benefit of the doubt
            }
            if (!ok) return false;
        }
    }
    return true;
}

/** Whether any condition of the statement is on `sts:ExternalId` (any operator). */
export function hasExternalIdCondition(st: Statement): boolean {
    return Object.values(st.Condition ?? {}).some((conds) => Object.keys(conds ?? {}).some((k) => k.toLowerCase() === "sts:externalid"));
}

export function resourceIsAll(st: Statement): boolean {
    if (st.Resource !== undefined) return list(st.Resource).includes("*");
    return false;
}

/**
 * Whether the statement applies to a request on `resource`. `"*"` stands for a request that names
 * no ARN (sns:Publish to a phone number): a Resource covers it only as "*" (a topic ARN does not),
 * and a NotResource covers it unless it excludes "*" itself. A named resource (an ARN) is matched
 * against the Resource patterns, or must match none of the NotResource patterns.
 */
export function resourceCovers(st: Statement, resource: string): boolean {
    const hit = (pattern: string) => (resource === "*" ? pattern === "*" : wildcardMatch(pattern, resource));
    if (st.Resource !== undefined) return list(st.Resource).some(hit);
    if (st.NotResource !== undefined) return !list(st.NotResource).some(hit);
    return false;
}
