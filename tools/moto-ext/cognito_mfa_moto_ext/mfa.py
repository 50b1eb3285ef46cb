"""SetUserPoolMfaConfig and GetUserPoolMfaConfig with every member of botocore's model.

moto 5.2.3 reads only the mode, SMS and TOTP (shared/reference moto.md 1.1): it drops
EmailMfaConfiguration and WebAuthnConfiguration, refuses a request without MfaConfiguration and
refuses nothing AWS refuses. Here the request is checked against the model (constraints.py) and
the rules AWS documents or was observed to apply (rules.py), then stored whole.
"""
import json

from moto.cognitoidp import models, responses
from moto.core.responses import ActionResult

from . import constraints, rules
from .errors import InvalidParameterException

# The configuration members of SetUserPoolMfaConfigRequest, which are also those of
# Get/SetUserPoolMfaConfigResponse.
MEMBERS = (
    "SmsMfaConfiguration",
    "SoftwareTokenMfaConfiguration",
    "EmailMfaConfiguration",
    "MfaConfiguration",
    "WebAuthnConfiguration",
)


def get_config(pool):
    # Full replace: a member the last Set did not carry is absent (aws-mfa-api.md 2.1, CONFIRMED
    # by terraform-provider-aws's acceptance tests: an omitted factor reads back as no block).
    # moto's serializer drops the None members. Nothing is filled in: an email block sent empty
    # reads back empty (TF acceptance test), and no default of a WebAuthn member is documented.
    return {
        "SmsMfaConfiguration": pool.sms_mfa_config,
        "SoftwareTokenMfaConfiguration": pool.token_mfa_config,
        "EmailMfaConfiguration": getattr(pool, "cognito_mfa_email", None),
        "MfaConfiguration": pool.mfa_config,
        "WebAuthnConfiguration": getattr(pool, "cognito_mfa_web_authn", None),
    }


def set_user_pool_mfa_config(self):
    request = json.loads(self.body or "{}")
    errors = constraints.violations("SetUserPoolMfaConfig", request)
    if errors:
        raise InvalidParameterException(constraints.message(errors))
    pool = self.backend.describe_user_pool(request["UserPoolId"])
    req = {k: request[k] for k in MEMBERS if request.get(k) is not None}
    # OBSERVED (cdkd #1923 / #1968): a Set without MfaConfiguration turns MFA off; moto 5.2.3
    # refused it instead.
    req.setdefault("MfaConfiguration", "OFF")
    rules.check(req, pool)
    pool.mfa_config = req["MfaConfiguration"]
    # The attribute names moto's own sign-in flows read.
    pool.sms_mfa_config = req.get("SmsMfaConfiguration")
    pool.token_mfa_config = req.get("SoftwareTokenMfaConfiguration")
    pool.cognito_mfa_email = req.get("EmailMfaConfiguration")
    pool.cognito_mfa_web_authn = req.get("WebAuthnConfiguration")
    return ActionResult(get_config(pool))


def get_user_pool_mfa_config(self):
    return ActionResult(get_config(self.backend.describe_user_pool(self._get_param("UserPoolId"))))


def apply():
    responses.CognitoIdpResponse.set_user_pool_mfa_config = set_user_pool_mfa_config
    responses.CognitoIdpResponse.get_user_pool_mfa_config = get_user_pool_mfa_config

    # The backend's own Get (used by anyone driving moto from Python) answers the same.
    def backend_get(self, user_pool_id):
        return get_config(self.describe_user_pool(user_pool_id))

    models.CognitoIdpBackend.get_user_pool_mfa_config = backend_get
