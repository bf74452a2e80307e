"""The staff's event pages: /tapahtumat/hallinta/ (events/staff_urls.py).

Thin views: a form validates, a service (events/services.py, events/series_services.py)
changes the state, a message tells what happened, a redirect shows the result. A refusal
(EventError) comes back as a form error or a message, with everything typed kept.
Registrants' personal data is shown only here, to staff (staff_member_required on every
view; the registration is always looked up within the event in the address).
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from .figures import event_figures, events_figures, year_figures
from .models import Event, EventStatus, Registration, Series
from .series_services import series_change, series_create
from .services import (
    EventError,
    event_cancel,
    event_change,
    event_create,
    event_publish,
    event_publish_recording,
    event_set_registration_open,
)
from .staff_forms import CancelEventForm, EventForm, RecordingForm, SeriesForm

# Laki digitaalisten palvelujen tarjoamisesta (306/2019), 10 § and its annex: a recording
# published on a public-sector site must be made accessible (captioned) within 14 days.
CAPTION_DAYS = 14
# Staff are warned this long before the captioning deadline.
CAPTION_WARNING = timedelta(days=3)
PAST_PER_PAGE = 50

# Event.registration_state() in words, for the staff's lists.
STATE_LABELS = {
    "open": pgettext_lazy("events staff", "Registration open"),
    "not_yet": pgettext_lazy("events staff", "Registration not open yet"),
    "closed": pgettext_lazy("events staff", "Registration closed"),
    "past": pgettext_lazy("events staff", "Over"),
    "cancelled": pgettext_lazy("events staff", "Cancelled"),
    "draft": pgettext_lazy("events staff", "Draft, not public"),
}


def _is_htmx(request):
    # A history restoration replaces the whole page, so it gets the whole page.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _event(pk):
    return get_object_or_404(Event.objects.select_related("series", "municipality"), pk=pk)


def _event_url(event, anchor=""):
    return reverse("events_staff:event", args=[event.pk]) + (f"#{anchor}" if anchor else "")


def _names(registrations):
    return ", ".join(r.name or pgettext("events staff", "anonymised") for r in registrations)


# --- Overview --------------------------------------------------------------------------


@staff_member_required
def event_list(request):
    now = timezone.now()
    events = Event.objects.with_counts().select_related("series")
    upcoming = list(events.upcoming(now).order_by("starts_at", "pk"))
    past = Paginator(events.past(now).order_by("-starts_at", "-pk"), PAST_PER_PAGE).get_page(
        request.GET.get("sivu")
    )
    for event in [*upcoming, *past]:
        event.state = event.registration_state(now)
        event.state_label = STATE_LABELS[event.state]
    context = {"upcoming": upcoming, "past": past, "series_list": Series.objects.all()}
    return render(request, "events/staff/event_list.html", context)


# --- Creating and changing -------------------------------------------------------------


def _form_page(request, form, event=None, status=200):
    context = {"form": form, "event": event}
    return render(request, "events/staff/event_form.html", context, status=status)


@staff_member_required
def event_new(request):
    if request.method != "POST":
        initial = {}
        series = request.GET.get("sarja", "")
        if series.isascii() and series.isdecimal() and len(series) < 10:
            initial["series"] = Series.objects.filter(pk=int(series)).first()
        return _form_page(request, EventForm(initial=initial))
    form = EventForm(data=request.POST)
    if form.is_valid():
        try:
            event = event_create(actor=request.user, **form.service_arguments())
        except (EventError, ValidationError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The event was saved as a draft."))
            return redirect(_event_url(event))
    return _form_page(request, form, status=400)


@staff_member_required
def event_edit(request, pk):
    event = _event(pk)
    if request.method != "POST":
        return _form_page(request, EventForm(instance=event), event)
    # The form writes the posted values onto its instance; the service reads the event
    # again under its lock (and refuses a cancelled one), so this copy stays as stored.
    form = EventForm(data=request.POST, instance=_event(pk))
    if form.is_valid():
        try:
            event, promoted = event_change(event, actor=request.user, **form.service_arguments())
        except (EventError, ValidationError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, pgettext("events staff", "The event was saved."))
            if promoted:
                messages.info(
                    request,
                    _("Promoted from the waiting list: %(names)s.") % {"names": _names(promoted)},
                )
            return redirect(_event_url(event))
    return _form_page(request, form, event, status=400)


def _add_errors(form, error):
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


# --- One event -------------------------------------------------------------------------


def caption_deadline(event):
    if event.recording_published_at is None:
        return None
    return event.recording_published_at + timedelta(days=CAPTION_DAYS)


def event_context(event, *, recording_form=None, now=None):
    now = now or timezone.now()
    registrations = Registration.objects.filter(event=event)
    deadline = caption_deadline(event)
    caption_warning = None
    if deadline and not event.recording_captioned:
        if deadline <= now:
            caption_warning = "past"
        elif deadline - now <= CAPTION_WARNING:
            caption_warning = "near"
        else:
            caption_warning = "open"
    if recording_form is None:
        recording_form = RecordingForm(
            initial={"url": event.recording_url, "captioned": event.recording_captioned},
            prefix="recording",
        )
    state = event.registration_state(now)
    return {
        "event": event,
        "state": state,
        "state_label": STATE_LABELS[state],
        "confirmed": registrations.confirmed().count(),
        "waitlisted": registrations.waitlisted().count(),
        "figures": event_figures(event),
        "recording_form": recording_form,
        "can_record": event.status == EventStatus.PUBLISHED and event.is_past(now),
        "caption_deadline": deadline,
        "caption_warning": caption_warning,
        "messages_sent": event.messages.count(),
        "audit": event.audit_entries().select_related("actor")[:20],
    }


@staff_member_required
def event_page(request, pk):
    event = _event(pk)
    return render(request, "events/staff/event.html", event_context(event))


def _act(request, event, action, done):
    try:
        action()
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(_event_url(event))


@staff_member_required
@require_POST
def event_publish_view(request, pk):
    event = _event(pk)
    return _act(
        request,
        event,
        lambda: event_publish(event, actor=request.user),
        pgettext("events staff", "The event was published."),
    )


@staff_member_required
@require_POST
def event_registration_view(request, pk):
    event = _event(pk)
    open_ = request.POST.get("action") == "open"
    return _act(
        request,
        event,
        lambda: event_set_registration_open(event, open=open_, actor=request.user),
        pgettext("events staff", "Registration is open again.")
        if open_
        else pgettext("events staff", "Registration was closed."),
    )


@staff_member_required
def event_cancel_view(request, pk):
    """A page of its own: cancelling emails everyone, so staff confirm it with a reason."""
    event = _event(pk)
    form = CancelEventForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                event_cancel(event, actor=request.user, reason=form.cleaned_data["reason"])
            except EventError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("The event was cancelled and its registrants were told.")
                )
                return redirect(_event_url(event))
    registrations = Registration.objects.filter(event=event)
    context = {
        "event": event,
        "form": form,
        "confirmed": registrations.confirmed().count(),
        "waitlisted": registrations.waitlisted().count(),
    }
    return render(request, "events/staff/event_cancel.html", context, status=status)


@staff_member_required
@require_POST
def event_recording_view(request, pk):
    event = _event(pk)
    form = RecordingForm(request.POST, prefix="recording")
    if form.is_valid():
        try:
            event_publish_recording(
                event,
                url=form.cleaned_data["url"],
                captioned=form.cleaned_data["captioned"],
                actor=request.user,
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, pgettext("events staff", "The recording was published."))
            return redirect(_event_url(event, "recording"))
    context = event_context(event, recording_form=form)
    return render(request, "events/staff/event.html", context, status=400)


# --- Yearly figures --------------------------------------------------------------------


@staff_member_required
def year_figures_page(request):
    years = sorted(
        {d.year for d in Event.objects.dates("starts_at", "year")} | {timezone.now().year},
        reverse=True,
    )
    chosen = request.GET.get("vuosi", "")
    year = timezone.localdate().year
    if chosen.isascii() and chosen.isdecimal() and int(chosen) in years:
        year = int(chosen)
    elif chosen:
        messages.warning(request, _("No events in that year; showing %(year)s.") % {"year": year})
    rows = year_figures(year)
    total = events_figures(Event.objects.filter(status=EventStatus.PUBLISHED).in_year(year))
    context = {"years": years, "year": year, "rows": rows, "total": total}
    return render(request, "events/staff/year_figures.html", context)


# --- Series ----------------------------------------------------------------------------


@staff_member_required
def series_form(request, pk=None):
    series = get_object_or_404(Series, pk=pk) if pk is not None else None
    form = SeriesForm(request.POST if request.method == "POST" else None, instance=series)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = {key: form.cleaned_data[key] for key in form.Meta.fields}
            try:
                if series is None:
                    series = series_create(actor=request.user, **data)
                else:
                    series = series_change(series, actor=request.user, **data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, pgettext("events staff", "The series was saved."))
                return redirect(reverse("events_staff:list") + "#series")
    events = series.events.order_by("-starts_at") if series is not None else []
    context = {"form": form, "series": series, "events": events}
    return render(request, "events/staff/series_form.html", context, status=status)
