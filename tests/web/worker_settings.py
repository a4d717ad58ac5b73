"""Settings of the worker processes the multi-worker tests start (tests/web/workers_support.py).

The application's own settings (database, media folder and task backend come from the
environment the test passes), with a short job lease so a killed worker's job is
recovered within seconds instead of a minute.
"""

from chidao.web.settings import *  # noqa: F403

CHIDAO_JOB_LEASE_SECONDS = 2
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
