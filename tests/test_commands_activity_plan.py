"""manage.py export_activity_plan and import_activity_plan."""

import io

import pytest
from django.core.management import CommandError, call_command

from organisations.models import AuditEntry
from promises.models import Activity, ProgressUpdate
from tests.spreadsheets import csv_from_dicts, csv_rows, row_dicts


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def changed_file(world, path, **cells):
    header, rows = row_dicts(world.promise)
    row = next(r for r in rows if r["Aktivitet"] == "Föräldraträffar")
    row.update({"Aktivitet": "Föräldraträffar i Rönnäng", **cells})
    path.write_bytes(csv_from_dicts(header, rows))
    return str(path)


def test_export_csv_and_xlsx_by_suffix(world, tmp_path):
    out, _ = run("export_activity_plan", world.promise.pk, str(tmp_path / "plan.csv"))
    assert "2 aktiviteter" in out
    header, *rows = csv_rows((tmp_path / "plan.csv").read_bytes())
    assert header[:2] == ["Referens", "Åtagande-ref"] and len(rows) == 2
    run("export_activity_plan", world.promise.pk, str(tmp_path / "plan.xlsx"))
    assert (tmp_path / "plan.xlsx").read_bytes().startswith(b"PK")


def test_export_refuses_unknown_promise_and_suffix(world, tmp_path):
    with pytest.raises(CommandError, match="inget löfte med id 999999"):
        run("export_activity_plan", 999999, str(tmp_path / "plan.csv"))
    with pytest.raises(CommandError, match=".csv eller .xlsx"):
        run("export_activity_plan", world.promise.pk, str(tmp_path / "plan.ods"))


def test_import_prints_the_changes_and_dry_run_changes_nothing(world, tmp_path):
    path = changed_file(world, tmp_path / "plan.csv")
    out, _ = run("import_activity_plan", world.promise.pk, path, "--dry-run")
    assert (
        "Ändrad aktivitet" in out
        and "Aktivitet: Föräldraträffar → Föräldraträffar i Rönnäng" in out
    )
    assert "Provkörning: 1 ändrad aktivitet skulle sparas. Ingenting ändrades." in out
    assert not Activity.objects.filter(title="Föräldraträffar i Rönnäng").exists()
    out, _ = run("import_activity_plan", world.promise.pk, path)
    assert "Klart: 1 ändrad aktivitet sparade." in out
    assert Activity.objects.filter(title="Föräldraträffar i Rönnäng").exists()
    entry = AuditEntry.objects.get(action="activity.changed")
    assert entry.actor is None and entry.actor_label == "system (kommandoraden: plan.csv)"
    out, _ = run("import_activity_plan", world.promise.pk, path)
    assert "Filen är redan inläst" in out


def test_import_with_an_error_exits_non_zero_and_changes_nothing(world, tmp_path):
    path = changed_file(world, tmp_path / "plan.csv", Slut="31 juni 2025")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 fel i filen. Ingenting ändrades."):
        call_command(
            "import_activity_plan", world.promise.pk, path, stderr=err, stdout=io.StringIO()
        )
    assert "kolumn ”Slut”: ”31 juni 2025” är inget datum" in err.getvalue()
    assert not Activity.objects.filter(title="Föräldraträffar i Rönnäng").exists()


def test_import_as_a_user_uses_their_rights(cast, world, tmp_path):
    path = changed_file(
        world,
        tmp_path / "plan.csv",
        **{"Ny lägesrapport: text": "Träff hölls.", "Ny lägesrapport: antal": "1"},
    )
    with pytest.raises(CommandError, match="fel i filen"):
        run("import_activity_plan", world.promise.pk, path, "--user", "reporter")
    out, _ = run("import_activity_plan", world.promise.pk, path, "--user", "alice")
    assert "1 ändrad aktivitet, 1 ny lägesrapport" in out
    assert ProgressUpdate.objects.get(text="Träff hölls.").author == cast.alice
    assert AuditEntry.objects.get(action="activity.changed").actor_label.startswith("alice (")


def test_import_refuses_unknown_users_other_tenants_and_large_files(cast, world, tmp_path):
    path = changed_file(world, tmp_path / "plan.csv")
    with pytest.raises(CommandError, match="ingen aktiv användare nobody"):
        run("import_activity_plan", world.promise.pk, path, "--user", "nobody")
    with pytest.raises(CommandError, match="charlie kan inte se något löfte"):
        run("import_activity_plan", world.promise.pk, path, "--user", "charlie")
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(50 * 2**20)
    with pytest.raises(CommandError, match="för stor"):
        run("import_activity_plan", world.promise.pk, str(big))
    with pytest.raises(CommandError, match="kan inte öppnas"):
        run("import_activity_plan", world.promise.pk, str(tmp_path / "saknas.csv"))
