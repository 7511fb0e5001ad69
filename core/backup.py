"""Backups of the whole platform: the database and the uploaded files, in one archive.

An archive is a gzipped tar with `manifest.json` (what it is, the schema it was taken at, and
for every table its row count and a content checksum), the database (`db.sqlite3` taken with
SQLite's online backup API, or `db.dump` from `pg_dump --format=custom`) and `media/`.

A restore checks the archive before it touches anything: that it is a backup of this platform,
of the same database kind, and that every migration it was taken at is known to this code (a
backup from a newer version is refused). After restoring it compares every table's count and
checksum with the manifest.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from config.cache_url import database_tables

FORMAT = "medborgarloften-backup"
VERSION = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Swedish."""


@dataclass(frozen=True)
class TableSummary:
    rows: int
    checksum: str


def table_summaries() -> dict[str, TableSummary]:
    """Row count and a checksum of the content of every table the models know, in key order."""
    summaries = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f.attname for f in model._meta.concrete_fields]
        digest = hashlib.sha256()
        rows = 0
        for row in model._base_manager.order_by("pk").values_list(*fields).iterator(2000):
            digest.update(json.dumps(row, default=str, sort_keys=True).encode())
            rows += 1
        summaries[model._meta.db_table] = TableSummary(rows, digest.hexdigest())
    return summaries


def applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _vendor() -> str:
    return connection.vendor


def _pg_env(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    db = connections[alias].settings_dict
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", db.get("USER") or "postgres", "--dbname", db["NAME"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def _empty_cache_tables(copy: sqlite3.Connection) -> None:
    """The database cache holds the flood limit's hashed addresses for their window only: a
    backup, kept far longer, leaves its rows out (pg_dump: --exclude-table-data)."""
    for table in database_tables(settings.CACHES):
        found = copy.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        )
        if found.fetchone():
            copy.execute(f'DELETE FROM "{table}"')


def backup(path: Path) -> dict:
    """Write the archive to `path` and return its manifest."""
    if connection.in_atomic_block:
        # SQLite's online backup waits for ever on a connection holding a write transaction,
        # and pg_dump would not see what the transaction has not committed.
        raise BackupError("En säkerhetskopia tas utanför databastransaktioner.")
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "vendor": _vendor(),
        "migrations": applied_migrations(),
        "tables": {
            table: {"rows": s.rows, "checksum": s.checksum}
            for table, s in table_summaries().items()
        },
    }
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "db"
        if manifest["vendor"] == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            with target:
                connection.connection.backup(target)
                _empty_cache_tables(target)
            target.close()
            db_name = "db.sqlite3"
        elif manifest["vendor"] == "postgresql":
            args, env = _pg_env()
            run = subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    *(f"--exclude-table-data={t}" for t in database_tables(settings.CACHES)),
                    "--file",
                    str(dump),
                    *args,
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if run.returncode:
                raise BackupError(f"pg_dump misslyckades: {run.stderr.strip()}")
            db_name = "db.dump"
        else:
            raise BackupError(f"Databasen {manifest['vendor']} stöds inte för säkerhetskopior.")
        manifest["database_file"] = db_name
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
            tar.add(dump, arcname=db_name)
            if media_root().is_dir():
                tar.add(media_root(), arcname="media")
        partial.replace(path)  # never leave a half-written file under the real name
    return manifest


def read_manifest(path: Path) -> dict:
    """The manifest of a backup archive, or BackupError saying why the file is not one."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile("manifest.json")
            manifest = json.loads(member.read()) if member else None
    except (tarfile.TarError, KeyError, OSError, EOFError, ValueError) as exc:
        raise BackupError(
            f"{path} är inte en säkerhetskopia från den här plattformen ({exc})."
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} är inte en säkerhetskopia från den här plattformen.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"Säkerhetskopian har formatversion {manifest.get('version')}; "
            f"den här versionen läser bara version {VERSION}."
        )
    return manifest


def check_restorable(manifest: dict) -> None:
    if manifest.get("vendor") != _vendor():
        raise BackupError(
            f"Säkerhetskopian är tagen från {manifest.get('vendor')} men databasen nu är "
            f"{_vendor()}; återställ till samma slags databas."
        )
    unknown = {tuple(m) for m in manifest.get("migrations", [])} - known_migrations()
    if unknown:
        names = ", ".join(f"{a}.{n}" for a, n in sorted(unknown)[:5])
        raise BackupError(
            "Säkerhetskopian kommer från en nyare version av plattformen (okända migreringar: "
            f"{names}). Uppgradera plattformen först."
        )


def _safe_members(tar: tarfile.TarFile, prefix: str) -> list[tarfile.TarInfo]:
    members = []
    for m in tar.getmembers():
        if m.name == prefix or m.name.startswith(prefix + "/"):
            if m.issym() or m.islnk() or ".." in Path(m.name).parts or m.name.startswith("/"):
                raise BackupError(f"Säkerhetskopian innehåller en otillåten sökväg: {m.name}")
            members.append(m)
    return members


def restore(path: Path) -> dict[str, TableSummary]:
    """Replace the database and the uploaded files with those of the archive; return the
    tables' summaries after restoring, which equal the manifest's (else BackupError)."""
    manifest = read_manifest(path)
    check_restorable(manifest)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as tar:
        db_name = manifest["database_file"]
        tar.extractall(tmp, members=_safe_members(tar, db_name), filter="data")
        media = _safe_members(tar, "media")
        tar.extractall(tmp, members=media, filter="data")
        dump = Path(tmp) / db_name
        if not dump.is_file():
            raise BackupError("Säkerhetskopian saknar databasen.")
        if manifest["vendor"] == "sqlite":
            source = sqlite3.connect(dump)
            connection.ensure_connection()
            with source:
                source.backup(connection.connection)
            source.close()
        else:
            connection.close()
            args, env = _pg_env()
            run = subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    str(dump),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if run.returncode:
                raise BackupError(f"pg_restore misslyckades: {run.stderr.strip()}")
        if media:
            target = media_root()
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(Path(tmp) / "media", target)
    after = table_summaries()
    expected = manifest["tables"]
    differing = [
        t
        for t, s in expected.items()
        if t not in after or (after[t].rows, after[t].checksum) != (s["rows"], s["checksum"])
    ]
    if differing:
        raise BackupError(
            "Återställningen stämmer inte med säkerhetskopian för tabellerna: "
            + ", ".join(differing[:10])
        )
    return after
