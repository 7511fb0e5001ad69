"""Issue 8's demo: reported crimes in Brå's shape and population per year for the seed
municipalities (labelled as example data), and Tjörn's åtgärdsplan; loading twice adds
nothing."""

from django.core.management import call_command
from django.urls import reverse

from organisations.models import Population
from situation.models import ActionPlan, CrimeStatistic


def test_the_statistics_and_the_plan_load_once(db, client):
    call_command("load_demo", verbosity=0)
    counts = (CrimeStatistic.objects.count(), Population.objects.count())
    call_command("load_demo", verbosity=0)
    assert (CrimeStatistic.objects.count(), Population.objects.count()) == counts
    assert ActionPlan.objects.count() == 1
    # Six municipalities, twelve categories, five years, counts and rates.
    assert counts[0] == 6 * 12 * 5 * 2
    assert set(CrimeStatistic.objects.values_list("source", flat=True)) == {
        "Exempeldata i Brås form (påhittade siffror, inte Brås statistik)"
    }
    assert CrimeStatistic.objects.filter(marker=CrimeStatistic.Marker.SUPPRESSED).count() == 4
    assert CrimeStatistic.objects.filter(marker=CrimeStatistic.Marker.MISSING).count() == 2
    generated = Population.objects.filter(year__lt=2025, municipality__code="1419").get(year=2024)
    assert generated.source.startswith("Exempeldata")
    assert Population.objects.get(year=2025, municipality__code="1419").source == "SCB"

    plan = ActionPlan.objects.get()
    assert plan.municipality.code == "1419" and plan.is_public
    assert plan.measures.filter(activities__isnull=False).exists()
    page = client.get(reverse("public:municipality", args=["tjorn"])).content.decode()
    assert plan.title in page and "Exempel: Öka trafiksäkerheten vid skolorna." in page
    promise = plan.measures.first().promises.get()
    assert "Del av kommunens åtgärdsplan" in client.get(promise.get_absolute_url()).content.decode()
