"""The importer base class: parse and validate into a plan (the preview), then apply the whole
plan in one transaction (all or nothing)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from core.imports.files import ImportFile, require_suffix
from core.imports.issues import FileRefused, IssueList, TooManyIssues
from core.models import ImportRecord

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class Change:
    """One planned change. `action` is the importer's short key ("create", "update",
    "progress"...), `description` one line for the preview, `payload` what `apply_change`
    needs."""

    action: str
    description: str
    row: int | None = None
    sheet: str = ""
    fields: list[FieldChange] = field(default_factory=list)
    payload: object = None


@dataclass
class Plan:
    kind: str
    target: str
    file_name: str
    sha256: str
    errors: IssueList
    notes: IssueList
    changes: list[Change] = field(default_factory=list)
    previous: ImportRecord | None = None  # the same file, already imported
    record: ImportRecord | None = None  # set once the plan is applied

    @property
    def can_apply(self) -> bool:
        return not self.errors and self.previous is None and bool(self.changes)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        return counts


class Importer:
    """Subclasses set `kind` and implement `changes()` and `apply_change()`; an importer of many
    rows overrides `apply_changes()` to write in bulk."""

    kind: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = (".csv", ".xlsx")
    row_noun: ClassVar[str] = ""  # "post" for JSON records; "rad" when empty

    def __init__(
        self,
        *,
        target: models.Model | None = None,
        user: AbstractBaseUser | None = None,
        actor_label: str = "",
    ) -> None:
        self.target = target
        self.user = user
        self.actor_label = actor_label or (user.get_username() if user is not None else "system")
        self.source_name = ""  # the name of the file last planned, for audit entries

    @property
    def target_key(self) -> str:
        if self.target is None:
            return ""
        return f"{self.target._meta.label_lower}:{self.target.pk}"

    # What a subclass provides

    def changes(self, source: ImportFile, plan: Plan) -> Iterable[Change]:
        """Read and validate the file: yield the planned changes, add problems to
        `plan.errors` (and hints that do not stop the import to `plan.notes`)."""
        raise NotImplementedError

    def apply_change(self, change: Change) -> None:
        raise NotImplementedError

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        total = len(changes)
        for done, change in enumerate(changes, start=1):
            self.apply_change(change)
            if on_progress is not None:
                on_progress(done, total)

    def lock(self) -> None:
        """Serialise imports to the same target (a row lock where the database has them)."""
        if self.target is not None:
            type(self.target).objects.select_for_update().filter(pk=self.target.pk).exists()

    # The machinery

    def plan(self, source: ImportFile) -> Plan:
        self.source_name = source.name
        plan = Plan(
            kind=self.kind,
            target=self.target_key,
            file_name=source.name,
            sha256=source.sha256,
            errors=IssueList(row_noun=self.row_noun),
            notes=IssueList(row_noun=self.row_noun),
        )
        try:
            require_suffix(source, self.suffixes)
            plan.previous = ImportRecord.objects.filter(
                kind=self.kind, target=self.target_key, sha256=plan.sha256
            ).first()
            for change in self.changes(source, plan):
                plan.changes.append(change)
        except FileRefused as refused:
            plan.errors.refuse(str(refused))
        except TooManyIssues:
            pass
        return plan

    def apply(self, plan: Plan, *, on_progress: ProgressCallback | None = None) -> ImportRecord:
        """Apply every change of a plan without errors, or none of them."""
        if not plan.can_apply:
            raise ValueError("a plan with errors, no changes or an earlier import is not applied")
        with transaction.atomic():
            self.apply_changes(plan.changes, on_progress)
            plan.record = ImportRecord.objects.create(
                kind=self.kind,
                target=self.target_key,
                sha256=plan.sha256,
                file_name=plan.file_name[:255],
                user=self.user,
                actor_label=self.actor_label[:150],
                summary=plan.counts(),
            )
        return plan.record

    def run(
        self,
        source: ImportFile,
        *,
        dry_run: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> Plan:
        """Plan and (unless `dry_run`, or the plan cannot be applied) apply, in one transaction
        with the target locked, so nothing changes between the check and the change."""
        with transaction.atomic():
            self.lock()
            plan = self.plan(source)
            if plan.can_apply and not dry_run:
                self.apply(plan, on_progress=on_progress)
        return plan
