"""The performance cascade: Renstra to indicators, targets, realisations, capaian."""
