"""The audit trail: every staff change, who made it, when, and the state before and after."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> "AuditEntryQuerySet":
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=str(obj.pk))

    def readable_by_orgs(self, org_ids: set[int]) -> "AuditEntryQuerySet":
        return self.filter(parties__in=org_ids).distinct()


class AuditEntry(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("vem"),
    )
    actor_label = models.CharField(_("vem (text)"), max_length=150)
    action = models.CharField(_("händelse"), max_length=60, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(_("objekt"), max_length=200)
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)
    at = models.DateTimeField(_("när"), auto_now_add=True, db_index=True)
    # The organisations that may read this entry: the parties of the object when it was changed.
    parties = models.ManyToManyField("organisations.Organisation", related_name="+")

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("loggpost")
        verbose_name_plural = _("händelselogg")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field whose value differs."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
