"""Regions (Pemda), agencies (Instansi), their profile and report settings."""
