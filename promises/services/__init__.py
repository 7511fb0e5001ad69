"""Writes that touch several models or have side effects; each runs in one transaction and
writes the audit trail."""
