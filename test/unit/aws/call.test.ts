// The one call wrapper (aws/call.ts) and what goes through it: retries only what the SDK does
// not, the operation log, the error with its fix; the one DescribeUserPool cache; the IAM lists
// read to the last page. A mocked SDK, because moto never races a concurrent change, and a
// mocked send never reaches the SDK's own retries (so throttling shows our wrapper alone).
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, GetRolePolicyCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { awsCall } from "../../../provider/aws/call";
import { findUserPoolOnce, forgetUserPools } from "../../../provider/aws/cognito";
import { AwsCallError } from "../../../provider/aws/errors";
import { findDeleteBlockers, findRolePermissionPolicies } from "../../../provider/aws/iam";

import { awsError, fakeClock } from "../fakes";

const POOL = "eu-west-1_Abc123";
const CALL = { operation: "GetUserPoolMfaConfig", subject: POOL, target: `user pool ${POOL} in eu-west-1`, userPoolId: POOL };

function sends(errors: unknown[]): { send: () => Promise<{ ok: true }>; calls: () => number } {
    let n = 0;
    return {
        send: () => {
            const e = errors[n++];
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- SDK errors as the SDK throws them
            return n <= errors.length ? Promise.reject(e) : Promise.resolve({ ok: true });
        },
        calls: () => n,
    };
}

describe("awsCall()", () => {
    it("retries ConcurrentModification (Cognito's and IAM's names), logging each retry", async () => {
        const f = sends([awsError("ConcurrentModificationException"), awsError("ConcurrentModification")]);
        const log: string[] = [];
        assert.deepEqual(await awsCall(CALL, { clock: fakeClock(), log: (m) => log.push(m) }, f.send), { ok: true });
        assert.equal(f.calls(), 3);
        assert.deepEqual(
            log.map((l) => l.replace(/\d+ ms/, "N ms")),
            [
                `GetUserPoolMfaConfig ${POOL}: ConcurrentModificationException, retry 1 in N ms`,
                `GetUserPoolMfaConfig ${POOL}: ConcurrentModification, retry 2 in N ms`,
            ],
        );
    });

    it("leaves throttling to the SDK: an error that reaches it after the SDK's attempts is not retried again", async () => {
        const clock = fakeClock();
        const throttled = new TooManyRequestsException({ message: "Rate exceeded", $metadata: { attempts: 5, totalRetryDelay: 7000 } });
        const f = sends([throttled]);
        const log: string[] = [];
        await assert.rejects(awsCall(CALL, { clock, log: (m) => log.push(m) }, f.send), (e: AwsCallError) => {
            assert.equal(e.awsErrorName, "TooManyRequestsException");
            assert.match(
                e.message,
                /^GetUserPoolMfaConfig on user pool eu-west-1_Abc123 in eu-west-1 failed: TooManyRequestsException: Rate exceeded\. Still throttled/,
            );
            return true;
        });
        assert.equal(f.calls(), 1);
        assert.equal(clock.waited, 0);
        assert.deepEqual(log, [
            `GetUserPoolMfaConfig ${POOL}: failed with TooManyRequestsException after 5 SDK attempts (7000 ms of SDK backoff)`,
        ]);
    });

    it("logs the SDK's own retries of a call that then succeeded", async () => {
        const log: string[] = [];
        await awsCall(CALL, { log: (m) => log.push(m) }, () => Promise.resolve({ $metadata: { attempts: 3, totalRetryDelay: 1200 } }));
        assert.deepEqual(log, [`GetUserPoolMfaConfig ${POOL}: succeeded after 3 SDK attempts (1200 ms of SDK backoff)`]);
    });

    it("a rule of the caller is retried within its budget; the fix of the caller replaces the Cognito fix", async () => {
        const clock = fakeClock();
        const rule = { names: ["InvalidSmsRoleTrustRelationshipException"], budgetMs: 5_000, baseMs: 1_000, capMs: 8_000 };
        const f = sends(Array.from({ length: 50 }, () => awsError("InvalidSmsRoleTrustRelationshipException", "no trust")));
        await assert.rejects(
            awsCall({ ...CALL, rules: [rule], fix: () => Promise.resolve("Do this.") }, { clock }, f.send),
            (e: AwsCallError) => e.message.endsWith("failed: InvalidSmsRoleTrustRelationshipException: no trust. Do this."),
        );
        assert.equal(clock.waited, 5_000);
        assert.ok(f.calls() > 1);
    });
});

describe("the one DescribeUserPool cache", () => {
    const cognito = mockClient(CognitoIdentityProviderClient);
    beforeEach(() => {
        forgetUserPools();
        cognito.reset();
    });

    it("keeps an answer that names a pool: concurrent and later callers share one request", async () => {
        cognito
            .on(DescribeUserPoolCommand)
            .resolves({ UserPool: { Id: POOL, Arn: "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x" } });
        const answers = await Promise.all([1, 2, 3].map(() => findUserPoolOnce(POOL, { region: "eu-west-1" })));
        await findUserPoolOnce(POOL, { region: "eu-west-1" });
        assert.equal(cognito.commandCalls(DescribeUserPoolCommand).length, 1);
        assert.ok(answers.every((a) => a?.Id === POOL));
    });

    for (const [what, err] of [
        ["a failed read", awsError("AccessDeniedException", "denied")],
        ["a missing pool", awsError("ResourceNotFoundException", "User pool does not exist.")],
    ] as const) {
        it(`does not keep ${what}: the next caller asks again`, async () => {
            cognito
                .on(DescribeUserPoolCommand)
                .rejectsOnce(err)
                .resolves({ UserPool: { Id: POOL } });
            const first = findUserPoolOnce(POOL, { region: "eu-west-1" });
            if (err.name === "ResourceNotFoundException") assert.equal(await first, undefined);
            else await assert.rejects(first, AwsCallError);
            assert.equal((await findUserPoolOnce(POOL, { region: "eu-west-1" }))?.Id, POOL);
            assert.equal(cognito.commandCalls(DescribeUserPoolCommand).length, 2);
        });
    }
});

describe("IAM lists through the SDK paginators", () => {
    const iam = mockClient(IAMClient);
    beforeEach(() => iam.reset());

    it("reads every page of ListRolePolicies and ListAttachedRolePolicies", async () => {
        iam.on(ListRolePoliciesCommand, { RoleName: "sms", Marker: undefined })
            .resolves({ PolicyNames: ["a"], IsTruncated: true, Marker: "m1" })
            .on(ListRolePoliciesCommand, { RoleName: "sms", Marker: "m1" })
            .resolves({ PolicyNames: ["b"], IsTruncated: false });
        iam.on(GetRolePolicyCommand).callsFake((input: { PolicyName: string }) =>
            Promise.resolve({
                PolicyDocument: encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: input.PolicyName }] })),
            }),
        );
        iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
        const policies = await findRolePermissionPolicies("sms");
        assert.deepEqual(
            policies.map((p) => p.source),
            ["inline policy a", "inline policy b"],
        );
        assert.equal(iam.commandCalls(ListRolePoliciesCommand).length, 2);
    });

    it("findDeleteBlockers lists every page, and a failed list is left empty", async () => {
        iam.on(ListAttachedRolePoliciesCommand, { RoleName: "sms", Marker: undefined })
            .resolves({ AttachedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/A" }], IsTruncated: true, Marker: "m1" })
            .on(ListAttachedRolePoliciesCommand, { RoleName: "sms", Marker: "m1" })
            .resolves({ AttachedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/B" }], IsTruncated: false });
        iam.on(ListRolePoliciesCommand).rejects(awsError("AccessDenied", "denied"));
        const b = await findDeleteBlockers("sms");
        assert.deepEqual(b, {
            managedPolicyArns: ["arn:aws:iam::aws:policy/A", "arn:aws:iam::aws:policy/B"],
            inlinePolicyNames: [],
            instanceProfileNames: [],
        });
    });
});
