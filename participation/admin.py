"""Residents' voices in the platform admin."""

from participation.open311 import admin as open311_admin  # noqa: F401 - registers Open311 keys
