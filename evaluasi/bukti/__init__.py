"""Evidence (bukti dukung) of an evaluation's criteria: uploaded files checked by their content
(`periksa`), links to the application's own records (`tautan`), and the screens that add,
list, serve and remove them (`views`)."""
