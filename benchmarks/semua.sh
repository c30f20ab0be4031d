#!/bin/sh
# Every benchmark of benchmarks/README.md's region, in one go, for a quiet machine:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_bench benchmarks/semua.sh | tee hasil.md
# (or `make bench DATABASE_URL=…`). RUNS (default 5) rounds of the pages, PDF10 (default 1) cold
# 10× PDFs (minutes each on a loaded machine; 0: none), INSTANSI (default 8)
# agencies for the bulk PDFs. It writes to that database: halaman.py clones the 10× agency on
# its first run and stores PDFs, massal.py removes and remakes the PDFs of INSTANSI agencies
# and deletes the jobs left waiting or running (their workers' work would be timed too).
# The machine is printed first and the load average again at the end: a run whose load was
# not near zero measured other processes too.
set -eu
: "${DATABASE_URL:?DATABASE_URL=postgres://… of a region made by manage.py buat_demo}"
export DATABASE_URL
cd "$(dirname "$0")/.."
PY=.venv/bin/python
command -v wrk >/dev/null || { echo "wrk tidak terpasang: make bench-setup" >&2; exit 1; }

beban() { cut -d' ' -f1-3 /proc/loadavg; }
echo "## Benchmarks $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $($PY -V), load average $(beban) before"
echo "- database: $(psql "$DATABASE_URL" -Atc 'select version()' | cut -d' ' -f1-2)"
echo "- code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')"
echo
# The database follows the code being measured (a region made before a migration).
DEBUG=1 $PY manage.py migrate --no-input -v0
echo "### Pages (halaman.py)"
$PY benchmarks/halaman.py --runs "${RUNS:-5}" --runs-pdf-10 "${PDF10:-1}"
echo
echo "### Throughput (laju.py)"
$PY benchmarks/laju.py
echo
echo "### Bulk PDFs (massal.py)"
$PY benchmarks/massal.py --instansi "${INSTANSI:-8}" --hapus-pekerjaan-lain
echo
echo "- load average $(beban) after"
