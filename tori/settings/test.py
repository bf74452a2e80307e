"""Test settings: fast hashing, mail kept in memory, no manifest needed for static files."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SERVE_MEDIA = True
# Tests see every search reach the database; the cache has its own test.
SEARCH_CACHE_SIZE = 0
# Tasks run at once, after the transaction commits, like a worker would run them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SUBMISSION_MIN_FILL_SECONDS = 0
# Most tests sign staff in with force_login, which has no second step; the tests of
# two-step sign-in turn it on (tests/accounts/test_second_factor.py), as production has.
STAFF_REQUIRE_SECOND_FACTOR = False
