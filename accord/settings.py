"""Accord's settings: one file, configured from the environment (12-factor).

Every setting a council changes comes from an environment variable with a safe default for
development. With DEBUG off (production), the secure settings below pass `check --deploy`.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ACCORD_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("ACCORD_TESTING", False)

_DEV_SECRET = "accord-development-key-not-for-production-use-0123456789abcdef"
SECRET_KEY = env("SECRET_KEY", _DEV_SECRET if (DEBUG or TESTING) else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The council this instance of Accord serves.
COUNCIL_NAME = env("COUNCIL_NAME", "Chorley Council")
COUNCIL_SHORT_NAME = env("COUNCIL_SHORT_NAME", "Chorley")
COUNCIL_BRAND_COLOUR = env("COUNCIL_BRAND_COLOUR", "#00629b")
SERVICE_NAME = env("SERVICE_NAME", "Partnership register")
DEMO_MODE = env_bool("ACCORD_DEMO", DEBUG)
# Importing the council's register (ADR 0040): the pattern references are made from for rows with
# none ({n} is the number), and defaults offered first for required fields a spreadsheet lacks, as
# `field=value` pairs separated by ';' (e.g. "partnership_type=Public sector strategic;council_role=lead").
ACCORD_IMPORT_REFERENCE_PATTERN = env("ACCORD_IMPORT_REFERENCE_PATTERN", "P-{n:04}")
ACCORD_IMPORT_DEFAULTS = dict(
    (part.partition("=")[0].strip(), part.partition("=")[2].strip())
    for part in env("ACCORD_IMPORT_DEFAULTS").split(";")
    if "=" in part
)
# The council's partnership framework: a bundled framework's id (accord/frameworks/files), the id
# of one in the council's own folder of framework files (ACCORD_FRAMEWORKS_DIR), or a file's path;
# and where the seed documents its rules cite are kept (used to check citations; optional).
ACCORD_FRAMEWORK = env("ACCORD_FRAMEWORK", "chorley")
ACCORD_FRAMEWORKS_DIR = env("ACCORD_FRAMEWORKS_DIR", "")
_SEEDS = BASE_DIR.parent / "shared" / "seeds"
ACCORD_SEEDS_DIR = env("ACCORD_SEEDS_DIR", str(_SEEDS) if _SEEDS.is_dir() else "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "accord.kernel.accounts",
    "accord.kernel.audit",
    "accord.register",
    "accord.frameworks",
    "accord.domain.lifecycle",
    "accord.domain.risks",
    "accord.domain.monitoring",
    "accord.domain.reviews",
    "accord.domain.representation",
    "accord.outputs.reminders",
    "accord.outputs.reports",
    "accord.outputs.public",
    "accord.outputs.transfer",
    "accord.outputs.api",
    "django_tasks_db",  # the database backend for django.tasks (accord.outputs.reminders)
    "accord.kernel.ui",
    "accord.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "accord.kernel.ui.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
if env_bool("ACCORD_BENCH_METRICS", False):
    MIDDLEWARE.insert(0, "accord.kernel.ui.metrics.ServerTimingMiddleware")

ROOT_URLCONF = "accord.site.urls"
WSGI_APPLICATION = "accord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "accord" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "accord.jinja2.environment",
            "autoescape": True,
            # csp_nonce for the one inline script GOV.UK Frontend's page template needs (js-enabled).
            "context_processors": ["django.template.context_processors.csp"],
        },
    },
    {
        # Django's own template engine, kept only for contrib apps that need it.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'accord.sqlite3'}"), conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; IMMEDIATE takes the write lock up front
    # so two transactions never deadlock upgrading from read to write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # A writer waits up to 20 s for the lock (under gunicorn's 30 s timeout): 20 people deciding
        # at once queue behind one another instead of failing (tests/resilience, ADR 0018).
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accord.kernel.accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Single sign-on (OpenID Connect): on when ACCORD_OIDC_ISSUER is set; see docs/single-sign-on.md.
# ROLE_MAP pairs the provider's role values with Accord's roles: "Accord.Officer=officer,...".
ACCORD_OIDC_ISSUER = env("ACCORD_OIDC_ISSUER")
ACCORD_OIDC_CLIENT_ID = env("ACCORD_OIDC_CLIENT_ID")
ACCORD_OIDC_CLIENT_SECRET = env("ACCORD_OIDC_CLIENT_SECRET")
ACCORD_OIDC_SCOPES = env("ACCORD_OIDC_SCOPES", "openid email profile")
ACCORD_OIDC_ROLE_CLAIM = env("ACCORD_OIDC_ROLE_CLAIM", "roles")
ACCORD_OIDC_ROLE_MAP = env("ACCORD_OIDC_ROLE_MAP")
ACCORD_OIDC_LABEL = env("ACCORD_OIDC_LABEL", f"Sign in with your {COUNCIL_NAME} account")
if ACCORD_OIDC_ISSUER and not (ACCORD_OIDC_CLIENT_ID and ACCORD_OIDC_CLIENT_SECRET):
    raise ImproperlyConfigured(
        "ACCORD_OIDC_CLIENT_ID and ACCORD_OIDC_CLIENT_SECRET must be set with ACCORD_OIDC_ISSUER."
    )

# Lock an account (per username and address) for 15 minutes after 5 failed sign-ins.
AXES_FAILURE_LIMIT = env_int("ACCORD_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accord.kernel.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "accord.kernel.ui.security.client_address"  # X-Forwarded-For only if trusted

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "accord" / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env("ACCORD_UPLOADS_DIR", str(VAR_DIR / "uploads")))  # never served directly
ACCORD_UPLOAD_MAX_BYTES = env_int("ACCORD_UPLOAD_MAX_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The evidence sources the framework engines read are registered by the apps that keep the evidence
# (accord.frameworks.sources, ADR 0026 notes), not listed here.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Email (reminders arrive in a later issue; settings are here so deployments set them once).
_SMTP = "django.core.mail.backends.smtp.EmailBackend"
MAILERS = {
    "default": {
        "BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG else _SMTP),
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env("EMAIL_HOST_USER"),
            "password": env("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        }
        if env("EMAIL_BACKEND", _SMTP if not DEBUG else "") == _SMTP
        else {},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "accord@localhost")

# Reminders (accord.outputs.reminders): links in emails start with the service's address; the daily run
# is a django.tasks task stored by django-tasks-db and run by `accord db_worker` (ADR 0009).
ACCORD_BASE_URL = env("ACCORD_BASE_URL", "http://127.0.0.1:8000")
ACCORD_REMINDERS_AT = env("ACCORD_REMINDERS_AT", "07:00")  # local time of the daily run
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Sessions end after 30 minutes without activity, and when the browser closes.
SESSION_COOKIE_AGE = env_int("ACCORD_SESSION_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "accord.kernel.ui.views.csrf_failure"

if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy (Django's own middleware, ADR 0017): everything from this server, no
# inline script or style. The only inline script is GOV.UK Frontend's one-line js-enabled switch,
# which carries the per-response nonce. Swagger UI's stylesheet uses data: images.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# A cache shared by every worker and app server (a table in the database, made by the ui app's
# migration), so rate limits count every request wherever it lands.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "accord_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# Rate limits: sign-in attempts per client address (on top of axes' per-account lockout), and API
# requests per token user or, without a valid token, per address. "N/s|m|h|d"; empty switches off.
ACCORD_SIGNIN_RATE = env("ACCORD_SIGNIN_RATE", "30/m") or None
ACCORD_API_RATE = env("ACCORD_API_RATE", "600/m") or None
ACCORD_API_ANON_RATE = env("ACCORD_API_ANON_RATE", "60/m") or None
for _name, _rate in [
    ("ACCORD_SIGNIN_RATE", ACCORD_SIGNIN_RATE),
    ("ACCORD_API_RATE", ACCORD_API_RATE),
    ("ACCORD_API_ANON_RATE", ACCORD_API_ANON_RATE),
]:
    if _rate and not re.fullmatch(r"[1-9]\d*/\d*[smhd]", _rate):
        raise ImproperlyConfigured(f"{_name} must be a rate like 30/m (per s, m, h or d), not {_rate!r}")
RATELIMIT_USE_CACHE = "default"
# How many reverse proxies stand in front of Accord; with 0, X-Forwarded-For is never trusted.
ACCORD_TRUSTED_PROXIES = env_int("ACCORD_TRUSTED_PROXIES", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

from accord.kernel.ui.branding import validate_brand_colour  # noqa: E402

validate_brand_colour(COUNCIL_BRAND_COLOUR)
