"""Residents' reports from the public web form: validation and saving (submission), photos
without metadata (photos), similar reports nearby (nearby), flood limits (throttle) and the
private follow page (follow). Moderation and the public map are elsewhere."""
