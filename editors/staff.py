"""Staff pages: who edits which organisation, and invitations."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import InvitationForm
from .models import Editorship, Invitation
from .services import (
    EditorError,
    editorship_remove,
    invitation_cancel,
    invitation_resend,
    invitation_send,
)


@staff_member_required
def editor_list(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_send(**form.cleaned_data, actor=request.user)
        except EditorError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("editors:staff")
    context = {
        "form": form,
        "editorships": Editorship.objects.select_related("user", "organisation"),
        "invitations": Invitation.objects.pending().prefetch_related("organisations"),
    }
    return render(request, "editors/staff.html", context, status=400 if form.errors else 200)


@staff_member_required
@require_POST
def invitation_action(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        if request.POST.get("action") == "cancel":
            invitation_cancel(invitation, actor=request.user)
            messages.success(request, _("The invitation was cancelled."))
        else:
            invitation_resend(invitation, actor=request.user)
            messages.success(request, _("The invitation was sent again."))
    except EditorError as error:
        messages.error(request, str(error))
    return redirect("editors:staff")


@staff_member_required
@require_POST
def editorship_delete(request, pk):
    editorship = get_object_or_404(Editorship.objects.select_related("user", "organisation"), pk=pk)
    editorship_remove(editorship, actor=request.user)
    messages.success(
        request,
        _("%(email)s no longer edits %(organisation)s.")
        % {"email": editorship.user.email, "organisation": editorship.organisation},
    )
    return redirect("editors:staff")
