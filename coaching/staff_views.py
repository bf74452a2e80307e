"""Coaching's working pages: the board of applications and an application's page
(/sparraus/hallinta/, coaching/staff_urls.py).

Thin views: a form checks what was typed, one service (coaching/services.py,
feedback.py) changes the state, a message tells what happened and a redirect shows
the result. A refusal (CoachingError) comes back as an error with everything typed
kept. The board is the programme team's (staff); an application's page opens also to
the expert assigned to it, who may plan and record sessions, mark the coaching
realised, message the applicant and write notes, but not decide. Everything else is
404 to an expert: applications are looked up through ``visible_to``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEntry

from .feedback import feedback_open, feedback_summary
from .models import (
    BOARD_ORDER,
    GRANTED,
    WITHDRAWABLE,
    Application,
    ApplicationStatus,
    Author,
    Round,
    Session,
)
from .services import (
    CoachingError,
    application_accept,
    application_assess,
    application_close,
    application_decline,
    application_deed_record,
    application_expert_change,
    application_realise,
    application_withdraw,
    message_send,
    note_add,
    round_room,
    session_plan,
    session_record,
    session_remove,
)
from .staff_forms import (
    AcceptForm,
    BoardFilterForm,
    DeclineForm,
    DeedLinkForm,
    ExpertChangeForm,
    MessageForm,
    NoteForm,
    SessionPlanForm,
    SessionRecordForm,
    WithdrawForm,
)

S = ApplicationStatus

# --- Who may look ------------------------------------------------------------------


def staff_required(view):
    """The programme team's pages: the sign-in page for the signed out, 403 for
    everyone else (an expert or an organisation's editor is not staff)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def signed_in_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def visible_application(request, pk):
    """The application if this person may see it (staff, or its expert); else 404."""
    return get_object_or_404(
        Application.objects.visible_to(request.user).select_related(
            "round", "organisation", "expert", "preferred_expert"
        ),
        pk=pk,
    )


def chosen_round(request):
    """The round of ?vuosi=YYYY, or the latest."""
    rounds = list(Round.objects.all())
    wanted = request.GET.get("vuosi", "")
    for round_ in rounds:
        if wanted == str(round_.year):
            return round_, rounds
    if wanted and rounds:
        messages.warning(
            request, _("No round in that year; showing %(year)s.") % {"year": rounds[0].year}
        )
    return (rounds[0] if rounds else None), rounds


def budget(round_):
    if round_ is None:
        return None
    granted, used = round_.days_granted(), round_.days_used()
    return {
        "budget": round_.budget_days,
        "granted": granted,
        "used": used,
        "room": round_room(round_),
        "over": granted > round_.budget_days,
    }


# --- The board -----------------------------------------------------------------------


@staff_required
def board(request):
    round_, rounds = chosen_round(request)
    form = BoardFilterForm(request.GET)
    applications = (
        Application.objects.sent()
        .filter(round=round_)
        .select_related("organisation", "expert")
        .prefetch_related("themes")
        .order_by("submitted_at", "pk")
    )
    states = BOARD_ORDER
    if form.is_valid():
        data = form.cleaned_data
        if data["tila"]:
            states = [data["tila"]]
        if data["teema"]:
            applications = applications.filter(themes=data["teema"])
        if data["asiantuntija"]:
            applications = applications.filter(expert=data["asiantuntija"])
    by_state = {state: [] for state in states}
    for application in applications:
        if application.status in by_state:
            by_state[application.status].append(application)
    labels = dict(S.choices)
    columns = [(state, labels[state], by_state[state]) for state in states]
    context = {
        "round": round_,
        "rounds": rounds,
        "figures": budget(round_),
        "form": form,
        "columns": columns,
        "shown": sum(len(items) for _state, _label, items in columns),
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, "coaching/staff/board.html", context)


# --- One application -----------------------------------------------------------------

# The page's forms: (name, form class, states it is offered in, staff only). The name is
# the form's prefix, the action's address and the key of a refused form's bound copy.
STAFF, ANYONE = True, False
FORMS = {
    "accept": (AcceptForm, (S.RECEIVED, S.ASSESSING), STAFF),
    "decline": (DeclineForm, (S.RECEIVED, S.ASSESSING), STAFF),
    "withdraw": (WithdrawForm, WITHDRAWABLE, STAFF),
    "expert": (ExpertChangeForm, (S.ACCEPTED, S.SCHEDULED), STAFF),
    "deed": (DeedLinkForm, GRANTED, STAFF),
    "plan": (SessionPlanForm, (S.ACCEPTED, S.SCHEDULED), ANYONE),
    "message": (MessageForm, tuple(s for s in S.values if s != S.DRAFT), ANYONE),
    "note": (NoteForm, tuple(S.values), ANYONE),
}


def _make_form(name, application, data=None):
    form_class = FORMS[name][0]
    kwargs = {"application": application} if form_class is AcceptForm else {}
    return form_class(data, prefix=name, **kwargs)


def _history(application, session_ids):
    """The application's audit entries and its sessions' (planned, recorded): who did
    what and when. Feedback answers are never audited, so nothing here dates one."""
    return (
        AuditEntry.objects.filter(
            Q(content_type=ContentType.objects.get_for_model(Application), object_id=application.pk)
            | Q(content_type=ContentType.objects.get_for_model(Session), object_id__in=session_ids)
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def application_context(request, application, bound=None):
    bound = bound or {}
    is_staff = request.user.is_staff
    forms = {}
    for name, (_form_class, states, staff_only) in FORMS.items():
        if name in bound:
            # A refused form is shown with what was typed, even when the state moved
            # on meanwhile (another tab, a colleague): its error tells why.
            forms[name] = bound[name]
        elif application.status in states and (is_staff or not staff_only):
            forms[name] = _make_form(name, application)
    sessions = list(application.sessions.all())
    for session in sessions:
        key = f"session-{session.pk}"
        session.form = bound.get(key) or SessionRecordForm(
            prefix=key,
            initial={
                "date": session.date,
                "days": session.days,
                "participants": session.participants,
                "employees": session.employees,
            },
        )
    answers = application.feedback_answers.all()
    room = round_room(application.round) if application.round_id else None
    accept = forms.get("accept")
    context = {
        "application": application,
        "is_staff": is_staff,
        "forms": forms,
        "sessions": sessions,
        "can_change_sessions": application.status == S.SCHEDULED,
        "can_assess": is_staff and application.status == S.RECEIVED,
        "can_realise": application.status == S.SCHEDULED,
        "can_open_feedback": is_staff and application.status == S.REALISED,
        "can_close": is_staff and application.status in (S.REALISED, S.FEEDBACK),
        "figures": budget(application.round),
        "room": room,
        # The override is offered when the wish does not fit or after a refusal.
        "show_override": accept is not None
        and (accept.is_bound or room is None or (application.days_requested or 0) > (room or 0)),
        "group": application.group(),
        "thread": application.messages.select_related("author_user"),
        "notes": application.notes.select_related("author_user"),
        "feedback": feedback_summary(answers),
        # Sorted by text, without their month: the order tells nothing of who answered.
        "feedback_texts": list(
            answers.exclude(text="").order_by("text").values_list("text", flat=True)
        ),
        "feedback_links": application.feedback_links.aggregate(
            total=Count("pk"), used=Count("pk", filter=Q(used=True))
        ),
        "deeds": application.deeds.all(),
        "history": _history(application, [s.pk for s in sessions]),
    }
    return context


@signed_in_required
def application_page(request, pk):
    application = visible_application(request, pk)
    return render(
        request, "coaching/staff/application.html", application_context(request, application)
    )


def _page_url(application, anchor=""):
    url = reverse("coaching_staff:application", kwargs={"pk": application.pk})
    return f"{url}#{anchor}" if anchor else url


def _refused(request, application, bound, error):
    """Show the page again with the typed values, the refusal and status 400."""
    if error is not None:
        messages.error(request, str(error))
    context = application_context(request, application, bound)
    return render(request, "coaching/staff/application.html", context, status=400)


def _form_action(request, pk, name, run, done, anchor):
    application = visible_application(request, pk)
    if FORMS[name][2] is STAFF and not request.user.is_staff:
        raise PermissionDenied
    form = _make_form(name, application, request.POST)
    if not form.is_valid():
        return _refused(request, application, {name: form}, None)
    try:
        run(application, form.cleaned_data)
    except CoachingError as error:
        form.add_error(None, str(error))
        return _refused(request, application, {name: form}, error)
    messages.success(request, done)
    return redirect(_page_url(application, anchor))


def _plain_action(request, pk, run, done, *, staff_only, anchor="state"):
    application = visible_application(request, pk)
    if staff_only and not request.user.is_staff:
        raise PermissionDenied
    try:
        run(application)
    except CoachingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(_page_url(application, anchor))


# --- Staff's decisions ---------------------------------------------------------------


@staff_required
@require_POST
def assess(request, pk):
    return _plain_action(
        request,
        pk,
        lambda a: application_assess(a, actor=request.user),
        _("The application is being assessed."),
        staff_only=True,
    )


@staff_required
@require_POST
def accept(request, pk):
    def run(application, data):
        application_accept(
            application,
            days=data["days"],
            expert=data["expert"],
            actor=request.user,
            override=data["override"],
            reason=data["reason"],
        )

    return _form_action(
        request,
        pk,
        "accept",
        run,
        _("The application was accepted; the applicant and the expert were told."),
        "state",
    )


@staff_required
@require_POST
def decline(request, pk):
    return _form_action(
        request,
        pk,
        "decline",
        lambda a, d: application_decline(a, reason=d["reason"], actor=request.user),
        _("The application was declined; the applicant was told the reason."),
        "state",
    )


@staff_required
@require_POST
def withdraw(request, pk):
    return _form_action(
        request,
        pk,
        "withdraw",
        lambda a, d: application_withdraw(a, actor=request.user, reason=d["reason"]),
        _("The application was withdrawn."),
        "state",
    )


@staff_required
@require_POST
def expert_change(request, pk):
    return _form_action(
        request,
        pk,
        "expert",
        lambda a, d: application_expert_change(a, expert=d["expert"], actor=request.user),
        _("The coaching was handed to another expert; both were told."),
        "state",
    )


@staff_required
@require_POST
def feedback_open_view(request, pk):
    return _plain_action(
        request,
        pk,
        lambda a: feedback_open(a, actor=request.user),
        _("Feedback is open: the contact person got the links."),
        staff_only=True,
    )


@staff_required
@require_POST
def close(request, pk):
    return _plain_action(
        request,
        pk,
        lambda a: application_close(a, actor=request.user),
        _("The coaching was closed; the contact person got the link to share a deed."),
        staff_only=True,
    )


@staff_required
@require_POST
def deed_link(request, pk):
    return _form_action(
        request,
        pk,
        "deed",
        lambda a, d: application_deed_record(a, d["deed"], actor=request.user),
        _("The deed was recorded as coming from this coaching."),
        "deeds",
    )


# --- Sessions, messages and notes: staff and the assigned expert ----------------------


@signed_in_required
@require_POST
def session_plan_view(request, pk):
    return _form_action(
        request,
        pk,
        "plan",
        lambda a, d: session_plan(a, date=d["date"], actor=request.user),
        _("The session was planned; the applicant was told the dates."),
        "sessions",
    )


def _session(application, session_pk):
    return get_object_or_404(application.sessions, pk=session_pk)


@signed_in_required
@require_POST
def session_record_view(request, pk, session):
    application = visible_application(request, pk)
    held = _session(application, session)
    key = f"session-{held.pk}"
    form = SessionRecordForm(request.POST, prefix=key)
    if not form.is_valid():
        return _refused(request, application, {key: form}, None)
    try:
        session_record(held, actor=request.user, **form.cleaned_data)
    except CoachingError as error:
        form.add_error(None, str(error))
        return _refused(request, application, {key: form}, error)
    messages.success(request, _("The session was recorded."))
    return redirect(_page_url(application, "sessions"))


@signed_in_required
@require_POST
def session_remove_view(request, pk, session):
    application = visible_application(request, pk)
    planned = _session(application, session)
    return _plain_action(
        request,
        pk,
        lambda a: session_remove(planned, actor=request.user),
        _("The planned session was removed."),
        staff_only=False,
        anchor="sessions",
    )


@signed_in_required
@require_POST
def realise(request, pk):
    return _plain_action(
        request,
        pk,
        lambda a: application_realise(a, actor=request.user),
        _("The coaching is marked realised."),
        staff_only=False,
    )


@signed_in_required
@require_POST
def message(request, pk):
    def run(application, data):
        author = Author.STAFF if request.user.is_staff else Author.EXPERT
        message_send(application, author=author, body=data["body"], user=request.user)

    return _form_action(
        request, pk, "message", run, _("The message was sent to the applicant."), "messages"
    )


@signed_in_required
@require_POST
def note(request, pk):
    return _form_action(
        request,
        pk,
        "note",
        lambda a, d: note_add(a, body=d["body"], user=request.user),
        _("The note was saved."),
        "notes",
    )
