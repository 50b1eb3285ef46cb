"""The cognito-idp exceptions the extension raises, as moto serializes JSON errors
({"__type": ..., "message": ...}, X-Amzn-ErrorType)."""
from moto.core.exceptions import JsonRESTError


class InvalidParameterException(JsonRESTError):
    def __init__(self, message):
        super().__init__("InvalidParameterException", message)


class FeatureUnavailableInTierException(JsonRESTError):
    # botocore's model gives this exception no HTTP status; the JSON protocol's default is 400.
    def __init__(self, message):
        super().__init__("FeatureUnavailableInTierException", message)


class ResourceNotFoundException(JsonRESTError):
    def __init__(self, message):
        super().__init__("ResourceNotFoundException", message)
