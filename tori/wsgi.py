"""WSGI entry point: ``gunicorn tori.wsgi --preload``."""

import os

from django.core.wsgi import get_wsgi_application

from tori.runtime import freeze_startup_objects, warm_up

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tori.settings.prod")

application = get_wsgi_application()
warm_up()
freeze_startup_objects()
