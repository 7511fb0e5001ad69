"""Who reaches residents' reports, dialogues and safety walks: moderators of the municipality
(its editors and the covering police area's), the organisation a report is routed to, and no
one else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from participation.access import Need, get_dialogue_for_user, get_report_for_user, get_walk_for_user
from tests.factories import other_org, user
from tests.voices_factories import dialogue, report, walk


def test_municipality_and_police_editors_moderate_tjorns_reports(cast):
    r = report("1419")
    for moderator in (cast.alice, cast.bob):  # Tjörn editor, LPO Södra Fyrbodal editor
        assert get_report_for_user(moderator, r.pk, Need.MODERATE) == r


def test_another_municipality_does_not_see_it(cast):
    r = report("1419")
    with pytest.raises(Http404):
        get_report_for_user(cast.charlie, r.pk)


def test_viewers_and_reporters_are_not_moderators(cast):
    r = report("1419")
    for u in (cast.viewer, cast.reporter):
        with pytest.raises(Http404):
            get_report_for_user(u, r.pk)


def test_routed_organisation_answers_but_does_not_moderate(cast):
    housing = other_org("Tjörns Bostäder", "1419")
    editor = user("bostad", housing)
    r = report("1419", responsible=housing)
    assert get_report_for_user(editor, r.pk, Need.RESPOND) == r
    with pytest.raises(PermissionDenied):
        get_report_for_user(editor, r.pk, Need.MODERATE)


def test_dialogues_and_walks_belong_to_their_organisation(cast):
    d, w = dialogue(cast.tjorn), walk(cast.tjorn)
    assert get_dialogue_for_user(cast.alice, d.pk, Need.EDIT) == d
    assert get_walk_for_user(cast.viewer, w.pk) == w
    with pytest.raises(PermissionDenied):
        get_walk_for_user(cast.viewer, w.pk, Need.EDIT)
    with pytest.raises(Http404):
        get_dialogue_for_user(cast.charlie, d.pk)
