"""The inspectorate's review: a report's life from draft to publication, reviewer notes, the
reviewer's desk and the automatic findings; the layer above `publikasi`."""
