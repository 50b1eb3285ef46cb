"""cognito-idp TagResource, UntagResource and ListTagsForResource, which moto 5.2.3 lacks (it
answers them with an HTML 500 page). The tags are the pool's: DescribeUserPool returns them in
UserPoolTags (pool.py), as AWS does."""
from moto.cognitoidp import models, responses
from moto.core.responses import ActionResult, EmptyResult

from .errors import ResourceNotFoundException
from .pool import tags_of


def _pool_by_arn(arn):
    # arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>
    parts = (arn or "").split(":", 5)
    if len(parts) == 6 and parts[2] == "cognito-idp" and parts[5].startswith("userpool/"):
        region, account, pool_id = parts[3], parts[4], parts[5][len("userpool/") :]
        try:
            pool = models.cognitoidp_backends[account][region].user_pools.get(pool_id)
        except Exception:  # an account or Region moto does not know
            pool = None
        if pool is not None and pool.arn == arn:
            return pool
    raise ResourceNotFoundException(f"User pool {arn} does not exist.")


def tag_resource(self):
    tags = tags_of(_pool_by_arn(self._get_param("ResourceArn")))
    tags.update(self._get_param("Tags") or {})
    return EmptyResult()


def untag_resource(self):
    tags = tags_of(_pool_by_arn(self._get_param("ResourceArn")))
    for key in self._get_param("TagKeys") or []:
        tags.pop(key, None)
    return EmptyResult()


def list_tags_for_resource(self):
    return ActionResult({"Tags": dict(tags_of(_pool_by_arn(self._get_param("ResourceArn"))))})


def apply():
    R = responses.CognitoIdpResponse
    R.tag_resource = tag_resource
    R.untag_resource = untag_resource
    R.list_tags_for_resource = list_tags_for_resource
