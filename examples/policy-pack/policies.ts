// The policies of this pack as plain functions (no @pulumi/policy import), so that they can be
// unit tested by calling them directly. index.ts wraps them into a PolicyPack.

/** The type token of UserPoolMfaConfig (a dynamic resource of module "cognito-mfa"). */
export const USER_POOL_MFA_CONFIG_TYPE = "pulumi-nodejs:dynamic/cognito-mfa:UserPoolMfaConfig";

/** The stacks on which MFA must be required. */
export const PROD_STACKS = ["prod"];

/** The part of @pulumi/policy's ResourceValidationArgs these policies read. */
export interface ResourceArgs {
    type: string;
    urn: string;
    props: Record<string, any>;
}
export type ReportViolation = (message: string) => void;

/** The stack name in a URN: urn:pulumi:<stack>::<project>::<type>::<name>. */
export function stackOf(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/** A value still unknown during preview (an output of a resource not created yet). */
function known(v: unknown): boolean {
    return v !== undefined && v !== "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
}

/** "MFA must be ON for stacks named prod". */
export function mfaRequiredInProd(args: ResourceArgs, reportViolation: ReportViolation): void {
    if (args.type !== USER_POOL_MFA_CONFIG_TYPE) return;
    const stack = stackOf(args.urn);
    if (!PROD_STACKS.includes(stack)) return;
    const mode = args.props.mfaConfiguration;
    if (known(mode) && mode !== "ON") {
        reportViolation(`MFA must be required on stack "${stack}": mfaConfiguration is ${JSON.stringify(mode)}, set it to "ON".`);
    }
}

/** "SMS messages must contain {####}" (where Cognito puts the code). */
export function smsMessageHasCode(args: ResourceArgs, reportViolation: ReportViolation): void {
    if (args.type !== USER_POOL_MFA_CONFIG_TYPE) return;
    const message = args.props.smsMfaConfiguration?.smsAuthenticationMessage;
    if (typeof message === "string" && known(message) && !message.includes("{####}")) {
        reportViolation(
            `smsMfaConfiguration.smsAuthenticationMessage must contain {####}, where Cognito puts the code: ${JSON.stringify(message)}.`,
        );
    }
}
