#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for tests and print its URL on the last line of stdout.
#
#   export TEST_DATABASE_URL="$(.ci/postgres.sh)"
#
# - Installs PostgreSQL from Debian packages if no server binaries are present (needs root).
# - Cluster lives in /tmp/bre-pg-$PORT (data, socket, log); listens on 127.0.0.1 only; trust auth;
#   fsync off (throwaway: never use this for real data).
# - Runs the server as the `postgres` OS user when invoked as root, otherwise as the current user.
#   Either way the database superuser is `postgres`.
# - Idempotent: if a server already answers on the port it is reused; the database is created once.
# All diagnostics go to stderr; stdout carries only the URL.
set -euo pipefail

PORT="${BRE_PG_PORT:-55432}"
HOST=127.0.0.1
DB=bre_test
BASE="/tmp/bre-pg-${PORT}"
DATA="${BASE}/data"
LOG="${BASE}/postgres.log"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; fi
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL server binaries not found and not root: install the 'postgresql' package first"
    exit 1
  fi
  log "installing PostgreSQL (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
  [ -n "$BIN" ] || { log "install finished but no server binaries under /usr/lib/postgresql"; exit 1; }
fi
log "using $BIN"

# Run a command as the cluster owner.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_owner() { "$@"; }
  OWNER="$(id -un)"
fi

ready() { "$BIN/pg_isready" -q -h "$HOST" -p "$PORT" -t 1 >/dev/null 2>&1; }

if ready; then
  log "server already accepting connections on $HOST:$PORT"
else
  mkdir -p "$BASE"
  [ "$(id -u)" -eq 0 ] && chown "$OWNER" "$BASE"
  chmod 700 "$BASE"
  if [ ! -s "$DATA/PG_VERSION" ]; then
    log "initdb in $DATA"
    rm -rf "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C >&2
    cat >>"$DATA/postgresql.conf" <<EOF
# added by .ci/postgres.sh (throwaway test cluster)
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$BASE'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  fi
  log "starting server (log: $LOG)"
  # A stale postmaster.pid from a killed server would block startup; pg_ctl handles that itself
  # when the recorded PID is gone.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2 || { tail -n 50 "$LOG" >&2 || true; exit 1; }
  ready || { log "server did not become ready"; tail -n 50 "$LOG" >&2 || true; exit 1; }
fi

PSQL=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U postgres -d postgres)
if [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  log "creating database $DB"
  # Tolerate a concurrent creator (another job running this script at the same moment).
  "${PSQL[@]}" -c "CREATE DATABASE $DB" >&2 || \
    [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = "1" ]
fi

echo "postgres://postgres@${HOST}:${PORT}/${DB}"
