import schemathesis
from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def test_x(db):
    op = schema["/api/v1/staff/activities/{activity_id}/progress"]["POST"]
    print(type(op), op.as_strategy)
    ops = [o.ok().label for o in schema.get_all_operations()]
    print(ops)
