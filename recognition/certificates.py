"""Certificates (kunniakirja) as PDF, drawn with ReportLab's built-in fonts.

Built-in Helvetica and Times cover Finnish and Swedish letters (WinAnsi), so nothing is
embedded and no font file is needed at run time. The words come from gettext in the
language asked for (fi or sv).
"""

import io
import zipfile

from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from .models import in_language

BRAND = HexColor("#003479")
WIDTH, HEIGHT = landscape(A4)
LANGUAGES = ("fi", "sv")


def _centred(pdf, text, y, font, size, width=WIDTH - 160):
    """Draw wrapped, centred lines from ``y`` downwards; returns the next free y."""
    for line in simpleSplit(text, font, size, width):
        pdf.setFont(font, size)
        pdf.drawCentredString(WIDTH / 2, y, line)
        y -= size * 1.3
    return y


def _page(title, heading, lines, footer):
    data = io.BytesIO()
    pdf = canvas.Canvas(data, pagesize=(WIDTH, HEIGHT), pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("Tekojen tori")
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(6)
    pdf.rect(28, 28, WIDTH - 56, HEIGHT - 56)
    pdf.setLineWidth(1.5)
    pdf.rect(40, 40, WIDTH - 80, HEIGHT - 80)
    pdf.setFillColor(BRAND)
    pdf.setFont("Times-Bold", 44)
    pdf.drawCentredString(WIDTH / 2, HEIGHT - 130, heading)
    pdf.setFillColor(HexColor("#212121"))
    y = HEIGHT - 200
    for text, font, size in lines:
        y = _centred(pdf, text, y, font, size) - 10
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(WIDTH / 2, 70, footer)
    pdf.showPage()
    pdf.save()
    return data.getvalue()


def award_certificate(award, language="fi"):
    with translation.override(language):
        gala = award.category.gala
        deed = award.deed
        return _page(
            title=_("Certificate: %(title)s") % {"title": deed.title},
            heading=_("Certificate"),
            lines=[
                (_("Tekojen tori awards"), "Helvetica", 16),
                (deed.organisation.name, "Helvetica-Bold", 24),
                (_("for the deed"), "Helvetica", 16),
                (f"”{deed.title}”", "Times-Italic", 26),
                (
                    _("in the category %(category)s")
                    % {"category": award.category.label(language)},
                    "Helvetica",
                    16,
                ),
            ],
            footer=footer(gala, language),
        )


def footer(gala, language):
    return f"{in_language(gala, 'name', language)} · {date_format(gala.date, 'DATE_FORMAT')}"


def mention_certificate(mention, language="fi"):
    with translation.override(language):
        gala = mention.gala
        who = mention.organisation.name + (f", {mention.unit}" if mention.unit else "")
        return _page(
            title=_("Honourable mention: %(name)s") % {"name": who},
            heading=_("Honourable mention"),
            lines=[
                (_("Tekojen tori gives an honourable mention to"), "Helvetica", 16),
                (who, "Helvetica-Bold", 24),
                (in_language(mention, "text", language), "Times-Italic", 18),
            ],
            footer=footer(gala, language),
        )


def certificate_name(kind, obj, language):
    subject = obj.deed.title if kind == "award" else obj.organisation.name
    return f"{kind}-{obj.pk}-{slugify(subject)[:50]}-{language}.pdf"


def certificates_zip(gala, language="fi"):
    """Every certificate of a gala in one ZIP file."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for award in gala_awards(gala):
            archive.writestr(
                certificate_name("award", award, language), award_certificate(award, language)
            )
        for mention in gala.mentions.select_related("organisation", "gala"):
            archive.writestr(
                certificate_name("mention", mention, language),
                mention_certificate(mention, language),
            )
    return data.getvalue()


def gala_awards(gala):
    from .awards import Award

    return Award.objects.filter(category__gala=gala).select_related(
        "category__gala", "deed__organisation"
    )
