"""The programme team's coaching set-up and results: the yearly rounds, the experts and
their invitations, the export of applications and the feedback results
(/sparraus/hallinta/kierrokset/, asiantuntijat/, hakemukset.csv|xlsx, palaute/).

Staff only (staff_views.staff_required). Writes go through coaching/experts.py and
staff_services.py; a refusal comes back on the form with what was typed.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .experts import (
    expert_change,
    expert_create,
    expert_invite,
    round_change,
    round_create,
)
from .exports import applications_export
from .feedback import feedback_summary
from .models import Expert, FeedbackAnswer, Round
from .services import CoachingError
from .staff_forms import ExpertForm, RoundForm
from .staff_services import round_experts_set
from .staff_views import budget, chosen_round, staff_required

# Free texts per expert only from this many answers: fewer could tell a reader which
# of a small group wrote what.
TEXTS_FROM = 3


# --- Rounds --------------------------------------------------------------------------


@staff_required
def round_list(request):
    rounds = Round.objects.annotate(
        expert_count=Count("experts", distinct=True),
        application_count=Count(
            "applications", filter=~Q(applications__status="draft"), distinct=True
        ),
    )
    rows = [(round_, budget(round_)) for round_ in rounds]
    return render(request, "coaching/staff/round_list.html", {"rows": rows})


@staff_required
def round_form(request, pk=None):
    round_ = get_object_or_404(Round, pk=pk) if pk is not None else None
    initial = {}
    if round_ is not None:
        initial = {
            "year": round_.year,
            "budget_days": round_.budget_days,
            "opens_on": round_.opens_on,
            "closes_on": round_.closes_on,
            "experts": list(round_.experts.all()),
        }
    form = RoundForm(
        request.POST if request.method == "POST" else None, initial=initial, round_=round_
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            values = {k: data[k] for k in ("budget_days", "opens_on", "closes_on")}
            try:
                with transaction.atomic():
                    if round_ is None:
                        round_ = round_create(year=data["year"], actor=request.user, **values)
                    else:
                        round_ = round_change(round_, actor=request.user, **values)
                    round_experts_set(round_, data["experts"], actor=request.user)
            except CoachingError as error:
                form.add_error(None, str(error))
                round_ = get_object_or_404(Round, pk=pk) if pk is not None else None
            else:
                messages.success(request, _("The round was saved."))
                return redirect("coaching_staff:rounds")
    context = {"form": form, "round": round_}
    return render(request, "coaching/staff/round_form.html", context, status=status)


# --- Experts -------------------------------------------------------------------------


@staff_required
def expert_list(request):
    experts = Expert.objects.select_related("user").prefetch_related("themes", "rounds")
    return render(request, "coaching/staff/expert_list.html", {"experts": experts})


@staff_required
def expert_form(request, pk=None):
    expert = get_object_or_404(Expert, pk=pk) if pk is not None else None
    posted = request.method == "POST"
    # The form writes what was posted onto its instance; the service reads the expert
    # again under its lock, so this copy is only the form's.
    form = ExpertForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=get_object_or_404(Expert, pk=pk) if pk is not None else None,
    )
    status = 200
    if posted:
        status = 400
        if form.is_valid():
            fields, themes = form.service_fields(), form.cleaned_data["themes"]
            try:
                if expert is None:
                    expert = expert_create(fields=fields, themes=themes, actor=request.user)
                else:
                    expert = expert_change(expert, fields=fields, themes=themes, actor=request.user)
            except CoachingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The expert's details were saved."))
                return redirect("coaching_staff:experts")
    context = {"form": form, "expert": expert}
    return render(request, "coaching/staff/expert_form.html", context, status=status)


@staff_required
@require_POST
def expert_invite_view(request, pk):
    expert = get_object_or_404(Expert, pk=pk)
    try:
        expert_invite(expert, actor=request.user)
    except CoachingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The invitation was emailed to %(email)s; an earlier link no longer works.")
            % {"email": expert.email},
        )
    return redirect("coaching_staff:experts")


# --- Export and feedback results -----------------------------------------------------


@staff_required
def export(request, fmt):
    round_, _rounds = chosen_round(request)
    if round_ is None:
        messages.warning(request, _("There are no rounds yet."))
        return redirect("coaching_staff:board")
    return applications_export(round_, fmt, actor=request.user)


@staff_required
def feedback_results(request):
    round_, rounds = chosen_round(request)
    years = []
    for each in rounds:
        years.append(
            (each, feedback_summary(FeedbackAnswer.objects.filter(application__round=each)))
        )
    experts = []
    if round_ is not None:
        answers = FeedbackAnswer.objects.filter(application__round=round_)
        expert_ids = answers.values_list("application__expert", flat=True).distinct()
        for expert in Expert.objects.filter(pk__in=expert_ids):
            own = answers.filter(application__expert=expert)
            summary = feedback_summary(own)
            texts = []
            if summary["count"] >= TEXTS_FROM:
                texts = list(own.exclude(text="").order_by("text").values_list("text", flat=True))
            experts.append((expert, summary, texts))
    context = {
        "round": round_,
        "rounds": rounds,
        "years": years,
        "experts": experts,
        "texts_from": TEXTS_FROM,
    }
    return render(request, "coaching/staff/feedback.html", context)
