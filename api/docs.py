"""The API's documentation page (/api/v1/docs): our own accessible Swedish page built from the
OpenAPI schema, instead of Swagger UI (which needs a CDN and does not pass axe)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

from api.pagination import DEFAULT_LIMIT, MAX_LIMIT

EXAMPLE_PATH_VALUES = {"kommunkod": "1419", "promise_id": "1", "number": "1", "activity_id": "1"}


def _resolve(schema: dict, spec: dict) -> dict:
    ref = schema.get("$ref")
    if ref:
        return _resolve(spec["components"]["schemas"][ref.split("/")[-1]], spec)
    return schema


def _type(schema: dict, spec: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].split("/")[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s, spec) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(f'"{v}"' for v in schema["enum"])
    if schema.get("type") == "array":
        return f"lista av {_type(schema.get('items', {}), spec)}"
    return schema.get("format") or schema.get("type", "")


def _fields(schema: dict, spec: dict) -> list[dict]:
    schema = _resolve(schema, spec)
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": _type(prop, spec),
            "required": name in required,
            "description": prop.get("description", ""),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def _success(operation: dict, spec: dict) -> tuple[str, list[dict], list[dict]]:
    """The success status, its fields and, for a page of items, the items' fields."""
    responses = {str(k): v for k, v in operation["responses"].items()}
    for status in ("200", "201"):
        content = responses.get(status, {}).get("content", {})
        if content:
            schema = _resolve(content["application/json"]["schema"], spec)
            fields = _fields(schema, spec)
            items = schema.get("properties", {}).get("items", {}).get("items")
            return status, fields, _fields(items, spec) if items else []
    return "", [], []


def _curl(method: str, path: str, secured: bool) -> str:
    for name, value in EXAMPLE_PATH_VALUES.items():
        path = path.replace("{" + name + "}", value)
    url = settings.SITE_URL.rstrip("/") + path
    if not secured:
        return f'curl "{url}"'
    body = (
        ' -H "Content-Type: application/json" -d \'{"date": "2025-03-01", "text": '
        '"Trygghetsvandring i centrum", "quantity": 1, "is_public": true}\''
        if method == "POST"
        else ""
    )
    return f'curl -X {method} -H "Authorization: Bearer $NYCKEL"{body} "{url}"'


def endpoints(spec: dict) -> list[dict]:
    result = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            status, fields, item_fields = _success(operation, spec)
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            secured = bool(operation.get("security"))
            result.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "secured": secured,
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {}), spec),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": _fields(body["schema"], spec) if body else [],
                    "status": status,
                    "fields": fields,
                    "item_fields": item_fields,
                    "errors": sorted(str(s) for s in operation["responses"] if int(s) >= 400),
                    "curl": _curl(method.upper(), path, secured),
                }
            )
    return result


class ApiDocs(DocsBase):
    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        spec = api.get_openapi_schema(path_params=kwargs)
        operations = endpoints(spec)
        context = {
            "api": api,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "public_endpoints": [o for o in operations if not o["secured"]],
            "staff_endpoints": [o for o in operations if o["secured"]],
            "default_limit": DEFAULT_LIMIT,
            "max_limit": MAX_LIMIT,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        return render(request, self.template, context)
