// Static validation of SnsCallerRole inputs: every IAM (and STS ExternalId) rule that can be
// known without calling AWS, run by `check` at every preview. The members' own rules come from
// the models (generated.ts, checked by common/shape.ts); the rules between inputs, the tags and
// the pool are here. Pure.
import { ACCOUNT_ID_PATTERN } from "../common/arn";
import { GENERATE_EXTERNAL_ID, INPUT_KEYS, MANAGED_TAG_KEYS, POLICY_ARN_PATTERN, TAGS_MAX, USER_TAGS_MAX } from "./model";
import { Failure, Findings, present, validator } from "../common/validator";
import { secretNames, validateMembers } from "../common/shape";
import { ROLE_INPUTS } from "./generated";
import { checkPoolAndRegion } from "../common/regions";
import { ARN_PATTERN } from "../common/arn";
import { TAG_KEY_PATTERN, TAG_VALUE_MAX, TAG_VALUE_PATTERN } from "../common/tags";

/**
 * Checks SnsCallerRole inputs against every IAM rule that can be known without calling AWS.
 * Unknown values (preview) are skipped. One failure per broken rule, naming the property, the
 * value received and what is allowed.
 */
export function validateRole(inputs: Record<string, unknown>): Failure[] {
    return validateRoleInputs(inputs).failures;
}

/** {@link validateRole}, with the warnings too. */
export function validateRoleInputs(inputs: Record<string, unknown>): Findings {
    const c = validator(secretNames(ROLE_INPUTS));
    for (const [key, value] of Object.entries(inputs)) {
        // `__provider` and other engine-internal keys start with "__".
        if (key.startsWith("__") || (INPUT_KEYS as readonly string[]).includes(key)) continue;
        c.fail(key, value, `is not a known property; allowed: ${INPUT_KEYS.join(", ")}`);
    }

    if (present(inputs.roleName) && present(inputs.namePrefix)) {
        c.fail(
            "namePrefix",
            inputs.namePrefix,
            "cannot be set together with roleName: give an exact roleName, or a namePrefix to which a generated suffix is added",
        );
    } else if (!present(inputs.roleName) && !present(inputs.namePrefix)) {
        c.fail("roleName", inputs.roleName, "or namePrefix is required (the SnsCallerRole class defaults namePrefix to the resource name)");
    }
    // The members' own rules, from the models (generated.ts). An empty ExternalId is the class's
    // "generate one" marker (GENERATE_EXTERNAL_ID), not a value.
    const members = inputs.externalId === GENERATE_EXTERNAL_ID ? { ...inputs, externalId: undefined } : inputs;
    validateMembers(c, "", ROLE_INPUTS, members);
    // IAM's arnType has no pattern; a permissions boundary is a managed policy (deviations.ts).
    if (!c.failures.some((f) => f.property === "permissionsBoundary")) {
        c.string("permissionsBoundary", inputs.permissionsBoundary, {
            pattern: POLICY_ARN_PATTERN,
            patternText: 'be the ARN of a managed policy, such as "arn:aws:iam::123456789012:policy/boundary"',
        });
    }
    c.known(inputs.tags, (tags) => {
        if (typeof tags !== "object" || Array.isArray(tags)) return c.fail("tags", tags, "must be a map of tag keys to values");
        const entries = Object.entries(tags as Record<string, unknown>);
        // The provider's own tags count against IAM's 50 only for roles that carry them (__owner).
        const max = present(inputs.__owner) ? USER_TAGS_MAX : TAGS_MAX;
        if (entries.length > max) c.fail("tags", `${entries.length} tags`, `must have at most ${max} keys (it has ${entries.length})`);
        const seen = new Map<string, string>();
        for (const [key, value] of entries) {
            const prop = `tags.${key}`;
            if ([...key].length > 128) c.fail(prop, key, "key must be at most 128 characters long");
            else if (!TAG_KEY_PATTERN.test(key)) c.fail(prop, key, "key must contain only letters, digits, spaces and _ . : / = + - @");
            if (key.toLowerCase().startsWith("aws:")) c.fail(prop, key, 'key must not start with "aws:", which is reserved for AWS');
            if (MANAGED_TAG_KEYS.some((k) => k.toLowerCase() === key.toLowerCase()))
                c.fail(prop, key, "key is reserved: the provider sets it itself");
            const other = seen.get(key.toLowerCase());
            if (other !== undefined) c.fail(prop, key, `key differs only in case from "${other}"; IAM refuses such duplicates`);
            seen.set(key.toLowerCase(), key);
            // IAM's Tag.Value is a required member: a key with no value is refused by TagRole.
            if (value === null || value === undefined)
                c.fail(prop, value, 'value is required (IAM tags always have one; use "" for an empty value)');
            c.string(prop, value, {
                max: TAG_VALUE_MAX,
                pattern: TAG_VALUE_PATTERN,
                patternText: "contain only letters, digits, spaces and _ . : / = + - @",
            });
        }
    });
    checkPoolAndRegion(c, inputs.userPoolId, inputs.region);
    c.string("accountId", inputs.accountId, { pattern: ACCOUNT_ID_PATTERN, patternText: "be a 12-digit AWS account id" });
    c.known(inputs.originationIdentity, (o) => {
        if (inputs.sender !== "eumsSms") {
            return c.fail(
                "originationIdentity",
                o,
                'goes with sender "eumsSms": it scopes the role\'s sms-voice:SendTextMessage permission (Amazon SNS publishes to any number)',
            );
        }
        // An ARN or nothing: a phone number cannot scope an IAM policy (the pattern implies the length).
        c.string("originationIdentity", o, {
            max: 2048,
            pattern: ARN_PATTERN,
            patternText:
                'be the ARN of an End User Messaging SMS phone number, sender ID or pool, such as "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-abc"',
        });
    });
    return { failures: c.failures, warnings: c.warnings };
}
