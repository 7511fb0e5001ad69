"""The staff workspace's main menu: a few groups of links instead of one long row, so a
coordinator finds a page by what it is about. A group is a disclosure (<details>), which opens
with the keyboard and works without JavaScript; a group of one link is that link."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavLink:
    label: str | Promise
    url_name: str


@dataclass(frozen=True)
class NavGroup:
    label: str | Promise
    links: tuple[NavLink, ...]


STAFF_NAV: tuple[NavGroup, ...] = (
    NavGroup(_("Översikt"), (NavLink(_("Översikt"), "staff:dashboard"),)),
    NavGroup(
        _("Löften och planer"),
        (
            NavLink(_("Löften"), "staff:promise_list"),
            NavLink(_("Överenskommelser"), "staff:agreement_list"),
            NavLink(_("Mina aktiviteter"), "staff:my_activities"),
            NavLink(_("Kontakter"), "staff:contact_list"),
        ),
    ),
    NavGroup(
        _("Invånarnas röster"),
        (
            NavLink(_("Rapporter"), "participation_staff:report_queue"),
            NavLink(_("Dialoger och vandringar"), "participation_staff:dialogue_list"),
        ),
    ),
    NavGroup(
        _("Trygghetsmätningar"),
        (
            NavLink(_("Undersökningar"), "surveys_staff:survey_list"),
            NavLink(_("Resultat"), "surveys_staff:result_index"),
            NavLink(_("Frågebanken"), "surveys_staff:bank_list"),
            NavLink(_("Områden"), "surveys_staff:area_overview"),
        ),
    ),
    NavGroup(
        _("Lägesbild"),
        (
            NavLink(_("Lägesbild"), "situation_staff:index"),
            NavLink(_("Lägesbilder"), "situation_report:list"),
            NavLink(_("EST-rapportering"), "est_staff:index"),
            NavLink(_("Åtgärdsplaner"), "situation_staff:action_plan_list"),
            NavLink(_("Läs in polisens händelser"), "situation_staff:import_upload"),
        ),
    ),
    NavGroup(
        _("Konto och logg"),
        (
            NavLink(_("Mitt konto"), "staff:account"),
            NavLink(_("Händelselogg"), "staff:audit_log"),
            NavLink(_("API-nycklar"), "api_staff:token_list"),
            NavLink(_("Påminnelser"), "notifications_staff:reminder_settings"),
            NavLink(_("Autentiseringsapp"), "login_enrol"),
        ),
    ),
)


@dataclass
class ShownLink:
    label: str | Promise
    url: str
    current: bool


@dataclass
class ShownGroup:
    label: str | Promise
    links: list[ShownLink]
    current: bool  # the page shown is in this group (its path starts with one of the links)


def staff_menu(path: str) -> list[ShownGroup]:
    """The menu for the page at `path`: the link to it marked current, and its group."""
    groups = []
    for group in STAFF_NAV:
        links = [ShownLink(link.label, reverse(link.url_name), False) for link in group.links]
        for link in links:
            link.current = link.url == path
        groups.append(ShownGroup(group.label, links, False))
    # The group of the page is the one with the longest link that starts its path, so
    # /personal/undersokningar/omgangar/2/ is under "Trygghetsmätningar", not "Översikt".
    best = max(
        ((len(link.url), g) for g in groups for link in g.links if path.startswith(link.url)),
        default=None,
        key=lambda pair: pair[0],
    )
    if best is not None:
        best[1].current = True
    return groups
