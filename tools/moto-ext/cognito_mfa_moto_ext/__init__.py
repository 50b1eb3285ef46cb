"""The rig's extension of moto: the whole cognito-idp MFA API, the refusals AWS documents or was
observed to make, cognito-idp tagging, the pool's UserPoolTier, the SNS SMS sandbox and the End
User Messaging SMS account reads (docs/emulator.md).

It is written against the moto release pinned in tools/moto-requirements.txt (MOTO_VERSION below)
and the botocore model installed with it. scripts/setup.mjs copies this package and
cognito_mfa_moto_ext.pth into .venv's site-packages; the .pth line imports `hook`, which patches
moto when moto's cognito-idp and sns responses and its server's dispatcher are first imported,
in whatever process that is (`moto_server -p PORT`, ThreadedMotoServer, or moto's decorators).
"""

MOTO_VERSION = "5.2.3"
