"""Deeds (kehittämisteko): short stories of development work and what hangs off them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.collation import finnish_sort_key
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme


class DeedStatus(models.TextChoices):
    # The moderation workflow (see docs/architecture.md). No public form exposes it.
    DRAFT = "draft", _("Draft")
    UNVERIFIED = "unverified", _("Awaiting email confirmation")
    IN_REVIEW = "in_review", _("In moderation")
    RETURNED = "returned", _("Returned to the submitter")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Unpublished")


class DeedKind(models.TextChoices):
    IMPROVEMENT = "improvement", _("Everyday improvement")
    PROJECT = "project", _("Project")
    EXPERIMENT = "experiment", _("Experiment")


class Funding(models.TextChoices):
    OWN = "own", _("Own funding")
    EXTERNAL = "external", _("External funding")
    BOTH = "both", _("Own and external funding")


class ContentLanguage(models.TextChoices):
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class DeedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DeedStatus.PUBLISHED)

    def visible_to(self, user):
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()

    def edited_by(self, user):
        """Deeds whose organisation has ``user`` as an editor (partners' editors do not
        edit a deed: the organisation that shared it owns it)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__editorships__user=user)

    def in_region(self, code):
        return self.filter(region__code=code)

    def newest_first(self):
        return self.order_by("-published_at", "-id")

    def for_cards(self):
        """What a deed card shows, in a constant number of queries."""
        return self.select_related("organisation", "municipality", "region").prefetch_related(
            "themes"
        )


class Deed(LoggedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=80, blank=True, editable=False)
    summary = models.TextField(
        _("summary"), max_length=800, help_text=_("Two or three sentences: what and why.")
    )
    background = models.TextField(_("background"), blank=True, help_text=_("Why was this needed?"))
    description = models.TextField(_("what was done"), blank=True)
    implementation = models.TextField(_("how it was done"), blank=True)
    results = models.TextField(_("results"), blank=True)
    tips = models.TextField(_("tips for others"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=DeedKind.choices, default=DeedKind.IMPROVEMENT
    )
    language = models.CharField(
        _("language of the text"),
        max_length=2,
        choices=ContentLanguage.choices,
        default=ContentLanguage.FI,
    )

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="deeds"
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_deeds",
    )
    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("Department, team or workplace within the organisation."),
    )
    # Where the work was done; defaults to the organisation's home municipality.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deeds",
    )
    # Derived from the municipality, or from the organisation when it has no single
    # municipality (a wellbeing services county); stored because lists filter on it.
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deeds",
        editable=False,
    )

    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="deeds"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="deeds"
    )
    subthemes = models.ManyToManyField(
        Subtheme, verbose_name=_("subthemes"), blank=True, related_name="deeds"
    )
    customer_groups = models.ManyToManyField(
        CustomerGroup, verbose_name=_("customer groups"), blank=True, related_name="deeds"
    )

    funding = models.CharField(_("funding"), max_length=10, choices=Funding.choices, blank=True)
    funder = models.CharField(
        _("funder"), max_length=200, blank=True, help_text=_("Who provided external funding.")
    )
    project_start = models.DateField(_("project start"), null=True, blank=True)
    project_end = models.DateField(_("project end"), null=True, blank=True)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeedStatus.choices,
        default=DeedStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    # A default rather than auto_now_add, so that imports and demo data can keep the
    # real creation time.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitter_email = models.EmailField(_("submitter's email"), blank=True)
    # Path of the deed on the previous site, so that old links keep working.
    legacy_path = models.CharField(
        _("address on the previous site"), max_length=300, blank=True, db_index=True
    )
    title_sort_key = models.CharField(max_length=120, editable=False, db_index=True)

    objects = DeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("deed")
        verbose_name_plural = _("deeds")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            models.CheckConstraint(
                name="published_deed_has_date",
                condition=~Q(status="published") | Q(published_at__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.project_start and self.project_end and self.project_end < self.project_start:
            raise ValidationError({"project_end": _("The project cannot end before it starts.")})
        if self.funding in (Funding.EXTERNAL, Funding.BOTH) and not self.funder:
            raise ValidationError({"funder": _("Name the external funder.")})
        if self.status == DeedStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    def save(self, *args, **kwargs):
        if not self.municipality_id and self.organisation_id:
            self.municipality_id = self.organisation.municipality_id
        if self.municipality_id:
            self.region_id = Municipality.objects.values_list("region_id", flat=True).get(
                pk=self.municipality_id
            )
        elif self.organisation_id:
            self.region_id = self.organisation.region_id
        self.title_sort_key = finnish_sort_key(self.title)
        # Not unique: the address carries the id, the slug only reads well.
        self.slug = slugify(self.title)[:80].strip("-") or "teko"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("deeds:detail", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    @property
    def is_published(self):
        return self.status == DeedStatus.PUBLISHED

    @property
    def is_project(self):
        return self.kind == DeedKind.PROJECT

    @property
    def has_project_details(self):
        return bool(self.funding or self.funder or self.project_start or self.project_end)

    @property
    def sections(self):
        """The story's non-empty sections, in reading order, for templates and the API."""
        fields = ("background", "description", "implementation", "results", "tips")
        return [
            (name, self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name).strip()
        ]


class DeedLink(models.Model):
    deed = models.ForeignKey(Deed, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("link text"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title or self.url


class DeedContact(models.Model):
    deed = models.ForeignKey(Deed, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("title or role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Contact details are personal data: shown publicly only with this consent, which
    # the person can withdraw (GDPR art. 7(3)).
    publish_consent = models.BooleanField(_("may be published"), default=False)
    # A person named by someone else (a colleague of the submitter, or named by an
    # editor) is asked by email and answers through their own link (deeds/contacts.py):
    # asked and not answered = waiting; answered = agreed or withdrawn, as
    # ``publish_consent`` says. Never asked = the submitter's own word about themselves.
    consent_asked_at = models.DateTimeField(_("consent asked"), null=True, blank=True)
    consent_answered_at = models.DateTimeField(_("consent answered"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name

    @property
    def consent_state(self):
        """One of ContactConsent's values: whose consent, and where it stands."""
        if self.consent_asked_at is None:
            if self.publish_consent:
                return ContactConsent.OWN
            return ContactConsent.NO_ADDRESS if not self.email else ContactConsent.NOT_GIVEN
        if self.consent_answered_at is None:
            return ContactConsent.WAITING
        return ContactConsent.AGREED if self.publish_consent else ContactConsent.WITHDRAWN

    def get_consent_state_display(self):
        return ContactConsent(self.consent_state).label


class ContactConsent(models.TextChoices):
    """Where a contact person's consent to publish their details stands (derived)."""

    OWN = "own", _("The submitter's own details: may be published")
    NOT_GIVEN = "not_given", _("Not published")
    NO_ADDRESS = "no_address", _("Not published: no email address to ask for consent")
    # Only before publication: a colleague named in a submission is asked on publishing.
    TO_ASK = "to_ask", _("Asked for consent when the deed is published")
    WAITING = "waiting", _("Waiting for the contact's consent")
    AGREED = "agreed", _("Agreed")
    WITHDRAWN = "withdrawn", _("Withdrawn or declined")


def image_upload_to(instance, filename):
    return f"deeds/{timezone.now():%Y/%m}/{filename}"


class DeedImage(models.Model):
    deed = models.ForeignKey(Deed, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"), upload_to=image_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    # WCAG 2.1 SC 1.1.1: every informative image needs a text alternative.
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # {"480": "deeds/…/name-480.webp", …}: resized copies made once at upload.
    derivatives = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text

    def srcset(self):
        from django.core.files.storage import default_storage

        return ", ".join(
            f"{default_storage.url(path)} {width}w"
            for width, path in sorted(self.derivatives.items(), key=lambda kv: int(kv[0]))
        )


def attachment_upload_to(instance, filename):
    return f"deeds/attachments/{timezone.now():%Y/%m}/{filename}"


class DeedAttachment(models.Model):
    deed = models.ForeignKey(Deed, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=300)
    title = models.CharField(_("title"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title
