"""Open data: every public record as streamed CSV and JSON, and a DCAT-AP-SE catalogue of them.

`scopes` says which promises a download covers (the whole country, a county, a municipality),
`tables` defines each file's documented columns and rows, `writers` streams them, `dcat` describes
them for Sveriges dataportal.
"""
