"""Åtgärdsplaner (law 2023:196): staff record the decision and its measures linked to promises
and activities, review it, delete it after a confirmation; every change is in the audit log;
a review falls due and reminds the municipality's editors; public plans are shown on the
municipality's page and on the promises that carry them out, with a constant number of
queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications.staff_reminders import send_reminders
from organisations.models import AuditEntry
from promises.models import Promise
from promises.reminders import due_reminders, reminders_for_user
from situation.models import ActionPlan, ActionPlanMeasure
from tests import situation_factories as sf

D = datetime.date
LIST = reverse("situation_staff:action_plan_list")
CREATE = reverse("situation_staff:action_plan_create")


def url(name: str, *args: object) -> str:
    return reverse(f"situation_staff:{name}", args=args)


def plan_data(**fields: object) -> dict:
    return {
        "municipality": sf.municipality("1419").pk,
        "title": "Åtgärdsplan mot brott 2025–2026",
        "decision_body": "Kommunfullmäktige",
        "decided_on": "2025-06-16",
        "paragraph": "§ 112",
        "review_interval_years": "2",
        "next_review_on": "",
        **fields,
    }


def test_an_editor_records_a_plan_with_its_decision(client, cast):
    client.force_login(cast.alice)
    response = client.post(CREATE, plan_data())
    plan = ActionPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_staff_url()
    assert (plan.decision_body, plan.decided_on, plan.paragraph) == (
        "Kommunfullmäktige",
        D(2025, 6, 16),
        "§ 112",
    )
    assert plan.next_review_on == D(2027, 6, 16)  # every second year unless told otherwise
    assert not plan.is_public
    entry = AuditEntry.objects.get(action="action_plan.created")
    assert cast.tjorn.pk in set(entry.parties.values_list("id", flat=True))
    page = client.get(plan.get_staff_url()).content.decode()
    assert "§ 112" in page and "16 juni 2027" in page and "action_plan.created" in page


def test_the_form_refuses_what_does_not_hold(client, cast):
    client.force_login(cast.alice)
    harryda = sf.municipality("1401").pk
    response = client.post(CREATE, plan_data(municipality=harryda))
    assert response.status_code == 400  # not a municipality alice works in
    response = client.post(CREATE, plan_data(next_review_on="2025-01-01"))
    assert response.status_code == 400 and "efter beslutsdatumet" in response.content.decode()
    response = client.post(CREATE, plan_data(review_interval_years="0"))
    assert response.status_code == 400
    assert not ActionPlan.objects.exists()


def test_who_may_do_what(client, cast):
    plan = sf.action_plan("1419")
    client.force_login(cast.viewer)  # Tjörn, viewer: reads, changes nothing
    assert client.get(plan.get_staff_url()).status_code == 200
    assert client.get(url("action_plan_edit", plan.pk)).status_code == 403
    assert client.post(url("action_plan_delete", plan.pk)).status_code == 403
    assert client.get(CREATE).status_code == 403
    client.force_login(cast.bob)  # the police area covering Tjörn: an editor there
    assert client.get(url("action_plan_edit", plan.pk)).status_code == 200
    client.force_login(cast.charlie)  # Härryda: another tenant
    assert client.get(plan.get_staff_url()).status_code == 404
    assert client.post(url("measure_create", plan.pk), {"text": "x"}).status_code == 404
    assert plan.title not in client.get(LIST).content.decode()
    client.logout()
    assert client.get(LIST).status_code == 302


def test_measures_link_promises_and_activities(client, cast, world):
    plan = sf.action_plan("1419")
    client.force_login(cast.alice)
    response = client.post(
        url("measure_create", plan.pk),
        {
            "text": "Föräldravandringar helger",
            "responsible": cast.tjorn.pk,
            "responsible_function": "Trygghetssamordnare",
            "activities": [world.tjorn_activity.pk],
        },
    )
    assert response.status_code == 302
    measure = ActionPlanMeasure.objects.get()
    # An activity brings its promise along.
    assert list(measure.promises.all()) == [world.promise]
    assert list(measure.activities.all()) == [world.tjorn_activity]
    # Another tenant's promise is not offered.
    response = client.post(
        url("measure_edit", plan.pk, measure.pk),
        {"text": "Ändrad", "promises": [world.other_promise.pk]},
    )
    assert response.status_code == 400
    page = client.get(plan.get_staff_url()).content.decode()
    assert "Föräldravandringar helger" in page and world.tjorn_activity.title in page
    assert AuditEntry.objects.filter(
        action="action_plan.measure_added", object_id=str(plan.pk)
    ).exists()


def test_delete_asks_first_and_the_log_keeps_the_plan(client, cast):
    plan = sf.action_plan("1419")
    sf.measure(plan)
    client.force_login(cast.alice)
    confirm = client.get(url("action_plan_delete", plan.pk))
    assert confirm.status_code == 200 and "Det går inte att ångra" in confirm.content.decode()
    assert ActionPlan.objects.exists()
    assert client.post(url("action_plan_delete", plan.pk)).status_code == 302
    assert not ActionPlan.objects.exists() and not ActionPlanMeasure.objects.exists()
    entry = AuditEntry.objects.get(action="action_plan.deleted")
    assert entry.before["paragraph"] == "§ 87"
    assert entry.before["åtgärder"] == ["Bättre belysning i centrum"]


def test_a_measure_is_deleted_after_a_confirmation(client, cast):
    plan = sf.action_plan("1419")
    measure = sf.measure(plan)
    client.force_login(cast.alice)
    assert client.get(url("measure_delete", plan.pk, measure.pk)).status_code == 200
    assert ActionPlanMeasure.objects.exists()
    client.post(url("measure_delete", plan.pk, measure.pk))
    assert not ActionPlanMeasure.objects.exists()
    assert AuditEntry.objects.filter(action="action_plan.measure_deleted").exists()


def test_a_review_moves_the_next_one_on(client, cast):
    plan = sf.action_plan("1419", review_interval_years=3)
    client.force_login(cast.alice)
    response = client.post(url("action_plan_review", plan.pk), {"reviewed_on": "2025-11-03"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.last_reviewed_on, plan.next_review_on) == (D(2025, 11, 3), D(2028, 11, 3))
    entry = AuditEntry.objects.get(action="action_plan.reviewed")
    assert entry.before["next_review_on"] == "2027-06-17"
    future = client.post(url("action_plan_review", plan.pk), {"reviewed_on": "2999-01-01"})
    assert future.status_code == 400


def keys(reminders: list) -> set[str]:
    return {r.key for r in reminders}


def test_a_review_due_reminds_the_municipality_s_editors(cast, settings, mailoutbox):
    settings.ACTION_PLAN_REVIEW_REMINDER_DAYS = 30
    plan = sf.action_plan("1419")  # review due 17 June 2026
    key = f"action_plan_review:{plan.pk}:2026-06-17"
    assert key not in keys(due_reminders(D(2026, 5, 17)))
    [reminder] = [r for r in due_reminders(D(2026, 5, 18)) if r.key == key]
    assert reminder.path == plan.get_staff_url()
    assert reminder.organisation_ids == {cast.tjorn.pk}
    assert "17 juni 2026" in reminder.reason
    overdue = [r for r in due_reminders(D(2026, 7, 1)) if r.key == key]
    assert "skulle ha gjorts" in overdue[0].reason
    day = D(2026, 6, 1)
    assert key in keys(reminders_for_user(cast.alice, day))
    for user in (cast.viewer, cast.reporter, cast.bob, cast.charlie, cast.orust_editor):
        assert key not in keys(reminders_for_user(user, day)), user
    # Registering the review ends the reminder.
    plan.next_review_on = D(2028, 6, 1)
    plan.save()
    assert key not in keys(due_reminders(day))


def test_the_reminder_is_e_mailed_once(cast, mailoutbox, settings):
    settings.ACTION_PLAN_REVIEW_REMINDER_DAYS = 60
    plan = sf.action_plan("1419", decided_on=D(2020, 1, 1))  # due long ago
    cast.alice.email = "samordnare@example.se"
    cast.alice.save()
    assert send_reminders() >= 1
    [message] = [m for m in mailoutbox if "samordnare@example.se" in m.to]
    assert plan.title in message.body
    assert send_reminders() == 0


def test_public_plans_on_the_municipality_and_promise_pages(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    hidden = sf.action_plan("1419", title="Utkast till plan")
    plan = sf.action_plan("1419", title="Tjörns åtgärdsplan mot brott", is_public=True)
    measure = sf.measure(plan, "Trygghetsvandringar varje höst", responsible=cast.tjorn)
    measure.promises.set([world.promise])
    sf.measure(hidden, "Hemlig åtgärd").promises.set([world.promise])
    page = client.get(reverse("public:municipality", args=["tjorn"])).content.decode()
    assert "Tjörns åtgärdsplan mot brott" in page and "§ 87" in page
    assert "Trygghetsvandringar varje höst" in page and world.promise.title in page
    assert "Utkast till plan" not in page and "Hemlig åtgärd" not in page
    promise_page = client.get(world.promise.get_absolute_url()).content.decode()
    assert "Del av kommunens åtgärdsplan" in promise_page
    assert "Trygghetsvandringar varje höst" in promise_page
    assert "Hemlig åtgärd" not in promise_page


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_public_pages_cost_the_same_whatever_the_plan_s_size(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    plan = sf.action_plan("1419", is_public=True)
    sf.measure(plan).promises.set([world.promise])
    municipality = reverse("public:municipality", args=["tjorn"])
    promise = world.promise.get_absolute_url()
    small = (_queries(client, municipality), _queries(client, promise))
    other = sf.action_plan("1419", title="Plan 2", is_public=True)
    for n in range(12):
        sf.measure(other, f"Åtgärd {n}").promises.set([world.promise])
    assert (_queries(client, municipality), _queries(client, promise)) == small
