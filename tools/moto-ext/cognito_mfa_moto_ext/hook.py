"""Imported by cognito_mfa_moto_ext.pth in every Python process of the venv: it must stay cheap
(pip runs through it too), so it imports nothing of moto. It only registers an import hook that
applies the patches right after moto's own modules have run."""
import importlib.abc
import importlib.util
import sys

# Module -> the patch to apply once it has been imported.
_TARGETS = {
    "moto.cognitoidp.responses": "cognito_mfa_moto_ext.cognito",
    "moto.sns.responses": "cognito_mfa_moto_ext.sns",
    "moto.moto_server.werkzeug_app": "cognito_mfa_moto_ext.smsvoice",
}


class _Loader(importlib.abc.Loader):
    def __init__(self, inner, name):
        self._inner = inner
        self._name = name

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        importlib.import_module(_TARGETS[self._name]).apply()


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _TARGETS:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _Loader(spec.loader, name)
                return spec
        return None


if not any(isinstance(f, _Finder) for f in sys.meta_path):
    sys.meta_path.insert(0, _Finder())
