"""An uploaded or named file, held as bytes, checked for size before anything parses it."""

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.imports.issues import FileRefused


def _too_large(size: int) -> FileRefused:
    return FileRefused(
        _("Filen är för stor (%(size)s). Den största fil som kan läsas in är %(max)s.")
        % {"size": filesizeformat(size), "max": filesizeformat(settings.IMPORT_MAX_BYTES)}
    )


@dataclass(frozen=True)
class ImportFile:
    """The content of a file to import and the name it came with (its suffix decides how it is
    read). `sha256` identifies the content, whatever the file is called."""

    name: str
    content: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)

    @classmethod
    def from_bytes(cls, name: str, content: bytes) -> "ImportFile":
        if len(content) > settings.IMPORT_MAX_BYTES:
            raise _too_large(len(content))
        return cls(name=name, content=content)

    @classmethod
    def from_path(cls, path: str | Path) -> "ImportFile":
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise FileRefused(
                _("Filen %(name)s kan inte öppnas: %(reason)s")
                % {"name": path, "reason": error.strerror}
            ) from error
        if size > settings.IMPORT_MAX_BYTES:
            raise _too_large(size)
        return cls(name=path.name, content=path.read_bytes())

    @classmethod
    def from_upload(cls, upload: BinaryIO) -> "ImportFile":
        """A Django UploadedFile: its size is known before it is read."""
        size = getattr(upload, "size", None)
        if size is not None and size > settings.IMPORT_MAX_BYTES:
            raise _too_large(size)
        return cls.from_bytes(getattr(upload, "name", "") or "", upload.read())


def require_suffix(source: ImportFile, suffixes: tuple[str, ...]) -> None:
    if source.suffix not in suffixes:
        raise FileRefused(
            _("Filen ”%(name)s” har fel filtyp. Välj en fil som slutar på %(suffixes)s.")
            % {"name": source.name, "suffixes": _(" eller ").join(suffixes)}
        )
