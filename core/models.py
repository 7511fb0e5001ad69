"""What the shared import machinery (core.imports) keeps: which files were imported, and
uploads waiting between their preview and the confirmation."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One applied import. The same file (by content) is never applied twice to the same
    target by the same kind of importer."""

    kind = models.CharField(_("typ av import"), max_length=40)
    target = models.CharField(_("mål"), max_length=100, blank=True)  # e.g. "promises.promise:12"
    sha256 = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)
    file_name = models.CharField(_("filnamn"), max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("utförd av"), max_length=150)
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)
    summary = models.JSONField(_("sammanfattning"), default=dict)

    class Meta:
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target", "sha256"], name="one_import_per_file_and_target"
            )
        ]
        verbose_name = _("import")
        verbose_name_plural = _("importer")

    def __str__(self) -> str:
        return f"{self.kind} {self.target} {self.file_name}"


class PendingImport(models.Model):
    """An uploaded file kept on the server between the preview and the confirmation, for the
    user who uploaded it and for a limited time. The confirmation names it by `token`; its
    content never travels through the browser again."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=40)
    target = models.CharField(max_length=100, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uppladdad fil som väntar på import")
        verbose_name_plural = _("uppladdade filer som väntar på import")

    def __str__(self) -> str:
        return self.file_name
