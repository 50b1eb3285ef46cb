"""sns:GetSMSSandboxAccountStatus, which moto 5.2.3 lacks (GetSMSAttributes it has)."""
import os

from moto.core.responses import ActionResult
from moto.sns import responses

# A new account's SMS starts in the sandbox (Amazon SNS API Reference, GetSMSSandboxAccountStatus:
# "When you start using Amazon SNS to send SMS messages, your AWS account is in the SMS sandbox").
# COGNITO_MFA_MOTO_SMS_SANDBOX=false stands for an account moved out of it (AWS does that on a
# support request, not through an API), for tests of other rules than SMS delivery.
IN_SANDBOX = os.environ.get("COGNITO_MFA_MOTO_SMS_SANDBOX", "true").lower() != "false"


def get_sms_sandbox_account_status(self):
    return ActionResult({"IsInSandbox": IN_SANDBOX})


def apply():
    responses.SNSResponse.get_sms_sandbox_account_status = get_sms_sandbox_account_status
