// What an SnsCallerRole hands a UserPoolMfaConfig (`role.smsConfiguration`): the members of the
// pool's `smsConfiguration` argument that name the role. It lives here so that neither resource's
// folder imports the other's; test/unit/snsCallerRole/resource.test.ts passes one into a
// UserPoolMfaConfig, so the compiler checks that it stays assignable to SmsConfigurationArgs.
import type * as pulumi from "@pulumi/pulumi";

/** `{ snsCallerArn, externalId }` (Amazon SNS) or `{ eumsSms: { callerArn, externalId, originationIdentity? } }`. */
export type RoleSmsConfigurationArgs =
    | { snsCallerArn: pulumi.Input<string>; externalId: pulumi.Input<string> }
    | { eumsSms: { callerArn: pulumi.Input<string>; externalId: pulumi.Input<string>; originationIdentity?: pulumi.Input<string> } };
