// Static validation of UserPoolMfaConfig inputs: every rule of SetUserPoolMfaConfig that can be
// known without calling AWS, run by `check` at every preview. The member rules (types, lengths,
// patterns, enums, unknown members) come from the request's shape (shape.ts); the rules between
// members are here. A rule whose evidence is too thin to refuse an input AWS may accept warns
// instead (docs/preflight.md gives each rule's rating and source). Pure.
import { checkPoolAndRegion, namedRegion } from "../common/regions";
import { secretNames, validateStructure, valueAt } from "../common/shape";
import { containsUnknown, isUnknown } from "../common/unknown";
import { Failure, Findings, known, present, Validator, validator } from "../common/validator";
import { DELETE_POLICIES, MFA_MODES, MfaMode } from "./model";
import { ARN_PATTERN } from "../common/arn";
import { EXTERNAL_ID_MAX, EXTERNAL_ID_MIN, EXTERNAL_ID_PATTERN } from "../common/externalId";
import { MFA_CONFIG, SMS_CFG } from "./shape";
import { eumsRegionRule, snsRegionRule } from "./snsRegions";

/** The resource's own arguments beside the request's members. */
const RESOURCE_KEYS = ["userPoolId", "region", "deletePolicy"];
const SECRETS = secretNames(MFA_CONFIG);

/**
 * Checks inputs against every rule of SetUserPoolMfaConfig that can be known without calling AWS.
 * Values that are unknown during preview are skipped, and so are rules that depend on them.
 * Returns one failure per broken rule, each naming the property, the value and what is allowed.
 */
export function validate(inputs: Record<string, unknown>): Failure[] {
    return validateInputs(inputs).failures;
}

/** {@link validate}, with the warnings too. */
export function validateInputs(inputs: Record<string, unknown>): Findings {
    const v = validator(SECRETS);
    // `__provider` and other engine-internal keys start with "__".
    const userKeys = Object.fromEntries(Object.entries(inputs).filter(([k]) => !k.startsWith("__")));
    validateStructure(v, "", MFA_CONFIG, userKeys, RESOURCE_KEYS);

    if (!present(inputs.userPoolId)) {
        v.fail("userPoolId", inputs.userPoolId, 'is required: the id of an existing user pool, such as "us-east-1_AbCdEf123"');
    }
    checkPoolAndRegion(v, inputs.userPoolId, inputs.region);
    v.enumeration("deletePolicy", inputs.deletePolicy, DELETE_POLICIES);

    smsRules(v, inputs);
    emailRules(v, inputs);
    crossFieldRules(v, inputs);
    return { failures: v.failures, warnings: v.warnings };
}

/** An IAM role ARN (the member's pattern, which any ARN passes, is checked by the shape). */
function roleArnRule(v: Validator, path: string, arn: unknown): void {
    if (typeof arn === "string" && !isUnknown(arn) && ARN_PATTERN.test(arn) && !/^arn:[^:]+:iam::\d+:role\//.test(arn)) {
        v.fail(path, arn, "must be the ARN of an IAM role (arn:<partition>:iam::<account>:role/<name>)");
    }
}

/**
 * The ExternalId Cognito puts into its sts:AssumeRole call, so STS's own limits apply: at most
 * 1224 characters (which an sts:ExternalId condition can match), and STS's externalIdType
 * (2-1224, `[\w+=,.@:/-]*`) for the rest, as a warning: Cognito's own type allows any string,
 * and no source shows AWS refusing such a value at SetUserPoolMfaConfig.
 */
function externalIdRules(v: Validator, path: string, id: unknown): void {
    // The 1224 itself is the shape's (deviations.ts): here only what the shape cannot say.
    // An empty one is refused as missing where it is required, and means none elsewhere.
    if (typeof id !== "string" || id === "" || isUnknown(id) || [...id].length > EXTERNAL_ID_MAX) return;
    if ([...id].length < EXTERNAL_ID_MIN || !EXTERNAL_ID_PATTERN.test(id)) {
        v.warn(
            path,
            id,
            "is not a valid sts:ExternalId (2-1224 characters of letters, digits and + = , . @ : / _ -); Cognito's sts:AssumeRole with it would fail",
        );
    }
}

function smsRules(v: Validator, inputs: Record<string, unknown>): void {
    const sms = inputs.smsMfaConfiguration as Record<string, unknown> | undefined;
    if (!known(sms) || typeof sms !== "object") return;
    const cfg = sms.smsConfiguration as Record<string, unknown> | undefined;
    if (!known(cfg) || typeof cfg !== "object") return;
    const eums = cfg.eumsSms as Record<string, unknown> | undefined;
    const snsArn = cfg.snsCallerArn;

    // The API: "provide either the Amazon SNS configuration (SnsCallerArn) or this configuration
    // [EumsSms], but not both."
    if (present(snsArn) && present(eums)) {
        v.fail(
            `${SMS_CFG}.eumsSms`,
            eums,
            "cannot be set together with snsCallerArn: a pool sends SMS through Amazon SNS or through End User Messaging SMS. Keep one of them",
        );
    } else if (!present(snsArn) && !present(eums)) {
        v.fail(
            `${SMS_CFG}.snsCallerArn`,
            snsArn,
            "is required: the ARN of the IAM role Cognito assumes to publish SMS through SNS (or give eumsSms to send through End User Messaging SMS, or leave smsConfiguration out to use the pool's own SMS configuration)",
        );
    }

    if (present(snsArn)) {
        roleArnRule(v, `${SMS_CFG}.snsCallerArn`, snsArn);
        // AWS: "Value null at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null".
        if (!present(cfg.externalId) || cfg.externalId === "") {
            v.fail(
                `${SMS_CFG}.externalId`,
                cfg.externalId,
                "is required with SMS MFA and must equal the sts:ExternalId condition in the role's trust policy",
            );
        }
    }
    externalIdRules(v, `${SMS_CFG}.externalId`, cfg.externalId);

    if (known(eums) && typeof eums === "object") {
        roleArnRule(v, `${SMS_CFG}.eumsSms.callerArn`, eums.callerArn);
        externalIdRules(v, `${SMS_CFG}.eumsSms.externalId`, eums.externalId);
        if (present(cfg.externalId) && !present(snsArn)) {
            v.warn(
                `${SMS_CFG}.externalId`,
                cfg.externalId,
                "goes with snsCallerArn (Amazon SNS); with eumsSms, Cognito uses eumsSms.externalId",
            );
        }
    }

    // Which Regions may send for the pool's Region, on either path (snsRegions.ts has the table).
    const region = namedRegion(inputs.region, inputs.userPoolId);
    if (region === undefined || isUnknown(region) || containsUnknown(cfg)) return;
    const usesEums = known(eums) && typeof eums === "object";
    const snsRegion = typeof cfg.snsRegion === "string" ? cfg.snsRegion : undefined;
    const verdicts = [
        usesEums ? eumsRegionRule(region, typeof eums.region === "string" ? eums.region : undefined) : undefined,
        usesEums || present(snsArn) ? snsRegionRule(region, snsRegion, usesEums) : undefined,
    ];
    for (const verdict of verdicts) {
        if (!verdict) continue;
        const value = valueAt(inputs, verdict.property);
        if (verdict.level === "failure") v.fail(verdict.property, value, verdict.text);
        else v.warn(verdict.property, value, verdict.text);
    }
}

function emailRules(v: Validator, inputs: Record<string, unknown>): void {
    const email = inputs.emailMfaConfiguration as Record<string, unknown> | undefined;
    // The API model gives EmailMfaSubjectType no length limit; CloudFormation documents 1-140 for
    // EmailAuthenticationSubject. Over 140 may be refused, so it is said, not refused.
    if (
        known(email) &&
        typeof email === "object" &&
        typeof email.subject === "string" &&
        !isUnknown(email.subject) &&
        [...email.subject].length > 140
    ) {
        v.warn(
            "emailMfaConfiguration.subject",
            email.subject,
            "is longer than 140 characters, the limit CloudFormation documents for this subject (the API model states none)",
        );
    }
}

function crossFieldRules(v: Validator, inputs: Record<string, unknown>): void {
    const mode = inputs.mfaConfiguration;
    if (typeof mode !== "string" || !MFA_MODES.includes(mode as MfaMode)) return;
    const sms = inputs.smsMfaConfiguration;
    const totp = inputs.softwareTokenMfaConfiguration as Record<string, unknown> | undefined;
    const email = inputs.emailMfaConfiguration;
    const webAuthn = inputs.webAuthnConfiguration as Record<string, unknown> | undefined;

    if (mode === "OFF") {
        // AWS: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
        // A TOTP block that does not enable TOTP says "no TOTP", which OFF already means, so it is
        // normalized away instead of refused.
        // A block still unknown during preview may resolve to nothing, so only known blocks count.
        const conflicting: [string, unknown][] = [
            ["smsMfaConfiguration", sms],
            ["emailMfaConfiguration", email],
        ];
        if (present(totp) && !isUnknown(totp) && !isUnknown(totp.enabled) && totp.enabled === true) {
            conflicting.push(["softwareTokenMfaConfiguration", totp]);
        }
        for (const [prop, value] of conflicting) {
            if (!present(value) || isUnknown(value)) continue;
            // The engine prints the value of a failing top-level property next to the reason, and
            // prints secrets inside it in plaintext: an SMS block holding an ExternalId is
            // therefore reported at its nested smsConfiguration, which the engine does not print.
            const block = value as Record<string, unknown>;
            const at =
                prop === "smsMfaConfiguration" && typeof block === "object" && block.smsConfiguration !== undefined
                    ? `${prop}.smsConfiguration`
                    : prop;
            v.fail(
                at,
                at === prop ? value : block.smsConfiguration,
                `cannot be set while mfaConfiguration is "OFF": AWS refuses to turn off MFA and configure an MFA factor together. Remove ${prop}, or set mfaConfiguration to "OPTIONAL" or "ON"`,
            );
        }
        return;
    }

    // ON / OPTIONAL need a real factor: AWS answers "Invalid MFA Configuration given. SMS MFA,
    // Email MFA, or Software Token MFA must be enabled." for passkeys alone (measured without
    // FactorConfiguration). Since 2026-04 a passkey with user verification can satisfy MFA
    // (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION), and no source says whether AWS
    // then accepts passkeys alone: a warning for that case.
    if (containsUnknown(sms) || containsUnknown(email) || containsUnknown(totp)) return;
    const totpOn = present(totp) && totp.enabled === true;
    if (!present(sms) && !present(email) && !totpOn) {
        const passkeyMfa =
            known(webAuthn) && typeof webAuthn === "object" && webAuthn.factorConfiguration === "MULTI_FACTOR_WITH_USER_VERIFICATION";
        if (passkeyMfa) {
            v.warn(
                "mfaConfiguration",
                mode,
                `"${mode}" with passkeys (MULTI_FACTOR_WITH_USER_VERIFICATION) as the only factor: AWS refused passkeys alone before passkeys could satisfy MFA, and no source shows it accepts them now. Add softwareTokenMfaConfiguration { enabled: true }, smsMfaConfiguration or emailMfaConfiguration if the update fails`,
            );
        } else {
            v.fail(
                "mfaConfiguration",
                mode,
                `"${mode}" needs at least one MFA factor: add smsMfaConfiguration, emailMfaConfiguration or softwareTokenMfaConfiguration { enabled: true } (passkeys in webAuthnConfiguration count only with factorConfiguration "MULTI_FACTOR_WITH_USER_VERIFICATION"). To turn MFA off, use "OFF"`,
            );
        }
    }
}
