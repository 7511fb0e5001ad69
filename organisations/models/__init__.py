from organisations.models.areas import Area
from organisations.models.audit import AuditEntry
from organisations.models.organisations import Contact, Membership, Organisation, Role
from organisations.models.reference import (
    County,
    Municipality,
    PoliceArea,
    PoliceRegion,
    Population,
)

__all__ = [
    "Area",
    "AuditEntry",
    "Contact",
    "County",
    "Membership",
    "Municipality",
    "Organisation",
    "PoliceArea",
    "PoliceRegion",
    "Population",
    "Role",
]
