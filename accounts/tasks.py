from django_tasks import task

from .services import password_reset_email


@task()
def password_reset_send(user_ids):
    """Write the reset emails in the worker, not in the request (services.py says why).
    Only account ids are passed: the task queue keeps its arguments."""
    password_reset_email(user_ids)
