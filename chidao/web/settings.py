"""Django settings for chidao.

Every setting that differs between an office laptop and production is an environment
variable with a safe default, read once here; a bad value fails loudly at start
(``ImproperlyConfigured``) rather than at the first request. The embedded default is
SQLite under ``./var``; production sets ``CHIDAO_DATABASE_URL=postgres://…``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    """``$NAME``, or the content of the file named by ``$NAME_FILE`` (Docker/systemd secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_name}: cannot read ({exc})") from exc
    return os.environ.get(name, default)


def envbool(name: str, default: str) -> bool:
    value = env(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected true or false")


def envint(name: str, default: str) -> int:
    value = env(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Seconds a SQLite writer waits for the lock before "database is locked" (at least 20).
SQLITE_TIMEOUT = envint("CHIDAO_SQLITE_TIMEOUT", "30")
if SQLITE_TIMEOUT < 20:
    raise ImproperlyConfigured(f"CHIDAO_SQLITE_TIMEOUT={SQLITE_TIMEOUT}: at least 20 seconds")


def database_from_url(url: str) -> dict[str, object]:
    """``sqlite:///path`` (relative to the project) or ``postgres://user:pw@host:port/name``."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else ""
        if not path:
            raise ImproperlyConfigured(f"CHIDAO_DATABASE_URL={url!r}: no file path")
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BASE_DIR / path) if not Path(path).is_absolute() else path,
            # IMMEDIATE: a writer takes the lock at BEGIN, so two saves queue instead of
            # failing with "database is locked" halfway through a transaction. WAL: readers
            # never block the writer's COMMIT (the default "delete" journal makes a COMMIT
            # wait for every reader, and fail once the busy timeout has passed).
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": SQLITE_TIMEOUT,
                "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
            },
            "TEST": {"NAME": env("CHIDAO_TEST_SQLITE", "") or None},
        }
    if parts.scheme in {"postgres", "postgresql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured(f"CHIDAO_DATABASE_URL={url!r}: no database name")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"CHIDAO_DATABASE_URL={url!r}: expected sqlite:///path or postgres://host/name"
    )


VAR_DIR = Path(env("CHIDAO_VAR_DIR", str(BASE_DIR / "var")))


def _secret_key() -> str:
    """``$CHIDAO_SECRET_KEY``; otherwise one generated once and kept in ``var/secret_key``."""
    key = env("CHIDAO_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("CHIDAO_DEBUG", "false")
ALLOWED_HOSTS = envlist("CHIDAO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CHIDAO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "chidao.web",
    "chidao.accounts",
    "chidao.registry",
    "chidao.audit",
    "chidao.documents",
    "chidao.tracking",
    "chidao.reminders",
    "chidao.reports",
    "chidao.leader",
    "chidao.indicators",
    "chidao.search",
    "chidao.api",
    "chidao.workers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy; no-store for signed-in users (static files are left alone)
    "chidao.web.headers.SecurityHeaders",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chidao.web.middleware.VietnameseFirst",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # before anything reads the body (CSRF, forms): caps it, and checks the query string
    "chidao.web.limits.BoundedInput",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # last, as django-axes asks: it reads the outcome of authentication
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chidao.web.urls"
WSGI_APPLICATION = "chidao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chidao.accounts.context.role",
                "chidao.reminders.context.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        env("CHIDAO_DATABASE_URL", f"sqlite:///{VAR_DIR / 'chidao.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login rate limit: 5 failures lock the username+address pair for 15 minutes.
AXES_FAILURE_LIMIT = envint("CHIDAO_LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("CHIDAO_LOGIN_COOLOFF_MINUTES", "15") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = True

# Sessions and cookies: HttpOnly, SameSite, short-lived; Secure and HSTS behind HTTPS.
HTTPS = envbool("CHIDAO_HTTPS", "false")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("CHIDAO_SESSION_HOURS", "9") * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_SSL_REDIRECT = HTTPS and envbool("CHIDAO_SSL_REDIRECT", "true")
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
# An intranet host name cannot be on the browsers' HSTS preload list.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "chidao" / "locale"]
TIME_ZONE = env("CHIDAO_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env("CHIDAO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploads: size per file and in all, and the formats the extraction engine reads.
CHIDAO_MAX_UPLOAD_MB = envint("CHIDAO_MAX_UPLOAD_MB", "25")
CHIDAO_MAX_FILES_PER_UPLOAD = envint("CHIDAO_MAX_FILES_PER_UPLOAD", "50")
CHIDAO_MAX_IMPORT_MB = envint("CHIDAO_MAX_IMPORT_MB", "200")  # an archive .zip
# The whole request body, refused with 413 before it is read (chidao/web/limits.py): forms
# and JSON; the pages and API routes that take files; the archive import (its zip + 1 MB).
CHIDAO_MAX_BODY_MB = envint("CHIDAO_MAX_BODY_MB", "1")
CHIDAO_MAX_UPLOAD_BODY_MB = envint("CHIDAO_MAX_UPLOAD_BODY_MB", "30")
if CHIDAO_MAX_UPLOAD_BODY_MB < CHIDAO_MAX_UPLOAD_MB or CHIDAO_MAX_BODY_MB < 1:
    raise ImproperlyConfigured(
        f"CHIDAO_MAX_UPLOAD_BODY_MB={CHIDAO_MAX_UPLOAD_BODY_MB} must be at least "
        f"CHIDAO_MAX_UPLOAD_MB={CHIDAO_MAX_UPLOAD_MB}, and CHIDAO_MAX_BODY_MB at least 1"
    )
# Form fields and JSON without the files, held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = CHIDAO_MAX_BODY_MB * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = CHIDAO_MAX_FILES_PER_UPLOAD
CHIDAO_DUE_SOON_DAYS = envint("CHIDAO_DUE_SOON_DAYS", "3")
# A deadline (set in review, asked for or granted as an extension) at most this many years
# after the directive's date (chidao/tracking/horizon.py).
CHIDAO_DEADLINE_HORIZON_YEARS = envint("CHIDAO_DEADLINE_HORIZON_YEARS", "5")
# Background jobs: a worker holds a job for a lease it renews while working; a job whose
# lease ran out (its worker died) is taken again, up to the maximum attempts.
CHIDAO_JOB_LEASE_SECONDS = envint("CHIDAO_JOB_LEASE_SECONDS", "60")
CHIDAO_JOB_MAX_ATTEMPTS = envint("CHIDAO_JOB_MAX_ATTEMPTS", "3")
# Workers (manage.py worker) write a heartbeat this often; three missed beats and the
# jobs page says no worker is running.
CHIDAO_WORKER_BEAT_SECONDS = envint("CHIDAO_WORKER_BEAT_SECONDS", "10")

# Background jobs: the database worker (`manage.py db_worker`) by default; "immediate"
# runs a job inside the request, for a single office that runs no worker.
_TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = env("CHIDAO_TASKS_BACKEND", "database")
if _tasks_backend not in _TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"CHIDAO_TASKS_BACKEND={_tasks_backend!r}: expected one of {', '.join(_TASKS_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASKS_BACKENDS[_tasks_backend], "QUEUES": ["default"]}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "chidao.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# API tokens expire this many days after they are issued (chidao/accounts/tokens.py).
CHIDAO_API_TOKEN_DAYS = envint("CHIDAO_API_TOKEN_DAYS", "30")
SPECTACULAR_SETTINGS = {
    "TITLE": "chidao API",
    "DESCRIPTION": "Văn bản chỉ đạo, nhiệm vụ, phân công, báo cáo tiến độ và số liệu giao ban.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Mail: reminders go out through an SMTP server of the Office's own (no external service).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("CHIDAO_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("CHIDAO_EMAIL_PORT", "25")
EMAIL_HOST_USER = env("CHIDAO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env("CHIDAO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("CHIDAO_EMAIL_TLS", "false")
EMAIL_TIMEOUT = envint("CHIDAO_EMAIL_TIMEOUT", "20")
DEFAULT_FROM_EMAIL = env("CHIDAO_EMAIL_FROM", "chidao@localhost")
# Reminders: due within N days, silent for M days, flagged for giao ban after K reminders.
CHIDAO_REMIND_DUE_DAYS = envint("CHIDAO_REMIND_DUE_DAYS", "3")
CHIDAO_REMIND_SILENT_DAYS = envint("CHIDAO_REMIND_SILENT_DAYS", "14")
CHIDAO_FLAG_AFTER_REMINDERS = envint("CHIDAO_FLAG_AFTER_REMINDERS", "3")
CHIDAO_REMIND_REPEAT_DAYS = envint("CHIDAO_REMIND_REPEAT_DAYS", "7")  # overdue: every N days
# The giao ban report's signature block (DOCX/PDF): who signs for the Office.
CHIDAO_REPORT_SIGNER = env("CHIDAO_REPORT_SIGNER", "")
# The giao ban DOCX/PDF's Word template (docxtpl); empty: the packaged one,
# chidao/reports/templates_docx/giao_ban.docx. The Office's own changes the letterhead.
CHIDAO_REPORT_TEMPLATE = env("CHIDAO_REPORT_TEMPLATE", "")
# The giao ban's month, quarter and year run from this day of the month before to the day
# before it (15: 15/10 – 14/11 is "tháng 11", the cut-off of the reporting regime of
# Nghị định 09/2019/NĐ-CP as provincial regulations write it); 1: calendar periods.
CHIDAO_REPORT_PERIOD_START_DAY = envint("CHIDAO_REPORT_PERIOD_START_DAY", "15")
if not 1 <= CHIDAO_REPORT_PERIOD_START_DAY <= 28:
    raise ImproperlyConfigured(
        f"CHIDAO_REPORT_PERIOD_START_DAY={CHIDAO_REPORT_PERIOD_START_DAY}: a day from 1 to 28"
    )
# Where the application is reached, for links in e-mails.
CHIDAO_BASE_URL = env("CHIDAO_BASE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("CHIDAO_LOG_LEVEL", "INFO")},
}
