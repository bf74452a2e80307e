"""The anonymous feedback form behind a one-time link (coaching/feedback.py).

The page sets no cookie, so the answer carries nothing that could tell one
respondent's browser from another's: no session, no messages, and no CSRF cookie.
The form is exempt from Django's CSRF check for that reason: the link's secret is
what allows an answer, so a forged post from another site could only come from
someone holding the link, who can answer anyway. Browsers still send ``Origin`` with
a form post, and a post from another site's page is refused like Django's own check
would (as the newsletter's footer form does).
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .feedback import feedback_answer, link_by_token
from .forms import FeedbackForm
from .models import ApplicationStatus
from .services import CoachingError


def _from_another_site(request):
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    ours = {
        f"{request.scheme}://{request.get_host()}",
        settings.SITE_URL.rstrip("/"),
        *settings.CSRF_TRUSTED_ORIGINS,
    }
    return origin not in ours


def _state(link):
    """Which page a link opens: "missing", "used", "closed" or "open"."""
    if link is None:
        return "missing"
    if link.used:
        return "used"
    if link.application.status != ApplicationStatus.FEEDBACK:
        return "closed"
    return "open"


@csrf_exempt  # see the module's docstring
@require_http_methods(["GET", "HEAD", "POST"])
def feedback_answer_page(request, token):
    # The address is the secret: tori.middleware.PrivatePagesMiddleware sends
    # no-store and a same-origin referrer policy for every page with a token.
    link = link_by_token(token)
    state = _state(link)
    if state == "missing":
        return render(request, "coaching/feedback_missing.html", status=404)
    refused = 409 if request.method == "POST" else 200
    if state != "open":
        return render(request, f"coaching/feedback_{state}.html", status=refused)
    form = FeedbackForm()
    if request.method == "POST":
        if _from_another_site(request):
            return render(request, "coaching/feedback_form.html", {"form": form}, status=403)
        form = FeedbackForm(data=request.POST)
        if form.is_valid():
            try:
                feedback_answer(
                    token, score=form.cleaned_data["score"], text=form.cleaned_data["text"]
                )
            except CoachingError:
                # Answered in another tab a moment ago, or the feedback just closed.
                state = _state(link_by_token(token))
                if state == "open":  # not possible after a valid form; said safely
                    state = "used"
                return render(request, f"coaching/feedback_{state}.html", status=409)
            # See Other: a reload asks for the page again (now "thank you") instead of
            # posting a second answer.
            response = redirect(request.path)
            response.status_code = 303
            return response
        return render(request, "coaching/feedback_form.html", {"form": form}, status=400)
    return render(request, "coaching/feedback_form.html", {"form": form})
