"""Production: PostgreSQL, HTTPS only, every secret from the environment.

Fails loudly at start-up when a value production cannot run without is missing.
"""

import dj_database_url

from .base import *  # noqa: F403
from .env import REQUIRED, env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", REQUIRED)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", REQUIRED)
DATABASE_URL = env_str("DATABASE_URL", REQUIRED)
SITE_URL = env_str("SITE_URL", REQUIRED).rstrip("/")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be a random value of at least 50 characters.")

# An unsigned webhook would let anyone post forged state changes to the outside CRM.
if COACHING_WEBHOOK_URL and not COACHING_WEBHOOK_SECRET:  # noqa: F405
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "COACHING_WEBHOOK_SECRET must be set when COACHING_WEBHOOK_URL is: the CRM checks "
        "the signature with it."
    )

# Email settings (EMAIL_HOST, EMAIL_PORT, …) are read in base.py.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload flag only allows submitting the domain to browsers' HTTPS-only list;
# submitting is a separate, deliberate step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Hashed file names so static files can be cached for a year by browsers and proxies.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
