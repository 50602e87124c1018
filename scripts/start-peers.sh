#!/usr/bin/env bash
# The services Berth's tests talk to: three CNCF docker-registry instances
# (open, htpasswd basic auth, bearer token auth), the token issuer the third one
# needs, and a private PostgreSQL cluster.
#
# scripts/test.sh sources this file and owns the lifecycle. It can also be run
# by hand, for iterating on tests without restarting services every time:
#   bash scripts/start-peers.sh          # start, leave running, write .test-run/env.sh
#   source .test-run/env.sh && swift test --disable-xctest
#   bash scripts/start-peers.sh stop     # stop what a previous start left running
#
# Everything runs from .test-run/ (recreated on every start). We only stop
# processes whose pid we recorded there and whose command line still names the
# run dir, so a recycled pid or someone else's registry/postgres is never hit.
#
# Ports (override through the environment):
#   BERTH_TEST_REGISTRY_PORT=5000  BERTH_TEST_BASIC_REGISTRY_PORT=5001
#   BERTH_TEST_ISSUER_PORT=5002    BERTH_TEST_TOKEN_REGISTRY_PORT=5003
#   BERTH_TEST_POSTGRES_PORT=5433

BERTH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS_RUN_DIR=$BERTH_ROOT/.test-run
PEERS_VENV=${BERTH_TEST_VENV:-$BERTH_ROOT/.venv}
PEERS_PIP_PACKAGES=(schemathesis kubernetes cryptography)
# zlib1g-dev: compress-nio and ZIPFoundation link the system zlib; golang-go: the Go
# build-info tests compile a real binary.
PEERS_APT_PACKAGES=(docker-registry skopeo postgresql apache2-utils libsqlite3-dev zlib1g-dev golang-go openssl curl)
PEERS_TIMEOUT=30

: "${BERTH_TEST_REGISTRY_PORT:=5000}"
: "${BERTH_TEST_BASIC_REGISTRY_PORT:=5001}"
: "${BERTH_TEST_ISSUER_PORT:=5002}"
: "${BERTH_TEST_TOKEN_REGISTRY_PORT:=5003}"
: "${BERTH_TEST_POSTGRES_PORT:=5433}"

# What the tests get; env.sh holds exactly these.
PEERS_EXPORTS=(BERTH_REQUIRE_PEERS BERTH_TEST_RUN_DIR BERTH_TEST_VENV
  BERTH_TEST_REGISTRY BERTH_TEST_BASIC_REGISTRY BERTH_TEST_TOKEN_REGISTRY
  BERTH_TEST_REGISTRY_USER BERTH_TEST_REGISTRY_PASSWORD
  BERTH_TEST_TOKEN_REALM BERTH_TEST_TOKEN_SERVICE BERTH_TEST_TOKEN_ISSUER
  BERTH_TEST_TOKEN_CERT BERTH_TEST_TOKEN_KEY
  BERTH_TEST_POSTGRES_URL)

peers_log() { echo "[peers] $*" >&2; }
peers_die() { echo "[peers] ERROR: $*" >&2; exit 1; }

peers_pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [[ -n $d && -x $d/initdb ]] || peers_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
  echo "$d"
}

# PostgreSQL refuses to run as root, so as root we drop to the postgres user.
peers_as_pg() {
  if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi
}

peers_install_deps() {
  local missing=() pkg
  for pkg in "${PEERS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # Debian's python3 has the venv module but not ensurepip without python3-venv,
  # so `-m venv --help` alone would pass and the venv creation would then fail.
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
  (( ${#missing[@]} )) || return 0

  (( EUID == 0 )) || peers_die "missing packages and not root: apt-get install ${missing[*]}"
  peers_log "installing: ${missing[*]}"
  # Without systemd, a package's postinst may start its service (docker-registry
  # would grab :5000). Forbid that for this install unless a policy already exists.
  local guard=
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && guard=1
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null || rc=$?
  [[ -z $guard ]] || rm -f /usr/sbin/policy-rc.d
  (( rc == 0 )) || peers_die "apt-get install failed (rc=$rc) for: ${missing[*]}"
}

peers_check_ports() {
  local spec=(
    "open registry:BERTH_TEST_REGISTRY_PORT:$BERTH_TEST_REGISTRY_PORT"
    "basic-auth registry:BERTH_TEST_BASIC_REGISTRY_PORT:$BERTH_TEST_BASIC_REGISTRY_PORT"
    "token issuer:BERTH_TEST_ISSUER_PORT:$BERTH_TEST_ISSUER_PORT"
    "token registry:BERTH_TEST_TOKEN_REGISTRY_PORT:$BERTH_TEST_TOKEN_REGISTRY_PORT"
    "postgres:BERTH_TEST_POSTGRES_PORT:$BERTH_TEST_POSTGRES_PORT")
  # SO_REUSEADDR, like the servers themselves: a port with only TIME_WAIT
  # leftovers from the previous run is free for them, so it is free for us.
  python3 - "${spec[@]}" <<'EOF' || peers_die "port check failed (see above)"
import socket, sys
seen, bad = {}, False
for item in sys.argv[1:]:
    name, var, port = item.rsplit(":", 2)
    if port in seen:
        print(f"[peers] ERROR: {name} and {seen[port]} both use port {port}", file=sys.stderr); bad = True; continue
    seen[port] = name
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", int(port)))
    except (OSError, ValueError, OverflowError) as e:
        print(f"[peers] ERROR: port 127.0.0.1:{port} for the {name} is not free ({e}); "
              f"stop whatever holds it or set {var}=<other port>", file=sys.stderr)
        bad = True
    finally:
        s.close()
sys.exit(1 if bad else 0)
EOF
}

# True if $1 is alive and its command line names our run dir (so it is ours).
peers_owns() {
  local pid=$1
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$PEERS_RUN_DIR"
}

peers_stop() {
  local dir=$PEERS_RUN_DIR f pid pids=() i
  [[ -d $dir ]] || return 0
  for f in "$dir"/*.pid; do
    [[ -e $f ]] || continue
    pid=$(<"$f")
    if peers_owns "$pid"; then
      kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    fi
    rm -f "$f"
  done
  # All at once: each registry needs ~2.5 s to exit after SIGTERM.
  for (( i = 0; i < 50 && ${#pids[@]}; i++ )); do
    local alive=()
    for pid in "${pids[@]}"; do peers_owns "$pid" && alive+=("$pid"); done
    pids=("${alive[@]}")
    (( ${#pids[@]} )) && sleep 0.1
  done
  for pid in "${pids[@]}"; do
    peers_log "pid $pid ignored SIGTERM for 5 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  done

  if [[ -f $dir/pg.datadir ]]; then
    local data
    data=$(<"$dir/pg.datadir")
    if [[ -f $data/postmaster.pid ]]; then
      peers_as_pg "$(peers_pgbin)/pg_ctl" -D "$data" -m fast -w -t 10 stop >/dev/null 2>&1 \
        || peers_log "pg_ctl stop failed for $data; see $dir/postgres.log"
    fi
    rm -f "$dir/pg.datadir"
  fi
  if [[ -f $dir/pg.tmpdir ]]; then
    local tmp
    tmp=$(<"$dir/pg.tmpdir")
    [[ $tmp == /tmp/berth-test-pg.* ]] && rm -rf "$tmp"
    rm -f "$dir/pg.tmpdir"
  fi
}

peers_venv() {
  local py=$PEERS_VENV/bin/python
  if [[ -x $py ]] && "$py" -c 'import schemathesis, kubernetes, cryptography' 2>/dev/null; then
    return 0
  fi
  peers_log "preparing python venv at $PEERS_VENV (${PEERS_PIP_PACKAGES[*]})"
  # --clear only when the venv's interpreter is unusable (e.g. python moved).
  if ! { [[ -x $py ]] && "$py" -c '' 2>/dev/null; }; then
    python3 -m venv --clear "$PEERS_VENV" >"$PEERS_RUN_DIR/venv.log" 2>&1 \
      || { cat "$PEERS_RUN_DIR/venv.log" >&2; peers_die "python3 -m venv failed; see $PEERS_RUN_DIR/venv.log"; }
  fi
  "$py" -m pip install -q --disable-pip-version-check "${PEERS_PIP_PACKAGES[@]}" </dev/null \
    >>"$PEERS_RUN_DIR/venv.log" 2>&1 \
    || { tail -n 30 "$PEERS_RUN_DIR/venv.log" >&2; peers_die "pip install failed; see $PEERS_RUN_DIR/venv.log"; }
}

# $1 name, $2 port, $3 extra YAML (auth section)
peers_start_registry() {
  local name=$1 port=$2 auth=${3:-} dir=$PEERS_RUN_DIR
  mkdir -p "$dir/$name"
  cat >"$dir/$name.yml" <<EOF
version: 0.1
log: {level: info, fields: {service: $name}}
storage:
  cache: {blobdescriptor: inmemory}
  filesystem: {rootdirectory: "$dir/$name"}
  delete: {enabled: true}
  maintenance: {uploadpurging: {enabled: false}}
http:
  addr: 127.0.0.1:$port
  secret: $(openssl rand -hex 16)
  headers: {X-Content-Type-Options: [nosniff]}
$auth
EOF
  # fd 9 is test.sh's lock: a service kept alive must not keep holding it.
  docker-registry serve "$dir/$name.yml" </dev/null >"$dir/$name.log" 2>&1 9<&- &
  echo $! >"$dir/$name.pid"
}

peers_start_postgres() {
  local dir=$PEERS_RUN_DIR port=$BERTH_TEST_POSTGRES_PORT pgbin pgdir
  pgbin=$(peers_pgbin)
  pgdir=$dir/pg
  if (( EUID == 0 )); then
    install -d -o postgres -g postgres -m 700 "$pgdir"
  else
    install -d -m 700 "$pgdir"
  fi
  # The cluster must be reachable by the postgres user (every parent dir
  # traversable), and the socket path must fit in sun_path (107 bytes).
  if ! peers_as_pg test -w "$pgdir" 2>/dev/null || (( ${#pgdir} > 90 )); then
    rm -rf "$pgdir"
    pgdir=$(mktemp -d /tmp/berth-test-pg.XXXXXX)
    (( EUID != 0 )) || chown postgres:postgres "$pgdir"
    echo "$pgdir" >"$dir/pg.tmpdir"
    peers_log "postgres cluster placed in $pgdir (run dir not usable by the postgres user)"
  fi
  PEERS_PG_SOCKDIR=$pgdir
  peers_as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/pg-initdb.log" 2>&1 9<&- \
    || { cat "$dir/pg-initdb.log" >&2; peers_die "initdb failed; see $dir/pg-initdb.log"; }
  echo "$pgdir/data" >"$dir/pg.datadir"
  ln -sfn "$pgdir/server.log" "$dir/postgres.log"
  # Throwaway data: durability settings off make schema-heavy tests faster.
  peers_as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -W \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$pgdir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    start >"$dir/pg-ctl.log" 2>&1 9<&- \
    || { cat "$dir/pg-ctl.log" >&2; peers_die "pg_ctl start failed; see $dir/postgres.log"; }
}

peers_start_issuer() {
  local dir=$PEERS_RUN_DIR
  "$PEERS_VENV/bin/python" "$BERTH_ROOT/scripts/token_issuer.py" \
    --port "$BERTH_TEST_ISSUER_PORT" --key "$dir/token.key" --cert "$dir/token.crt" \
    --users-file "$dir/users.json" --service "$BERTH_TEST_TOKEN_SERVICE" \
    --issuer "$BERTH_TEST_TOKEN_ISSUER" </dev/null >"$dir/issuer.log" 2>&1 9<&- &
  echo $! >"$dir/issuer.pid"
}

# $1 name, $2 url, $3 accepted status codes ("200 401"), $4 pid file, $5 log
peers_wait_http() {
  local name=$1 url=$2 want=$3 pidfile=$4 log=$5 code deadline=$((SECONDS + PEERS_TIMEOUT))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ " $want " == *" $code "* ]] && return 0
    if ! peers_owns "$(<"$pidfile")"; then
      tail -n 20 "$log" >&2 || true
      peers_die "$name exited during startup; see $log"
    fi
    (( SECONDS < deadline )) || peers_die "$name not ready after ${PEERS_TIMEOUT} s ($url answered '$code', wanted $want); see $log"
    sleep 0.2
  done
}

peers_wait_postgres() {
  local pgbin deadline=$((SECONDS + PEERS_TIMEOUT))
  pgbin=$(peers_pgbin)
  until "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$BERTH_TEST_POSTGRES_PORT"; do
    (( SECONDS < deadline )) || { tail -n 20 "$PEERS_RUN_DIR/postgres.log" >&2 || true
      peers_die "postgres not ready after ${PEERS_TIMEOUT} s; see $PEERS_RUN_DIR/postgres.log"; }
    sleep 0.2
  done
  "$pgbin/psql" -h "$PEERS_PG_SOCKDIR" -p "$BERTH_TEST_POSTGRES_PORT" -U postgres -d postgres \
    -X -q -v ON_ERROR_STOP=1 \
    -c "create role berth login createdb password '$PEERS_PG_PASSWORD'" \
    -c "create database berth_test owner berth" >"$PEERS_RUN_DIR/pg-setup.log" 2>&1 \
    || { cat "$PEERS_RUN_DIR/pg-setup.log" >&2; peers_die "creating role/database failed"; }
}

peers_write_env() {
  local f=$PEERS_RUN_DIR/env.sh v
  : >"$f"
  chmod 600 "$f"   # holds this run's passwords
  echo "# written by scripts/start-peers.sh; source it to run swift test against these services" >>"$f"
  for v in "${PEERS_EXPORTS[@]}"; do printf 'export %s=%q\n' "$v" "${!v}" >>"$f"; done
}

# Fresh run dir, deps, all services up and ready, variables exported.
peers_start() {
  local dir=$PEERS_RUN_DIR
  peers_install_deps
  if [[ -d $dir ]]; then
    peers_stop   # whatever a previous BERTH_TEST_KEEP=1 run left behind
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
  peers_check_ports

  export BERTH_REQUIRE_PEERS=1
  export BERTH_TEST_RUN_DIR=$dir
  export BERTH_TEST_VENV=$PEERS_VENV
  export BERTH_TEST_REGISTRY=127.0.0.1:$BERTH_TEST_REGISTRY_PORT
  export BERTH_TEST_BASIC_REGISTRY=127.0.0.1:$BERTH_TEST_BASIC_REGISTRY_PORT
  export BERTH_TEST_TOKEN_REGISTRY=127.0.0.1:$BERTH_TEST_TOKEN_REGISTRY_PORT
  export BERTH_TEST_REGISTRY_USER=berth-test
  export BERTH_TEST_REGISTRY_PASSWORD
  BERTH_TEST_REGISTRY_PASSWORD=$(openssl rand -hex 12)
  export BERTH_TEST_TOKEN_REALM=http://127.0.0.1:$BERTH_TEST_ISSUER_PORT/token
  export BERTH_TEST_TOKEN_SERVICE=berth-test-registry
  export BERTH_TEST_TOKEN_ISSUER=berth-test-issuer
  export BERTH_TEST_TOKEN_CERT=$dir/token.crt
  export BERTH_TEST_TOKEN_KEY=$dir/token.key
  PEERS_PG_PASSWORD=$(openssl rand -hex 12)
  export BERTH_TEST_POSTGRES_URL=postgres://berth:$PEERS_PG_PASSWORD@127.0.0.1:$BERTH_TEST_POSTGRES_PORT/berth_test

  htpasswd -Bbn "$BERTH_TEST_REGISTRY_USER" "$BERTH_TEST_REGISTRY_PASSWORD" >"$dir/htpasswd" 2>/dev/null
  printf '{"%s": "%s"}\n' "$BERTH_TEST_REGISTRY_USER" "$BERTH_TEST_REGISTRY_PASSWORD" >"$dir/users.json"
  chmod 600 "$dir/htpasswd" "$dir/users.json"

  # Start what needs nothing first, build the venv while they boot, then the issuer.
  peers_start_registry reg-open "$BERTH_TEST_REGISTRY_PORT"
  peers_start_registry reg-basic "$BERTH_TEST_BASIC_REGISTRY_PORT" "auth:
  htpasswd: {realm: berth-test, path: \"$dir/htpasswd\"}"
  peers_start_postgres
  peers_venv
  "$PEERS_VENV/bin/python" "$BERTH_ROOT/scripts/token_issuer.py" --generate \
    --key "$BERTH_TEST_TOKEN_KEY" --cert "$BERTH_TEST_TOKEN_CERT"
  peers_start_registry reg-token "$BERTH_TEST_TOKEN_REGISTRY_PORT" "auth:
  token:
    realm: $BERTH_TEST_TOKEN_REALM
    service: $BERTH_TEST_TOKEN_SERVICE
    issuer: $BERTH_TEST_TOKEN_ISSUER
    rootcertbundle: \"$BERTH_TEST_TOKEN_CERT\""
  peers_start_issuer

  peers_wait_http "open registry" "http://$BERTH_TEST_REGISTRY/v2/" 200 "$dir/reg-open.pid" "$dir/reg-open.log"
  peers_wait_http "basic-auth registry" "http://$BERTH_TEST_BASIC_REGISTRY/v2/" 401 "$dir/reg-basic.pid" "$dir/reg-basic.log"
  peers_wait_http "token registry" "http://$BERTH_TEST_TOKEN_REGISTRY/v2/" 401 "$dir/reg-token.pid" "$dir/reg-token.log"
  peers_wait_http "token issuer" "$BERTH_TEST_TOKEN_REALM?service=$BERTH_TEST_TOKEN_SERVICE" 200 "$dir/issuer.pid" "$dir/issuer.log"
  peers_wait_postgres
  peers_write_env
  peers_log "all services ready; exports in $dir/env.sh"
}

peers_print_env() {
  echo "Services are still running. To use them:"
  echo "  source $PEERS_RUN_DIR/env.sh"
  echo "  swift test --disable-xctest"
  echo "Stop them with: bash $BERTH_ROOT/scripts/start-peers.sh stop"
  echo "Exports:"
  sed -n 's/^export /  /p' "$PEERS_RUN_DIR/env.sh"
}

# Run directly rather than sourced.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-start} in
    start)
      trap 'rc=$?; (( rc == 0 )) || peers_stop; exit $rc' EXIT
      peers_start
      peers_print_env ;;
    stop)
      peers_stop
      peers_log "stopped" ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
  esac
fi
