"""The second step of a staff member's sign-in: set up an authenticator app, or type
its code (accounts/second_factor.py)."""

from base64 import b32encode

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .second_factor import (
    SecondFactorError,
    has_second_factor,
    second_factor_enable,
    second_factor_verify,
    setup_device,
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("The six digits your authenticator app shows now."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("accounts:home")


def _refusal(form, error):
    if str(error) == "limit":
        form.add_error(None, _("Too many wrong codes. Try again in an hour."))
        return 429
    form.add_error("code", _("The code is not right. Type the code the app shows now."))
    return 400


@login_required
def second_factor_setup(request):
    if has_second_factor(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('accounts:second_factor')}?next={_next(request)}")
    device = setup_device(request.user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            codes = second_factor_enable(request, form.cleaned_data["code"])
        except SecondFactorError as error:
            status = _refusal(form, error)
        else:
            context = {"codes": codes, "next": _next(request)}
            return render(request, "accounts/recovery_codes.html", context)
    elif request.method == "POST":
        status = 400
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next(request),
        # Drawn on the server as inline SVG: no script, no third-party image service.
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(
            scale=5, dark="#1a1a1a", light="#ffffff", omitsize=False
        ),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return render(request, "accounts/second_factor_setup.html", context, status=status)


@login_required
def second_factor(request):
    if not has_second_factor(request.user):
        return redirect(f"{reverse('accounts:second_factor_setup')}?next={_next(request)}")
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            second_factor_verify(request, form.cleaned_data["code"])
        except SecondFactorError as error:
            status = _refusal(form, error)
        else:
            return redirect(_next(request))
    elif request.method == "POST":
        status = 400
    context = {"form": form, "next": _next(request)}
    return render(request, "accounts/second_factor.html", context, status=status)
