"""Backup → restore round trips on the database this suite runs on (SQLite or PostgreSQL), with
equal row counts and content checksums for every table and the uploaded files back in place;
files that are not backups, or come from a newer schema, are refused before anything changes."""

import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core import backup as backups
from promises.models import Promise
from tests.factories import make_cast, make_world


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "rapporter").mkdir(parents=True)
    (settings.MEDIA_ROOT / "rapporter" / "foto.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_every_table_and_the_files(reference_data, media, tmp_path):
    make_world(make_cast())
    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    manifest = backups.read_manifest(archive)
    before = backups.table_summaries()
    assert manifest["tables"]["promises_promise"]["rows"] == Promise.objects.count() > 0
    assert {t: (s.rows, s.checksum) for t, s in before.items()} == {
        t: (s["rows"], s["checksum"]) for t, s in manifest["tables"].items()
    }

    Promise.objects.all().delete()  # the disaster
    (media / "rapporter" / "foto.jpg").unlink()
    assert backups.table_summaries() != before

    call_command("restore", str(archive), "--yes", stdout=out)
    assert backups.table_summaries() == before
    assert (media / "rapporter" / "foto.jpg").read_bytes() == b"\xff\xd8 not really a jpeg"
    assert "kontrollsummor stämmer" in out.getvalue()


def _tar(path, files: dict[str, bytes]):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused_before_anything_changes(cast, tmp_path):
    count = Promise.objects.count()
    text = tmp_path / "notes.tar.gz"
    text.write_text("hej")
    other = _tar(tmp_path / "other.tar.gz", {"manifest.json": b'{"format": "something"}'})
    for bad in (text, other, tmp_path / "missing.tar.gz"):
        with pytest.raises(CommandError, match="inte en säkerhetskopia"):
            call_command("restore", str(bad), "--yes")
    assert Promise.objects.count() == count


@pytest.mark.django_db
def test_a_backup_from_a_newer_schema_is_refused(cast, tmp_path):
    manifest = {
        "format": backups.FORMAT,
        "version": backups.VERSION,
        "created_at": "2030-01-01T00:00:00+00:00",
        "vendor": backups._vendor(),
        "migrations": [*backups.applied_migrations(), ["promises", "0999_from_the_future"]],
        "tables": {},
        "database_file": "db.sqlite3",
    }
    newer = _tar(tmp_path / "newer.tar.gz", {"manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(CommandError, match="nyare version.*promises.0999_from_the_future"):
        call_command("restore", str(newer), "--yes")


@pytest.mark.django_db
def test_an_archive_with_a_path_outside_is_refused(cast, tmp_path):
    manifest = {
        "format": backups.FORMAT,
        "version": backups.VERSION,
        "vendor": backups._vendor(),
        "migrations": backups.applied_migrations(),
        "tables": {},
        "database_file": "db.sqlite3",
    }
    evil = _tar(
        tmp_path / "evil.tar.gz",
        {"manifest.json": json.dumps(manifest).encode(), "media/../../etc/x": b"x"},
    )
    with pytest.raises(backups.BackupError, match="otillåten sökväg"):
        backups.restore(evil)


@pytest.mark.django_db(transaction=True)
def test_restore_asks_before_replacing_everything(reference_data, tmp_path, monkeypatch):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    with pytest.raises(CommandError, match="Avbrutet; inget ändrades"):
        call_command("restore", str(archive))


@pytest.mark.django_db(transaction=True)
def test_the_cache_table_is_left_out(reference_data, tmp_path):
    """The flood limit's hashed addresses live in the database cache for an hour, not in
    backups that are kept for months."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_cache (cache_key, value, expires) VALUES (%s, %s, %s)",
            ["report-rate:abc", "gAVLAS4=", "2099-01-01 00:00:00+00:00"],
        )
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_cache")
        assert cursor.fetchone()[0] == 0
