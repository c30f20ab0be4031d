"""Budgets on the cascade: pagu per stage, realisasi, jenis belanja, efisiensi."""
