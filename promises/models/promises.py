"""Medborgarlöfte: parties, period, focus, goal, commitments, lifecycle and revisions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisations.models import Organisation
from promises.models.agreements import Agreement


class FocusArea(models.Model):
    name = models.CharField(_("namn"), max_length=80, unique=True)
    description = models.CharField(_("beskrivning"), max_length=300, blank=True)
    is_standard = models.BooleanField(_("ingår i standardlistan"), default=False)

    class Meta:
        ordering = ["-is_standard", "name"]
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområden")

    def __str__(self) -> str:
        return self.name


class PromiseStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    ADOPTED = "adopted", _("Antaget (undertecknat)")
    PUBLISHED = "published", _("Publicerat")
    CONCLUDED = "concluded", _("Avslutat")
    REPLACED = "replaced", _("Ersatt av ett nytt löfte")


PUBLIC_STATUSES = (PromiseStatus.PUBLISHED, PromiseStatus.CONCLUDED, PromiseStatus.REPLACED)


class PromiseQuerySet(models.QuerySet):
    def visible_to_orgs(self, org_ids: set[int]) -> "PromiseQuerySet":
        """Promises a member of these organisations may read in the staff pages: as a party, as
        the body that follows it up, or as the organisation responsible for one of its activities."""
        ids = Promise.objects.filter(
            models.Q(parties__in=org_ids)
            | models.Q(follow_up_bodies__in=org_ids)
            | models.Q(commitments__activities__responsible__in=org_ids)
        ).values("id")
        return self.filter(id__in=ids)

    def public(self) -> "PromiseQuerySet":
        return self.filter(status__in=PUBLIC_STATUSES)

    def due_for_follow_up(self, cutoff: datetime.date) -> "PromiseQuerySet":
        """Published promises not followed up since `cutoff`: the latest follow-up (recorded,
        published or not), or the start of the period when there is none, lies on or before it."""
        from promises.models.followups import FollowUp

        latest = FollowUp.objects.filter(promise=models.OuterRef("pk")).order_by("-date")
        return (
            self.annotate(last_follow_up_on=models.Subquery(latest.values("date")[:1]))
            .annotate(follow_up_due_from=Coalesce("last_follow_up_on", "period_start"))
            .filter(status=PromiseStatus.PUBLISHED, follow_up_due_from__lte=cutoff)
        )

    def for_municipality(self, municipality_id: int) -> "PromiseQuerySet":
        return self.filter(
            parties__kind=Organisation.Kind.MUNICIPALITY, parties__municipality_id=municipality_id
        )


class Promise(models.Model):
    Status = PromiseStatus

    title = models.CharField(_("rubrik"), max_length=200)
    parties = models.ManyToManyField(
        Organisation,
        related_name="promises",
        verbose_name=_("parter"),
        help_text=_("Ett lokalpolisområde och en eller flera kommuner."),
    )
    follow_up_bodies = models.ManyToManyField(
        Organisation,
        related_name="reviewed_promises",
        blank=True,
        verbose_name=_("följs upp av"),
        help_text=_(
            "T.ex. det lokala brottsförebyggande rådet. Dess medlemmar kan läsa löftet "
            "och, som redaktörer, registrera uppföljningar."
        ),
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promises",
        verbose_name=_("samverkansöverenskommelse"),
    )
    period_start = models.DateField(_("gäller från"))
    period_end = models.DateField(_("gäller till"))
    original_period_end = models.DateField(
        _("ursprungligt slutdatum"), null=True, blank=True, editable=False
    )
    geography = models.CharField(
        _("geografiskt område"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. ”hela kommunen” eller ”Svenljunga tätort”."),
    )
    focus_areas = models.ManyToManyField(
        FocusArea, related_name="promises", blank=True, verbose_name=_("fokusområden")
    )
    intro = models.TextField(_("inledning"), blank=True)
    goal = models.TextField(_("mål"))
    basis = models.TextField(
        _("det här bygger löftet på"),
        blank=True,
        help_text=_("Lägesbilder, statistik, medborgardialoger …"),
    )
    follow_along = models.TextField(_("så kan invånarna följa arbetet"), blank=True)
    plain_summary = models.TextField(
        _("lättläst sammanfattning"),
        blank=True,
        help_text=_("Korta meningar och vanliga ord. Visas på en egen lättläst sida."),
    )
    signed_on = models.DateField(_("undertecknat"), null=True, blank=True)
    signatories = models.TextField(
        _("undertecknat av"),
        blank=True,
        help_text=_("En befattning per rad, t.ex. ”Kommundirektör, Tjörns kommun”."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=PromiseStatus.choices, default=PromiseStatus.DRAFT
    )
    published_at = models.DateTimeField(_("först publicerat"), null=True, blank=True)
    concluded_on = models.DateField(_("avslutat"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("ersatt av"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromiseQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("medborgarlöfte")
        verbose_name_plural = _("medborgarlöften")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public:promise", args=[self.pk])

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Perioden kan inte sluta innan den börjar.")})

    def get_staff_url(self) -> str:
        return reverse("staff:promise_detail", args=[self.pk])

    @property
    def is_editable_without_revision(self) -> bool:
        return self.status in (PromiseStatus.DRAFT, PromiseStatus.ADOPTED)

    @property
    def is_text_editable(self) -> bool:
        """Drafts and adopted promises change freely, published ones through revisions;
        concluded and replaced promises are closed."""
        return self.is_editable_without_revision or self.status == PromiseStatus.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_extended(self) -> bool:
        return self.original_period_end is not None

    def signatory_titles(self) -> list[str]:
        return [line.strip() for line in self.signatories.splitlines() if line.strip()]


class CommitmentQuerySet(models.QuerySet):
    def with_progress(self) -> "CommitmentQuerySet":
        """Annotate activity counts and the quantity done. Activities that count people are left
        out of the quantity (their small numbers could otherwise be derived from a total);
        `people_activity_count` tells the public pages not to show a quantity total at all."""
        from promises.models.activities import Activity, ActivityStatus, ProgressUpdate

        def scalar(qs: models.QuerySet, expression: models.Aggregate) -> models.Subquery:
            grouped = qs.values("commitment_id").annotate(value=expression).values("value")
            return Coalesce(models.Subquery(grouped), 0)

        activities = Activity.objects.filter(commitment=models.OuterRef("pk"))
        updates = ProgressUpdate.objects.filter(
            activity__commitment=models.OuterRef("pk"), activity__counts_people=False
        ).annotate(commitment_id=models.F("activity__commitment_id"))
        return self.annotate(
            activity_count=scalar(activities, models.Count("id")),
            activities_done=scalar(
                activities.filter(status=ActivityStatus.DONE), models.Count("id")
            ),
            done_quantity=scalar(updates, models.Sum("quantity")),
            people_activity_count=scalar(activities.filter(counts_people=True), models.Count("id")),
        )


class Giver(models.TextChoices):
    POLICE = "police", _("Polisen")
    MUNICIPALITIES = "municipalities", _("Kommunen/kommunerna")
    TOGETHER = "together", _("Tillsammans")
    PARTY = "party", _("En enskild part")


class Commitment(models.Model):
    """One thing promised: "Polisen lovar att …", "Kommunerna lovar att …", "Tillsammans …",
    or a promise by one named party (one of several municipalities, say)."""

    Giver = Giver

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="commitments")
    given_by = models.CharField(
        _("vem lovar"), max_length=16, choices=Giver.choices, default=Giver.TOGETHER
    )
    party = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("part"),
    )
    text = models.TextField(_("åtagande"))
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("fokusområde"),
    )
    target_quantity = models.PositiveIntegerField(_("mål (antal)"), null=True, blank=True)
    unit = models.CharField(
        _("enhet"), max_length=60, blank=True, help_text=_("T.ex. ”riktade insatser”.")
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["promise", "order", "id"]
        verbose_name = _("åtagande")
        verbose_name_plural = _("åtaganden")

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.given_by == Giver.PARTY and self.party_id is None:
            raise ValidationError({"party": _("Ange vilken part som lovar.")})
        if self.given_by != Giver.PARTY:
            self.party = None
        if self.unit and self.target_quantity is None:
            raise ValidationError({"target_quantity": _("Ange ett antal när du anger en enhet.")})
        if self.target_quantity is not None and not self.unit:
            raise ValidationError({"unit": _("Ange vad antalet räknar, t.ex. ”insatser”.")})

    @property
    def group_key(self) -> str:
        """Which heading the commitment is listed under on the public page."""
        if self.given_by != Giver.PARTY:
            return self.given_by
        if self.party.kind == Organisation.Kind.POLICE_AREA:
            return Giver.POLICE
        if self.party.kind == Organisation.Kind.MUNICIPALITY:
            return Giver.MUNICIPALITIES
        return f"other-{self.party_id}"

    def giver_label(self) -> str:
        return self.party.name if self.party_id else str(self.get_given_by_display())

    def target_text(self) -> str:
        if self.target_quantity is None:
            return ""
        return _("minst %(n)s %(unit)s") % {"n": self.target_quantity, "unit": self.unit}


def commitment_group_heading(key: str, municipality_count: int, party_name: str = "") -> str:
    if key == Giver.POLICE:
        return str(_("Polisen lovar att …"))
    if key == Giver.MUNICIPALITIES:
        return ngettext("Kommunen lovar att …", "Kommunerna lovar att …", municipality_count)
    if key == Giver.TOGETHER:
        return str(_("Tillsammans …"))
    return _("%(name)s lovar att …") % {"name": party_name}


class PromiseRevision(models.Model):
    """An immutable copy of a promise's public text, made each time it is published or changed
    after publishing."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("publicerad"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    snapshot = models.JSONField()
    change_note = models.TextField(_("vad ändrades"), blank=True)

    class Meta:
        ordering = ["promise", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "number"], name="one_revision_number")
        ]
        verbose_name = _("version")
        verbose_name_plural = _("versioner")

    def __str__(self) -> str:
        return f"{self.promise} v{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValidationError(_("En publicerad version kan inte ändras."))
        super().save(*args, **kwargs)
