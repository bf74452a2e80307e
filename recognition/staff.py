"""Staff downloads: certificates one by one or all of a gala as a ZIP."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from .awards import Award, Gala, HonourableMention
from .certificates import (
    LANGUAGES,
    award_certificate,
    certificate_name,
    certificates_zip,
    mention_certificate,
)


def _language(request):
    language = request.GET.get("kieli", "fi")
    if language not in LANGUAGES:
        raise Http404
    return language


def _file(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_member_required
def award_pdf(request, pk):
    language = _language(request)
    award = get_object_or_404(
        Award.objects.select_related("category__gala", "deed__organisation"), pk=pk
    )
    return _file(
        award_certificate(award, language),
        "application/pdf",
        certificate_name("award", award, language),
    )


@staff_member_required
def mention_pdf(request, pk):
    language = _language(request)
    mention = get_object_or_404(
        HonourableMention.objects.select_related("gala", "organisation"), pk=pk
    )
    return _file(
        mention_certificate(mention, language),
        "application/pdf",
        certificate_name("mention", mention, language),
    )


@staff_member_required
def gala_zip(request, year):
    language = _language(request)
    gala = get_object_or_404(Gala, year=year)
    return _file(
        certificates_zip(gala, language), "application/zip", f"kunniakirjat-{year}-{language}.zip"
    )
