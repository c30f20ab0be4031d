"""On PostgreSQL the database itself refuses to change a published snapshot.

A row-level trigger raises on every UPDATE or DELETE of `publikasi_terbitan`, whoever sends
it (the application, a shell, a DBA's mistaken script). TRUNCATE is left alone: it is the
test runner's way of emptying tables, and a deliberate act of whoever owns the database.
SQLite gets no trigger (its test runner empties tables with DELETE): there the model and
its queryset refuse (publikasi.models).
"""

from django.db import migrations

FUNGSI = """
CREATE FUNCTION publikasi_terbitan_tetap() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Terbitan LKjIP % tidak dapat diubah atau dihapus: terbitkan versi baru.', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER publikasi_terbitan_tetap
    BEFORE UPDATE OR DELETE ON publikasi_terbitan
    FOR EACH ROW EXECUTE FUNCTION publikasi_terbitan_tetap();
"""
HAPUS = """
DROP TRIGGER publikasi_terbitan_tetap ON publikasi_terbitan;
DROP FUNCTION publikasi_terbitan_tetap();
"""


class RunSQLPostgres(migrations.RunSQL):
    """SQL run only on PostgreSQL; on another database the operation does nothing."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("publikasi", "0001_terbitan")]

    operations = [RunSQLPostgres(FUNGSI, HAPUS)]
