"""Who reaches a survey, as a matrix: role × own organisation × another organisation."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from surveys.access import Need, get_item_for_user, get_survey_for_user, get_wave_for_user
from surveys.models import Item
from tests.survey_factories import survey, wave

ALLOWED = {
    # user: the needs granted on Tjörn's survey
    "viewer": {Need.READ},
    "reporter": {Need.READ, Need.ENTER},
    "alice": {Need.READ, Need.ENTER, Need.EDIT},
    "tjorn_admin": {Need.READ, Need.ENTER, Need.EDIT, Need.ADMIN},
}


@pytest.mark.parametrize("username", sorted(ALLOWED))
@pytest.mark.parametrize("need", list(Need))
def test_members_of_the_owner_by_role(cast, username, need):
    s = survey(cast.tjorn)
    w = wave(s)
    user = getattr(cast, username)
    if need in ALLOWED[username]:
        assert get_survey_for_user(user, s.pk, need) == s
        assert get_wave_for_user(user, w.pk, need) == w
    else:
        with pytest.raises(PermissionDenied):
            get_survey_for_user(user, s.pk, need)


@pytest.mark.parametrize("username", ["charlie", "bob", "bra_member"])
def test_other_organisations_do_not_see_it(cast, username):
    s = survey(cast.tjorn)
    with pytest.raises(Http404):
        get_survey_for_user(getattr(cast, username), s.pk)
    with pytest.raises(Http404):
        get_wave_for_user(getattr(cast, username), wave(s).pk)


def test_standard_items_are_read_by_all_and_changed_by_none(cast):
    item = Item.objects.get(code="otrygg_kvall")
    assert get_item_for_user(cast.charlie, item.pk) == item
    with pytest.raises(PermissionDenied):
        get_item_for_user(cast.tjorn_admin, item.pk, Need.EDIT)


def test_own_items_belong_to_their_organisation(cast):
    own = Item.objects.create(code="tjorn_hamnen", kind="single", organisation=cast.tjorn)
    assert get_item_for_user(cast.alice, own.pk, Need.EDIT) == own
    with pytest.raises(PermissionDenied):
        get_item_for_user(cast.viewer, own.pk, Need.EDIT)
    with pytest.raises(Http404):
        get_item_for_user(cast.charlie, own.pk)
