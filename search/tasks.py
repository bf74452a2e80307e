from django.apps import apps
from django_tasks import task

from .indexing import deeds_with_label, search_index_deeds


@task()
def search_index_label(model_label, pk):
    """Re-index the published deeds that show a label (after it was renamed)."""
    instance = apps.get_model(model_label)._base_manager.filter(pk=pk).first()
    if instance is None:
        return 0
    return search_index_deeds(deeds_with_label(instance))
