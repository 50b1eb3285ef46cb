"""sns:GetSMSSandboxAccountStatus, which moto 5.2.3 lacks, and GetSMSAttributes as botocore's
model has it (moto reads only the first requested name)."""
import os
import re

from moto.core.responses import ActionResult
from moto.sns import responses

# A new account's SMS starts in the sandbox (Amazon SNS API Reference, GetSMSSandboxAccountStatus:
# "When you start using Amazon SNS to send SMS messages, your AWS account is in the SMS sandbox").
# COGNITO_MFA_MOTO_SMS_SANDBOX=false stands for an account moved out of it (AWS does that on a
# support request, not through an API), for tests of other rules than SMS delivery.
IN_SANDBOX = os.environ.get("COGNITO_MFA_MOTO_SMS_SANDBOX", "true").lower() != "false"

_MEMBER = re.compile(r"^attributes\.member\.\d+$")


def get_sms_sandbox_account_status(self):
    return ActionResult({"IsInSandbox": IN_SANDBOX})


def get_sms_attributes(self):
    # botocore sns GetSMSAttributesInput.attributes is a ListString, sent as attributes.member.N
    # (N from 1). moto 5.2.3 keeps only the keys that start with "attributes.member.1", so a
    # request for [MonthlySpendLimit, DefaultSMSType] answered MonthlySpendLimit alone. "If you
    # don't use this parameter, Amazon SNS returns all SMS attributes" (same member's
    # documentation); a name that was never set is left out, as moto does: no default value of
    # an unset attribute is documented.
    names = {v[0] for k, v in self.querystring.items() if _MEMBER.match(k)}
    return ActionResult({"attributes": self.backend.get_sms_attributes(names)})


def apply():
    responses.SNSResponse.get_sms_sandbox_account_status = get_sms_sandbox_account_status
    responses.SNSResponse.get_sms_attributes = get_sms_attributes
