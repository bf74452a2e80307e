from django_tasks import task

from .webhooks import webhook_deliver


@task()
def deliver_webhook(delivery_id):
    delivery = webhook_deliver(delivery_id)
    return bool(delivery and delivery.delivered_at)
