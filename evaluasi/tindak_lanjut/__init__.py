"""What an evaluation concludes and what follows from it: the evaluator's strengths,
weaknesses and recommendations (written while evaluating), the agency's follow-up of each
recommendation once the evaluation is final (as Bandar Lampung's Tabel 3.2), and the open
ones listed for the agency and for the region's reviewers (`views`)."""
