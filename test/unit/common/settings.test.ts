import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { settingOff } from "../../../provider/common/settings";
import { ownerTagEnabled } from "../../../provider/userPoolMfaConfig/ownerTag";

describe("settingOff (the on/off stack settings)", () => {
    it("reads false, off, no, 0 and disabled as off, in any case and with spaces around", () => {
        for (const v of ["false", "FALSE", " off ", "No", "0", "disabled", "disable"]) assert.equal(settingOff(v), true, v);
    });
    it("reads unset, empty and anything else as on", () => {
        for (const v of [undefined, "", "true", "on", "1", "yes", "offline"]) assert.equal(settingOff(v), false, String(v));
    });
    it("pulumi-cognito-mfa:ownerTag is on unless set off", () => {
        assert.equal(ownerTagEnabled(undefined), true);
        assert.equal(ownerTagEnabled("false"), false);
    });
});
