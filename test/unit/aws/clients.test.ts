// One client per service, Region and credential source per process (aws/clients.ts). No AWS call.
import * as assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { cognitoClient, iamClient, snsClient } from "../../../provider/aws/clients";

describe("shared SDK clients", () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    after(() => {
        if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
        else process.env.AWS_ENDPOINT_URL = saved;
    });

    it("the same Region gives the same client, for Cognito, IAM and SNS", () => {
        assert.equal(cognitoClient("eu-west-1"), cognitoClient("eu-west-1"));
        assert.equal(iamClient("eu-west-1"), iamClient("eu-west-1"));
        assert.equal(snsClient("eu-west-1"), snsClient("eu-west-1"));
        assert.equal(cognitoClient(undefined), cognitoClient(undefined));
    });

    it("another Region gives another client", () => {
        assert.notEqual(cognitoClient("eu-west-1"), cognitoClient("us-east-1"));
        assert.notEqual(cognitoClient("eu-west-1"), cognitoClient(undefined));
        assert.notEqual(snsClient("eu-west-1"), snsClient("us-east-1"));
    });

    it("another credential source or endpoint in the environment gives another client", () => {
        process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:1";
        const first = cognitoClient("eu-west-1");
        process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:2";
        const second = cognitoClient("eu-west-1");
        assert.notEqual(first, second);
        process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:1";
        assert.equal(cognitoClient("eu-west-1"), first, "and the first is kept for its environment");
    });

    it("clients retry in adaptive mode, 5 attempts, with one retry strategy (and rate limiter) per client", async () => {
        for (const c of [cognitoClient("eu-west-1"), iamClient("eu-west-1"), snsClient("eu-west-1")]) {
            const strategy = (await c.config.retryStrategy()) as { mode?: string };
            assert.equal(strategy.mode, "adaptive");
            assert.equal(await c.config.retryStrategy(), strategy, "the same strategy for every call of the client");
            assert.equal(await c.config.maxAttempts(), 5);
        }
    });
});
