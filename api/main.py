"""The one NinjaAPI of the platform, at /api/v1/. Each app contributes a router.

To add an app's endpoints: write `<app>/api.py` with a `router = Router(...)` and add a line to
ROUTERS below. Public routers use `router.add_decorator(public_get, mode="view")` (api.http) for
ETag, 304 and caching; token-authenticated routers live under "/staff" (no CORS there).
"""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from api.docs import ApiDocs
from api.errors import install_error_handlers

ROUTERS = [
    ("/", "public.api.router"),
    ("/", "surveys.api.router"),
    ("/", "participation.api.router"),
    ("/staff", "promises.api.router"),
]


class Utf8JSONRenderer(JSONRenderer):
    """Readable Swedish in the JSON (å, ä, ö as themselves, not \\u escapes)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Utf8JSONRenderer(),
    title="Medborgarlöften API",
    version="1",
    description=(
        "Öppna data om medborgarlöften: kommuner, löften, aktiviteter, uppföljningar, "
        "samverkansöverenskommelser, lägesrapporter, trygghetsundersökningarnas resultat och "
        "granskade rapporter från invånare (med ungefärlig plats). "
        "Läsning kräver ingen inloggning."
    ),
    urls_namespace="api",
    docs=ApiDocs(),
)
install_error_handlers(api)

for prefix, router in ROUTERS:
    api.add_router(prefix, router)
