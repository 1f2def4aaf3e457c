#!/usr/bin/env bash
# Checks the API function's image (lambda/Dockerfile) that build.sh made, as Lambda runs an image:
# its own entry point, another user than the image's, a read-only root with a writable /tmp, the
# function's memory as its limit, the variables Lambda sets and the template's configuration, and
# a Runtime API (.ci/image/runtime-api.py) on the host handing out the project's payload 2.0
# sample events: a ticket created and read back with a pool token, health, an anonymous list.
# -XX:AOTMode=on makes the JVM refuse to start unless it uses the image's AOT cache, so an answer
# proves the cache fits the image's JVM. Needs root, and moto_server with the localstack hooks'
# resources (check.sh runs it first and passes them in).
#
#   lambda-check.sh <hooks' env file> <a requester's access token>
#
# Changes on the host, undone on exit: the container helpdesk-ci-lambda (host network), the Runtime
# API on 127.0.0.1:$RUNTIME_API_PORT, a temporary directory. Figures: image size, init, first call.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/image/common.sh
HOOKS_ENV=$1
TOKEN=$2
RUNTIME_API_PORT=${RUNTIME_API_PORT:-9071}
WORK=$(mktemp -d /tmp/helpdesk-lambda-check.XXXXXX)
api_pid=""
cleanup() {
  set +e
  podman rm --ignore -f -t 0 "$LAMBDA_APP" >/dev/null 2>&1
  [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
podman image exists "$LAMBDA_IMAGE" || fail "no $LAMBDA_IMAGE: run .ci/image/build.sh first"

log "API function image: metadata"
inspect() { podman image inspect "$LAMBDA_IMAGE" --format "$1"; }
[[ "$(inspect '{{json .Config.Entrypoint}}')" == '["/function/bootstrap"]' ]] || fail "entry point is not /function/bootstrap"
[[ "$(inspect '{{json .Config.Cmd}}')" == '["dev.hauntedhelpdesk.lambda.HttpApiEventFunction"]' ]] \
  || fail "CMD is not the API handler"
podman run --rm --entrypoint sh "$LAMBDA_IMAGE" -c \
  'test -r /function/api.aot && test ! -w /function/api.aot -o "$(id -u)" = 0 && stat -c "%a %s" /function/api.aot' \
  >"$WORK/aot.txt" || fail "no AOT cache in the image"
[[ "$(cut -d' ' -f1 "$WORK/aot.txt")" == "444" ]] || fail "the AOT cache is not read-only: $(cat "$WORK/aot.txt")"
echo "entry point /function/bootstrap, CMD the API handler, AOT cache $(( $(cut -d' ' -f2 "$WORK/aot.txt") / 1000000 )) MB, read-only"

# The events, with the pool's token and its claims as API Gateway's JWT authorizer passes them.
client_id=$(sed -n 's/^COGNITO_APP_CLIENT_IDS=//p' "$HOOKS_ENV")
queue_url=$(sed -n 's/^# *TRIAGE_QUEUE_URL=//p' "$HOOKS_ENV")
bucket=$(sed -n 's/^ATTACHMENT_BUCKET=//p' "$HOOKS_ENV")
[[ -n "$client_id" && -n "$queue_url" && -n "$bucket" ]] || fail "the hooks' env file lacks the client, queue or bucket"
sub=$(python3 -c 'import base64, json, sys; p = sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))["sub"])' "$TOKEN")
for event in v2-create-ticket v2-get-ticket v2-health v2-list-tickets-unauthenticated; do
  sed -e "s|{{ACCESS_TOKEN}}|$TOKEN|g" -e "s|{{SUB}}|$sub|g" -e "s|{{CLIENT_ID}}|$client_id|g" \
    "lambda/events/$event.json" >"$WORK/$event.json"
done

log "API function image: four events from a Runtime API, as Lambda runs the image"
python3 .ci/image/runtime-api.py "$RUNTIME_API_PORT" "$WORK/answers.jsonl" "$WORK/v2-create-ticket.json" \
  "$WORK/v2-get-ticket.json" "$WORK/v2-health.json" "$WORK/v2-list-tickets-unauthenticated.json" \
  2>"$WORK/runtime-api.err" &
api_pid=$!
podman rm --ignore -f -t 0 "$LAMBDA_APP" >/dev/null 2>&1 || true
# Lambda's sandbox: user 993 (not the image's), read-only root but /tmp, the function's memory.
podman run -d --name "$LAMBDA_APP" --network host --user 993:993 --read-only --tmpfs /tmp:rw,size=512m \
  --memory 1024m --cpus 1 --cap-drop all --security-opt no-new-privileges \
  --env-file "$HOOKS_ENV" -e AWS_ENDPOINT_URL="$MOTO" -e AWS_REGION=us-east-1 -e AWS_DEFAULT_REGION=us-east-1 \
  -e AWS_ACCESS_KEY_ID=test -e AWS_SECRET_ACCESS_KEY=test -e AWS_SESSION_TOKEN=test -e AWS_EC2_METADATA_DISABLED=true \
  -e AWS_LAMBDA_RUNTIME_API="127.0.0.1:$RUNTIME_API_PORT" -e AWS_LAMBDA_FUNCTION_NAME=helpdesk-api \
  -e AWS_LAMBDA_FUNCTION_VERSION='$LATEST' -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 \
  -e AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/helpdesk-api -e AWS_LAMBDA_LOG_STREAM_NAME=ci \
  -e LAMBDA_TASK_ROOT=/var/task -e TZ=:UTC \
  -e TRIAGE_QUEUE_URL="$queue_url" -e ATTACHMENT_STORE=s3 -e ATTACHMENT_BUCKET="$bucket" -e UPLOAD_DIR=/tmp/uploads \
  -e EXECUTION_TIMEOUT=25 -e JAVA_TOOL_OPTIONS=-XX:AOTMode=on \
  "$LAMBDA_IMAGE" >/dev/null
if ! wait "$api_pid"; then
  api_pid=""
  podman logs "$LAMBDA_APP" 2>&1 | tail -30
  cat "$WORK/runtime-api.err" "$WORK/answers.jsonl" 2>/dev/null
  fail "the API function's image did not answer every event"
fi
api_pid=""
# Into a file first: grep -q stops reading at the first match, and under pipefail the writer's
# SIGPIPE would fail the check.
podman logs "$LAMBDA_APP" >"$WORK/function.log" 2>&1
grep -q 'Picked up JAVA_TOOL_OPTIONS: -XX:AOTMode=on' "$WORK/function.log" \
  || { tail -30 "$WORK/function.log"; fail "the function's JVM did not get -XX:AOTMode=on"; }
python3 - "$WORK/answers.jsonl" <<'EOF' || { tail -30 "$WORK/function.log"; fail "the API function's answers"; }
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
init, answers = lines[0]["init_ms"], {a["event"]: a for a in lines[1:]}
for name, answer in answers.items():
    assert not answer["error"], f"{name}: invocation error {answer['answer']}"
status = {name: a["answer"]["statusCode"] for name, a in answers.items()}
expected = {"v2-create-ticket.json": 201, "v2-get-ticket.json": 200, "v2-health.json": 200,
            "v2-list-tickets-unauthenticated.json": 401}
assert status == expected, status
created = json.loads(answers["v2-create-ticket.json"]["answer"]["body"])
got = json.loads(answers["v2-get-ticket.json"]["answer"]["body"])
assert got["ticket_id"] == created["ticket_id"] and got["title"] == created["title"], (created, got)
problem = answers["v2-list-tickets-unauthenticated.json"]["answer"]
assert problem["headers"].get("Content-Type", "").startswith("application/problem+json"), problem
print(f"created and read back ticket {created['ticket_id']}; health 200; anonymous list 401 problem+json")
print(f"init {init} ms, first call {answers['v2-create-ticket.json']['ms']} ms", file=sys.stderr)
with open(sys.argv[1] + ".figures", "w") as out:
    out.write(f"{init} {answers['v2-create-ticket.json']['ms']}\n")
EOF
read -r init_ms first_ms <"$WORK/answers.jsonl.figures"
image_bytes=$(podman image inspect "$LAMBDA_IMAGE" --format '{{.Size}}')
figure "API function image" "$(( image_bytes / 1000000 )) MB"
figure "API function init" "$init_ms ms (podman run to the first poll, AOT cache on), first call $first_ms ms (a create)"
