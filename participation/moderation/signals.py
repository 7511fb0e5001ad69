"""What the moderation services tell the rest of the platform, without importing it.

`report_notice` is sent after the change is committed: notifications listens and mails the
reporter (DESIGN.md: participation sits below notifications and cannot import it). Arguments are
ids, never addresses.
"""

from django.dispatch import Signal

# kwargs: report_id (int), kind ("status" | "rejected"), update_id (int | None)
report_notice = Signal()
