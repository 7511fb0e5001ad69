"""The DCAT-AP-SE catalogue: parses as Turtle and RDF/XML, has the mandatory and recommended
properties of DCAT-AP 2 for the catalogue, every dataset and every distribution, and every
download URL answers."""

from urllib.parse import urlsplit

import pytest
from django.core.checks import run_checks
from django.test import Client
from rdflib import BNode, Graph
from rdflib.compare import isomorphic

from public.opendata.tables import TABLES

pytestmark = pytest.mark.django_db

PREFIXES = """
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
"""
EU = "http://publications.europa.eu/resource/authority/"


def catalogue(fmt: str = "ttl") -> Graph:
    response = Client().get(f"/oppna-data/katalog.{fmt}")
    assert response.status_code == 200
    graph = Graph()
    graph.parse(data=response.content, format="turtle" if fmt == "ttl" else "xml")
    return graph


def missing(graph: Graph, cls: str, patterns: list[str]) -> dict[str, list]:
    """Per required pattern, the resources of class `cls` that lack it."""
    result = {}
    for pattern in patterns:
        query = f"{PREFIXES} SELECT ?s WHERE {{ ?s a {cls} . FILTER NOT EXISTS {{ {pattern} }} }}"
        result[pattern] = [row.s for row in graph.query(query)]
    return {k: v for k, v in result.items() if v}


def test_turtle_and_rdf_xml_describe_the_same_graph():
    ttl = Client().get("/oppna-data/katalog.ttl")
    rdf = Client().get("/oppna-data/katalog.rdf")
    assert ttl["Content-Type"] == "text/turtle; charset=utf-8"
    assert rdf["Content-Type"] == "application/rdf+xml; charset=utf-8"
    turtle, rdf_xml = catalogue("ttl"), catalogue("rdf")
    assert not any(isinstance(term, BNode) for triple in turtle for term in triple)
    assert isomorphic(turtle, rdf_xml), set(turtle) ^ set(rdf_xml)


def test_catalogue_has_its_mandatory_properties():
    graph = catalogue()
    assert not missing(
        graph,
        "dcat:Catalog",
        [
            '?s dcterms:title ?t . FILTER(lang(?t) = "sv")',
            '?s dcterms:title ?e . FILTER(lang(?e) = "en")',
            "?s dcterms:description ?d",
            "?s dcterms:publisher ?p . ?p a foaf:Agent ; foaf:name ?n",
            "?s dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/>",
        ],
    )
    count = f"{PREFIXES} SELECT (COUNT(?d) AS ?n) WHERE {{ ?c a dcat:Catalog ; dcat:dataset ?d }}"
    assert int(next(iter(graph.query(count))).n) == len(TABLES)


def test_every_dataset_has_the_mandatory_and_recommended_properties(settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "oppnadata@tjorn.se"
    graph = catalogue()
    assert not missing(
        graph,
        "dcat:Dataset",
        [
            '?s dcterms:title ?t . FILTER(lang(?t) = "sv")',
            '?s dcterms:title ?e . FILTER(lang(?e) = "en")',
            '?s dcterms:description ?d . FILTER(lang(?d) = "sv")',
            "?s dcterms:publisher ?p . ?p foaf:name ?n",
            "?s dcat:contactPoint ?c . ?c a vcard:Organization ; "
            "vcard:hasEmail <mailto:oppnadata@tjorn.se>",
            f"?s dcat:theme <{EU}data-theme/JUST>",
            f"?s dcat:theme <{EU}data-theme/GOVE>",
            f"?s dcterms:accessRights <{EU}access-right/PUBLIC>",
            "?s dcat:keyword ?k",
            "?s dcterms:modified ?m",
            "?s dcat:distribution ?csv . ?csv dcat:mediaType "
            "<https://www.iana.org/assignments/media-types/text/csv>",
            "?s dcat:distribution ?json . ?json dcat:mediaType "
            "<https://www.iana.org/assignments/media-types/application/json>",
        ],
    )
    datasets = f"{PREFIXES} SELECT ?s WHERE {{ ?s a dcat:Dataset }}"
    assert len(list(graph.query(datasets))) == len(TABLES)


def test_every_distribution_has_the_mandatory_and_recommended_properties():
    assert not missing(
        catalogue("rdf"),
        "dcat:Distribution",
        [
            "?s dcat:accessURL ?a",
            "?s dcat:downloadURL ?d",
            f"?s dcterms:format ?f . FILTER(?f IN (<{EU}file-type/CSV>, <{EU}file-type/JSON>))",
            "?s dcat:mediaType ?m",
            "?s dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/>",
        ],
    )


def test_every_download_url_is_absolute_and_answers(settings, cast):
    settings.SITE_URL = "https://medborgarloften.example.se"
    graph = catalogue()
    query = f"{PREFIXES} SELECT ?u WHERE {{ ?d dcat:downloadURL ?u }}"
    urls = [str(row.u) for row in graph.query(query)]
    assert len(urls) == 2 * len(TABLES)
    for url in urls:
        assert url.startswith("https://medborgarloften.example.se/oppna-data/sverige/")
        response = Client().get(urlsplit(url).path)
        assert response.status_code == 200, url
        b"".join(response.streaming_content)


def test_deploy_check_warns_about_an_unset_contact_address(settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "oppnadata@example.invalid"
    assert "public.W001" in {m.id for m in run_checks(include_deployment_checks=True)}
    settings.OPEN_DATA_CONTACT_EMAIL = "oppnadata@tjorn.se"
    assert "public.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}
