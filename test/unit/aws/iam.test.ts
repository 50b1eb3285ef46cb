// The IAM gateway's retries (aws/iam.ts), with a mocked SDK because moto never answers
// ConcurrentModification.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { putRolePolicy } from "../../../provider/aws/iam";
import { PERMISSION_POLICY_NAME } from "../../../provider/snsCallerRole/model";
import { PERMISSION_POLICY_DOCUMENT } from "../../../provider/snsCallerRole/policies";

import { awsError, fakeClock } from "../fakes";

const iam = mockClient(IAMClient);

describe("IAM gateway retries (mocked: moto never races)", () => {
    beforeEach(() => iam.reset());

    it("retries ConcurrentModificationException with backoff, then succeeds", async () => {
        iam.on(PutRolePolicyCommand).rejectsOnce(awsError("ConcurrentModificationException", "busy")).resolves({});
        const clock = fakeClock();
        const log: string[] = [];
        await putRolePolicy("sms", PERMISSION_POLICY_NAME, PERMISSION_POLICY_DOCUMENT, { clock, log: (m) => log.push(m) });
        assert.equal(iam.commandCalls(PutRolePolicyCommand).length, 2);
        assert.match(log[0], /^PutRolePolicy sms: ConcurrentModificationException, retry 1 in \d+ ms$/);
        assert.ok(clock.waited > 0);
    });
});
