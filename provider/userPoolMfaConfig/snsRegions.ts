// Which Region a user pool may send SMS from, per path: the SNS path (snsCallerArn, snsRegion)
// and the End User Messaging SMS direct path (eumsSms). Pure: the static validation calls
// snsRegionRule and eumsRegionRule with the pool's Region.
//
// Source of the table: Amazon Cognito Developer Guide, "SMS message settings for Amazon Cognito
// user pools" (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html),
// section "Amazon SNS path Region configuration": "You can send SMS messages for any Amazon Cognito
// Region in the following table with AWS End User Messaging SMS resources in the corresponding SMS
// message Region." The Region codes for the guide's Region names are botocore's
// (data/endpoints.json, partition "aws", `description`); test/unit/userPoolMfaConfig/snsRegions.test.ts
// checks every row against that file.
//
// The same page contradicts itself on one point: its prose says "In any AWS Region where Amazon
// Cognito is available, except for Asia Pacific (Seoul), you can use Amazon SNS resources in the AWS
// Region where you created your user pool", while its table gives Hong Kong, Malaysia and Thailand
// only another Region, and it says "Amazon SNS SMS is available in the AWS Regions listed in [the
// table]. To send SMS messages from a user pool in any other AWS Region, use AWS End User Messaging
// SMS directly." Where the two disagree this module warns and never refuses: a refusal AWS does not
// make would block `pulumi preview` for good.
import { SMS_CFG } from "./shape";

/** One row of the guide's table: a Cognito Region and the SNS Regions its pools may use. */
export interface SnsRegionRow {
    region: string;
    /** The guide's name of the Region (botocore's description, "São Paulo" spelled as the guide spells it). */
    name: string;
    snsRegions: readonly string[];
}

export const SNS_REGION_SOURCE =
    'Amazon Cognito Developer Guide, "SMS message settings for Amazon Cognito user pools", section "Amazon SNS path Region configuration"';

/** The guide's table, row for row, in its order. */
export const SNS_REGION_TABLE: readonly SnsRegionRow[] = [
    { region: "us-east-2", name: "US East (Ohio)", snsRegions: ["us-east-2", "us-east-1"] },
    { region: "us-east-1", name: "US East (N. Virginia)", snsRegions: ["us-east-1"] },
    { region: "us-west-1", name: "US West (N. California)", snsRegions: ["us-west-1"] },
    { region: "us-west-2", name: "US West (Oregon)", snsRegions: ["us-west-2"] },
    { region: "ca-central-1", name: "Canada (Central)", snsRegions: ["ca-central-1", "us-east-1"] },
    { region: "ca-west-1", name: "Canada West (Calgary)", snsRegions: ["ca-west-1"] },
    { region: "mx-central-1", name: "Mexico (Central)", snsRegions: ["mx-central-1"] },
    { region: "eu-central-1", name: "Europe (Frankfurt)", snsRegions: ["eu-central-1", "eu-west-1"] },
    { region: "eu-west-2", name: "Europe (London)", snsRegions: ["eu-west-2", "eu-west-1"] },
    { region: "eu-west-1", name: "Europe (Ireland)", snsRegions: ["eu-west-1"] },
    { region: "eu-west-3", name: "Europe (Paris)", snsRegions: ["eu-west-3"] },
    { region: "eu-north-1", name: "Europe (Stockholm)", snsRegions: ["eu-north-1"] },
    { region: "eu-south-1", name: "Europe (Milan)", snsRegions: ["eu-south-1"] },
    { region: "eu-south-2", name: "Europe (Spain)", snsRegions: ["eu-south-2"] },
    { region: "eu-central-2", name: "Europe (Zurich)", snsRegions: ["eu-central-2"] },
    { region: "ap-southeast-5", name: "Asia Pacific (Malaysia)", snsRegions: ["ap-southeast-1"] },
    { region: "ap-southeast-7", name: "Asia Pacific (Thailand)", snsRegions: ["ap-south-1"] },
    { region: "ap-south-1", name: "Asia Pacific (Mumbai)", snsRegions: ["ap-south-1", "ap-southeast-1"] },
    { region: "ap-south-2", name: "Asia Pacific (Hyderabad)", snsRegions: ["ap-south-2"] },
    { region: "ap-east-1", name: "Asia Pacific (Hong Kong)", snsRegions: ["ap-southeast-1"] },
    { region: "ap-northeast-2", name: "Asia Pacific (Seoul)", snsRegions: ["ap-northeast-1"] },
    { region: "ap-southeast-1", name: "Asia Pacific (Singapore)", snsRegions: ["ap-southeast-1"] },
    { region: "ap-southeast-2", name: "Asia Pacific (Sydney)", snsRegions: ["ap-southeast-2"] },
    { region: "ap-northeast-1", name: "Asia Pacific (Tokyo)", snsRegions: ["ap-northeast-1"] },
    { region: "ap-southeast-3", name: "Asia Pacific (Jakarta)", snsRegions: ["ap-southeast-3"] },
    { region: "ap-northeast-3", name: "Asia Pacific (Osaka)", snsRegions: ["ap-northeast-3"] },
    { region: "ap-southeast-4", name: "Asia Pacific (Melbourne)", snsRegions: ["ap-southeast-4"] },
    { region: "me-south-1", name: "Middle East (Bahrain)", snsRegions: ["me-south-1"] },
    { region: "me-central-1", name: "Middle East (UAE)", snsRegions: ["me-central-1"] },
    { region: "sa-east-1", name: "South America (São Paulo)", snsRegions: ["sa-east-1"] },
    { region: "il-central-1", name: "Israel (Tel Aviv)", snsRegions: ["il-central-1"] },
    { region: "af-south-1", name: "Africa (Cape Town)", snsRegions: ["af-south-1"] },
];

/**
 * Regions with no SNS path: Cognito Regions of the commercial partition (botocore 1.44.8
 * endpoints.json, service cognito-idp) that the guide's table does not list. The guide: "To send
 * SMS messages from a user pool in any other AWS Region, use AWS End User Messaging SMS directly";
 * the service model (SmsConfigurationType.EumsSms): "In Amazon Web Services Regions where Amazon SNS
 * is not available, this configuration is required."
 */
export const NO_SNS_PATH_REGIONS: readonly string[] = ["ap-east-2", "ap-southeast-6"];

/**
 * Regions with no End User Messaging SMS direct path. The guide, section "AWS End User Messaging SMS
 * direct path Region configuration": "The AWS End User Messaging SMS direct path is not available in
 * the Asia Pacific (Thailand), Asia Pacific (Hong Kong), and Asia Pacific (Malaysia) AWS Regions. To
 * send SMS messages from a user pool in one of these Regions, use the Amazon SNS path instead."
 * (botocore's endpoints.json has no sms-voice endpoint in these three either.)
 */
export const NO_EUMS_REGIONS: readonly string[] = ["ap-southeast-7", "ap-east-1", "ap-southeast-5"];

/** What a region rule found: `property` is the member it is about; `text` reads after the property name. */
export interface RegionVerdict {
    level: "failure" | "warning";
    property: string;
    text: string;
}

export function snsRegionRow(poolRegion: string): SnsRegionRow | undefined {
    return SNS_REGION_TABLE.find((r) => r.region === poolRegion);
}

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(" or ");

/**
 * The Region rule of the SMS configuration, for a pool in `poolRegion`:
 * - SNS path (`usesEums` false): `snsRegion`, when given, must be a Region the guide's table lists
 *   for the pool's Region (Seoul: Tokyo only). A pool Region outside the table is a warning: the
 *   guide says it has no SNS path, and its prose contradicts that.
 * - EUMS path (`usesEums` true): the pool's Region must have End User Messaging SMS; `snsRegion`
 *   belongs to the SNS path and is a warning there.
 * Returns undefined when there is nothing to say, or when `poolRegion` is undefined.
 */
export function snsRegionRule(poolRegion: string | undefined, snsRegion: string | undefined, usesEums: boolean): RegionVerdict | undefined {
    if (poolRegion === undefined) return undefined;
    const row = snsRegionRow(poolRegion);
    const where = `a user pool in ${poolRegion}${row ? ` (${row.name})` : ""}`;

    if (usesEums) {
        if (NO_EUMS_REGIONS.includes(poolRegion)) {
            return {
                level: "failure",
                property: `${SMS_CFG}.eumsSms`,
                text: `cannot be used by ${where}: AWS documents that the End User Messaging SMS direct path is not available there ("use the Amazon SNS path instead", ${SNS_REGION_SOURCE}). Use snsCallerArn (with snsRegion ${quoted(row?.snsRegions ?? [])}) instead of eumsSms`,
            };
        }
        if (snsRegion !== undefined) {
            return {
                level: "warning",
                property: `${SMS_CFG}.snsRegion`,
                text: `belongs to the Amazon SNS path, but this configuration uses eumsSms: the direct path does not send across Regions (it sends in the pool's own Region, eumsSms.region), and whether Cognito accepts snsRegion next to eumsSms is not documented. Remove snsRegion`,
            };
        }
        return undefined;
    }

    if (!row) {
        const noPath = NO_SNS_PATH_REGIONS.includes(poolRegion);
        return {
            level: "warning",
            property: `${SMS_CFG}.snsCallerArn`,
            text: noPath
                ? `names the Amazon SNS path, which ${where} does not have: AWS lists the Regions with an SNS path (${SNS_REGION_SOURCE}) and says "To send SMS messages from a user pool in any other AWS Region, use AWS End User Messaging SMS directly". Unless AWS accepts it, SetUserPoolMfaConfig will fail; configure smsConfiguration.eumsSms instead of snsCallerArn`
                : `names the Amazon SNS path, and AWS's table of SNS Regions (${SNS_REGION_SOURCE}) does not list ${poolRegion}: if Amazon SNS SMS is not available there, use smsConfiguration.eumsSms instead of snsCallerArn`,
        };
    }
    if (snsRegion === undefined || row.snsRegions.includes(snsRegion)) return undefined;
    if (snsRegion === poolRegion && poolRegion !== "ap-northeast-2") {
        // Hong Kong, Malaysia, Thailand: the table says no, the prose of the same page says yes.
        return {
            level: "warning",
            property: `${SMS_CFG}.snsRegion`,
            text: `is the pool's own Region, which AWS's table (${SNS_REGION_SOURCE}) does not list for ${where}; it lists ${quoted(row.snsRegions)}. The same page says any Region but Seoul may use SNS in its own Region, so this is not refused here; if SetUserPoolMfaConfig fails, set snsRegion to ${quoted(row.snsRegions)}`,
        };
    }
    const seoul =
        poolRegion === "ap-northeast-2"
            ? ` (the API reference: "Amazon Cognito resources in the Asia Pacific (Seoul) Amazon Web Services Region must use your Amazon SNS configuration in the Asia Pacific (Tokyo) Region")`
            : "";
    return {
        level: "failure",
        property: `${SMS_CFG}.snsRegion`,
        text: `must be ${quoted(row.snsRegions)} for ${where}: those are the SNS Regions AWS documents for it (${SNS_REGION_SOURCE})${seoul}. Set snsRegion to ${quoted(row.snsRegions)}, or remove it`,
    };
}

/**
 * eumsSms.region must be the pool's own Region. The service model (EumsSmsConfigurationType.Region):
 * "If you omit this parameter, Amazon Cognito uses the same Region as your user pool. You can also
 * set this parameter to your user pool's Region explicitly. Amazon Cognito rejects any other value
 * with an InvalidParameterException."
 */
export function eumsRegionRule(poolRegion: string | undefined, eumsRegion: string | undefined): RegionVerdict | undefined {
    if (poolRegion === undefined || eumsRegion === undefined || eumsRegion === poolRegion) return undefined;
    return {
        level: "failure",
        property: `${SMS_CFG}.eumsSms.region`,
        text: `must be the user pool's own Region, ${poolRegion}: Cognito sends direct SMS only in the pool's Region and "rejects any other value with an InvalidParameterException" (API reference, EumsSmsConfigurationType). Remove region or set it to "${poolRegion}"`,
    };
}
