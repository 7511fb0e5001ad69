"""The Open311 GeoReport v2 server at /open311/v2/: other apps read moderated reports and file
new ones (with an API key a platform admin issued). Names follow the specification exactly;
everything public passes through the same rules as the map (moderated, coarsened)."""
