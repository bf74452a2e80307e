"""The staff pages' one write that coaching/experts.py does not make: which experts a
year's round has (the tender chose them; the figures count them and their
organisations, and an application's expert is picked from them)."""

from django.db import transaction

from .models import Round


@transaction.atomic
def round_experts_set(round_, experts, *, actor):
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    before = set(round_.experts.values_list("pk", flat=True))
    after = {expert.pk for expert in experts}
    if before == after:
        return round_
    round_.experts.set(experts)
    round_.log_action(
        "round.experts_set",
        actor=actor,
        data={"added": sorted(after - before), "removed": sorted(before - after)},
    )
    return round_
