"""Applies the cognito-idp patches (called by hook.py once moto.cognitoidp.responses is loaded)."""
import sys

from . import MOTO_VERSION

_applied = False


def apply():
    global _applied
    if _applied:
        return
    _applied = True
    import moto

    if moto.__version__ != MOTO_VERSION:
        # The patches replace moto's own handlers; a new moto may have changed what they replace.
        # docs/emulator.md says what to re-check before moving the pin.
        print(
            f"cognito_mfa_moto_ext: written for moto {MOTO_VERSION}, running on moto {moto.__version__}",
            file=sys.stderr,
        )
    from . import mfa, pool, tagging

    pool.apply()
    tagging.apply()
    mfa.apply()
