"""Reference data: police regions, län, municipalities, police areas (loaded by migration)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PoliceRegion(models.Model):
    name = models.CharField(_("namn"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("polisregion")
        verbose_name_plural = _("polisregioner")

    def __str__(self) -> str:
        return self.name


class County(models.Model):
    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=60)
    short_name = models.CharField(_("kort namn"), max_length=40)
    police_region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="counties",
        verbose_name=_("polisregion"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("län")
    )
    # Simplified GeoJSON geometry (WGS84), for maps; not for exact geocoding near borders.
    boundary = models.JSONField(_("gräns (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("public:municipality", args=[self.slug])


class Population(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="populations"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    count = models.PositiveIntegerField(_("folkmängd 31 december"))
    # Where the figure comes from (SCB's statistical database, a file a coordinator imported);
    # the lägesbild's rates per 1,000 inhabitants name it as their source.
    source = models.CharField(_("källa"), max_length=200, blank=True, default="SCB")

    class Meta:
        ordering = ["municipality", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_population_per_year")
        ]
        verbose_name = _("folkmängd")
        verbose_name_plural = _("folkmängd")

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.count}"


class PoliceArea(models.Model):
    """A lokalpolisområde (LPO) and the municipalities it covers, wholly or in part."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    police_district = models.CharField(_("polisområde"), max_length=80, blank=True)
    region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="police_areas",
        verbose_name=_("polisregion"),
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="police_areas", blank=True, verbose_name=_("kommuner")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("lokalpolisområde")
        verbose_name_plural = _("lokalpolisområden")

    def __str__(self) -> str:
        return _("LPO %(name)s") % {"name": self.name}
