"""Survey importers on core.imports: a questionnaire written in XLSForm, answers collected by
another system, and population margins in SCB's shape."""
