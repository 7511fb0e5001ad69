"""XLSForm (the ODK / KoboToolbox format) read into a survey: `survey`, `choices` and
`settings` sheets. What the platform cannot represent is refused row by row."""
