// Unit tests of the policy-document text helpers (common/policyDocument.ts). No I/O.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodePolicyDocument } from "../../../provider/common/policyDocument";
import { PERMISSION_POLICY_DOCUMENT } from "../../../provider/snsCallerRole/policies";

describe("decodePolicyDocument", () => {
    it("decodes the URL-encoded documents IAM returns, and leaves plain JSON alone", () => {
        const encoded = encodeURIComponent(PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument(encoded), PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument(PERMISSION_POLICY_DOCUMENT), PERMISSION_POLICY_DOCUMENT);
        assert.equal(decodePolicyDocument('{ "a" : 1 }'), '{"a":1}');
        // A literal "%" in plain JSON is not an encoding.
        assert.equal(decodePolicyDocument('{"a":"100%"}'), '{"a":"100%"}');
        assert.equal(decodePolicyDocument("not json"), "not json");
    });
});
