#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: no Docker, no system service.
#   pg_cluster.sh start DIR PORT   initdb in DIR (made, owned by the postgres user when run as root), a
#                                  Unix socket in DIR and TCP on 127.0.0.1:PORT (without TLS); the
#                                  superuser `postgres` gets the password in $PGPASSWORD.
#   pg_cluster.sh stop DIR         stops the cluster and removes DIR.
set -euo pipefail
bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bin="$candidate"
done
[ -n "$bin" ] || { echo "PostgreSQL is not installed: run make deps (Debian package postgresql)." >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The postgres user may not enter the caller's folder (e.g. a checkout under /root).
cd /
command=${1:?start or stop}
dir=${2:?folder}
case "$command" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    umask 077
    printf '%s\n' "${PGPASSWORD:?set PGPASSWORD for the superuser}" > "$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=60" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
