"""The expert's side: accepting the invitation (/sparraus/kutsu/<token>/) and the
applications assigned to them (/sparraus/hallinta/omat/).

An expert is an ordinary signed-in account tied to an Expert row (Expert.user); they
are not staff and see only their own applications (``visible_to``). The invitation is
accepted like an organisation editor's (editors/views.py): a new account with a name
and a password, or the signed-in account with the invited address.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .experts import expert_by_invitation, expert_invitation_accept
from .models import BOARD_ORDER, Application, ApplicationStatus, Expert
from .services import CoachingError
from .staff_forms import ExpertAccountForm
from .staff_views import signed_in_required


def invitation_accept(request, token):
    expert = expert_by_invitation(token)
    if expert is None:
        return render(request, "coaching/expert_invitation_invalid.html", status=404)
    has_account = get_user_model().objects.filter(email__iexact=expert.email).exists()
    form = None if has_account else ExpertAccountForm(request.POST or None, email=expert.email)
    status = 200
    if request.method == "POST":
        status = 400
        if form is None or form.is_valid():
            signed_in = request.user if request.user.is_authenticated else None
            try:
                if form is None:
                    if signed_in is None:
                        raise CoachingError(
                            _("An account with this address exists: sign in first.")
                        )
                    user = expert_invitation_accept(expert, user=signed_in)
                else:
                    user = expert_invitation_accept(
                        expert,
                        first_name=form.cleaned_data["first_name"],
                        last_name=form.cleaned_data["last_name"],
                        password=form.cleaned_data["password1"],
                    )
                    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            except CoachingError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Welcome! Your coaching assignments are on this page."))
                return redirect("coaching_staff:mine")
    context = {"expert": expert, "form": form, "has_account": has_account}
    return render(request, "coaching/expert_invitation.html", context, status=status)


@signed_in_required
def my_applications(request):
    expert = Expert.objects.filter(user=request.user).first()
    if expert is None:
        if request.user.is_staff:
            return redirect("coaching_staff:board")
        raise PermissionDenied
    applications = (
        Application.objects.visible_to(request.user)
        .filter(expert=expert)
        .select_related("organisation", "round")
        .prefetch_related("themes", "sessions")
        .order_by("submitted_at", "pk")
    )
    by_state = {state: [] for state in BOARD_ORDER}
    for application in applications:
        by_state.setdefault(application.status, []).append(application)
    labels = dict(ApplicationStatus.choices)
    groups = [(state, labels[state], items) for state, items in by_state.items() if items]
    context = {"expert": expert, "groups": groups}
    return render(request, "coaching/expert_home.html", context)
