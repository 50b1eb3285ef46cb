"""AWS End User Messaging SMS (pinpoint-sms-voice-v2), which moto 5.2.3 does not have at all: the
account-level reads the pre-flight and the audit make (DescribeAccountAttributes,
DescribeSpendLimits) and the override of the text spend limit a caller may set
(SetTextMessageSpendLimitOverride, DeleteTextMessageSpendLimitOverride), and the resources a pool
may name with their reads (DescribePhoneNumbers, DescribeSenderIds, DescribePools,
DescribeConfigurationSets) and minimal creates for tests (RequestPhoneNumber, RequestSenderId,
CreatePool, CreateConfigurationSet), following botocore's
pinpoint-sms-voice-v2 2022-03-31 model (awsJson1_0, X-Amz-Target PinpointSMSVoiceV2.<Op>,
signing name sms-voice).

moto's server routes a request by the service of its SigV4 credential scope to one of its own
backends; it has none for sms-voice, so get_application is wrapped to answer these requests here.
The state lives in a moto BackendDict, so POST /moto-api/reset wipes it like every other service.
"""
import json
import os
import re
import time
import uuid

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
        # id -> the model's PhoneNumberInformation / SenderIdInformation / PoolInformation /
        # ConfigurationSetInformation, as the Describe* reads return them.
        self.phone_numbers = {}
        self.sender_ids = {}
        self.pools = {}
        self.configuration_sets = {}
        # Numbers handed out by RequestPhoneNumber, from the fictional +1 555 01xx range.
        self.next_number = 100

    def arn(self, kind, rest):
        return f"arn:aws:sms-voice:{self.region_name}:{self.account_id}:{kind}/{rest}"


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


def _not_found(resource_type, resource_id):
    # botocore ResourceNotFoundException: Message, ResourceType, ResourceId.
    return _Error(
        "ResourceNotFoundException",
        f"The {resource_type} {resource_id} was not found",
        ResourceType=resource_type,
        ResourceId=resource_id,
    )


def _id_list(body, member):
    # botocore *IdList / *NameList: 0..5 strings (PhoneNumberIdOrArn and the like: 1..256).
    ids = body.get(member)
    if ids is None:
        return None
    if not isinstance(ids, list) or len(ids) > 5:
        raise _validation(f"{member} must hold at most 5 items", member)
    for i in ids:
        if not isinstance(i, str) or not 1 <= len(i) <= 256:
            raise _validation(f"{member} items must be strings of 1 to 256 characters", member)
    return ids


def _pick(store, ids, resource_type, arn_key, id_key):
    """The items named by id or ARN, in order; one that does not exist is ResourceNotFoundException."""
    if ids is None:
        return list(store.values())
    out = []
    for i in ids:
        hit = next((v for v in store.values() if i in (v[arn_key], v[id_key])), None)
        if hit is None:
            raise _not_found(resource_type, i)
        out.append(hit)
    return out


def _required(body, member, pattern=None):
    v = body.get(member)
    if not isinstance(v, str) or not v:
        raise _validation(f"{member} is required", member)
    if pattern and not re.fullmatch(pattern, v):
        raise _validation(f"{member} must match {pattern}", member)
    return v


def _message_type(body):
    v = body.get("MessageType")
    if v not in ("TRANSACTIONAL", "PROMOTIONAL"):
        raise _validation("MessageType must be TRANSACTIONAL or PROMOTIONAL", "MessageType")
    return v


def describe_phone_numbers(backend, body):
    _check_page(body)
    ids = _id_list(body, "PhoneNumberIds")
    return {"PhoneNumbers": _pick(backend.phone_numbers, ids, "phone-number", "PhoneNumberArn", "PhoneNumberId")}


def describe_pools(backend, body):
    _check_page(body)
    ids = _id_list(body, "PoolIds")
    return {"Pools": _pick(backend.pools, ids, "pool", "PoolArn", "PoolId")}


def describe_configuration_sets(backend, body):
    _check_page(body)
    names = _id_list(body, "ConfigurationSetNames")
    return {"ConfigurationSets": _pick(backend.configuration_sets, names, "configuration-set", "ConfigurationSetArn", "ConfigurationSetName")}


def describe_sender_ids(backend, body):
    _check_page(body)
    wanted = body.get("SenderIds")
    if wanted is None:
        return {"SenderIds": list(backend.sender_ids.values())}
    if not isinstance(wanted, list) or len(wanted) > 5:
        raise _validation("SenderIds must hold at most 5 items", "SenderIds")
    out = []
    for w in wanted:
        # botocore SenderIdAndCountry: SenderId (the id or its ARN) and IsoCountryCode, both required.
        if not isinstance(w, dict) or not isinstance(w.get("SenderId"), str) or not isinstance(w.get("IsoCountryCode"), str):
            raise _validation("SenderIds items need SenderId and IsoCountryCode", "SenderIds")
        hit = next(
            (v for v in backend.sender_ids.values() if w["SenderId"] in (v["SenderIdArn"], v["SenderId"]) and v["IsoCountryCode"] == w["IsoCountryCode"]),
            None,
        )
        if hit is None:
            raise _not_found("sender-id", w["SenderId"])
        out.append(hit)
    return {"SenderIds": out}


def request_phone_number(backend, body):
    country = _required(body, "IsoCountryCode", r"[A-Z]{2}")
    message_type = _message_type(body)
    caps = body.get("NumberCapabilities")
    if not isinstance(caps, list) or not 1 <= len(caps) <= 4 or any(c not in ("SMS", "VOICE", "MMS", "RCS") for c in caps):
        raise _validation("NumberCapabilities must hold 1 to 4 of SMS, VOICE, MMS, RCS", "NumberCapabilities")
    number_type = body.get("NumberType")
    if number_type not in ("LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR"):
        raise _validation("NumberType must be LONG_CODE, TOLL_FREE, TEN_DLC or SIMULATOR", "NumberType")
    pid = "phone-" + uuid.uuid4().hex
    number = f"+1555555{backend.next_number:04d}"
    backend.next_number += 1
    info = {
        "PhoneNumberArn": backend.arn("phone-number", pid),
        "PhoneNumberId": pid,
        "PhoneNumber": number,
        # US toll-free and 10DLC numbers cannot send until their registration is approved
        # (End User Messaging SMS User Guide, "Registrations"); the emulator approves none, so they
        # stay PENDING (NumberStatus), and long codes and simulator numbers are ACTIVE at once.
        "Status": "PENDING" if number_type in ("TOLL_FREE", "TEN_DLC") else "ACTIVE",
        "IsoCountryCode": country,
        "MessageType": message_type,
        "NumberCapabilities": caps,
        "NumberType": number_type,
        "MonthlyLeasingPrice": "1.00",
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "DeletionProtectionEnabled": bool(body.get("DeletionProtectionEnabled", False)),
        "CreatedTimestamp": time.time(),
    }
    backend.phone_numbers[pid] = info
    return dict(info)


def request_sender_id(backend, body):
    sender = _required(body, "SenderId", r"[A-Za-z0-9_-]{1,11}")
    country = _required(body, "IsoCountryCode", r"[A-Z]{2}")
    info = {
        "SenderIdArn": backend.arn("sender-id", f"{sender}/{country}"),
        "SenderId": sender,
        "IsoCountryCode": country,
        "MessageTypes": body.get("MessageTypes") or ["TRANSACTIONAL"],
        "MonthlyLeasingPrice": "0.00",
        "DeletionProtectionEnabled": bool(body.get("DeletionProtectionEnabled", False)),
        "Registered": False,
    }
    backend.sender_ids[f"{sender}/{country}"] = info
    return dict(info)


def create_pool(backend, body):
    origination = _required(body, "OriginationIdentity", r"[A-Za-z0-9_:/+-]{1,256}")
    message_type = _message_type(body)
    if not any(origination in (n["PhoneNumber"], n["PhoneNumberId"], n["PhoneNumberArn"]) for n in backend.phone_numbers.values()) and not any(
        origination in (s["SenderId"], s["SenderIdArn"]) for s in backend.sender_ids.values()
    ):
        raise _not_found("phone-number", origination)
    pid = "pool-" + uuid.uuid4().hex
    info = {
        "PoolArn": backend.arn("pool", pid),
        "PoolId": pid,
        "Status": "ACTIVE",
        "MessageType": message_type,
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "SharedRoutesEnabled": False,
        "DeletionProtectionEnabled": bool(body.get("DeletionProtectionEnabled", False)),
        "CreatedTimestamp": time.time(),
    }
    backend.pools[pid] = info
    return dict(info)


def create_configuration_set(backend, body):
    name = _required(body, "ConfigurationSetName", r"[A-Za-z0-9_-]{1,64}")
    if name in backend.configuration_sets:
        raise _Error("ConflictException", f"The configuration set {name} already exists", Reason="RESOURCE_ALREADY_EXISTS", ResourceType="configuration-set", ResourceId=name)
    info = {
        "ConfigurationSetArn": backend.arn("configuration-set", name),
        "ConfigurationSetName": name,
        "EventDestinations": [],
        "CreatedTimestamp": time.time(),
    }
    backend.configuration_sets[name] = info
    return {k: info[k] for k in ("ConfigurationSetArn", "ConfigurationSetName", "CreatedTimestamp")}


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
    "DescribePhoneNumbers": describe_phone_numbers,
    "DescribeSenderIds": describe_sender_ids,
    "DescribePools": describe_pools,
    "DescribeConfigurationSets": describe_configuration_sets,
    "RequestPhoneNumber": request_phone_number,
    "RequestSenderId": request_sender_id,
    "CreatePool": create_pool,
    "CreateConfigurationSet": create_configuration_set,
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
