"""Typed access to environment variables.

Every variable the portal reads is declared once, with its type and default, in
``settings/base.py``; this module only knows how to parse them.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
REQUIRED = object()


def _raw(name, default):
    value = os.environ.get(name)
    if value is None:
        if default is REQUIRED:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return None
    return value


def env_str(name, default=""):
    value = _raw(name, default)
    return default if value is None else value


def env_bool(name, default=False):
    value = _raw(name, default)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_int(name, default=0):
    value = _raw(name, default)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None


def env_float(name, default=0.0):
    value = _raw(name, default)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from None


def env_list(name, default=()):
    value = _raw(name, default)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
