"""When a survey's questionnaire may change.

Everyone who answers a wave must get the same questions, and results must be able to say which
wording was asked. So: while a wave is open, its questions and sections are locked. Once a wave
has closed with answers, what it asked is frozen in the wave (Wave.question_versions); the
survey can change for the next wave, but a question the closed wave asked changes only through
the bank's new-version rule (services.edit_item), never in place.
"""

from dataclasses import dataclass, field
from enum import Enum

from django.utils.translation import gettext as _

from surveys.builder import BuilderError
from surveys.models import Survey, Wave, WaveStatus


class LockState(Enum):
    FREE = "free"
    ANSWERED = "answered"  # closed waves with answers: changes go through new versions
    OPEN = "open"  # a wave is collecting answers: questions and sections are locked


@dataclass
class QuestionnaireLock:
    state: LockState
    waves: list[Wave] = field(default_factory=list)
    asked_version_ids: set[int] = field(default_factory=set)

    @property
    def is_locked(self) -> bool:
        return self.state is LockState.OPEN

    def wave_names(self) -> str:
        return ", ".join(w.name for w in self.waves)

    def refuse(self) -> None:
        """Raise the explanation when the questionnaire is locked."""
        if self.is_locked:
            raise BuilderError(
                _(
                    "Frågorna kan inte ändras medan omgången ”%(waves)s” är öppen för svar: "
                    "alla som svarar ska få samma frågor. Gör ändringen när omgången har "
                    "stängts; den gäller då nästa omgång."
                )
                % {"waves": self.wave_names()}
            )


def questionnaire_lock(survey: Survey) -> QuestionnaireLock:
    waves = list(
        Wave.objects.filter(survey=survey)
        .exclude(status=WaveStatus.DRAFT)
        .only("id", "name", "status", "question_versions")
    )
    open_waves = [w for w in waves if w.status == WaveStatus.OPEN]
    if open_waves:
        return QuestionnaireLock(LockState.OPEN, open_waves, _asked(open_waves))
    answered_ids = set(
        Wave.objects.filter(pk__in=[w.pk for w in waves], responses__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
    )
    answered = [w for w in waves if w.pk in answered_ids]
    if answered:
        return QuestionnaireLock(LockState.ANSWERED, answered, _asked(answered))
    return QuestionnaireLock(LockState.FREE)


def _asked(waves: list[Wave]) -> set[int]:
    return {version_id for w in waves for version_id in (w.question_versions or {}).values()}
