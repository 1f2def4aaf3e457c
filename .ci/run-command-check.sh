#!/usr/bin/env bash
# Proves the README's first command on a clean slate, as a newcomer meets it: the project's own
# artifacts are deleted from the local Maven repository, the command (read from the first bash
# block of README.md, so it is the very same) runs from this checkout, and once the service is
# ready a demo token is fetched with the README's own TOKEN=... line and a ticket is created and
# read back. The service's whole process tree (Maven, the service JVM, its moto_server) is stopped
# at the end, pass or fail; on failure the service's log is printed.
#
# Environment: RUN_CHECK_TIMEOUT  seconds to wait for readiness (default 1200: a first run on an
#                                 empty Maven cache downloads every dependency)
set -euo pipefail
cd "$(dirname "$0")/.."

base=http://localhost:8000
timeout_s="${RUN_CHECK_TIMEOUT:-1200}"
work="$(mktemp -d)"
log="$work/service.log"
pgid=""
t0=$(date +%s)

fail() {
  echo "run-command-check: FAILED: $*" >&2
  if [[ -s "$log" ]]; then
    echo "----- service log ($log) -----" >&2
    cat "$log" >&2
    echo "----- end of service log -----" >&2
  fi
  exit 1
}

# Stops every process of the command's session: SIGTERM first (the service's shutdown hook stops
# its moto_server), SIGKILL for whatever is left after 30 s.
stop_service() {
  [[ -n "$pgid" ]] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    pgrep -g "$pgid" >/dev/null || break
    sleep 1
  done
  if pgrep -g "$pgid" >/dev/null; then
    echo "run-command-check: still running 30 s after SIGTERM, killing:" >&2
    ps -o pid,cmd -g "$pgid" >&2 || true
    kill -KILL -- "-$pgid" 2>/dev/null || true
    sleep 1
  fi
  local left="$pgid"
  pgid=""
  if pgrep -g "$left" >/dev/null; then
    fail "processes survived SIGKILL: $(pgrep -g "$left" | tr '\n' ' ')"
  fi
}
trap 'status=$?; stop_service; rm -rf "$work"; exit $status' EXIT
trap 'exit 130' INT TERM

# The first non-blank, non-comment line of README.md's first ```bash block.
command="$(awk '/^```bash[[:space:]]*$/ { inside = 1; next }
                inside && /^```/ { exit }
                inside && NF && $1 !~ /^#/ { print; exit }' README.md)"
[[ -n "$command" ]] || fail "no command found in README.md's first \`\`\`bash block"
# The README's way to get a demo token, used as written.
token_line="$(grep -m1 -E '^TOKEN=\$\(' README.md || true)"
[[ -n "$token_line" ]] || fail "README.md has no TOKEN=\$(...) line to get a demo token with"

if curl -s -o /dev/null --max-time 2 "$base/"; then
  fail "something already answers on $base; stop it first"
fi

if compgen -G '*/target' >/dev/null; then
  echo "note: build output (*/target) is present here; a fresh clone has none"
fi
echo "==> removing the project's artifacts from the local Maven repository"
rm -rf "${HOME}/.m2/repository/dev/hauntedhelpdesk"

echo "==> running README's first command: $command"
# A session of its own, so the whole tree can be stopped at once. Quiet downloads keep the log short.
MAVEN_ARGS="${MAVEN_ARGS:---no-transfer-progress}" setsid bash -c "$command" >"$log" 2>&1 </dev/null &
pid=$!
# Without job control the background child is no group leader, so setsid makes it one in place.
pgid="$(ps -o pgid= -p "$pid" | tr -d ' ')"
[[ "$pgid" == "$pid" ]] || { pgid=""; kill "$pid" 2>/dev/null || true; fail "could not give the command a session of its own"; }

deadline=$(( $(date +%s) + timeout_s ))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health/readiness" || true)" == 200 ]]; do
  kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; fail "the command exited before the service was ready"; }
  (( $(date +%s) < deadline )) || fail "not ready on $base/health/readiness within $timeout_s s"
  sleep 2
done
echo "ready on $base after $(( $(date +%s) - t0 )) s"

eval "$token_line" || fail "the README's TOKEN line failed: $token_line"
[[ -n "${TOKEN:-}" && "$TOKEN" == *.*.* ]] || fail "the README's TOKEN line gave no token: '${TOKEN:-}'"
echo "got the requester's demo token (README's TOKEN line)"

created="$work/created.json"
code="$(curl -s -o "$created" -w '%{http_code}' -X POST "$base/api/tickets" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"title":"VPN drops","description":"Disconnects every 5 minutes","severity":"high"}')"
[[ "$code" == 201 ]] || fail "POST /api/tickets answered $code: $(cat "$created")"
ticket_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ticket_id"])' "$created")" \
  || fail "POST /api/tickets returned no ticket_id: $(cat "$created")"
echo "created ticket $ticket_id (201)"

read_back="$work/read.json"
code="$(curl -s -o "$read_back" -w '%{http_code}' "$base/api/tickets/$ticket_id" -H "Authorization: Bearer $TOKEN")"
[[ "$code" == 200 ]] || fail "GET /api/tickets/$ticket_id answered $code: $(cat "$read_back")"
read_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ticket_id"])' "$read_back")" \
  || fail "GET /api/tickets/$ticket_id returned no ticket_id: $(cat "$read_back")"
[[ "$read_id" == "$ticket_id" ]] || fail "GET /api/tickets/$ticket_id returned ticket $read_id"
echo "read ticket $ticket_id back (200)"

echo "==> stopping the service"
stop_service
if curl -s -o /dev/null --max-time 2 "$base/"; then
  fail "$base still answers after the service was stopped"
fi
echo "run-command-check: OK in $(( $(date +%s) - t0 )) s (README's first command, from an empty project repository)"
