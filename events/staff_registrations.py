"""The staff's pages about an event's people: registrants and the waiting list,
cancelling a registration, the attendance list, messages and the registrants' export
(events/staff_urls.py). Personal data is shown only here, to staff; a registration is
always looked up within the event in the address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from core.collation import finnish_sort_key

from .exports import registrations_export
from .models import Message, Registration, RegistrationStatus
from .services import EventError, message_send, registration_cancel, registration_mark_attendance
from .staff_forms import MessageForm
from .staff_views import _event, _is_htmx, _names

# --- Registrations ---------------------------------------------------------------------


def registration_rows(event):
    """The event's registrations in three lists: confirmed (in registration order), the
    waiting list in queue order with positions, and the cancelled ones."""
    registrations = Registration.objects.filter(event=event).select_related("organisation")
    waiting = list(registrations.waitlisted().in_queue_order())
    for position, registration in enumerate(waiting, start=1):
        registration.position = position
    return {
        "confirmed_list": list(registrations.confirmed().order_by("created_at", "pk")),
        "waiting_list": waiting,
        "cancelled_list": list(
            registrations.filter(status=RegistrationStatus.CANCELLED).order_by(
                "-cancelled_at", "-pk"
            )
        ),
    }


@staff_member_required
def registration_list(request, pk):
    event = _event(pk)
    context = {"event": event, **registration_rows(event)}
    return render(request, "events/staff/registrations.html", context)


def _registration(event, registration_pk):
    return get_object_or_404(
        Registration.objects.select_related("organisation"), pk=registration_pk, event=event
    )


@staff_member_required
def registration_cancel_view(request, pk, registration_pk):
    """Confirm, then cancel: the person gets an email, the first person waiting the place."""
    event = _event(pk)
    registration = _registration(event, registration_pk)
    if request.method != "POST":
        context = {"event": event, "registration": registration}
        return render(request, "events/staff/registration_cancel.html", context)
    try:
        registration, promoted = registration_cancel(registration, actor=request.user)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The registration of %(name)s was cancelled.")
            % {"name": registration.name or pgettext("events staff", "anonymised")},
        )
        if promoted:
            messages.info(
                request,
                _("Promoted from the waiting list: %(names)s.") % {"names": _names(promoted)},
            )
    return redirect(reverse("events_staff:registrations", args=[event.pk]))


# --- Attendance ------------------------------------------------------------------------


def _attendance_people(event):
    people = list(
        Registration.objects.filter(event=event).confirmed().select_related("organisation")
    )
    people.sort(key=lambda r: (finnish_sort_key(r.name), r.pk))
    return people


@staff_member_required
def attendance_list(request, pk):
    event = _event(pk)
    people = _attendance_people(event)
    context = {
        "event": event,
        "people": people,
        "present": sum(1 for r in people if r.attended),
        "too_early": event.starts_at > timezone.now() + _early(),
    }
    return render(request, "events/staff/attendance.html", context)


def _early():
    return settings.EVENT_ATTENDANCE_EARLY


@staff_member_required
@require_POST
def attendance_mark(request, pk, registration_pk):
    """One tap: the button posts the state it sets (not "toggle"), so a repeated post
    (a double tap, a reload) leaves the mark as the person meant it."""
    event = _event(pk)
    registration = _registration(event, registration_pk)
    attended = request.POST.get("attended") == "1"
    error = None
    try:
        registration = registration_mark_attendance(
            registration, attended=attended, actor=request.user
        )
    except EventError as refusal:
        error = str(refusal)
    if _is_htmx(request):
        present = Registration.objects.filter(event=event).confirmed().filter(attended=True)
        context = {
            "event": event,
            "person": registration,
            "error": error,
            "present": present.count(),
            "total": Registration.objects.filter(event=event).confirmed().count(),
            "oob": True,
        }
        response = render(request, "events/staff/_attendance_row.html", context)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if error:
        messages.error(request, error)
    response = redirect(
        reverse("events_staff:attendance", args=[event.pk]) + f"#person-{registration.pk}"
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- Messages --------------------------------------------------------------------------


@staff_member_required
def message_list(request, pk):
    event = _event(pk)
    form = MessageForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                message = message_send(event, actor=request.user, **form.cleaned_data)
            except EventError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The message was sent to %(count)s people.") % {"count": message.recipients},
                )
                return redirect(reverse("events_staff:messages", args=[event.pk]))
    registrations = Registration.objects.filter(event=event)
    context = {
        "event": event,
        "form": form,
        "sent": Message.objects.filter(event=event).select_related("sent_by"),
        "confirmed": registrations.confirmed().count(),
        "waitlisted": registrations.waitlisted().count(),
    }
    return render(request, "events/staff/messages.html", context, status=status)


# --- Export ----------------------------------------------------------------------------


@staff_member_required
def registrations_download(request, pk, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return registrations_export(_event(pk), fmt, actor=request.user)
