"""Staff pages: the gala's steps, and certificates one by one or all of a gala as a ZIP."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .awards import Award, Gala, HonourableMention, Shortlisting
from .certificates import (
    LANGUAGES,
    award_certificate,
    certificate_name,
    certificates_zip,
    mention_certificate,
)
from .forms import (
    CategoryForm,
    MentionForm,
    PublishForm,
    ScheduleForm,
    ShortlistForm,
)
from .services import (
    GalaError,
    award_decide,
    category_add,
    gala_publish,
    gala_schedule,
    honourable_mention_add,
    shortlist_add,
)


def _language(request):
    language = request.GET.get("kieli", "fi")
    if language not in LANGUAGES:
        raise Http404
    return language


def _file(content, content_type, name):
    # Built in memory, so no FileResponse; Django's header builder quotes the name.
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, name)},
    )


@staff_member_required
def award_pdf(request, pk):
    language = _language(request)
    award = get_object_or_404(
        Award.objects.select_related("category__gala", "deed__organisation"), pk=pk
    )
    return _file(
        award_certificate(award, language),
        "application/pdf",
        certificate_name("award", award, language),
    )


@staff_member_required
def mention_pdf(request, pk):
    language = _language(request)
    mention = get_object_or_404(
        HonourableMention.objects.select_related("gala", "organisation"), pk=pk
    )
    return _file(
        mention_certificate(mention, language),
        "application/pdf",
        certificate_name("mention", mention, language),
    )


@staff_member_required
def gala_zip(request, year):
    language = _language(request)
    gala = get_object_or_404(Gala, year=year)
    return _file(
        certificates_zip(gala, language), "application/zip", f"kunniakirjat-{year}-{language}.zip"
    )


# The gala's own page for staff: the steps from categories to publication in one place,
# each a form posting to its own address and calling its service (services.py).

STEP_FORMS = {
    "category": CategoryForm,
    "shortlist": ShortlistForm,
    "mention": MentionForm,
    "schedule": ScheduleForm,
    "publish": PublishForm,
}


def step_form(name, gala, data=None):
    kwargs = {"gala": gala} if name == "shortlist" else {}
    if name == "schedule" and data is None:
        kwargs["initial"] = {"at": gala.results_public_at}
    return STEP_FORMS[name](data, prefix=name, **kwargs)


def gala_context(gala, bound=None):
    forms = {name: step_form(name, gala) for name in STEP_FORMS}
    if bound is not None:
        forms[bound[0]] = bound[1]
    categories = list(
        gala.categories.order_by("position", "name").prefetch_related(
            Prefetch("shortlist", queryset=Shortlisting.objects.select_related("deed")),
            Prefetch("awards", queryset=Award.objects.select_related("deed")),
        )
    )
    for category in categories:
        awarded = {award.deed_id for award in category.awards.all()}
        category.rows = [(s, s.deed_id in awarded) for s in category.shortlist.all()]
    return {
        "gala": gala,
        "forms": forms,
        "categories": categories,
        "mentions": gala.mentions.select_related("organisation"),
        "awards": sum(len(category.awards.all()) for category in categories),
        "public": gala.results_are_public(),
    }


@staff_member_required
def gala_list(request):
    from .models import Campaign

    context = {"galas": Gala.objects.all(), "campaigns": Campaign.objects.all()}
    return render(request, "recognition/staff/gala_list.html", context)


@staff_member_required
def gala_page(request, year):
    gala = get_object_or_404(Gala, year=year)
    return render(request, "recognition/staff/gala.html", gala_context(gala))


def perform(step, gala, data, actor):
    if step == "category":
        return category_add(gala, actor=actor, **data)
    if step == "shortlist":
        return shortlist_add(
            data["category"], data["deed"], actor=actor, jury_notes=data["jury_notes"]
        )
    if step == "mention":
        return honourable_mention_add(gala, data.pop("organisation"), actor=actor, **data)
    if step == "schedule":
        return gala_schedule(gala, at=data["at"], actor=actor)
    return gala_publish(gala, actor=actor)


DONE = {
    "category": _("The category was added."),
    "shortlist": _("The deed was shortlisted."),
    "mention": _("The honourable mention was added."),
    "schedule": _("The publication time was saved."),
    "publish": _("The results were published."),
}


@staff_member_required
@require_POST
def gala_step(request, year, step):
    gala = get_object_or_404(Gala, year=year)
    if step == "award":
        return award_step(request, gala)
    if step not in STEP_FORMS:
        raise Http404
    form = step_form(step, gala, request.POST)
    if form.is_valid():
        try:
            perform(step, gala, dict(form.cleaned_data), request.user)
        except GalaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, DONE[step])
            return redirect(reverse("recognition:gala_staff", kwargs={"year": year}) + f"#{step}")
    context = gala_context(gala, bound=(step, form))
    return render(request, "recognition/staff/gala.html", context, status=400)


def award_step(request, gala):
    number = request.POST.get("shortlisting", "")
    if not (number.isascii() and number.isdecimal() and len(number) <= 18):
        raise Http404
    shortlisting = get_object_or_404(
        Shortlisting.objects.select_related("category", "deed"),
        pk=int(number),
        category__gala=gala,
    )
    try:
        award_decide(shortlisting.category, shortlisting.deed, actor=request.user)
    except GalaError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The award was decided."))
    return redirect(reverse("recognition:gala_staff", kwargs={"year": gala.year}) + "#awards")
