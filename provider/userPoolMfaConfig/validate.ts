// Static validation of UserPoolMfaConfig inputs: every rule of SetUserPoolMfaConfig that can be
// known without calling AWS, run by `check` at every preview. Pure.
import { checkPoolAndRegion } from "../common/regions";
import { containsUnknown, isUnknown } from "../common/unknown";
import { Failure, oneOf, Validator, validator } from "../common/validator";
import { REGION_PATTERN } from "../common/regions";
import {
    ARN_PATTERN,
    DELETE_POLICIES,
    EMAIL_MESSAGE_PATTERN,
    EMAIL_SUBJECT_PATTERN,
    MFA_MODES,
    MfaMode,
    USER_VERIFICATIONS,
    WEBAUTHN_FACTOR_CONFIGURATIONS,
} from "./model";

const TOP_LEVEL_KEYS = [
    "userPoolId",
    "region",
    "deletePolicy",
    "mfaConfiguration",
    "smsMfaConfiguration",
    "softwareTokenMfaConfiguration",
    "emailMfaConfiguration",
    "webAuthnConfiguration",
] as const;

/**
 * Checks inputs against every rule of SetUserPoolMfaConfig that can be known without calling AWS.
 * Values that are unknown during preview are skipped, and so are rules that depend on them.
 * Returns one failure per broken rule, each naming the property, the value and what is allowed.
 */
export function validate(inputs: Record<string, unknown>): Failure[] {
    const v = validator();
    // `__provider` and other engine-internal keys start with "__".
    const userKeys = Object.fromEntries(Object.entries(inputs).filter(([k]) => !k.startsWith("__")));
    v.noExtraKeys("", userKeys, TOP_LEVEL_KEYS);

    if (inputs.userPoolId === undefined || inputs.userPoolId === null) {
        v.fail("userPoolId", inputs.userPoolId, 'is required: the id of an existing user pool, such as "us-east-1_AbCdEf123"');
    }
    checkPoolAndRegion(v, inputs.userPoolId, inputs.region);
    v.enumeration("deletePolicy", inputs.deletePolicy, DELETE_POLICIES);

    if (inputs.mfaConfiguration === undefined || inputs.mfaConfiguration === null) {
        v.fail("mfaConfiguration", inputs.mfaConfiguration, `is required: one of ${oneOf(MFA_MODES)}`);
    }
    v.enumeration("mfaConfiguration", inputs.mfaConfiguration, MFA_MODES);

    const sms = inputs.smsMfaConfiguration;
    if (v.object("smsMfaConfiguration", sms)) {
        v.noExtraKeys("smsMfaConfiguration", sms, ["smsAuthenticationMessage", "smsConfiguration"]);
        v.string("smsMfaConfiguration.smsAuthenticationMessage", sms.smsAuthenticationMessage, {
            min: 6,
            max: 140,
            pattern: /\{####\}/,
            patternText: 'contain the code placeholder {####}, for example "Your code is {####}"',
        });
        const cfg = sms.smsConfiguration;
        if (cfg === undefined || cfg === null) {
            v.fail(
                "smsMfaConfiguration.smsConfiguration",
                cfg,
                "is required with SMS MFA: give snsCallerArn and externalId of the role Cognito assumes to send SMS",
            );
        }
        if (v.object("smsMfaConfiguration.smsConfiguration", cfg)) {
            v.noExtraKeys("smsMfaConfiguration.smsConfiguration", cfg, ["snsCallerArn", "externalId", "snsRegion"]);
            if (cfg.snsCallerArn === undefined || cfg.snsCallerArn === null) {
                v.fail(
                    "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                    cfg.snsCallerArn,
                    "is required: the ARN of the IAM role Cognito assumes to publish SMS through SNS",
                );
            }
            v.string("smsMfaConfiguration.smsConfiguration.snsCallerArn", cfg.snsCallerArn, {
                min: 20,
                max: 2048,
                pattern: ARN_PATTERN,
                patternText: 'be an IAM role ARN such as "arn:aws:iam::123456789012:role/cognito-sms"',
            });
            v.known(cfg.snsCallerArn, (arn) => {
                if (typeof arn === "string" && ARN_PATTERN.test(arn) && !/^arn:[^:]+:iam::\d+:role\//.test(arn)) {
                    v.fail(
                        "smsMfaConfiguration.smsConfiguration.snsCallerArn",
                        arn,
                        "must be the ARN of an IAM role (arn:<partition>:iam::<account>:role/<name>)",
                    );
                }
            });
            // AWS: "Value null at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null".
            if (cfg.externalId === undefined || cfg.externalId === null || cfg.externalId === "") {
                v.fail(
                    "smsMfaConfiguration.smsConfiguration.externalId",
                    cfg.externalId,
                    "is required with SMS MFA and must equal the sts:ExternalId condition in the role's trust policy",
                );
            }
            // 1224 is the longest value an sts:ExternalId condition can match.
            v.string("smsMfaConfiguration.smsConfiguration.externalId", cfg.externalId, { max: 1224 });
            v.string("smsMfaConfiguration.smsConfiguration.snsRegion", cfg.snsRegion, {
                min: 5,
                max: 32,
                pattern: REGION_PATTERN,
                patternText: 'be an AWS Region code such as "us-east-1"',
            });
        }
    }

    const totp = inputs.softwareTokenMfaConfiguration;
    if (v.object("softwareTokenMfaConfiguration", totp)) {
        v.noExtraKeys("softwareTokenMfaConfiguration", totp, ["enabled"]);
        if (totp.enabled === undefined || totp.enabled === null) {
            v.fail(
                "softwareTokenMfaConfiguration.enabled",
                totp.enabled,
                "is required: true to offer authenticator apps (TOTP), false or no block to turn them off",
            );
        }
        v.known(totp.enabled, (e) => {
            if (typeof e !== "boolean") v.fail("softwareTokenMfaConfiguration.enabled", e, "must be true or false");
        });
    }

    const email = inputs.emailMfaConfiguration;
    if (v.object("emailMfaConfiguration", email)) {
        v.noExtraKeys("emailMfaConfiguration", email, ["message", "subject"]);
        v.string("emailMfaConfiguration.message", email.message, {
            min: 6,
            max: 20000,
            pattern: EMAIL_MESSAGE_PATTERN,
            patternText: 'contain the code placeholder {####}, for example "Your sign-in code is {####}"',
        });
        v.string("emailMfaConfiguration.subject", email.subject, {
            min: 1,
            max: 140,
            pattern: EMAIL_SUBJECT_PATTERN,
            patternText: "consist of letters, digits, punctuation, symbols and spaces",
        });
    }

    const webauthn = inputs.webAuthnConfiguration;
    if (v.object("webAuthnConfiguration", webauthn)) {
        v.noExtraKeys("webAuthnConfiguration", webauthn, ["relyingPartyId", "userVerification", "factorConfiguration"]);
        v.string("webAuthnConfiguration.relyingPartyId", webauthn.relyingPartyId, { min: 1, max: 127 });
        v.enumeration("webAuthnConfiguration.userVerification", webauthn.userVerification, USER_VERIFICATIONS);
        v.enumeration("webAuthnConfiguration.factorConfiguration", webauthn.factorConfiguration, WEBAUTHN_FACTOR_CONFIGURATIONS);
    }

    crossFieldRules(v, inputs);
    return v.failures;
}

function crossFieldRules(v: Validator, inputs: Record<string, unknown>): void {
    const mode = inputs.mfaConfiguration;
    if (typeof mode !== "string" || !MFA_MODES.includes(mode as MfaMode)) return;
    const sms = inputs.smsMfaConfiguration;
    const totp = inputs.softwareTokenMfaConfiguration as Record<string, unknown> | undefined;
    const email = inputs.emailMfaConfiguration;
    const present = (x: unknown) => x !== undefined && x !== null;

    if (mode === "OFF") {
        // AWS: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
        // A TOTP block with enabled: false says "no TOTP", which OFF already means, so it is
        // normalized away instead of refused.
        // A block still unknown during preview may resolve to nothing, so only known blocks count.
        const conflicting: [string, unknown][] = [
            ["smsMfaConfiguration", sms],
            ["emailMfaConfiguration", email],
        ];
        if (present(totp) && !isUnknown(totp) && !isUnknown(totp.enabled) && totp.enabled !== false) {
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

    // ON / OPTIONAL need a real factor. WebAuthn does not count: AWS answers
    // "Invalid MFA Configuration given. SMS MFA, Email MFA, or Software Token MFA must be enabled."
    if (containsUnknown(sms) || containsUnknown(email) || containsUnknown(totp)) return;
    const totpOn = present(totp) && totp.enabled === true;
    if (!present(sms) && !present(email) && !totpOn) {
        v.fail(
            "mfaConfiguration",
            mode,
            `"${mode}" needs at least one MFA factor: add smsMfaConfiguration, emailMfaConfiguration or softwareTokenMfaConfiguration { enabled: true } (passkeys in webAuthnConfiguration do not count as a factor). To turn MFA off, use "OFF"`,
        );
    }
}
