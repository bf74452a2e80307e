"""``db_worker`` that outlives a database outage.

django-tasks-db's worker stops on any database error other than a locked table, so a
PostgreSQL restart left email undelivered until someone noticed (issue 19). This runs
the same worker, with the same options, and when the database goes away it closes the
broken connections, waits (1 s, doubling up to 30 s) and starts again. Stopping it
(SIGTERM, Ctrl+C) still stops it at once. Run it under a supervisor anyway (systemd
``Restart=always``, README "Deployment"), for the crashes this cannot see.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

logger = logging.getLogger("django_tasks_db")

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0
# A run that lasted this long was a recovery: the next outage starts from a short pause.
RECOVERED_AFTER = 60.0


class Command(DbWorkerCommand):
    help = (
        "Run the background task worker (email, search index), reconnecting after a "
        "database outage."
    )

    def handle(self, *args, **options):
        pause = FIRST_PAUSE
        while True:
            started = time.monotonic()
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > RECOVERED_AFTER:
                    pause = FIRST_PAUSE
                logger.warning(
                    "Database unavailable (%s); the worker starts again in %.0f s.", error, pause
                )
                connections.close_all()
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
