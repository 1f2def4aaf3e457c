#!/bin/sh
# Makes the container image's start-up archive (AppCDS; container/README.md "Start-up archive"):
# one training start of the server records the classes its start-up loads, already parsed and
# verified, in ARCHIVE, which every later start maps instead of reading them from the jar.
# container/Dockerfile runs it during the build, and the bench (lambda/bench, ContainerStart) runs
# it before its container starts, so that both train the archive the same way.
#
# Usage: cds-training.sh ARCHIVE PORT JAVA [JVM option...] -jar JAR
#   the java command as the server is started later (the same jar and flags: an archive made
#   under other flags may not be used with them), run here with -XX:ArchiveClassesAtExit.
#
# The training needs nothing external: every AWS endpoint points at a closed local port, start-up
# does not call them, readiness answers 503 and one request without a valid token 401, which loads
# their classes too. SIGTERM ends it as it ends the server, and the JVM writes the archive on that
# exit. Nothing of the run is left behind but the archive, whether it succeeds or fails.
set -eu
archive=$1
port=$2
shift 2
work=$(mktemp -d)
log="$work/training.log"
java=$1
shift
pid=""
# On every exit, a failed one too: no training server left running, no scratch files left behind.
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
env -i PATH="$PATH" API_HOST=127.0.0.1 API_PORT="$port" \
    UPLOAD_DIR="$work/uploads" DYNAMODB_TABLE_NAME=cds-training \
    COGNITO_USER_POOL_ID=us-east-1_training COGNITO_APP_CLIENT_IDS=training \
    COGNITO_JWKS_URL=http://127.0.0.1:9/jwks.json AWS_ENDPOINT_URL=http://127.0.0.1:9 \
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true \
    AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
    "$java" "-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" >"$log" 2>&1 &
pid=$!
started=$(date +%s)
until grep -q 'Startup completed' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 180 ]; then
    tail -30 "$log"; echo "CDS training start failed" >&2; exit 1
  fi
  sleep 0.2
done
curl -s -o /dev/null --max-time 30 "http://127.0.0.1:$port/health/readiness"
curl -s -o /dev/null --max-time 30 -H 'Authorization: Bearer x.y.z' "http://127.0.0.1:$port/api/tickets"
kill -TERM "$pid"
wait "$pid" || true
pid=""
test -s "$archive" || { tail -30 "$log"; echo "no CDS archive written" >&2; exit 1; }
