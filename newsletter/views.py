"""Public newsletter pages: subscribing (the page and every page's footer), confirming,
a subscriber's preferences and unsubscribing behind the secret link in every email, and
the archive of sent issues.

The secret-link pages have ``token`` in their address, so tori.middleware's
PrivatePagesMiddleware keeps them out of caches and their address out of Referer
headers to other sites.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.formguard import spam_reason, started_token, without_controls
from core.ratelimit import client_rate_limited
from submissions.spam import blocked_record

from .archive_views import archive, archive_issue  # noqa: F401 (the archive's pages)
from .forms import EMAIL_MAX, PreferencesForm, SubscribeForm
from .models import SubscriberSource, SubscriberStatus
from .services import (
    SubscriberError,
    subscriber_by_token,
    subscriber_change,
    subscriber_confirm,
    subscriber_subscribe,
    subscriber_unsubscribe,
)

# What a blocked post is told. Nothing of it is stored, and it says so.
BLOCKED = {
    "honeypot": gettext_lazy(
        "The subscription could not be sent and nothing was saved. If you are a person, "
        "please try again."
    ),
    "no_timestamp": gettext_lazy(
        "The form had expired, so nothing was saved yet. Check the fields and send again."
    ),
    "too_fast": gettext_lazy(
        "The form was sent very quickly, so nothing was saved yet. Wait a moment and send again."
    ),
    "rate_limit": gettext_lazy(
        "Too many subscriptions from your address in an hour, so nothing was saved yet. "
        "Please try again later."
    ),
    "cross_site": gettext_lazy(
        "The form was sent from another site, so nothing was saved. Send it from this page."
    ),
}
STATUS = {"rate_limit": 429, "cross_site": 403}
ONE_CLICK = "One-Click"


def redirect_303(url):
    """See Other: the browser asks for the next page with GET, whatever was posted."""
    response = redirect(url)
    response.status_code = 303
    return response


def _page_language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _from_another_site(request):
    """True when the browser says the post came from another site's page.

    The subscribe form carries no CSRF token: it is in every page's footer, and a token
    would give every visitor a cookie (README: visitors get none). Subscribing uses no
    one's session or account, so a forged post could do no more than anyone can by
    posting the form themselves; still, browsers send ``Origin`` with every form post,
    and a post from another site's page is refused like Django's own check would."""
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    ours = {
        f"{request.scheme}://{request.get_host()}",
        settings.SITE_URL.rstrip("/"),
        *settings.CSRF_TRUSTED_ORIGINS,
    }
    return origin not in ours


def _subscribe_page(request, form, *, status=200, notice=None):
    context = {
        "form": form,
        "started": started_token(),
        "notice": notice,
        "days": settings.NEWSLETTER_UNCONFIRMED_DAYS,
    }
    return render(request, "newsletter/subscribe.html", context, status=status)


def _typed(post):
    """What was typed, to show again on a blocked post (the form unvalidated)."""
    values = {name: post.getlist(name) for name in ("sectors", "themes", "regions")}
    values.update(
        email=without_controls(post.get("email", ""))[:EMAIL_MAX],
        language=post.get("language", ""),
        wants_newsletter=bool(post.get("wants_newsletter")),
        consent=bool(post.get("consent")),
    )
    return values


@csrf_exempt  # see _from_another_site
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        form = SubscribeForm(initial={"language": _page_language(), "wants_newsletter": True})
        return _subscribe_page(request, form)
    form = SubscribeForm(data=request.POST)
    # The same checks as the other public forms: another site's page, a honeypot, a
    # minimum time to fill the form in (core/formguard.py) and a per-client limit per
    # hour (core/ratelimit.py). The per-address limit on emails is the service's.
    reason = "cross_site" if _from_another_site(request) else spam_reason(request.POST)
    if reason is None and form.is_valid():
        if client_rate_limited(
            request, "newsletter_subscribe", settings.NEWSLETTER_SUBSCRIBES_PER_HOUR
        ):
            reason = "rate_limit"
        else:
            source = request.POST.get("source")
            try:
                subscriber_subscribe(
                    email=form.cleaned_data["email"],
                    consent=settings.PRIVACY_NOTICE_VERSION,
                    source=source if source == SubscriberSource.FOOTER else SubscriberSource.FORM,
                    **form.choices(),
                )
            except SubscriberError as error:
                form.add_error("wants_newsletter", str(error))
                return _subscribe_page(request, form, status=400)
            # The same answer for every address, new, waiting or subscribed: the form
            # must not tell anyone who subscribes (what is emailed differs, services.py).
            return redirect_303(reverse("newsletter:subscribed"))
    if reason is not None:
        blocked_record(f"newsletter_{reason}")
        return _subscribe_page(
            request,
            SubscribeForm(initial=_typed(request.POST)),
            status=STATUS.get(reason, 400),
            notice=str(BLOCKED[reason]),
        )
    return _subscribe_page(request, form, status=400)


def subscribed(request):
    return render(
        request, "newsletter/subscribed.html", {"days": settings.NEWSLETTER_UNCONFIRMED_DAYS}
    )


# --- Behind the secret link ---------------------------------------------------------


def _link_missing(request):
    return render(request, "newsletter/link_missing.html", status=404)


def _ended(request):
    return render(request, "newsletter/ended.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET only shows a button: mail scanners open links in emails, and that must not
    subscribe anyone. The person's POST confirms."""
    subscriber = subscriber_by_token(token)
    if subscriber is None:
        return _link_missing(request)
    if subscriber.status == SubscriberStatus.LEFT:
        return _ended(request)
    preferences = reverse("newsletter:preferences", args=[token])
    if request.method != "POST":
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return redirect(preferences)
        return render(request, "newsletter/confirm.html", {"token": token})
    try:
        if subscriber_confirm(subscriber):
            messages.success(
                request,
                _("Your subscription is confirmed. Welcome! Below you can change your choices."),
            )
        else:
            messages.info(request, _("Your subscription was already confirmed."))
    except SubscriberError:
        return _ended(request)
    return redirect_303(preferences)


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber = subscriber_by_token(token)
    if subscriber is None:
        return _link_missing(request)
    if subscriber.status == SubscriberStatus.LEFT:
        return _ended(request)
    status = 200
    if request.method == "POST":
        form = PreferencesForm(data=request.POST)
        if form.is_valid():
            try:
                subscriber_change(subscriber, **form.choices())
            except SubscriberError as error:
                form.add_error("wants_newsletter", str(error))
            else:
                messages.success(request, _("Your choices are saved."))
                return redirect_303(reverse("newsletter:preferences", args=[token]))
        status = 400
    else:
        form = PreferencesForm(initial=PreferencesForm.initial_from(subscriber))
    context = {"subscriber": subscriber, "form": form, "token": token}
    return render(request, "newsletter/preferences.html", context, status=status)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks; POST unsubscribes. A POST whose body is ``List-Unsubscribe=One-Click``
    is a mail client's one-click unsubscribe (RFC 8058): it comes without cookies or a
    CSRF token and gets a short answer, not a page. No CSRF check is needed: the secret
    link is itself what another site could not forge. Idempotent: a second POST
    answers the same."""
    subscriber = subscriber_by_token(token)
    if subscriber is None:
        return _link_missing(request)
    if request.method != "POST":
        if subscriber.status == SubscriberStatus.LEFT:
            return render(request, "newsletter/unsubscribed.html")
        return render(request, "newsletter/unsubscribe.html", {"token": token})
    one_click = request.POST.get("List-Unsubscribe") == ONE_CLICK
    subscriber_unsubscribe(subscriber, how="one-click" if one_click else "link")
    if one_click:
        return HttpResponse(
            _("You have unsubscribed from the Tekojen tori newsletter.") + "\n",
            content_type="text/plain; charset=utf-8",
        )
    return render(request, "newsletter/unsubscribed.html")
