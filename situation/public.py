"""What the public pages show of the lägesbild's records, in a fixed number of queries: the
municipality's public åtgärdsplaner with their measures, and the measures a promise carries
out."""

from django.db.models import Prefetch

from organisations.models import Municipality
from promises.models import Promise
from situation.models import ActionPlan, ActionPlanMeasure


def public_action_plans(municipality: Municipality) -> list[ActionPlan]:
    """The municipality's public plans, newest decision first, each measure with the public
    promises that carry it out (three queries)."""
    measures = ActionPlanMeasure.objects.select_related("responsible").prefetch_related(
        Prefetch("promises", queryset=Promise.objects.public().order_by("-period_start"))
    )
    return list(
        ActionPlan.objects.public()
        .filter(municipality=municipality)
        .prefetch_related(Prefetch("measures", queryset=measures))
        .order_by("-decided_on", "-pk")
    )


def measures_for_promise(promise: Promise) -> list[ActionPlanMeasure]:
    """The measures of public åtgärdsplaner that this promise carries out (one query)."""
    return list(
        ActionPlanMeasure.objects.filter(promises=promise, plan__is_public=True)
        .select_related("plan__municipality")
        .order_by("plan__municipality__name", "-plan__decided_on", "order", "pk")
    )
