"""The LHE (Laporan Hasil Evaluasi): the inspectorate's report on an agency's SAKIP evaluation,
gathered in a fixed number of queries (`data`), rendered to HTML and PDF by the LKjIP's
machinery (`render`), and the history of final evaluations it shares with the LKjIP's
chapter on evaluations (`riwayat`)."""
