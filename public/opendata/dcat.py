"""The DCAT-AP-SE catalogue of the open data, for harvesting by Sveriges dataportal.

One dcat:Dataset per table (the whole country), each with a CSV and a JSON dcat:Distribution.
Follows the mandatory and recommended properties of DCAT-AP 2 as profiled by DCAT-AP-SE:
catalogue (title, description, publisher, licence, datasets), dataset (title, description,
publisher, contact point with e-mail, theme, keyword, access rights), distribution (access URL,
download URL, format, media type, licence). Per-county and per-municipality files are reached
from each dataset's landing page.
"""

import datetime

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from promises.models import FollowUp, ProgressUpdate, Promise
from public.opendata.scopes import COUNTRY_SLUG
from public.opendata.tables import TABLES, Table
from public.opendata.writers import LICENSE_URL

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = (URIRef(EU + "data-theme/JUST"), URIRef(EU + "data-theme/GOVE"))
PUBLIC_ACCESS = URIRef(EU + "access-right/PUBLIC")
SWEDISH = URIRef(EU + "language/SWE")
SWEDEN = URIRef(EU + "country/SWE")
CONTINUOUS = URIRef(EU + "frequency/UPDATE_CONT")
LICENSE = URIRef(LICENSE_URL)
FORMATS = {
    "csv": (URIRef(EU + "file-type/CSV"), "text/csv"),
    "json": (URIRef(EU + "file-type/JSON"), "application/json"),
}
IANA = "https://www.iana.org/assignments/media-types/"


def _absolute(path: str) -> URIRef:
    return URIRef(settings.SITE_URL.rstrip("/") + path)


def last_modified() -> datetime.date:
    """The day public data last changed (promises, published updates, follow-ups)."""
    stamps = [
        Promise.objects.public().aggregate(m=Max("updated_at"))["m"],
        ProgressUpdate.objects.published().aggregate(m=Max("approved_at"))["m"],
        FollowUp.objects.filter(is_published=True).aggregate(m=Max("updated_at"))["m"],
    ]
    latest = max((s for s in stamps if s is not None), default=timezone.now())
    return timezone.localdate(latest)


def _add_text(graph: Graph, subject: URIRef, predicate: URIRef, sv: str, en: str) -> None:
    graph.add((subject, predicate, Literal(sv, lang="sv")))
    graph.add((subject, predicate, Literal(en, lang="en")))


def _publisher(graph: Graph) -> URIRef:
    homepage = settings.OPEN_DATA_PUBLISHER_URL
    publisher = URIRef(homepage.rstrip("/") + "/#utgivare")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings.OPEN_DATA_PUBLISHER_NAME, lang="sv")))
    graph.add((publisher, FOAF.homepage, URIRef(homepage)))
    return publisher


def _contact(graph: Graph) -> URIRef:
    """The contact point, named by a URI of its own rather than a blank node, so that the
    catalogue is the same graph in every serialisation, comparable without canonicalisation."""
    contact = _absolute(reverse("public:open_data") + "#kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(settings.OPEN_DATA_PUBLISHER_NAME)))
    email = settings.OPEN_DATA_CONTACT_EMAIL.removeprefix("mailto:")
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    return contact


def _distribution(graph: Graph, table: Table, dataset: URIRef, fmt: str) -> None:
    file_type, media_type = FORMATS[fmt]
    path = reverse(f"public:open_data_{fmt}", args=[COUNTRY_SLUG, table.name])
    distribution = _absolute(path)
    graph.add((dataset, DCAT.distribution, distribution))
    graph.add((distribution, RDF.type, DCAT.Distribution))
    _add_text(
        graph,
        distribution,
        DCTERMS.title,
        f"{table.title} ({fmt.upper()}), hela Sverige",
        f"{table.title_en} ({fmt.upper()}), all of Sweden",
    )
    graph.add((distribution, DCAT.accessURL, _absolute(reverse("public:open_data"))))
    graph.add((distribution, DCAT.downloadURL, distribution))
    graph.add((distribution, DCTERMS.format, file_type))
    graph.add((distribution, DCAT.mediaType, URIRef(IANA + media_type)))
    graph.add((distribution, DCTERMS.license, LICENSE))


def _dataset(graph: Graph, table: Table, ctx: dict) -> URIRef:
    landing = reverse("public:open_data") + f"#tabell-{table.name}"
    dataset = _absolute(landing)
    graph.add((dataset, RDF.type, DCAT.Dataset))
    _add_text(graph, dataset, DCTERMS.title, str(table.title), table.title_en)
    _add_text(graph, dataset, DCTERMS.description, str(table.description), table.description_en)
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.publisher, ctx["publisher"]))
    graph.add((dataset, DCAT.contactPoint, ctx["contact"]))
    for theme in THEMES:
        graph.add((dataset, DCAT.theme, theme))
    for keyword in table.keywords:
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="sv")))
    graph.add((dataset, DCTERMS.accessRights, PUBLIC_ACCESS))
    graph.add((dataset, DCTERMS.modified, Literal(ctx["modified"], datatype=XSD.date)))
    graph.add((dataset, DCTERMS.language, SWEDISH))
    graph.add((dataset, DCTERMS.spatial, SWEDEN))
    graph.add((dataset, DCTERMS.accrualPeriodicity, CONTINUOUS))
    graph.add((dataset, DCAT.landingPage, dataset))
    for fmt in FORMATS:
        _distribution(graph, table, dataset, fmt)
    return dataset


def catalogue_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF)):
        graph.bind(prefix, namespace)
    graph.bind("vcard", VCARD)
    catalogue = _absolute(reverse("public:open_data") + "#katalog")
    ctx = {"publisher": _publisher(graph), "contact": _contact(graph), "modified": last_modified()}
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _add_text(
        graph,
        catalogue,
        DCTERMS.title,
        "Medborgarlöften – öppna data",
        "Citizen promises – open data",
    )
    _add_text(
        graph,
        catalogue,
        DCTERMS.description,
        "Medborgarlöften från polisen och kommunerna: löften, aktiviteter, lägesrapporter, "
        "uppföljningar och indikatorer, som CSV och JSON.",
        "Citizen promises by the Swedish police and municipalities: promises, activities, "
        "progress updates, follow-ups and indicators, as CSV and JSON.",
    )
    graph.add((catalogue, DCTERMS.publisher, ctx["publisher"]))
    graph.add((catalogue, DCTERMS.license, LICENSE))
    graph.add((catalogue, DCTERMS.language, SWEDISH))
    graph.add((catalogue, DCTERMS.modified, Literal(ctx["modified"], datatype=XSD.date)))
    graph.add((catalogue, FOAF.homepage, _absolute(reverse("public:open_data"))))
    for table in TABLES:
        graph.add((catalogue, DCAT.dataset, _dataset(graph, table, ctx)))
    return graph
