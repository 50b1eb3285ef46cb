"""What DescribeUserPool returns beyond moto 5.2.3: the pool's UserPoolTier (with AWS's default)
and the tags TagResource / UntagResource keep (tagging.py)."""
from moto.cognitoidp import models

# botocore cognito-idp 2016-04-18, CreateUserPoolRequest.UserPoolTier and UserPoolType.UserPoolTier:
# "Defaults to ESSENTIALS." moto 5.2.3 stores the member only when the request carries it.
DEFAULT_TIER = "ESSENTIALS"


def tier_of(user_pool):
    return user_pool.extended_config.get("UserPoolTier") or DEFAULT_TIER


def tags_of(user_pool):
    if not hasattr(user_pool, "cognito_mfa_tags"):
        user_pool.cognito_mfa_tags = {}
    return user_pool.cognito_mfa_tags


def apply():
    Pool = models.CognitoIdpUserPool
    original_update = Pool.update_extended_config
    original_to_json = Pool.to_json

    def update_extended_config(self, extended_config):
        original_update(self, extended_config)
        # CreateUserPool's and UpdateUserPool's UserPoolTags set the tags; a request without
        # them leaves what TagResource put there (moto rebuilds extended_config on every update).
        given = (extended_config or {}).get("UserPoolTags")
        if given is not None:
            self.cognito_mfa_tags = dict(given)
        self.extended_config.pop("UserPoolTags", None)

    def to_json(self, extended=False):
        out = original_to_json(self, extended)
        if extended:
            out["UserPoolTier"] = tier_of(self)
            tags = tags_of(self)
            if tags:
                out["UserPoolTags"] = dict(tags)
        return out

    Pool.update_extended_config = update_extended_config
    Pool.to_json = to_json
