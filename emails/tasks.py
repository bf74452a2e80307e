from django_tasks import task

from .services import email_deliver


@task()
def deliver_email(email_id):
    email = email_deliver(email_id)
    return email.status if email else None
