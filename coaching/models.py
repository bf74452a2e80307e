"""Coaching (sparraus): the themes, the experts, the yearly rounds and their budget of
days, the applications with their sessions, messages, notes and anonymous feedback.

Every figure the programme reports (applications, days requested, granted and used,
participants, employees, the feedback mean) is counted from these rows
(coaching/figures.py). State changes go through coaching/services.py; nothing else
sets a status.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core import clock
from core.i18n import localized
from core.slugs import unique_slug
from deeds.models import Deed
from organisations.models import Organisation
from taxonomy.models import Term

ZERO = Decimal("0")
DAYS = {"max_digits": 5, "decimal_places": 1}


class CoachingTheme(Term):
    """The themes coaching is offered on (staff edit them in the admin, fi/sv/en)."""

    class Meta(Term.Meta):
        verbose_name = _("coaching theme")
        verbose_name_plural = _("coaching themes")


class ExpertQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Expert(LoggedModel):
    """A coach chosen by the programme's tender. The public profile shows the name,
    organisation, areas and bio; the address is for invitations and assignments."""

    name = models.CharField(_("name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("email address"), max_length=254)
    language = models.CharField(
        _("language of emails"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    themes = models.ManyToManyField(
        CoachingTheme, verbose_name=_("areas"), blank=True, related_name="experts"
    )
    bio_fi = models.TextField(_("bio in Finnish"), max_length=2000, blank=True)
    bio_sv = models.TextField(_("bio in Swedish"), max_length=2000, blank=True)
    bio_en = models.TextField(_("bio in English"), max_length=2000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="coaching/experts/", blank=True)
    photo_alt = models.CharField(_("photo's text alternative"), max_length=300, blank=True)
    slug = models.SlugField(_("address name"), max_length=80, unique=True, blank=True)
    is_public = models.BooleanField(_("profile public"), default=True)
    # The expert's account once the invitation is accepted; invitations are secret
    # links (core/tokens.py) made from this salt, so a new salt ends the old link.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coaching_expert",
    )
    invitation_salt = models.CharField(max_length=32, blank=True, editable=False)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), default=clock.now, editable=False)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching expert")
        verbose_name_plural = _("coaching experts")
        ordering = ["name", "pk"]
        indexes = [models.Index(Lower("email"), name="coaching_expert_email_lower")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    @property
    def bio(self):
        return localized(self, "bio")

    def get_absolute_url(self):
        return reverse("coaching:expert", kwargs={"slug": self.slug})


class RoundQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Round(LoggedModel):
    """A year's coaching: the days the programme can grant and when it takes
    applications. Granting past the budget needs an explicit, logged override."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    budget_days = models.DecimalField(_("budget (days)"), **DAYS)
    opens_on = models.DateField(_("applications open"))
    closes_on = models.DateField(_("applications close"))
    # The experts the year's tender chose (the figures count them and their
    # organisations); applications are assigned to one of them.
    experts = models.ManyToManyField(
        Expert, verbose_name=_("experts"), blank=True, related_name="rounds"
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching round")
        verbose_name_plural = _("coaching rounds")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def days_granted(self):
        return self.applications.granted().aggregate(
            n=Coalesce(Sum("days_granted"), ZERO, output_field=models.DecimalField(**DAYS))
        )["n"]

    def days_used(self):
        return Session.objects.filter(application__round=self, held=True).aggregate(
            n=Coalesce(Sum("days"), ZERO, output_field=models.DecimalField(**DAYS))
        )["n"]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    RECEIVED = "received", _("Received")
    ASSESSING = "assessing", _("Being assessed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    SCHEDULED = "scheduled", _("Scheduled")
    REALISED = "realised", _("Realised")
    FEEDBACK = "feedback", _("Collecting feedback")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = ApplicationStatus
# Applications holding days of the round's budget.
GRANTED = (S.ACCEPTED, S.SCHEDULED, S.REALISED, S.FEEDBACK, S.CLOSED)
# Sent and not yet decided, accepted or under way: the board's open columns.
OPEN = (S.RECEIVED, S.ASSESSING, S.ACCEPTED, S.SCHEDULED, S.REALISED, S.FEEDBACK)
WITHDRAWABLE = (S.RECEIVED, S.ASSESSING, S.ACCEPTED, S.SCHEDULED)
# The applicant's follow page's order of steps.
BOARD_ORDER = (
    S.RECEIVED,
    S.ASSESSING,
    S.ACCEPTED,
    S.SCHEDULED,
    S.REALISED,
    S.FEEDBACK,
    S.CLOSED,
    S.DECLINED,
    S.WITHDRAWN,
)


class ApplicationQuerySet(models.QuerySet):
    def sent(self):
        return self.exclude(status=S.DRAFT)

    def granted(self):
        return self.filter(status__in=GRANTED)

    def realised(self):
        return self.filter(status__in=(S.REALISED, S.FEEDBACK, S.CLOSED))

    def assigned_to(self, expert):
        return self.filter(expert=expert).exclude(status=S.DRAFT)

    def visible_to(self, user):
        """Staff see every sent application; an expert only those assigned to them."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.sent()
        return self.sent().filter(expert__user=user)

    def of_organisation(self, organisation):
        return self.sent().filter(organisation=organisation)


class Application(LoggedModel):
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=S.DRAFT,
        editable=False,
        db_index=True,
    )
    # The draft's secret key in its address, like the share form's (only the applicant
    # has it); the follow link after sending is a signed link from link_salt.
    form_key = models.CharField(max_length=64, unique=True, editable=False)
    link_salt = models.CharField(max_length=32, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coaching_applications",
    )
    organisation_name = models.CharField(_("organisation, not listed"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email address"), max_length=254, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    themes = models.ManyToManyField(
        CoachingTheme, verbose_name=_("themes"), blank=True, related_name="applications"
    )
    goals = models.TextField(_("what the workplace wants to develop"), max_length=5000, blank=True)
    employees = models.PositiveIntegerField(_("employees in the group"), null=True, blank=True)
    supervisors = models.PositiveIntegerField(_("supervisors in the group"), null=True, blank=True)
    days_requested = models.DecimalField(_("days wished"), null=True, blank=True, **DAYS)
    timing = models.CharField(_("preferred timing"), max_length=300, blank=True)
    preferred_expert = models.ForeignKey(
        Expert,
        verbose_name=_("preferred expert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="preferred_by",
    )
    consent_version = models.CharField(_("privacy notice version"), max_length=40, blank=True)
    days_granted = models.DecimalField(
        _("days granted"), null=True, blank=True, editable=False, **DAYS
    )
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        editable=False,
    )
    budget_override = models.BooleanField(_("granted past the budget"), default=False)
    decline_reason = models.TextField(_("reason for declining"), blank=True, editable=False)
    deeds = models.ManyToManyField(
        Deed, verbose_name=_("deeds from this coaching"), blank=True, related_name="coachings"
    )
    created_at = models.DateTimeField(_("started"), default=clock.now, editable=False)
    updated_at = models.DateTimeField(_("saved"), default=clock.now, editable=False)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    realised_at = models.DateTimeField(_("realised"), null=True, blank=True, editable=False)
    feedback_opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching application")
        verbose_name_plural = _("coaching applications")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(Lower("contact_email"), name="coaching_app_email_lower")]

    def __str__(self):
        return f"{self.organisation_label} ({self.pk})"

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def is_editable(self):
        return self.status == S.DRAFT

    def group(self):
        """The coaching's group, counted once however many sessions it had: the
        largest held session's participants and employees (a person at three sessions
        is one participant); and the days used, summed."""
        held = list(self.sessions.filter(held=True))
        largest = max(held, key=lambda s: (s.participants or 0, s.pk), default=None)
        return {
            "participants": largest.participants if largest else 0,
            "employees": largest.employees if largest else 0,
            "days": sum((s.days or ZERO for s in held), ZERO),
        }

    def last_session_on(self):
        return (
            self.sessions.filter(held=True).order_by("-date").values_list("date", flat=True).first()
        )


class Session(LoggedModel):
    """A coaching day (or part of one): planned with a date, then recorded as held with
    the days used and the participants, of whom employees (not supervisors)."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    held = models.BooleanField(_("held"), default=False, editable=False)
    days = models.DecimalField(_("days used"), null=True, blank=True, **DAYS)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("of whom employees"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(employees__isnull=True)
                | Q(participants__isnull=True)
                | Q(employees__lte=models.F("participants")),
                name="coaching_session_employees_le_participants",
            )
        ]

    def __str__(self):
        return f"{self.application_id}: {self.date}"


class Author(models.TextChoices):
    STAFF = "staff", _("Programme team")
    APPLICANT = "applicant", _("Applicant")
    EXPERT = "expert", _("Expert")


class Message(models.Model):
    """Questions and answers between the programme team (or the expert) and the
    applicant, who answers on the application's secret page."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.CharField(_("from"), max_length=20, choices=Author.choices)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]


class Note(models.Model):
    """A private note on an application: seen by staff and the assigned expert only."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="notes"
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]


class FeedbackLink(models.Model):
    """One anonymous answer's link. The contact person gets as many as the sessions had
    participants and hands them on; a link knows only its application and whether it
    has been used, never who had it, and its answer is stored apart from it."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="feedback_links"
    )
    number = models.PositiveSmallIntegerField()
    salt = models.CharField(max_length=32, editable=False)
    used = models.BooleanField(default=False)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="feedback_link_once")
        ]


class FeedbackAnswer(models.Model):
    """An answer: only the score, the text and the month it came, so that neither a
    link nor the moment of answering ties it to a person."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="feedback_answers"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("feedback"), max_length=3000, blank=True)
    month = models.DateField(_("month"))

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        # Not by id or time: a list in answering order would tie an answer to a link.
        ordering = ["text"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="coaching_feedback_score_1_5"
            )
        ]


class WebhookDelivery(models.Model):
    """A state change announced to an outside CRM (COACHING_WEBHOOK_URL), signed with
    HMAC-SHA256 and retried through the task queue until it is accepted or given up."""

    event = models.CharField(max_length=60)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=clock.now, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    given_up_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
