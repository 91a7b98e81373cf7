#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and the example, as CI runs it.
#   scripts/postgres.sh start DIR [PORT]   create and start a cluster in DIR; prints its URL
#   scripts/postgres.sh stop DIR           stop it and delete DIR
# The cluster listens on 127.0.0.1 only, trusts local connections, and keeps nothing durable
# (fsync off): it is for tests. Server programs come from Debian's postgresql-15 (installed with apt
# when missing); they run as the `postgres` user, which must own the data directory.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

case "${1:-}" in
  start)
    DIR=${2:?usage: scripts/postgres.sh start DIR [PORT]}
    PORT=${3:-54329}
    if [ ! -x "$BIN/initdb" ]; then
      echo "PostgreSQL 15 is missing: installing it with apt" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >&2
    fi
    mkdir -p "$DIR"
    chown postgres "$DIR" 2>/dev/null || true
    as_postgres "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" -l "$DIR/log" -w start >&2
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    DIR=${2:?usage: scripts/postgres.sh stop DIR}
    if [ -d "$DIR/data" ]; then as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true; fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/postgres.sh start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
