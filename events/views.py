"""Public event pages: the list, an event's page and calendar file, registration and
the registrant's own page behind the secret link in their emails."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.formguard import spam_reason, started_token
from core.ratelimit import client_rate_limited
from core.tokens import object_by_token
from deeds.models import Deed
from organisations.finder import clean_query, find_organisations, organisation_named

from . import listing
from .display import availability
from .forms import DetailsForm, RegistrationForm
from .ics import event_ics, ics_filename
from .models import Event, EventStatus, Registration, RegistrationStatus
from .services import (
    LINK_PURPOSE,
    EventError,
    registration_cancel,
    registration_change,
    registration_closed_reason,
    registration_create,
)

FIND_CHOICES = 8
# Request headers that decide between the whole page and the fragment (as the deed list).
PAGE_OR_FRAGMENT_HEADERS = ["HX-Request", "HX-History-Restore-Request"]


def _is_htmx(request):
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and not headers.get("HX-Boosted")
        and headers.get("HX-History-Restore-Request") != "true"
    )


# --- The list --------------------------------------------------------------------------


def event_list(request):
    chosen, problems = listing.parse(request.GET)
    rows = listing.events(chosen)
    page = Paginator(rows, listing.EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    for event in items:
        event.availability = availability(event)
    seam = rows.upcoming_total - (page.start_index() - 1)
    context = {
        "facets": listing.facets(chosen),
        "chosen": chosen,
        "problems": problems,
        "page": page,
        "upcoming": items[: max(seam, 0)],
        "past": items[max(seam, 0) :],
        "upcoming_total": rows.upcoming_total,
        "past_total": rows.past_total,
        "listing": chosen,
        "is_fragment": _is_htmx(request),
    }
    template = "events/_fragment_list.html" if context["is_fragment"] else "events/list.html"
    response = render(request, template, context)
    patch_vary_headers(response, PAGE_OR_FRAGMENT_HEADERS)
    add_never_cache_headers(response)
    return response


# --- An event --------------------------------------------------------------------------


def _visible_events(request):
    if request.user.is_authenticated and request.user.is_staff:
        return Event.objects.all()  # staff preview drafts
    return Event.objects.public()


def _event(request, pk, *, details=False):
    queryset = _visible_events(request).select_related("series", "municipality", "region")
    if details:
        queryset = queryset.with_counts().prefetch_related(
            "themes",
            "sectors",
            Prefetch(
                "deeds",
                queryset=Deed.objects.published().select_related("organisation"),
                to_attr="public_deeds",
            ),
        )
    else:
        queryset = queryset.with_counts()
    return get_object_or_404(queryset, pk=pk)


def event_detail(request, pk, slug=None):
    event = _event(request, pk, details=True)
    if slug != event.slug:
        return redirect(event.get_absolute_url(), permanent=True)
    context = {
        "event": event,
        "availability": availability(event),
        "state": event.registration_state(),
        "closed_reason": registration_closed_reason(event.registration_state()),
        "speakers": [line.strip() for line in event.speakers.splitlines() if line.strip()],
    }
    return render(request, "events/detail.html", context)


def event_calendar(request, pk):
    event = get_object_or_404(Event.objects.public(), pk=pk)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(event)}"'
    return response


# --- Registration ----------------------------------------------------------------------


def _form_page(request, event, form, *, status=200, notice=None, finding=""):
    context = {
        "event": event,
        "form": form,
        "availability": availability(event),
        "state": event.registration_state(),
        "closed_reason": registration_closed_reason(event.registration_state()),
        "started": started_token(),
        "anonymise_days": settings.EVENT_ANONYMISE_DAYS,
        "notice": notice,
        "finding": finding,
        "candidates": _candidates(form, finding),
    }
    return render(request, "events/register.html", context, status=status)


def _candidates(form, finding):
    if finding:
        return find_organisations(finding, limit=FIND_CHOICES)
    return form.candidates() if form is not None and form.is_bound else []


def _finding(request, form_class, **kwargs):
    """After "Find" (without JavaScript): the form as typed, unvalidated, and the
    organisations matching the name as choices. None when the name is empty or already
    names one organisation: then "Find" was Enter in a field, an ordinary send."""
    name = request.POST.get("organisation_name", "")
    if request.POST.get("action") != "find_organisation" or not name.strip():
        return None
    if organisation_named(name) is not None:
        return None
    form = form_class(initial=_typed(request.POST), **kwargs)
    return form, clean_query(name)


def _typed(post):
    values = {key: post.get(key, "") for key in post if key not in ("csrfmiddlewaretoken",)}
    values["organisation_missing"] = bool(post.get("organisation_missing"))
    values["consent"] = bool(post.get("consent"))
    return values


BLOCKED = {
    "honeypot": gettext_lazy("The form could not be sent. If you are a person, please try again."),
    "no_timestamp": gettext_lazy("The form had expired. Check the fields and send again."),
    "too_fast": gettext_lazy("The form was sent very quickly. Wait a moment and send again."),
}


def registration_new(request, pk):
    event = _event(request, pk)
    if event.registration_state() != "open":
        # No form: the page says why (not yet open, closed, over, cancelled).
        return _form_page(request, event, None, status=200 if request.method != "POST" else 409)
    if request.method != "POST":
        form = RegistrationForm(event=event, initial={"language": get_language()[:2]})
        return _form_page(request, event, form)
    found = _finding(request, RegistrationForm, event=event)
    if found is not None:
        form, finding = found
        return _form_page(request, event, form, finding=finding)
    form = RegistrationForm(data=request.POST, event=event)
    reason = spam_reason(request.POST)
    if reason is not None:
        return _form_page(
            request,
            event,
            RegistrationForm(initial=_typed(request.POST), event=event),
            status=400,
            notice=str(BLOCKED[reason]),
        )
    if not form.is_valid():
        return _form_page(request, event, form, status=400)
    if client_rate_limited(request, "event_registration", settings.EVENT_REGISTRATIONS_PER_HOUR):
        notice = _("Too many registrations from your address in an hour. Please try again later.")
        return _form_page(request, event, form, status=429, notice=notice)
    try:
        registration_create(
            event,
            email=form.cleaned_data["email"],
            consent_version=settings.PRIVACY_NOTICE_VERSION,
            **form.details(),
        )
    except EventError as error:
        event = _event(request, pk)
        return _form_page(request, event, None, status=409, notice=str(error))
    # The same page whether the address was new or already registered: it must not
    # tell anyone which addresses have registered.
    return redirect("events:registered", pk=event.pk)


def registration_sent(request, pk):
    event = get_object_or_404(Event.objects.public(), pk=pk)
    return render(request, "events/registered.html", {"event": event})


# --- The registrant's own page ---------------------------------------------------------


def _registration(token):
    queryset = Registration.objects.exclude(link_salt="").select_related(
        "event__series", "event__municipality", "organisation"
    )
    registration = object_by_token(queryset, LINK_PURPOSE, token, lambda r: r.link_salt)
    if registration is None or registration.anonymised_at:
        return None
    if registration.event.status == EventStatus.DRAFT:
        return None
    return registration


def _manage_page(request, registration, *, form=None, status=200, confirm=False, finding=""):
    event = registration.event
    changeable = registration.status in (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ) and not (event.is_cancelled or event.is_past())
    if form is None and changeable:
        form = DetailsForm(initial=DetailsForm.initial_from(registration), event=event)
    context = {
        "registration": registration,
        "event": event,
        "form": form if changeable else None,
        "changeable": changeable,
        "confirm": confirm and changeable,
        "position": registration.waitlist_position(),
        "finding": finding,
        "candidates": _candidates(form, finding) if changeable else [],
        "token": request.resolver_match.kwargs["token"],
    }
    return render(request, "events/manage.html", context, status=status)


def registration_manage(request, token):
    # The address is the secret: tori.middleware.PrivatePagesMiddleware keeps this page
    # out of caches and its address out of Referer headers to other sites.
    registration = _registration(token)
    if registration is None:
        return render(request, "events/link_missing.html", status=404)
    url = reverse("events:registration", args=[token])
    if request.method != "POST":
        return _manage_page(request, registration)
    action = request.POST.get("action", "change")
    try:
        if action == "cancel":
            # The first press asks again on a page of its own: no JavaScript needed.
            return _manage_page(request, registration, confirm=True)
        if action == "cancel_confirm":
            was_waiting = registration.status == RegistrationStatus.WAITLISTED
            registration_cancel(registration)
            messages.success(
                request,
                _("You have left the waiting list.")
                if was_waiting
                else _("Your registration is cancelled. We sent you a confirmation."),
            )
            return redirect(url)
        found = _finding(request, DetailsForm, event=registration.event)
        if found is not None:
            form, finding = found
            return _manage_page(request, registration, form=form, finding=finding)
        form = DetailsForm(data=request.POST, event=registration.event)
        if not form.is_valid():
            return _manage_page(request, registration, form=form, status=400)
        registration_change(registration, **form.details())
        messages.success(request, _("Your details are saved."))
        return redirect(url)
    except EventError as error:
        messages.error(request, str(error))
        return redirect(url)
