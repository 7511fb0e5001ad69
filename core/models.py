"""What the shared blocks keep: which files were imported (core.imports), uploads waiting
between their preview and the confirmation, how far background tasks have come (core.tasks)
and the runs of the retention rules (core.retention)."""

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


class TaskStatus(models.TextChoices):
    QUEUED = "queued", _("Väntar på sin tur")
    RUNNING = "running", _("Pågår")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Misslyckades")


class TaskProgress(models.Model):
    """How far a background task (core.tasks) has come, for the page that follows it: the
    owner's view of an import, a PDF, a re-weighting. The live step count of a task working
    inside a long transaction is kept in the cache (core.tasks explains why); this row has
    the status, the last message and, at the end, the result or the errors."""

    Status = TaskStatus

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("typ"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("klart"), default=0)
    total = models.PositiveIntegerField(_("totalt"), default=0)
    message = models.CharField(_("meddelande"), max_length=300, blank=True)
    result = models.JSONField(_("resultat"), null=True, blank=True)
    errors = models.JSONField(_("fel"), default=list, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bakgrundsuppgift")
        verbose_name_plural = _("bakgrundsuppgifter")

    def __str__(self) -> str:
        return f"{self.kind} {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in {TaskStatus.DONE, TaskStatus.FAILED}


class RetentionRun(models.Model):
    """One run of `manage.py apply_retention` (core.retention): how many items each rule
    deleted. Its audit entry ("retention.applied") points here."""

    at = models.DateTimeField(_("när"), auto_now_add=True)
    counts = models.JSONField(_("antal per regel"), default=dict)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("gallring")
        verbose_name_plural = _("gallringar")

    def __str__(self) -> str:
        return f"{_('Gallring')} {self.at:%Y-%m-%d %H:%M}"
