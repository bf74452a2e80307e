"""Settings shared by every environment.

Each environment variable the portal reads is declared here, once, with its type
and default. ``prod.py`` makes the ones production cannot do without mandatory.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment -----------------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
# Earlier keys, comma-separated, still accepted for signed data and emailed links
# while they are rotated out.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Absolute address of the portal, used in emails, feeds and share cards.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The embedded default is SQLite in the project folder; production uses PostgreSQL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Optional shared cache (e.g. redis://127.0.0.1:6379/0); without it each process
# keeps its own in-memory cache. Only derived data is cached: the portal goes on
# without it while Redis is down (core/cache.py).
CACHE_URL = env_str("CACHE_URL", "")
# Reverse proxies in front of the app that append the client's address to
# X-Forwarded-For (0: none, the connecting address is the client's). Per-client limits
# and the visitor analytics' daily hash use the address the outermost of them saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files of submissions not yet published (drafts, in moderation, returned, rejected):
# outside MEDIA_ROOT, so no proxy serves them; the app serves them after a permission
# check (submissions/file_views.py). Publication copies a deed's files to MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
# When set (e.g. "/private-media/"), the app answers a permitted request with
# X-Accel-Redirect to this nginx `internal` location and nginx sends the file; empty:
# the app sends it itself.
PRIVATE_MEDIA_ACCEL_PREFIX = env_str("PRIVATE_MEDIA_ACCEL_PREFIX", "")
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tekojen tori <noreply@tekojentori.fi>")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# Serve uploaded files from the app itself (development and tests); in production
# the reverse proxy serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Searches whose matches each app process remembers until the next change (0: none).
SEARCH_CACHE_SIZE = env_int("SEARCH_CACHE_SIZE", 512)
# Seconds a browser or proxy may cache public pages and API answers.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 60)

# --- Applications ------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "core",
    "tori",
    "accounts",
    "audit",
    "organisations",
    "taxonomy",
    "deeds",
    "search",
    "catalogue",
    "emails",
    "submissions",
    "editors",
    "stats",
    "analytics",
    "recognition",
    "feedback",
    "events",
    "coaching",
    "newsletter",
    "api",
    # Seeds the apps above; none of them imports it.
    "demo",
]

MIDDLEWARE = [
    "tori.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "tori.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "tori.middleware.PrivatePagesMiddleware",
    "analytics.middleware.VisitorAnalyticsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "deeds.middleware.LegacyDeedRedirectMiddleware",
]

ROOT_URLCONF = "tori.urls"
WSGI_APPLICATION = "tori.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "home"
# Sign-in attempts per hour, per client address and per account, before every sign-in
# form (ours and the admin's) asks to wait (brute force); password-reset requests count
# towards the client's. Successful sign-ins are not counted.
SIGN_IN_ATTEMPTS_PER_HOUR = env_int("SIGN_IN_ATTEMPTS_PER_HOUR", 20)
# Password-reset emails per recipient and hour (whatever address asks for them).
PASSWORD_RESET_EMAILS_PER_HOUR = env_int("PASSWORD_RESET_EMAILS_PER_HOUR", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tori" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tori.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# A database that does not answer must not hold a request (or a worker) for ever: give
# up connecting after DB_CONNECT_TIMEOUT seconds, and end any statement running longer
# than DB_STATEMENT_TIMEOUT_MS (PostgreSQL; the heaviest page query takes well under 1 s).
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 5)
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 30_000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DB_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while a writer commits; a busy timeout instead of
    # "database is locked" errors when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "tori",
            # A Redis that does not answer must not hold a page for long.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "tori" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
# Finnish public-sector sites show dates as 22.11.2026; Django's locale formats do that.
FORMAT_MODULE_PATH = ["tori.formats"]

# --- Static files and uploads -------------------------------------------------------
STATIC_URL = "/static/"
# No STATICFILES_DIRS: tori is an installed app, so its static/ folder is found like
# every app's (listing it again made collectstatic copy each file twice).
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Admin uploads of deed images are checked and re-encoded; refuse anything huge early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
IMAGE_MAX_BYTES = 15 * 1024 * 1024
# Checked from the image header before any pixel is decoded. 24 megapixels (6000 x 4000,
# a camera's full size) decodes in about 100 MB; issue 19 showed 40 MP costing 300 MB
# and two seconds of CPU per image.
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 24_000_000)
# Files a client may upload on the share form per hour (each image is decoded and
# re-encoded: the costly part of a post).
SUBMISSION_UPLOADS_PER_HOUR = env_int("SUBMISSION_UPLOADS_PER_HOUR", 40)
IMAGE_DERIVATIVE_WIDTHS = (480, 960, 1600)

# --- Background work and email --------------------------------------------------------
# Email and other slow work run in `manage.py db_worker`; the queue lives in the
# database, so nothing is lost when a process or the mail server stops.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)

# --- Security -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No inline script or style anywhere: every script and stylesheet is a static file
# served by the portal itself (no CDNs, fonts or trackers from other hosts).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# --- Logging ------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task run is noise; failures are logged by emails.services.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Portal -------------------------------------------------------------------------
SITE_NAME = _("Tekojen tori")
DEEDS_PER_PAGE = 20
# The public "share a deed" form: limits against spam without third-party CAPTCHAs.
SUBMISSION_MIN_FILL_SECONDS = env_int("SUBMISSION_MIN_FILL_SECONDS", 5)
SUBMISSION_RATE_PER_HOUR = env_int("SUBMISSION_RATE_PER_HOUR", 10)
SUBMISSION_EMAILS_PER_HOUR = env_int("SUBMISSION_EMAILS_PER_HOUR", 5)
SUBMISSION_MAX_IMAGES = 5
SUBMISSION_MAX_ATTACHMENTS = 3
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# The largest request body (tori.middleware.RequestSizeLimitMiddleware): by default the
# share form's most files at their largest, plus its text.
REQUEST_MAX_BYTES = env_int(
    "REQUEST_MAX_BYTES",
    SUBMISSION_MAX_IMAGES * IMAGE_MAX_BYTES
    + SUBMISSION_MAX_ATTACHMENTS * ATTACHMENT_MAX_BYTES
    + DATA_UPLOAD_MAX_MEMORY_SIZE,
)
# Drafts nobody has touched for this many days are deleted, and so are stored emails
# this old (docs/privacy.md).
SUBMISSION_DRAFT_DAYS = env_int("SUBMISSION_DRAFT_DAYS", 90)
# Visitor analytics keeps raw page views (with the day's visitor hashes) this many days;
# the daily totals made from them are kept (docs: README, Privacy).
ANALYTICS_RAW_DAYS = env_int("ANALYTICS_RAW_DAYS", 30)
API_MAX_PAGE_SIZE = 100
# A statistics download's rows at most (a cost ceiling: months are bounded by the years
# of the data, organisations by the registry; this holds whatever either grows to).
STATS_DOWNLOAD_MAX_ROWS = 10_000

# --- Personal data (the privacy notice at /tietosuoja/ shows these same values) ------
# The controller named in the privacy notice; each deployment sets the real details.
PRIVACY_CONTROLLER_NAME = env_str(
    "PRIVACY_CONTROLLER_NAME",
    "KT Kuntatyönantajat ja kunta-alan pääsopijajärjestöjen yhteinen Tekojen tori -ohjelma",
)
PRIVACY_CONTROLLER_ADDRESS = env_str(
    "PRIVACY_CONTROLLER_ADDRESS", "KT Kuntatyönantajat, Toinen linja 14, 00530 Helsinki"
)
PRIVACY_CONTACT_EMAIL = env_str("PRIVACY_CONTACT_EMAIL", "tietosuoja@tekojentori.fi")
# Every app's privacy contract (docs/privacy.md): what it holds about an email address,
# export, erasure and its retention job. `manage.py personal_data`, `manage.py prune` and
# the privacy notice walk this list in order; the audit log's contract stays last.
PRIVACY_CONTRACTS = [
    "core.privacy",
    "accounts.privacy",
    "submissions.privacy",
    "deeds.privacy",
    # After the deeds' erasure, which re-indexes the deeds it changed.
    "search.privacy",
    "editors.privacy",
    "emails.privacy",
    "analytics.privacy",
    "feedback.privacy",
    "events.privacy",
    "coaching.privacy",
    "newsletter.privacy",
    "audit.privacy",
]
# Days an editor invitation stays valid (editors.models.invitation_expiry).
EDITOR_INVITATION_DAYS = env_int("EDITOR_INVITATION_DAYS", 14)
# The public feedback form (feedback app): per-address limit, and days a
# message (with the sender's email address) is kept before `prune` deletes it.
FEEDBACK_RATE_PER_HOUR = env_int("FEEDBACK_RATE_PER_HOUR", 5)
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 365)
# The privacy notice's version, stored with every consent given on a form (event
# registrations); change it when the notice changes in substance.
PRIVACY_NOTICE_VERSION = env_str("PRIVACY_NOTICE_VERSION", "2026-12-02")
# Coaching (coaching app): the programme team's address for new applications and the
# applicants' answers; the anonymous feedback opens this many days after the last
# session, with one reminder this many days later; invitations to experts stay valid
# this many days; a client may send this many applications an hour. The applicant's
# contact details are erased this many days after the application ends (closed,
# declined, withdrawn); drafts never sent go after COACHING_DRAFT_DAYS. With
# COACHING_WEBHOOK_URL set, state changes are posted there, signed with
# COACHING_WEBHOOK_SECRET (coaching/webhooks.py).
COACHING_STAFF_EMAIL = env_str("COACHING_STAFF_EMAIL", "sparraus@tekojentori.fi")
COACHING_FEEDBACK_DAYS = env_int("COACHING_FEEDBACK_DAYS", 3)
COACHING_FEEDBACK_REMINDER_DAYS = env_int("COACHING_FEEDBACK_REMINDER_DAYS", 7)
COACHING_FEEDBACK_MAX_LINKS = env_int("COACHING_FEEDBACK_MAX_LINKS", 300)
COACHING_INVITATION_DAYS = env_int("COACHING_INVITATION_DAYS", 14)
COACHING_APPLICATIONS_PER_HOUR = env_int("COACHING_APPLICATIONS_PER_HOUR", 10)
COACHING_ANONYMISE_DAYS = env_int("COACHING_ANONYMISE_DAYS", 3 * 365)
COACHING_DRAFT_DAYS = env_int("COACHING_DRAFT_DAYS", 30)
COACHING_WEBHOOK_URL = env_str("COACHING_WEBHOOK_URL", "")
COACHING_WEBHOOK_SECRET = env_str("COACHING_WEBHOOK_SECRET", "")
# Events (events app): the reminder goes this many hours before an event starts;
# registrants' personal data is anonymised this many days after the event ends; a
# client may register this many times an hour (events/views.py).
EVENT_REMINDER_HOURS = env_int("EVENT_REMINDER_HOURS", 24)
EVENT_ANONYMISE_DAYS = env_int("EVENT_ANONYMISE_DAYS", 30)
EVENT_REGISTRATIONS_PER_HOUR = env_int("EVENT_REGISTRATIONS_PER_HOUR", 20)
EVENT_REMINDER_BEFORE = timedelta(hours=EVENT_REMINDER_HOURS)
# Attendance can be marked from this long before the start (people arrive early), and
# a webinar's thank-you waits this long for its recording before going without it.
EVENT_ATTENDANCE_EARLY = timedelta(hours=12)
EVENT_RECORDING_WAIT = timedelta(days=14)
# The newsletter (newsletter app). Bulk mail goes out at most this many messages a
# minute (the mail server's or provider's limit); bounces come back to
# NEWSLETTER_BOUNCE_ADDRESS with "+<subscriber's token>" added to its local part (VERP),
# and `manage.py newsletter_bounces` reads them from this IMAP mailbox (off while
# NEWSLETTER_IMAP_HOST is empty). An address is set aside at NEWSLETTER_BOUNCE_THRESHOLD
# (a permanent bounce counts 1, a temporary one 0.5 a day); a score with no bounce for
# NEWSLETTER_BOUNCE_STALE_DAYS starts again from 0. Unconfirmed subscriptions are deleted
# after NEWSLETTER_UNCONFIRMED_DAYS, each subscriber's copy of an issue after
# NEWSLETTER_DELIVERY_DAYS (the issue keeps its counts).
NEWSLETTER_RATE_PER_MINUTE = env_int("NEWSLETTER_RATE_PER_MINUTE", 600)
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 1000)
NEWSLETTER_BOUNCE_ADDRESS = env_str("NEWSLETTER_BOUNCE_ADDRESS", "bounces@tekojentori.fi")
NEWSLETTER_IMAP_HOST = env_str("NEWSLETTER_IMAP_HOST", "")
NEWSLETTER_IMAP_PORT = env_int("NEWSLETTER_IMAP_PORT", 993)
NEWSLETTER_IMAP_USER = env_str("NEWSLETTER_IMAP_USER", "")
NEWSLETTER_IMAP_PASSWORD = env_str("NEWSLETTER_IMAP_PASSWORD", "")
NEWSLETTER_IMAP_FOLDER = env_str("NEWSLETTER_IMAP_FOLDER", "INBOX")
NEWSLETTER_BOUNCE_THRESHOLD = env_float("NEWSLETTER_BOUNCE_THRESHOLD", 3.0)
NEWSLETTER_BOUNCE_STALE_DAYS = env_int("NEWSLETTER_BOUNCE_STALE_DAYS", 90)
NEWSLETTER_UNCONFIRMED_DAYS = env_int("NEWSLETTER_UNCONFIRMED_DAYS", 7)
NEWSLETTER_DELIVERY_DAYS = env_int("NEWSLETTER_DELIVERY_DAYS", 90)
# A client may subscribe this many times an hour, and one address be sent this many
# confirmations an hour (newsletter/views.py).
NEWSLETTER_SUBSCRIBES_PER_HOUR = env_int("NEWSLETTER_SUBSCRIBES_PER_HOUR", 20)
NEWSLETTER_MAILS_PER_ADDRESS_HOUR = env_int("NEWSLETTER_MAILS_PER_ADDRESS_HOUR", 3)
# Staff sign in with a password and a code from an authenticator app (TOTP, with
# recovery codes; accounts/second_factor.py); their sessions end after this many hours.
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", True)
STAFF_SESSION_HOURS = env_int("STAFF_SESSION_HOURS", 12)
OTP_TOTP_ISSUER = "Tekojen tori"
# /healthz answers 503 when an email or background task has been due for longer than
# this: the worker (manage.py db_worker) is not running.
HEALTH_QUEUE_MAX_SECONDS = env_int("HEALTH_QUEUE_MAX_SECONDS", 900)
# Where accessibility feedback can also be emailed (the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", "saavutettavuus@tekojentori.fi"
)
