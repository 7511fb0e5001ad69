"""The lägesbild document (law 2023:196): figures gathered by `builder`, frozen as JSON on
publishing (`figures`), drawn by `charts`, written by `services`, shown by the staff views, the
public page and the PDF from one template."""
