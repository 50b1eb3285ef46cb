// Which End User Messaging SMS read describes an eumsSms.originationIdentity. Cognito takes "an
// E.164 phone number or the ARN of the phone number, sender ID, or phone pool" (botocore
// cognito-idp EumsSmsConfigurationType.OriginationIdentity); the ARN's resource type names the
// operation. Anything else is left unchecked here (roleRules.ts speaks of its form). Pure.
import type { OriginationLookup } from "../aws/smsVoice";

const E164 = /^\+[1-9]\d{1,14}$/;
// arn:<partition>:sms-voice:<region>:<account>:<type>/<id>; a sender ID's ARN ends in
// sender-id/<SenderId>/<IsoCountryCode> (Service Authorization Reference, End User Messaging SMS and
// Voice V2 resource types), and DescribeSenderIds needs the country beside the id.
const ARN = /^arn:[^:]+:sms-voice:[^:]*:[^:]*:(phone-number|sender-id|pool)\/(.+)$/;

export function originationLookup(value: string): OriginationLookup | undefined {
    if (E164.test(value)) return { operation: "DescribePhoneNumbers", phoneNumber: value };
    const m = ARN.exec(value);
    if (!m) return undefined;
    if (m[1] === "phone-number") return { operation: "DescribePhoneNumbers", phoneNumberId: value };
    if (m[1] === "pool") return { operation: "DescribePools", poolId: value };
    const country = /\/([A-Z]{2})$/.exec(m[2]);
    return country ? { operation: "DescribeSenderIds", senderId: value, isoCountryCode: country[1] } : undefined;
}
