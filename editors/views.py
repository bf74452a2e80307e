"""The editor's pages: their organisations' deeds in every state, editing through
moderation, and handing contact details over. Everything is looked up through the
signed-in person's editorships, so another organisation's deed is simply not found."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from analytics.models import DeedDay
from deeds.contacts import ContactConsentError, contact_by_consent_token, contact_consent_set
from deeds.models import Deed
from organisations.models import Organisation
from submissions.models import Submission, SubmissionStatus
from submissions.preview import render_preview
from submissions.services import submission_form, submission_start_revision

from .forms import HandoverForm, NewAccountForm
from .models import Invitation
from .services import EditorError, contact_hand_over, invitation_accept

OPEN_REVISIONS = Prefetch(
    "submissions",
    queryset=Submission.objects.open_revisions(),
    to_attr="open_revisions",
)


@login_required
def dashboard(request):
    organisations = Organisation.objects.filter(editorships__user=request.user).order_by("sort_key")
    if not organisations:
        return render(request, "editors/not_an_editor.html", status=403)
    chosen = organisations.filter(slug=request.GET.get("organisaatio")).first() or organisations[0]
    deeds = (
        Deed.objects.edited_by(request.user)
        .filter(organisation=chosen)
        .select_related("organisation")
        .prefetch_related(OPEN_REVISIONS)
        .order_by("-created_at", "-id")
    )
    in_progress = (
        Submission.objects.seen_by_editor(request.user)
        .filter(organisation=chosen)
        .exclude(status=SubmissionStatus.PUBLISHED)
        .order_by("-updated_at")
    )
    page = Paginator(deeds, 50).get_page(request.GET.get("sivu"))
    page.object_list = list(page.object_list)
    views = DeedDay.objects.views_by_deed(deed.pk for deed in page.object_list)
    for deed in page.object_list:
        deed.view_count = views.get(deed.pk, 0)
    context = {
        "organisations": organisations,
        "chosen": chosen,
        "in_progress": in_progress,
        "page": page,
    }
    return render(request, "editors/dashboard.html", context)


@login_required
@require_POST
def deed_edit(request, pk):
    """Start (or continue) an edit of a published deed; it goes through moderation."""
    deed = get_object_or_404(Deed.objects.edited_by(request.user), pk=pk)
    revision = submission_start_revision(
        deed, email=request.user.email, language=get_language()[:2], actor=request.user
    )
    return redirect("submissions:edit", form_key=revision.form_key)


@login_required
def submission_detail(request, pk):
    submission = get_object_or_404(Submission.objects.seen_by_editor(request.user), pk=pk)
    form = submission_form(submission)
    article, changes = render_preview(submission, form, request) if form.is_valid() else ("", [])
    context = {"submission": submission, "article": article, "changes": changes}
    return render(request, "editors/submission_detail.html", context)


@login_required
def contact_handover(request, pk):
    deed = get_object_or_404(Deed.objects.edited_by(request.user), pk=pk)
    form = HandoverForm(request.POST or None, deed=deed, initial={"language": deed.language})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact_hand_over(
            deed,
            contact=data["contact"],
            name=data["name"],
            role=data["role"],
            email=data["email"],
            phone=data["phone"],
            language=data["language"],
            actor=request.user,
        )
        messages.success(
            request,
            _(
                "%(name)s is now the contact person. Their details are published once "
                "they agree through the link we emailed them."
            )
            % {"name": data["name"]},
        )
        url = reverse("editors:dashboard")
        return redirect(f"{url}?organisaatio={deed.organisation.slug}")
    return render(request, "editors/handover.html", {"deed": deed, "form": form})


def invitation_accept_view(request, token):
    invitation = Invitation.objects.by_token(token)
    if invitation is None or not invitation.is_pending:
        return render(request, "editors/invitation_invalid.html", status=404)
    has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
    form = None if has_account else NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        signed_in = request.user if request.user.is_authenticated else None
        try:
            if form is None:
                user = invitation_accept(invitation, user=signed_in)
            else:
                user = invitation_accept(
                    invitation,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    password=form.cleaned_data["password1"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        except EditorError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Welcome! You are now an editor."))
            return redirect("editors:dashboard")
    context = {
        "invitation": invitation,
        "organisations": invitation.organisations.order_by("sort_key"),
        "form": form,
        "has_account": has_account,
    }
    return render(request, "editors/invitation_accept.html", context)


def contact_consent(request, token):
    """The person named as a deed's contact decides whether their details are shown,
    and can change their mind through the same link at any time."""
    contact = contact_by_consent_token(token)
    if contact is None:
        return render(request, "editors/invitation_invalid.html", {"consent": True}, status=404)
    if request.method == "POST":
        answer = request.POST.get("consent")
        if answer not in ("yes", "no"):
            messages.error(request, _("Choose whether to publish your details."))
            return redirect("contact_consent", token=token)
        try:
            contact_consent_set(contact, consent=answer == "yes")
        except ContactConsentError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                _("Your details are now published with the deed.")
                if answer == "yes"
                else _("Your details are not published."),
            )
        return redirect("contact_consent", token=token)
    return render(request, "editors/contact_consent.html", {"contact": contact})
