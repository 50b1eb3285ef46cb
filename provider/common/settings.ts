// How the package's on/off stack settings (pulumi-cognito-mfa:preflight, :ownerTag) read. Pure.

/** True for "false", "off", "no", "0", "disabled" (any case, surrounding spaces allowed); false for anything else, including unset. */
export function settingOff(value: string | undefined): boolean {
    return value !== undefined && /^\s*(false|off|no|0|disabled?)\s*$/i.test(value);
}
