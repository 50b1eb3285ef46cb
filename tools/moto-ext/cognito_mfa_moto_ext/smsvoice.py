"""AWS End User Messaging SMS (pinpoint-sms-voice-v2), which moto 5.2.3 does not have at all: the
account-level reads the pre-flight and the audit make (DescribeAccountAttributes,
DescribeSpendLimits) and the override of the text spend limit a caller may set
(SetTextMessageSpendLimitOverride, DeleteTextMessageSpendLimitOverride), following botocore's
pinpoint-sms-voice-v2 2022-03-31 model (awsJson1_0, X-Amz-Target PinpointSMSVoiceV2.<Op>,
signing name sms-voice).

moto's server routes a request by the service of its SigV4 credential scope to one of its own
backends; it has none for sms-voice, so get_application is wrapped to answer these requests here.
The state lives in a moto BackendDict, so POST /moto-api/reset wipes it like every other service.
"""
import json
import os

from moto.core.base_backend import BackendDict, BaseBackend
from moto.moto_server import werkzeug_app

# The SMS sandbox is one state of the account for Amazon SNS and Amazon Pinpoint alike (AWS
# Messaging & Targeting Blog, "Introducing the Amazon Pinpoint SMS sandbox": "If your account is
# removed from the sandbox in Amazon SNS, it's also out of the sandbox in Amazon Pinpoint, and
# vice-versa"), so the same switch as sns.py sets both.
IN_SANDBOX = os.environ.get("COGNITO_MFA_MOTO_SMS_SANDBOX", "true").lower() != "false"

# DescribeAccountAttributes: "account tier, which indicates whether your account is in the sandbox
# or production environment". The model types Value as a plain string and no AWS page shows the
# literal; these two words are the API Reference's own, in the case of the attribute names.
TIER = "SANDBOX" if IN_SANDBOX else "PRODUCTION"

# The text spend limit AWS sets (MaxLimit): 1 USD for a new account ("We set the spending quota for
# all new accounts at $1.00 (USD) per month", Amazon SNS Developer Guide; "your monthly spending
# limit is fixed at $1", the blog above, for an account in the sandbox). Out of the sandbox: the
# 1000 USD an AWS Support answer granted with the move out of it (awsdocs/amazon-sns-developer-guide
# pull request #35); AWS sets it on request, there is no API for it.
TEXT_MAX_LIMIT = 1 if IN_SANDBOX else 1000

TARGET_PREFIX = "PinpointSMSVoiceV2."
MONTHLY_LIMIT_MAX = 1_000_000_000  # botocore MonthlyLimit: long, 0..1000000000


class SmsVoiceBackend(BaseBackend):
    def __init__(self, region_name, account_id):
        super().__init__(region_name, account_id)
        # None: no override, EnforcedLimit equals MaxLimit (DeleteTextMessageSpendLimitOverride).
        self.text_override = None


smsvoice_backends = BackendDict(SmsVoiceBackend, "sms-voice", use_boto3_regions=False, additional_regions=["us-east-1"])


class _Error(Exception):
    def __init__(self, type_, message, status=400, **members):
        super().__init__(message)
        self.type = type_
        self.message = message
        self.status = status
        self.members = members


def _validation(message, field):
    # botocore ValidationException: Message, Reason (ValidationExceptionReason), Fields.
    return _Error("ValidationException", message, Reason="FIELD_VALIDATION_FAILED", Fields=[{"Name": field, "Message": message}])


def _check_page(body):
    # botocore MaxResults: integer 1..100; NextToken: string 1..1024, pattern .+
    if "MaxResults" in body:
        n = body["MaxResults"]
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 100:
            raise _validation("MaxResults must be between 1 and 100", "MaxResults")
    if "NextToken" in body:
        # One page holds every item here, so no token this emulator gave can come back.
        raise _Error("ValidationException", "The NextToken is not valid", Reason="INVALID_NEXT_TOKEN")


def _text_limit(backend):
    enforced = TEXT_MAX_LIMIT if backend.text_override is None else backend.text_override
    return {
        "Name": "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
        "EnforcedLimit": enforced,
        "MaxLimit": TEXT_MAX_LIMIT,
        "Overridden": backend.text_override is not None,
    }


def describe_account_attributes(backend, body):
    _check_page(body)
    return {"AccountAttributes": [{"Name": "ACCOUNT_TIER", "Value": TIER}]}


def describe_spend_limits(backend, body):
    _check_page(body)
    # Only the text limit: the defaults of VOICE_, MEDIA_, NOTIFY_ and RCS_MESSAGE_MONTHLY_SPEND_LIMIT
    # are not documented, and SMS MFA spends only the text limit.
    return {"SpendLimits": [_text_limit(backend)]}


def set_text_message_spend_limit_override(backend, body):
    limit = body.get("MonthlyLimit")
    if limit is None:
        raise _validation("MonthlyLimit is required", "MonthlyLimit")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit <= MONTHLY_LIMIT_MAX:
        raise _validation(f"MonthlyLimit must be between 0 and {MONTHLY_LIMIT_MAX}", "MonthlyLimit")
    # "The requested spend limit must be less than or equal to the MaxLimit, which is set by AWS."
    if limit > TEXT_MAX_LIMIT:
        raise _validation(f"MonthlyLimit must be less than or equal to the MaxLimit of {TEXT_MAX_LIMIT}", "MonthlyLimit")
    backend.text_override = limit
    return {"MonthlyLimit": limit}


def delete_text_message_spend_limit_override(backend, body):
    # "Deleting a spend limit override will set the EnforcedLimit to equal the MaxLimit."
    backend.text_override = None
    return {"MonthlyLimit": TEXT_MAX_LIMIT}


OPERATIONS = {
    "DescribeAccountAttributes": describe_account_attributes,
    "DescribeSpendLimits": describe_spend_limits,
    "SetTextMessageSpendLimitOverride": set_text_message_spend_limit_override,
    "DeleteTextMessageSpendLimitOverride": delete_text_message_spend_limit_override,
}


def _scope(environ):
    """(region, service) of the SigV4 credential scope, or (None, None)."""
    auth = environ.get("HTTP_AUTHORIZATION") or ""
    try:
        _, _, region, service, _ = auth.split(",")[0].split()[1].split("/")
        return region, service
    except (IndexError, ValueError):
        return None, None


def _is_sms_voice(environ):
    return _scope(environ)[1] == "sms-voice" or (environ.get("HTTP_X_AMZ_TARGET") or "").startswith(TARGET_PREFIX)


def _respond(start_response, status, payload, error_type=None):
    data = json.dumps(payload).encode("utf-8")
    headers = [("Content-Type", "application/x-amz-json-1.0"), ("Content-Length", str(len(data)))]
    if error_type:
        headers.append(("X-Amzn-ErrorType", error_type))
    reason = {200: "OK", 400: "Bad Request"}.get(status, "Error")
    start_response(f"{status} {reason}", headers)
    return [data]


def application(environ, start_response):
    target = environ.get("HTTP_X_AMZ_TARGET") or ""
    op = target[len(TARGET_PREFIX):] if target.startswith(TARGET_PREFIX) else ""
    handler = OPERATIONS.get(op)
    if handler is None:
        message = f"The {op or target or 'requested'} operation is not implemented by the emulator"
        return _respond(start_response, 400, {"__type": "UnknownOperationException", "message": message}, "UnknownOperationException")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        body = json.loads(raw or b"{}")
        if not isinstance(body, dict):
            raise ValueError("not an object")
    except ValueError:
        return _respond(start_response, 400, {"__type": "SerializationException", "message": "the body is not a JSON object"}, "SerializationException")
    region = _scope(environ)[0] or "us-east-1"
    from moto.core import DEFAULT_ACCOUNT_ID

    backend = smsvoice_backends[DEFAULT_ACCOUNT_ID][region]
    try:
        return _respond(start_response, 200, handler(backend, body))
    except _Error as e:
        return _respond(start_response, e.status, {"__type": e.type, "message": e.message, **e.members}, e.type)


def apply():
    cls = werkzeug_app.DomainDispatcherApplication
    original = cls.get_application

    def get_application(self, environ):
        if _is_sms_voice(environ):
            return application
        return original(self, environ)

    cls.get_application = get_application
