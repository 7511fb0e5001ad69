"""A promise's activity plan as a spreadsheet (XLSX or CSV), both ways: `export` writes it,
`importer` reads it back, changed, through core.imports."""
