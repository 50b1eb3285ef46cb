// The SetUserPoolMfaConfig request in our names (camelCase of the API's), member by member:
// generated.ts, which scripts/generate.mjs writes from botocore's cognito-idp model (lengths,
// patterns verbatim and matched as Java does, enums, requiredness), deviations.ts and
// annotations.ts (secret and service-filled members, the words of failures). It drives
// validation, the mapping both ways, secrets, the diff, the CLI's skeleton and the docs' table.
// test/conformance holds it against the model.
export { MFA_CONFIG } from "./generated";

/** Where the SMS configuration sits in the inputs, for the failures and warnings that name its members. */
export const SMS_CFG = "smsMfaConfiguration.smsConfiguration";
