# shellcheck shell=bash
# Shared helpers for scripts/services/* (sourced, not executed).
#
# Layout:
#   .services/              state at the repo root (git-ignored): ports, secrets, locks
#   .services/<service>/    data owned by the service user (or a symlink to the fallback below)
#   .cache/                 downloads and build outputs worth keeping (git-ignored)
#
# PostgreSQL and Elasticsearch refuse to run as root, and CI runs as root on a
# fresh machine, so as root the servers run as the system user $SVC_USER,
# created on first use. Run as a normal user, they simply run as that user.

set -euo pipefail

SVC_USER=ecommunaute
SCRIPT_NAME=$(basename "$0")
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
STATE_DIR="$REPO_ROOT/.services"
# shellcheck disable=SC2034 # used by the service scripts
CACHE_DIR="$REPO_ROOT/.cache"

# Everything but the one result line goes to stderr: callers do `eval "$(... start)"`-style captures.
log() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }

die() {
    printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Creates the system user when running as root; otherwise services run as the caller.
ensure_svc_user() {
    if ! is_root; then
        SVC_USER=$(id -un)
        return
    fi
    if ! getent passwd "$SVC_USER" >/dev/null; then
        log "creating system user $SVC_USER (the servers refuse to run as root)"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$SVC_USER" \
            || die "could not create the system user $SVC_USER with useradd."
    fi
}

# Runs a command as the service user, from directory $1 (the cwd must be readable
# by that user: the JVM writes gc.log there, postgres complains otherwise).
# fd 9 (the service lock) is closed: a daemon inheriting it would hold the lock forever.
as_svc_user_in() {
    local dir=$1
    shift
    if is_root; then
        (cd "$dir" && runuser -u "$SVC_USER" -- "$@" 9>&-)
    else
        (cd "$dir" && "$@" 9>&-)
    fi
}

as_svc_user() { as_svc_user_in / "$@"; }

# World-traversable (whatever the umask) so the service user can reach its sub-directory;
# the secrets inside are mode 600.
ensure_state_dir() {
    mkdir -p "$STATE_DIR"
    chmod 755 "$STATE_DIR"
}

# One start/stop at a time per service (tests may start services in parallel).
lock_service() {
    local name=$1
    ensure_state_dir
    exec 9>"$STATE_DIR/$name.lock"
    flock -w 600 9 || die "timed out waiting for another $SCRIPT_NAME command to finish ($STATE_DIR/$name.lock)."
}

# Prints the directory that holds service $1's data, owned by the service user.
# It is .services/<name> when the service user can reach it. When the repo lives
# where that user cannot go (e.g. under /root, mode 700), the data goes to
# /var/tmp/ecommunaute-<hash of the repo path>/<name> instead, and .services/<name>
# becomes a symlink to it, so each checkout still gets its own servers.
svc_dir() {
    local name=$1 dir="$STATE_DIR/$1"
    ensure_state_dir
    if [ -L "$dir" ]; then
        dir=$(readlink -f "$dir")          # chosen on an earlier run: keep using it
    elif ! svc_user_can_write "$dir"; then
        local base
        base="/var/tmp/ecommunaute-$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)"
        dir="$base/$name"
        log "the user $SVC_USER cannot reach $STATE_DIR: keeping $name data in $dir instead"
        mkdir -p "$base" && chmod 755 "$base"
        rmdir "$STATE_DIR/$name" 2>/dev/null || true # the empty dir the probe created
        ln -sfn "$dir" "$STATE_DIR/$name"
    fi
    make_svc_owned_dir "$dir"
    svc_user_can_write "$dir" || die "the user $SVC_USER cannot write to $dir."
    printf '%s\n' "$dir"
}

# A directory private to the service user.
make_svc_owned_dir() {
    local dir=$1
    mkdir -p "$dir"
    if is_root; then
        chown "$SVC_USER:" "$dir"
    fi
    chmod 700 "$dir"
}

# A file the service user owns, so that root may append to it (redirections) and
# the user may too later on.
make_svc_owned_file() {
    local file=$1
    touch "$file"
    if is_root; then
        chown "$SVC_USER:" "$file"
    fi
}

# Creates directory $1 for the service user, then tells whether that user can
# actually write there (not when a parent directory is out of its reach).
svc_user_can_write() {
    local dir=$1
    is_root || { mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; return; }
    make_svc_owned_dir "$dir"
    runuser -u "$SVC_USER" -- test -w "$dir" 2>/dev/null
}

# A port nobody listens on at the moment (the kernel picks it).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# True if 127.0.0.1:$1 can be bound. SO_REUSEADDR as the servers use it, so that
# a port left in TIME_WAIT by our own previous run does not count as taken.
port_is_free() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

# Prints the port remembered in .services/<key>.port, choosing (and remembering) a
# free one the first time, or a new one when something else took the old one.
# Only call it while our own server is stopped, else its port looks taken.
choose_port() {
    local key=$1 file="$STATE_DIR/$1.port" port=""
    ensure_state_dir
    [ -s "$file" ] && port=$(cat "$file")
    if [ -n "$port" ] && ! port_is_free "$port"; then
        local old=$port
        port=$(free_port)
        log "port $old (remembered for $key) is now used by another program: switching to $port"
    fi
    [ -n "$port" ] || port=$(free_port)
    printf '%s\n' "$port" >"$file"
    printf '%s\n' "$port"
}

# Prints the secret stored in .services/<name> (mode 600), generating it once.
secret() {
    local file="$STATE_DIR/$1"
    ensure_state_dir
    if [ ! -s "$file" ]; then
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16))' >"$file")
    fi
    chmod 600 "$file"
    cat "$file"
}

# Prints the last lines of a log file to stderr, to explain a failure.
show_log_tail() {
    local file=$1 lines=${2:-40}
    if [ -r "$file" ]; then
        printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
        tail -n "$lines" "$file" >&2
        printf -- '-----\n' >&2
    fi
}

usage() {
    printf 'usage: %s start|stop|status\n' "$SCRIPT_NAME" >&2
    exit 2
}
