"""The pemda dashboard: every agency of a region for a year side by side (capaian, rating,
budget absorption, efficiency, the report's review state and notes, the latest evaluation),
and the regions side by side for a national admin. The top layer: it reads every app and
nothing imports it."""
