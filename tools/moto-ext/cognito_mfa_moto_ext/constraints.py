"""The member constraints of botocore's cognito-idp model (lengths, patterns, enums, required
members), checked on a request as the service checks them, before anything is looked up.

Source: the model itself (botocore cognito-idp 2016-04-18, the copy installed with moto), so a
botocore bump changes what is checked without a change here. AWS's message form, e.g. "Value null
at 'smsConfiguration.externalId' failed to satisfy constraint: Member must not be null", is
OBSERVED (cfn-lint #237, quoted in shared/reference aws-mfa-api.md section 3); the service
prefixes "<n> validation error(s) detected: " and joins several with "; ".
"""
import functools

try:  # the model's patterns use \p{L}-style classes, which only the `regex` module knows
    import regex as _re
except ImportError:  # pragma: no cover - moto[server] brings `regex` (through cfn-lint)
    _re = None


@functools.lru_cache(maxsize=1)
def _model():
    from botocore.loaders import Loader

    return Loader().load_service_model("cognito-idp", "service-2")


@functools.lru_cache(maxsize=None)
def _compiled(pattern):
    return _re.compile(pattern) if _re else None


def _camel(name):
    return name[:1].lower() + name[1:]


def _check(shape_name, value, path, errors):
    shapes = _model()["shapes"]
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "structure":
        if not isinstance(value, dict):
            return
        for member in shape.get("required", []):
            if value.get(member) is None:
                errors.append(f"Value null at '{path}{_camel(member)}' failed to satisfy constraint: Member must not be null")
        for member, ref in shape.get("members", {}).items():
            if value.get(member) is not None:
                _check(ref["shape"], value[member], f"{path}{_camel(member)}.", errors)
        return
    where = path[:-1]
    if kind == "string" and isinstance(value, str):
        if "enum" in shape and value not in shape["enum"]:
            errors.append(
                f"Value '{value}' at '{where}' failed to satisfy constraint: Member must satisfy enum value set: [{', '.join(shape['enum'])}]"
            )
        if "min" in shape and len(value) < shape["min"]:
            errors.append(
                f"Value '{value}' at '{where}' failed to satisfy constraint: Member must have length greater than or equal to {shape['min']}"
            )
        if "max" in shape and len(value) > shape["max"]:
            errors.append(
                f"Value '{value}' at '{where}' failed to satisfy constraint: Member must have length less than or equal to {shape['max']}"
            )
        compiled = _compiled(shape["pattern"]) if "pattern" in shape else None
        # AWS matches a pattern against the whole value (java.util.regex Matcher.matches).
        if compiled is not None and compiled.fullmatch(value) is None:
            errors.append(
                f"Value '{value}' at '{where}' failed to satisfy constraint: Member must satisfy regular expression pattern: {shape['pattern']}"
            )


def violations(operation, request):
    """The constraint violations of `request` against `operation`'s input shape, in AWS's words."""
    errors = []
    _check(_model()["operations"][operation]["input"]["shape"], request, "", errors)
    return errors


def message(errors):
    n = len(errors)
    return f"{n} validation error{'s' if n > 1 else ''} detected: " + "; ".join(errors)
