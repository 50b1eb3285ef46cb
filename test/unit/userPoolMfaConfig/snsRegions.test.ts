// The SMS Region rules (snsRegions.ts): pure, table-driven. The table itself is checked against
// botocore's endpoints.json (the copy moto installs into .venv): every Region code must exist in
// the commercial partition under the name the Developer Guide uses, and the lists of Regions
// without an SNS or an End User Messaging SMS path must agree with the endpoints botocore knows.
import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../../harness/moto";
import {
    eumsRegionRule,
    NO_EUMS_REGIONS,
    NO_SNS_PATH_REGIONS,
    SNS_REGION_TABLE,
    snsRegionRule,
} from "../../../provider/userPoolMfaConfig/snsRegions";

interface Endpoints {
    partitions: { partition: string; regions: Record<string, { description: string }>; services: Record<string, { endpoints: object }> }[];
}

function botocoreEndpoints(): Endpoints["partitions"][number] {
    const lib = join(repoRoot, ".venv/lib");
    const python = readdirSync(lib).find((d) => d.startsWith("python"));
    assert.ok(python, `no python under ${lib}: run node scripts/setup.mjs`);
    const doc = JSON.parse(readFileSync(join(lib, python, "site-packages/botocore/data/endpoints.json"), "utf8")) as Endpoints;
    return doc.partitions.find((p) => p.partition === "aws")!;
}

const SNS = "smsMfaConfiguration.smsConfiguration.snsRegion";
const CALLER = "smsMfaConfiguration.smsConfiguration.snsCallerArn";
const EUMS = "smsMfaConfiguration.smsConfiguration.eumsSms";

interface RegionCase {
    name: string;
    pool: string | undefined;
    snsRegion?: string;
    eums?: boolean;
    /** undefined: no verdict. */
    expect?: { level: "failure" | "warning"; property: string; text: RegExp };
}

const CASES: RegionCase[] = [
    { name: "no snsRegion: the pool's default is not judged", pool: "eu-west-1" },
    { name: "own Region", pool: "eu-west-1", snsRegion: "eu-west-1" },
    { name: "Ohio may use N. Virginia", pool: "us-east-2", snsRegion: "us-east-1" },
    { name: "Frankfurt may use Ireland", pool: "eu-central-1", snsRegion: "eu-west-1" },
    { name: "London may use Ireland", pool: "eu-west-2", snsRegion: "eu-west-1" },
    { name: "Canada may use N. Virginia", pool: "ca-central-1", snsRegion: "us-east-1" },
    { name: "Mumbai may use Singapore", pool: "ap-south-1", snsRegion: "ap-southeast-1" },
    { name: "Hong Kong uses Singapore", pool: "ap-east-1", snsRegion: "ap-southeast-1" },
    { name: "Malaysia uses Singapore", pool: "ap-southeast-5", snsRegion: "ap-southeast-1" },
    { name: "Thailand uses Mumbai", pool: "ap-southeast-7", snsRegion: "ap-south-1" },
    { name: "Seoul uses Tokyo", pool: "ap-northeast-2", snsRegion: "ap-northeast-1" },
    { name: "Seoul without snsRegion (legacy default) is not judged", pool: "ap-northeast-2" },
    {
        name: "Seoul's own Region fails: documented twice",
        pool: "ap-northeast-2",
        snsRegion: "ap-northeast-2",
        expect: {
            level: "failure",
            property: SNS,
            text: /^must be "ap-northeast-1" for a user pool in ap-northeast-2 \(Asia Pacific \(Seoul\)\).*must use your Amazon SNS configuration in the Asia Pacific \(Tokyo\) Region/,
        },
    },
    {
        name: "N. Virginia may not use Ohio",
        pool: "us-east-1",
        snsRegion: "us-east-2",
        expect: { level: "failure", property: SNS, text: /^must be "us-east-1" for a user pool in us-east-1 \(US East \(N\. Virginia\)\)/ },
    },
    {
        name: "Ireland may not use Frankfurt (the alternate works one way only)",
        pool: "eu-west-1",
        snsRegion: "eu-central-1",
        expect: { level: "failure", property: SNS, text: /^must be "eu-west-1"/ },
    },
    {
        name: "Ohio, a third Region fails and lists both",
        pool: "us-east-2",
        snsRegion: "us-west-2",
        expect: { level: "failure", property: SNS, text: /^must be "us-east-2" or "us-east-1"/ },
    },
    {
        name: "Hong Kong's own Region: the table says no, the prose yes: a warning",
        pool: "ap-east-1",
        snsRegion: "ap-east-1",
        expect: { level: "warning", property: SNS, text: /is the pool's own Region.*it lists "ap-southeast-1".*not refused here/ },
    },
    {
        name: "Thailand's own Region: a warning",
        pool: "ap-southeast-7",
        snsRegion: "ap-southeast-7",
        expect: { level: "warning", property: SNS, text: /it lists "ap-south-1"/ },
    },
    {
        name: "Taipei has no SNS path: a warning naming eumsSms",
        pool: "ap-east-2",
        expect: {
            level: "warning",
            property: CALLER,
            text: /does not have.*use AWS End User Messaging SMS directly.*configure smsConfiguration\.eumsSms/,
        },
    },
    {
        name: "New Zealand has no SNS path: a warning, with or without snsRegion",
        pool: "ap-southeast-6",
        snsRegion: "ap-southeast-6",
        expect: { level: "warning", property: CALLER, text: /does not have/ },
    },
    {
        name: "a Region the table does not know: a warning, never a failure",
        pool: "us-gov-west-1",
        snsRegion: "us-gov-west-1",
        expect: { level: "warning", property: CALLER, text: /does not list us-gov-west-1: if Amazon SNS SMS is not available there/ },
    },
    { name: "no pool Region: nothing to judge", pool: undefined, snsRegion: "us-east-1" },
    { name: "EUMS in Ireland", pool: "eu-west-1", eums: true },
    { name: "EUMS in Taipei (no SNS path, EUMS is the way)", pool: "ap-east-2", eums: true },
    {
        name: "EUMS in Hong Kong fails: documented as unavailable",
        pool: "ap-east-1",
        eums: true,
        expect: {
            level: "failure",
            property: EUMS,
            text: /^cannot be used by a user pool in ap-east-1 \(Asia Pacific \(Hong Kong\)\).*Use snsCallerArn \(with snsRegion "ap-southeast-1"\)/,
        },
    },
    {
        name: "EUMS in Malaysia fails",
        pool: "ap-southeast-5",
        eums: true,
        expect: { level: "failure", property: EUMS, text: /not available there/ },
    },
    {
        name: "EUMS in Thailand fails",
        pool: "ap-southeast-7",
        eums: true,
        expect: { level: "failure", property: EUMS, text: /not available there/ },
    },
    {
        name: "EUMS with an snsRegion: a warning (snsRegion belongs to the SNS path)",
        pool: "eu-west-1",
        snsRegion: "eu-west-1",
        eums: true,
        expect: { level: "warning", property: SNS, text: /belongs to the Amazon SNS path.*Remove snsRegion/ },
    },
];

describe("snsRegionRule (pure)", () => {
    for (const c of CASES) {
        it(c.name, () => {
            const v = snsRegionRule(c.pool, c.snsRegion, c.eums ?? false);
            if (!c.expect) return assert.equal(v, undefined, JSON.stringify(v));
            assert.ok(v, "a verdict");
            assert.equal(v.level, c.expect.level);
            assert.equal(v.property, c.expect.property);
            assert.match(v.text, c.expect.text);
        });
    }

    it("an unknown Region is never a failure, on either path, whatever snsRegion says", () => {
        for (const pool of ["xx-north-9", "cn-north-1", "eusc-de-east-1"]) {
            for (const sns of [undefined, pool, "us-east-1"]) {
                for (const eums of [false, true])
                    assert.notEqual(snsRegionRule(pool, sns, eums)?.level, "failure", `${pool} ${sns} ${eums}`);
            }
        }
    });

    it("eumsRegionRule: omitted or the pool's own Region passes, any other fails", () => {
        assert.equal(eumsRegionRule("eu-west-1", undefined), undefined);
        assert.equal(eumsRegionRule("eu-west-1", "eu-west-1"), undefined);
        assert.equal(eumsRegionRule(undefined, "us-east-1"), undefined);
        const v = eumsRegionRule("eu-west-1", "us-east-1");
        assert.ok(v);
        assert.equal(v.level, "failure");
        assert.equal(v.property, "smsMfaConfiguration.smsConfiguration.eumsSms.region");
        assert.match(v.text, /^must be the user pool's own Region, eu-west-1.*InvalidParameterException.*set it to "eu-west-1"/);
    });
});

describe("the SNS Region table against botocore's endpoints.json", () => {
    const aws = botocoreEndpoints();
    const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

    it("every row's Region exists under the guide's name, and every SNS Region exists", () => {
        assert.equal(SNS_REGION_TABLE.length, 32, "the guide's table has 32 rows");
        assert.equal(new Set(SNS_REGION_TABLE.map((r) => r.region)).size, SNS_REGION_TABLE.length, "one row per Region");
        for (const row of SNS_REGION_TABLE) {
            assert.equal(aws.regions[row.region]?.description, ascii(row.name), row.region);
            for (const r of row.snsRegions) assert.ok(aws.regions[r], `${row.region} -> ${r}`);
        }
    });

    it("the Regions without an SNS path are the Cognito Regions the table leaves out", () => {
        const cognito = Object.keys(aws.services["cognito-idp"].endpoints).filter((r) => aws.regions[r]);
        const listed = new Set(SNS_REGION_TABLE.map((r) => r.region));
        assert.deepEqual(cognito.filter((r) => !listed.has(r)).sort(), [...NO_SNS_PATH_REGIONS].sort());
    });

    it("the Regions without End User Messaging SMS have no sms-voice endpoint, and every other Cognito Region has one", () => {
        const smsVoice = new Set(Object.keys(aws.services["sms-voice"].endpoints));
        const cognito = Object.keys(aws.services["cognito-idp"].endpoints).filter((r) => aws.regions[r]);
        assert.deepEqual(cognito.filter((r) => !smsVoice.has(r)).sort(), [...NO_EUMS_REGIONS].sort());
    });
});
