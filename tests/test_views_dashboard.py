"""The staff dashboard: what to report on lists only activities still open."""

from promises.models import Activity
from tests.factories import PASSWORD, activity


def test_to_report_lists_open_activities_only(client, cast, world):
    open_one = activity(
        world.police_commitment, cast.tjorn, title="Pågående insats", status="ongoing"
    )
    for status in ("done", "partly", "not_done", "cancelled"):
        activity(world.police_commitment, cast.tjorn, title=f"Avslutad {status}", status=status)
    client.login(username="alice", password=PASSWORD)
    response = client.get("/personal/")
    listed = {a.title for a in response.context["activities"]}
    assert open_one.title in listed
    assert not any(title.startswith("Avslutad") for title in listed)
    assert Activity.objects.filter(status="partly").exists()
