#!/usr/bin/env bash
# The production shape on one machine: gunicorn (stateless app servers) on PostgreSQL at
# 127.0.0.1:5432, the job queue in Redis at 127.0.0.1:6379 worked by two RQ workers, JSON
# logs on stdout, DEBUG off. What a deployment spreads over machines (app servers behind a
# proxy, workers elsewhere) runs here as processes; the settings are the same.
#
#   scripts/produksi.sh         serve on http://127.0.0.1:8000 until Ctrl-C, on the database
#                               «sakip_produksi» (kept between runs, like `make run`'s);
#                               without a TLS proxy in front, so https is not enforced
#   scripts/produksi.sh uji     the smoke test CI runs: start everything on a database and a
#                               queue of its own, wait for /siap, fetch the sign-in page and a
#                               public page as the proxy would forward them (X-Forwarded-Proto:
#                               https, production's HTTPS rules on), check the JSON log line,
#                               stop, drop the database; non-zero on any failure
#
# Every process it starts it stops by its id on exit (also on failure or Ctrl-C), and the
# smoke test drops its own database; nothing else is touched. Needs PostgreSQL and Redis
# running (CI's machine has both; `.ci/run` starts Redis if it is not answering).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-layani}"
case "$MODE" in
  layani | uji) ;;
  *) echo "pakai: $0 [uji]" >&2; exit 2 ;;
esac

PY=.venv/bin/python
PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER="${PG_USER:-postgres}"
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "$MODE" = uji ]; then
  DB="sakip_uji_produksi_$$"
  PORT="$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  ANTREAN="uji-produksi-$$"
  LOG="$(mktemp -d)"
else
  DB="${PRODUKSI_DB:-sakip_produksi}"
  PORT="${PORT:-8000}"
  ANTREAN="produksi"
  LOG=""
fi

PIDS=()
bersihkan() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$MODE" = uji ]; then
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" || status=1
    rm -rf "$LOG"
  fi
  exit "$status"
}
trap bersihkan EXIT
trap 'exit 130' INT TERM

export DEBUG=0
export SECRET_KEY="${SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export DATABASE_URL="postgres://$PG_USER@$PG_HOST:$PG_PORT/$DB"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export PEKERJAAN_ANTREAN="$ANTREAN"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export CONN_MAX_AGE=60
export LOG_FORMAT=json
if [ "$MODE" = layani ]; then
  # No proxy ends TLS in front of this one machine: serve plain http to the browser.
  export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 SECURE_PROXY_SSL_HEADER=0
  export ALAMAT_PUBLIK="http://127.0.0.1:$PORT"
fi

if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
  psql_admin -c "CREATE DATABASE \"$DB\""
fi
echo "== $DB: migrate, collectstatic, the two documents"
$PY manage.py migrate --no-input >/dev/null
$PY manage.py collectstatic --no-input >/dev/null
$PY manage.py muat_dokumen

# Web workers: two per core is gunicorn's rule of thumb; two here, for a small machine.
# The access log is ours (one JSON line per request, sakip.log), not gunicorn's.
mulai() {  # mulai NAMA PERINTAH...: in the background, its output in $LOG/NAMA.log for the test
  local nama="$1"
  shift
  if [ -n "$LOG" ]; then "$@" >>"$LOG/$nama.log" 2>&1 & else "$@" & fi
  PIDS+=($!)
}
# No control socket: its default path in $HOME would be shared by two instances at once.
mulai gunicorn .venv/bin/gunicorn sakip.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers "${GUNICORN_WORKERS:-2}" --timeout 120 --graceful-timeout 30 --no-control-socket
for n in 1 2; do
  mulai "rq-$n" $PY manage.py rqworker --job-class django_tasks_rq.Job --name "sakip-$ANTREAN-$n" "$ANTREAN"
done

ALAMAT="http://127.0.0.1:$PORT"
for _ in $(seq 60); do
  curl -fsS "$ALAMAT/siap" >/dev/null 2>&1 && break
  sleep 1
done
echo "== /siap: $(curl -sS "$ALAMAT/siap")"

if [ "$MODE" = layani ]; then
  echo "== SAKIP (produksi) di $ALAMAT — Ctrl-C untuk berhenti"
  wait -n "${PIDS[@]}"
  exit 1  # one of them stopped on its own
fi

gagal() { echo "GAGAL: $*" >&2; for f in "$LOG"/*.log; do echo "--- $f" >&2; tail -n 30 "$f" >&2; done; exit 1; }
# As the proxy forwards a request: https ended there, the host as the public names it.
ambil() { curl -sS -o "$LOG/isi" -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$ALAMAT$1"; }

[ "$(curl -sS -o "$LOG/isi" -w '%{http_code}' "$ALAMAT/siap")" = 200 ] || gagal "/siap bukan 200"
grep -q '"redis": "ok"' "$LOG/isi" || gagal "/siap tidak memeriksa Redis: $(cat "$LOG/isi")"
[ "$(ambil /masuk/)" = 200 ] || gagal "halaman masuk bukan 200"
grep -q 'name="password"' "$LOG/isi" || gagal "halaman masuk tanpa isian sandi"
[ "$(ambil /publik/)" = 200 ] || gagal "halaman publik bukan 200"
grep -q 'Kota Bandar Lampung' "$LOG/isi" || gagal "halaman publik tanpa pemda"
# Production's rules hold: plain http is redirected to https, the static files are served.
[ "$(curl -sS -o /dev/null -w '%{http_code}' "$ALAMAT/masuk/")" = 301 ] || gagal "http tidak dialihkan ke https"
for n in 1 2; do kill -0 "${PIDS[$n]}" || gagal "pekerja RQ $n berhenti"; done
# Structured logs: the sign-in request as one JSON line.
grep -q '"jalur": "/masuk/", "status": 200' "$LOG/gunicorn.log" || gagal "tidak ada baris log JSON untuk /masuk/"
echo "== Uji produksi lulus: gunicorn, PostgreSQL ($DB), Redis ($ANTREAN), dua pekerja RQ"
