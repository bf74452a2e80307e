"""The staff's newsletter page about subscribers: /uutiskirje/hallinta/tilaajat/
(staff_urls.py).

Privacy by default: the page shows counts, and addresses only where staff must act on
them (the set-aside ones, a page at a time) or asked for one. An address is looked up
by a POST, so it stays out of URLs, server logs and browser history; the subscriber's
own page is then addressed by number. Every change goes through newsletter/services.py.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEntry

from .models import Subscriber, SubscriberStatus
from .services import (
    SubscriberError,
    subscriber_reinstate,
    subscriber_set_aside,
    subscriber_unsubscribe,
)
from .staff_forms import LookupForm, SetAsideForm

SET_ASIDE_PER_PAGE = 25


def count_table():
    """Rows per status, a column per language, with totals: cells are (language's name,
    count), so that each can name its column on a phone."""
    counts = {
        (status, language): n
        for status, language, n in Subscriber.objects.order_by()
        .values("status", "language")
        .annotate(n=Count("pk"))
        .values_list("status", "language", "n")
    }
    languages = [
        (code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES
    ]
    rows = [
        {
            "label": label,
            "cells": [(name, counts.get((status, code), 0)) for code, name in languages],
            "total": sum(n for (s, _code), n in counts.items() if s == status),
        }
        for status, label in SubscriberStatus.choices
    ]
    totals = [
        (name, sum(n for (_s, c), n in counts.items() if c == code)) for code, name in languages
    ]
    return {"languages": languages, "rows": rows, "totals": totals, "total": sum(counts.values())}


def _overview(request, lookup_form=None, not_found=False, status=200):
    set_aside = Subscriber.objects.filter(status=SubscriberStatus.SET_ASIDE).order_by(
        "-left_at", "-pk"
    )
    context = {
        "counts": count_table(),
        "lookup_form": lookup_form or LookupForm(),
        "not_found": not_found,
        "set_aside": Paginator(set_aside, SET_ASIDE_PER_PAGE).get_page(request.GET.get("sivu")),
    }
    return render(request, "newsletter/staff/subscribers.html", context, status=status)


@staff_member_required
def subscriber_overview(request):
    return _overview(request)


@staff_member_required
@require_POST
def subscriber_lookup(request):
    """Exactly one address, in any case; nothing like it is listed."""
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _overview(request, form, status=400)
    subscriber = Subscriber.objects.for_address(form.cleaned_data["email"]).first()
    if subscriber is None:
        return _overview(request, form, not_found=True)
    return redirect("newsletter_staff:subscriber", pk=subscriber.pk)


def _subscriber(pk):
    return get_object_or_404(
        Subscriber.objects.prefetch_related("sectors", "themes", "regions"), pk=pk
    )


def _detail(request, subscriber, set_aside_form=None, status=200):
    context = {
        "subscriber": subscriber,
        "bounces": subscriber.bounces.all()[:50],
        "set_aside_form": set_aside_form or SetAsideForm(),
        "audit": AuditEntry.objects.for_object(subscriber).select_related("actor")[:30],
    }
    return render(request, "newsletter/staff/subscriber.html", context, status=status)


@staff_member_required
def subscriber_detail(request, pk):
    return _detail(request, _subscriber(pk))


def _back(request, subscriber):
    """The set-aside list when the button was pressed there, else the subscriber."""
    if request.POST.get("back") == "list":
        return redirect(reverse("newsletter_staff:subscribers") + "#set-aside")
    return redirect("newsletter_staff:subscriber", pk=subscriber.pk)


@staff_member_required
@require_POST
def subscriber_reinstate_view(request, pk):
    subscriber = _subscriber(pk)
    try:
        subscriber_reinstate(subscriber, actor=request.user)
    except SubscriberError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(address)s gets the newsletter again.") % {"address": subscriber.email},
        )
    return _back(request, subscriber)


@staff_member_required
@require_POST
def subscriber_set_aside_view(request, pk):
    subscriber = _subscriber(pk)
    form = SetAsideForm(request.POST)
    if not form.is_valid():
        return _detail(request, subscriber, form, status=400)
    try:
        subscriber_set_aside(subscriber, reason=form.cleaned_data["reason"], actor=request.user)
    except SubscriberError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(address)s was set aside: nothing is sent to it.") % {"address": subscriber.email},
        )
    return _back(request, subscriber)


@staff_member_required
def subscriber_unsubscribe_view(request, pk):
    """A page of its own to confirm: the address is erased (a keyed hash stays)."""
    subscriber = _subscriber(pk)
    if request.method != "POST":
        back = "list" if request.GET.get("back") == "list" else ""
        context = {"subscriber": subscriber, "back": back}
        return render(request, "newsletter/staff/subscriber_unsubscribe.html", context)
    if subscriber_unsubscribe(subscriber, how="staff", actor=request.user):
        # The message names no address: it is gone, and messages may travel in a cookie.
        messages.success(request, _("The subscription ended and the address was erased."))
    else:
        messages.info(request, _("This subscription had already ended."))
    if request.POST.get("back") == "list" or not Subscriber.objects.filter(pk=pk).exists():
        return redirect(reverse("newsletter_staff:subscribers") + "#set-aside")
    return redirect("newsletter_staff:subscriber", pk=pk)
