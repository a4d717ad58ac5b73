"""Settings for the test suite: the application's own, with test-only speed-ups.

The database is the application's: SQLite by default, PostgreSQL when
CHIDAO_DATABASE_URL points at a server (the suite's second run in CI).
"""

import tempfile
from pathlib import Path

from chidao.web.settings import *  # noqa: F403

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="chidao-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="chidao-static-"))
# Jobs run inside the request in tests; tests/web/test_worker.py runs the real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Hashing is deliberately slow in production; a test cast logs in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite's months of work are laid out in calendar months; the application's default
# (the reporting regime's 15th-to-14th windows) is tested in tests/web/test_report_windows.py.
CHIDAO_REPORT_PERIOD_START_DAY = 1
