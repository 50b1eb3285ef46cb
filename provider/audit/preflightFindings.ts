// The pre-flight's own rules (poolRules, roleRules), run on a pool's live configuration as if a
// program adopted it as it is, turned into audit findings: a pre-flight failure means the
// adoption program (`snippet`) would be refused at preview or AWS would refuse the configuration
// it holds, a warning means what the pre-flight warns about. Their texts stay the pre-flight's;
// this file only gives each one its rule id. Pure.
import type { Failure } from "../common/validator";
import type { Findings } from "../common/validator";
import { auditRule } from "./catalogue";
import type { Finding } from "./findings";

interface Match {
    id: string;
    property?: RegExp;
    text?: RegExp;
}

// The first match decides; a failure or warning no row matches keeps a generic id.
const FAILURES: Match[] = [
    { id: "lite-email-mfa", property: /^emailMfaConfiguration$/, text: /UserPoolTier "LITE"/ },
    { id: "email-mfa-needs-ses", property: /^emailMfaConfiguration$/, text: /EmailSendingAccount/ },
    { id: "email-mfa-email-recovery", property: /^emailMfaConfiguration$/, text: /verified_email only/ },
    { id: "lite-passkeys", property: /^webAuthnConfiguration$/, text: /LITE/ },
    { id: "rp-id-reserved-domain", property: /^webAuthnConfiguration\.relyingPartyId$/ },
    { id: "sticky-sms", property: /^smsMfaConfiguration$/ },
    { id: "on-with-passwordless-first-factor", property: /^mfaConfiguration$/, text: /passwordless/ },
    { id: "sms-role-external-id", property: /externalId$/ },
    { id: "eums-origination-identity", property: /originationIdentity$/ },
    { id: "sms-role-trust", property: /(snsCallerArn|callerArn)$/, text: /trust policy/ },
    { id: "sms-role-publish", property: /snsCallerArn$/, text: /sns:Publish/ },
    { id: "sms-role-send-text", property: /callerArn$/, text: /sms-voice:SendTextMessage/ },
];

const WARNINGS: Match[] = [
    { id: "lite-email-mfa-legacy-security", text: /legacy advanced security/ },
    { id: "sms-mfa-phone-only-recovery", text: /verified_phone_number only/ },
    { id: "rp-id-custom-domain", text: /has the custom domain/ },
    { id: "adaptive-auth-needs-optional", text: /full-function mode/ },
    { id: "sms-role-no-external-id", text: /without an sts:ExternalId condition/ },
    { id: "sms-role-conditional-allow", text: /only under a Condition/ },
    { id: "eums-origination-identity", text: /originationIdentity is not set/ },
];

const FIXES: Record<string, string> = {
    "preflight-refusal": "Apply the remedy the message names.",
    "preflight-warning": "Apply the remedy the message names.",
};

const IMPERATIVE = /^(Add|Set|Use|Raise|Remove|Give|Grant|Move|Change|Check|Configure|If|To)\b/;

/**
 * The part of a pre-flight text that says what to do: its first sentence, after the first, that
 * starts with an imperative ("Add ...", "Set ...", "If ..."), and what follows it.
 */
export function fixOf(text: string): string {
    const body = text.replace(/\s*\(received: [^)]*\)$/, "");
    const sentences = body.split(/(?<=[.)"]) (?=[A-Z])/);
    const i = sentences.findIndex((s, n) => n > 0 && IMPERATIVE.test(s));
    return i > 0 ? sentences.slice(i).join(" ") : "";
}

function classify(rows: Match[], property: string | undefined, text: string, fallback: string): string {
    const row = rows.find((r) => (!r.property || (property !== undefined && r.property.test(property))) && (!r.text || r.text.test(text)));
    return row?.id ?? fallback;
}

function finding(id: string, message: string): Finding {
    const rule = auditRule(id);
    return {
        id,
        level: rule.level,
        message,
        fix: fixOf(message) || FIXES[id] || "Apply the remedy the message names.",
        evidence: rule.evidence,
    };
}

/** Pre-flight failures and warnings as audit findings, each with its rule id. */
export function preflightFindings(result: Findings): Finding[] {
    const failures = result.failures.map((f: Failure) => {
        const id = classify(FAILURES, f.property, f.reason, "preflight-refusal");
        // A pre-flight failure is a failure whatever the catalogue's usual level.
        return { ...finding(id, `pre-flight refuses this pool's configuration: ${f.reason}`), level: "failure" as const };
    });
    const warnings = result.warnings.map((w) => {
        const text = w.replace(/^pre-flight: /, "");
        return { ...finding(classify(WARNINGS, undefined, text, "preflight-warning"), text), level: "warning" as const };
    });
    return [...failures, ...warnings];
}
