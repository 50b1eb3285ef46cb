"""The refusals of SetUserPoolMfaConfig that AWS documents or was observed to make, each with its
source and its rating in shared/reference/rules-evidence.md (DOCUMENTED / OBSERVED). Nothing rated
INFERRED is refused here. Where AWS's text is known it is AWS's; where only the rule is known, the
text is the emulator's own and says so in docs/emulator.md.

Every function takes the request as sent (with MfaConfiguration filled in, see mfa.py) and the
pool, and raises the exception AWS raises, or returns.
"""
from .errors import FeatureUnavailableInTierException, InvalidParameterException
from .pool import tier_of

FACTORS = ("SmsMfaConfiguration", "SoftwareTokenMfaConfiguration", "EmailMfaConfiguration")
MULTI = "MULTI_FACTOR_WITH_USER_VERIFICATION"


def _pool_setting(pool, *path):
    value = pool.extended_config
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def off_with_factors(req, pool):
    # OBSERVED (rules-evidence S17): cdkd measured OFF with an SMS, email or TOTP block, TOTP
    # {Enabled: false} included, all refused with this text; terraform-provider-aws's
    # user_pool.go quotes it. OFF with a WebAuthn block is accepted (cdkd, and TF sends it).
    if req["MfaConfiguration"] == "OFF" and any(f in req for f in FACTORS):
        raise InvalidParameterException("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")


def on_without_factors(req, pool):
    if req["MfaConfiguration"] == "OFF" or any(f in req for f in FACTORS):
        return
    web_authn = req.get("WebAuthnConfiguration")
    if web_authn is None:
        # OBSERVED (aws-mfa-api.md 3): aws-sdk-js #4186, sst #5177.
        raise InvalidParameterException(
            "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration."
        )
    if web_authn.get("FactorConfiguration") != MULTI:
        # OBSERVED (rules-evidence S18): cdkd #1920 measured passkeys as the only block, without
        # FactorConfiguration. With MULTI_FACTOR_WITH_USER_VERIFICATION no source says either
        # way ("satisfies MFA requirements", botocore), so that is not refused.
        raise InvalidParameterException(
            "Invalid MFA Configuration given. SMS MFA, Email MFA, or Software Token MFA must be enabled."
        )


def sms_sender(req, pool):
    sms = req.get("SmsMfaConfiguration")
    cfg = (sms or {}).get("SmsConfiguration")
    if not isinstance(cfg, dict):
        return
    eums = cfg.get("EumsSms")
    if cfg.get("SnsCallerArn") and eums:
        # DOCUMENTED: botocore SmsConfigurationType.EumsSms, "provide either the Amazon SNS
        # configuration (SnsCallerArn) or this configuration, but not both". The text is the
        # emulator's own (AWS's is not known).
        raise InvalidParameterException(
            "SmsConfiguration can have either SnsCallerArn or EumsSms, not both."
        )
    if eums and eums.get("Region") not in (None, pool.region):
        # DOCUMENTED: botocore EumsSmsConfigurationType.Region, "Amazon Cognito rejects any other
        # value with an InvalidParameterException". The text is the emulator's own.
        raise InvalidParameterException(
            f"EumsSms Region {eums['Region']} must be the user pool's Region {pool.region}."
        )
    if not eums and cfg.get("SnsCallerArn") and cfg.get("ExternalId") is None:
        # DOCUMENTED + OBSERVED (rules-evidence S8): the SMS role's trust needs the pool's
        # ExternalId (Developer Guide, SMS message settings); the service's text is quoted in
        # cfn-lint #237 (there from CreateUserPool, whose path is 'smsConfiguration.externalId').
        raise InvalidParameterException(
            "1 validation error detected: Value null at 'smsMfaConfiguration.smsConfiguration.externalId' "
            "failed to satisfy constraint: Member must not be null"
        )


def tier(req, pool):
    if tier_of(pool) != "LITE":
        return
    # The known form of AWS's text, seen with other features ("The following features need to
    # be disabled for the LITE pricing tier configured: Passwordless Sign-In"); the feature
    # names below are not confirmed (aws-mfa-api.md 3).
    if "EmailMfaConfiguration" in req and _pool_setting(pool, "UserPoolAddOns", "AdvancedSecurityMode") not in ("AUDIT", "ENFORCED"):
        # DOCUMENTED (rules-evidence P1): botocore SetUserPoolMfaConfigRequest.EmailMfaConfiguration
        # and EmailMfaConfigType, "your user pool must be in the Essentials tier or higher";
        # Developer Guide, Essentials features. Not refused on a LITE pool with legacy advanced
        # security, which aws-cdk's validateEmailMfa allows.
        raise FeatureUnavailableInTierException(
            "The following features need to be disabled for the LITE pricing tier configured: Email MFA"
        )
    if req.get("WebAuthnConfiguration"):
        # DOCUMENTED (rules-evidence P2): API reference WebAuthnConfigurationType and botocore
        # FactorConfiguration, Essentials tier or higher.
        raise FeatureUnavailableInTierException(
            "The following features need to be disabled for the LITE pricing tier configured: Passkeys"
        )


def email_sender(req, pool):
    if "EmailMfaConfiguration" not in req:
        return
    # Cognito's default sending account is COGNITO_DEFAULT (moto's default pool too).
    account = _pool_setting(pool, "EmailConfiguration", "EmailSendingAccount") or "COGNITO_DEFAULT"
    if account == "COGNITO_DEFAULT":
        # DOCUMENTED + OBSERVED (rules-evidence P3): CloudFormation UserPool (EMAIL_OTP needs
        # DEVELOPER); cdkd measured this text.
        raise InvalidParameterException(
            "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT"
        )


def email_recovery(req, pool):
    if "EmailMfaConfiguration" not in req:
        return
    mechanisms = _pool_setting(pool, "AccountRecoverySetting", "RecoveryMechanisms") or []
    names = {m.get("Name") for m in mechanisms if isinstance(m, dict)}
    if names == {"verified_email"}:
        # DOCUMENTED (rules-evidence P5): Developer Guide, Adding MFA: "You can't enable email MFA
        # and set the recovery option to Email only". AWS's exception text is not known; this one
        # is the emulator's own.
        raise InvalidParameterException(
            "Email MFA cannot be enabled while the account recovery setting is verified_email only."
        )


def sticky_sms(req, pool):
    if req["MfaConfiguration"] == "OFF" or "SmsMfaConfiguration" in req:
        return
    sms = _pool_setting(pool, "SmsConfiguration") or {}
    if sms.get("SnsCallerArn") or sms.get("EumsSms"):
        # DOCUMENTED + OBSERVED (rules-evidence P4, M4): Developer Guide, Adding MFA (an active SMS
        # configuration makes SMS an MFA method); CloudFormation UserPool (after SMS_MFA the only
        # way off is OFF); amplify-backend #1481 quotes this text. The pool's SMS configuration
        # is the one CreateUserPool / UpdateUserPool set (moto keeps the one Set writes apart).
        raise InvalidParameterException("Can't turn off SMS_MFA when SMS configuration is set for the user pool")


def first_factors(req, pool):
    if req["MfaConfiguration"] != "ON":
        return
    factors = _pool_setting(pool, "Policies", "SignInPolicy", "AllowedFirstAuthFactors") or []
    if "EMAIL_OTP" in factors or "SMS_OTP" in factors:
        # DOCUMENTED + OBSERVED (rules-evidence P7): Developer Guide, Adding MFA; cdkd PR #2069
        # measured ON refused (OPTIONAL accepted) with this text.
        raise InvalidParameterException("Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled")
    if "WEB_AUTHN" in factors and (req.get("WebAuthnConfiguration") or {}).get("FactorConfiguration") != MULTI:
        # OBSERVED (rules-evidence P7b, M8): cdkd #2064 measured this text with no WebAuthn block,
        # with UV preferred and with UV required; only MULTI_FACTOR_WITH_USER_VERIFICATION passed.
        raise InvalidParameterException(
            "Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth factor"
        )


def relying_party(req, pool):
    rp_id = (req.get("WebAuthnConfiguration") or {}).get("RelyingPartyId")
    if not rp_id or not (rp_id == "amazoncognito.com" or rp_id.endswith(".amazoncognito.com")):
        return
    domain = pool.domain
    own = None
    if domain is not None and not domain.custom_domain_config:
        own = f"{domain.domain}.auth.{pool.region}.amazoncognito.com"
    if rp_id != own:
        # OBSERVED (rules-evidence M2): a public deploy log quotes this text (RP-RES).
        raise InvalidParameterException("RelyingPartyId cannot be reserved domain other than User Pool's prefix domain")


# In the order they are checked. AWS's own order between them is not known.
ALL = (off_with_factors, on_without_factors, sms_sender, tier, email_sender, email_recovery, sticky_sms, first_factors, relying_party)


def check(req, pool):
    for rule in ALL:
        rule(req, pool)
