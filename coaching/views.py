"""Public coaching pages: what coaching is, the experts' profiles, applying without an
account (a draft kept on every press, like the share form) and the applicant's own
page behind the secret link in their emails."""

import re
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core import clock
from core.formguard import spam_reason, started_token, without_controls
from core.i18n import localized_with_language
from core.ratelimit import client_rate_limited
from deeds.models import Deed
from organisations.finder import clean_query, find_organisations, organisation_named

from .feedback import links_of
from .forms import ApplicationForm, MessageForm, WithdrawForm, selectable_experts
from .models import (
    WITHDRAWABLE,
    Application,
    ApplicationStatus,
    Author,
    CoachingTheme,
    Expert,
    Round,
)
from .services import (
    CoachingError,
    application_by_token,
    application_save,
    application_submit,
    application_token,
    application_withdraw,
    message_send,
    new_form_key,
)
from .sharing import share_url

S = ApplicationStatus
FORM_KEY = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
FIND_CHOICES = 8
# Each answer on the follow page is emailed to the programme team and the expert: a
# client may send this many an hour before the page asks them to wait.
MESSAGES_PER_HOUR = 20
BLOCKED = {
    "honeypot": gettext_lazy("The form could not be saved. If you are a person, please try again."),
    "no_timestamp": gettext_lazy("The form had expired. Check the fields and save again."),
    "too_fast": gettext_lazy("The form was sent very quickly. Wait a moment and save again."),
    "rate_limit": gettext_lazy(
        "Too many new applications from your address in an hour. Please try again later."
    ),
}


def _today():
    return clock.now().date()


def _open_round():
    return Round.objects.open_on(_today()).first()


# --- What coaching is, and the experts ---------------------------------------------------


def coaching_page(request):
    today = _today()
    experts = Expert.objects.public().prefetch_related(
        Prefetch("themes", queryset=CoachingTheme.objects.active())
    )
    context = {
        "themes": [
            (theme, *localized_with_language(theme, "description"))
            for theme in CoachingTheme.objects.active()
        ],
        "round": Round.objects.open_on(today).first(),
        "next_round": Round.objects.filter(opens_on__gt=today).order_by("opens_on").first(),
        "experts": experts,
    }
    return render(request, "coaching/page.html", context)


def expert_profile(request, slug):
    expert = get_object_or_404(
        Expert.objects.public().prefetch_related(
            Prefetch("themes", queryset=CoachingTheme.objects.active())
        ),
        slug=slug,
    )
    bio, bio_language = localized_with_language(expert, "bio")
    deeds = (
        Deed.objects.published()
        .filter(coachings__expert=expert)
        .distinct()
        .select_related("organisation", "municipality", "region")
        .order_by("-published_at", "-pk")
    )
    context = {"expert": expert, "bio": bio, "bio_language": bio_language, "deeds": deeds}
    return render(request, "coaching/expert.html", context)


# --- Applying ------------------------------------------------------------------------------


def _by_form_key(form_key):
    # Checked before the lookup: PostgreSQL refuses some characters (NUL) outright.
    if not FORM_KEY.match(form_key):
        raise Http404
    return get_object_or_404(Application, form_key=form_key)


def _form(request, *, data=None, initial=None, sending=True):
    experts = selectable_experts(_today())
    return ApplicationForm(data=data, initial=initial, sending=sending, experts=experts)


def _typed(post):
    """What was typed, unvalidated, as a form's initial values (a blocked post or
    "Find": the person did nothing wrong, so no errors are shown)."""
    values = {
        key: without_controls(post.get(key, ""))[:5000]
        for key in post
        if key not in ("csrfmiddlewaretoken", "themes", "form_key", "started")
    }
    values["themes"] = [v for v in post.getlist("themes") if v.isascii() and v.isdecimal()]
    values["organisation_missing"] = bool(post.get("organisation_missing"))
    values["consent"] = bool(post.get("consent"))
    return values


def _form_page(
    request, form, application=None, *, status=200, notice=None, finding="", form_key=None
):
    round_ = _open_round()
    context = {
        "form": form,
        "application": application,
        "round": round_,
        "form_key": application.form_key if application else form_key or new_form_key(),
        "started": started_token(),
        "notice": notice,
        "finding": finding,
        "candidates": find_organisations(finding, limit=FIND_CHOICES)
        if finding
        else form.candidates()
        if form is not None and form.is_bound
        else [],
    }
    return render(request, "coaching/apply.html", context, status=status)


def application_new(request):
    if _open_round() is None:
        # No form: the page says when applications are taken. A draft already started
        # (its own address) can still be saved, and sent once a round opens.
        status = 409 if request.method == "POST" else 200
        return _form_page(request, None, status=status)
    if request.method == "POST":
        return _save(request, None)
    return _form_page(request, _form(request, initial={"language": get_language()[:2]}))


def _private(view):
    """A draft's address is its secret, like a follow link's (which
    tori.middleware.PrivatePagesMiddleware covers by its ``token``): kept out of
    caches and out of Referer headers to other sites."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


@_private
def application_edit(request, form_key):
    application = _by_form_key(form_key)
    if not application.is_editable:
        # Sent: the draft's address leads to the application's own page (Back after
        # sending lands there, a whole page).
        return redirect("coaching:follow", token=application_token(application))
    if request.method == "POST":
        return _save(request, application)
    form = _form(request, initial=ApplicationForm.initial_from(application))
    return _form_page(request, form, application)


def _save(request, application):
    post = request.POST
    form_key = post.get("form_key", "") if application is None else application.form_key
    if not FORM_KEY.match(form_key):
        form_key = new_form_key()
    if application is None:  # a double-clicked first press finds the first draft
        application = Application.objects.filter(form_key=form_key).first()
        if application is not None and not application.is_editable:
            return redirect("coaching:follow", token=application_token(application))
    reason = spam_reason(post, first_save=application is None)
    if reason is None and application is None:
        if client_rate_limited(
            request, "coaching_application", settings.COACHING_APPLICATIONS_PER_HOUR
        ):
            reason = "rate_limit"
    if reason is not None:
        return _form_page(
            request,
            _form(request, initial=_typed(post)),
            application,
            status=429 if reason == "rate_limit" else 400,
            notice=str(BLOCKED[reason]),
            form_key=form_key,
        )
    action = post.get("action", "save")
    sending = action == "send"
    form = _form(request, data=post, sending=sending)
    form.is_valid()
    fields, themes = form.draft_values(application)
    application = application_save(application, fields=fields, themes=themes, form_key=form_key)
    edit_url = reverse("coaching:draft", kwargs={"form_key": application.form_key})
    if action == "find_organisation":
        name = post.get("organisation_name", "")
        # "Find" is the form's first button, so Enter in any field presses it: with no
        # name typed, or one naming an organisation exactly, it is an ordinary save.
        if name.strip() and organisation_named(name) is None:
            return _form_page(
                request,
                _form(request, initial=_typed(post)),
                application,
                finding=clean_query(name),
            )
        action = "save"
    if form.errors:
        return _form_page(request, form, application, status=400)
    if sending:
        if _open_round() is None:
            notice = _("Applications are not being taken at the moment.")
            return _form_page(request, form, application, status=409, notice=notice)
        try:
            application = application_submit(
                application, consent_version=settings.PRIVACY_NOTICE_VERSION
            )
        except CoachingError as error:
            return _form_page(request, form, application, status=409, notice=str(error))
        return redirect("coaching:follow", token=application_token(application))
    messages.success(
        request,
        _("Your draft is saved. You can come back to it at this address until you send it."),
    )
    return redirect(edit_url)


# --- The applicant's own page ------------------------------------------------------------

STEPS = (
    (S.RECEIVED, gettext_lazy("Received")),
    (S.ASSESSING, gettext_lazy("Being assessed")),
    (S.ACCEPTED, gettext_lazy("Decision")),
    (S.SCHEDULED, gettext_lazy("Sessions scheduled")),
    (S.REALISED, gettext_lazy("Coaching realised")),
    (S.FEEDBACK, gettext_lazy("Feedback")),
    (S.CLOSED, gettext_lazy("Closed")),
)
ORDER = [code for code, _label in STEPS]


def _steps(application):
    """The way of an application as [(label, state)], state "done", "current" or
    "upcoming". A declined or withdrawn application stops where it was decided."""
    status = application.status
    if status in ORDER:
        reached = ORDER.index(status)
    elif status == S.DECLINED:
        reached = ORDER.index(S.ACCEPTED)
    else:  # withdrawn: from the last step it was at, which the dates tell
        reached = (
            ORDER.index(S.SCHEDULED)
            if application.sessions.exists()
            else ORDER.index(S.ACCEPTED)
            if application.days_granted
            else ORDER.index(S.RECEIVED)
        )
    steps = []
    for index, (code, label) in enumerate(STEPS):
        if status == S.DECLINED and code == S.ACCEPTED:
            label = _("Declined")
        if index < reached or (index == reached and status == S.CLOSED):
            state = "done"
        elif index == reached and status != S.WITHDRAWN:
            state = "current"
        else:
            state = "upcoming"
        steps.append({"label": label, "state": state})
    if status == S.WITHDRAWN:
        steps = [s for s in steps if s["state"] == "done"] + [
            {"label": _("Withdrawn"), "state": "current"}
        ]
    elif status == S.DECLINED:
        steps = steps[: ORDER.index(S.ACCEPTED) + 1]
    return steps


def _feedback_links(application):
    with translation.override(application.language):
        return [
            {
                "number": number,
                "url": settings.SITE_URL.rstrip("/")
                + reverse("coaching:feedback", kwargs={"token": token}),
                "used": used,
            }
            for number, token, used in links_of(application)
        ]


def _withdraw_reason(application):
    entry = application.audit_entries().filter(action="application.withdrawn").first()
    return entry.reason if entry else ""


def _follow_page(
    request, application, token, *, status=200, form=None, confirm=False, withdraw=None
):
    if application.anonymised_at:
        return render(request, "coaching/follow_ended.html", status=status)
    context = {
        "application": application,
        "token": token,
        "steps": _steps(application),
        "sessions": list(application.sessions.all()),
        "thread": list(application.messages.all()),
        "themes": list(application.themes.all()),
        "message_form": form or MessageForm(),
        "withdrawable": application.status in WITHDRAWABLE,
        "confirm": confirm and application.status in WITHDRAWABLE,
        "withdraw_form": withdraw or WithdrawForm(),
        "withdraw_reason": _withdraw_reason(application)
        if application.status == S.WITHDRAWN
        else "",
        "feedback_links": _feedback_links(application) if application.status == S.FEEDBACK else [],
        "deed_share_url": share_url(application) if application.status == S.CLOSED else "",
    }
    return render(request, "coaching/follow.html", context, status=status)


def application_follow(request, token):
    # The address is the secret: tori.middleware.PrivatePagesMiddleware keeps this page
    # out of caches (no-store) and its address out of Referer headers to other sites.
    application = application_by_token(token)
    if application is None:
        return render(request, "coaching/link_missing.html", status=404)
    url = reverse("coaching:follow", kwargs={"token": token})
    if request.method != "POST" or application.anonymised_at:
        return _follow_page(request, application, token)
    action = request.POST.get("action")
    try:
        if action == "withdraw":
            # The first press asks again on a page of its own: no JavaScript needed.
            return _follow_page(request, application, token, confirm=True)
        if action == "withdraw_confirm":
            form = WithdrawForm(data=request.POST)
            if not form.is_valid():
                return _follow_page(
                    request, application, token, status=400, confirm=True, withdraw=form
                )
            application_withdraw(application, reason=form.cleaned_data["reason"].strip())
            messages.success(
                request, _("Your application is withdrawn. We sent you a confirmation.")
            )
            return redirect(url)
        if action == "message":
            form = MessageForm(data=request.POST)
            if not form.is_valid():
                return _follow_page(request, application, token, status=400, form=form)
            if client_rate_limited(request, "coaching_message", MESSAGES_PER_HOUR):
                form.add_error(
                    "body", _("Too many messages from your address in an hour. Try again later.")
                )
                return _follow_page(request, application, token, status=429, form=form)
            message_send(application, author=Author.APPLICANT, body=form.cleaned_data["body"])
            messages.success(request, _("Your message is sent to the programme team."))
            return redirect(f"{url}#messages")
    except CoachingError as error:
        messages.error(request, str(error))
    return redirect(url)
