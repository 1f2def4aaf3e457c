#!/usr/bin/env bash
# Checks the functions' images (lambda/Dockerfile) that build.sh made, as Lambda runs an image:
# its own entry point, another user than the image's, a read-only root with a writable /tmp, the
# function's memory as its limit, the variables Lambda sets and the template's configuration, and
# a Runtime API (.ci/image/runtime-api.py) on the host handing out the project's sample events.
# The API function's image: a ticket created and read back with a pool token, health, an anonymous
# list (payload 2.0). The triage function's image: that ticket triaged on the local engine from an
# SQS event, its outcome written to the table.
# -XX:AOTMode=on makes the JVM refuse to start unless it uses the image's AOT cache, so an answer
# proves the cache fits the image's JVM. Needs root, and moto_server with the localstack hooks'
# resources (check.sh runs it first and passes them in).
#
#   lambda-check.sh <hooks' env file> <a requester's access token>
#
# Changes on the host, undone on exit: the containers helpdesk-ci-lambda and helpdesk-ci-triage
# (host network), the Runtime API on 127.0.0.1:$RUNTIME_API_PORT, a temporary directory; the table
# keeps the ticket. Figures: each image's size, init and first call.
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
  podman rm --ignore -f -t 0 "$LAMBDA_APP" "$TRIAGE_APP" >/dev/null 2>&1
  [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
podman image exists "$LAMBDA_IMAGE" || fail "no $LAMBDA_IMAGE: run .ci/image/build.sh first"
podman image exists "$TRIAGE_IMAGE" || fail "no $TRIAGE_IMAGE: run .ci/image/build.sh first"

# The entry point, the handler it starts, and a read-only AOT cache.
metadata() {
  local image=$1 handler=$2 mode bytes
  [[ "$(podman image inspect "$image" --format '{{json .Config.Entrypoint}}')" == '["/function/bootstrap"]' ]] \
    || fail "$image: entry point is not /function/bootstrap"
  podman run --rm --entrypoint sh "$image" -c 'cat /function/handler && test -r /function/function.aot \
    && test ! -w /function/function.aot -o "$(id -u)" = 0 && stat -c "%a %s" /function/function.aot' \
    >"$WORK/metadata.txt" || fail "$image: no handler or no AOT cache"
  [[ "$(sed -n 1p "$WORK/metadata.txt")" == "$handler" ]] || fail "$image: its handler is $(sed -n 1p "$WORK/metadata.txt")"
  read -r mode bytes < <(sed -n 2p "$WORK/metadata.txt")
  [[ "$mode" == "444" ]] || fail "$image: the AOT cache is not read-only ($mode)"
  echo "$image: entry point /function/bootstrap, handler $handler, AOT cache $(( bytes / 1000000 )) MB, read-only"
}
log "function images: metadata"
metadata "$LAMBDA_IMAGE" dev.hauntedhelpdesk.lambda.HttpApiEventFunction
metadata "$TRIAGE_IMAGE" dev.hauntedhelpdesk.lambda.TriageQueueHandler

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

# The template's memory (Globals.Function.MemorySize, 2048 MB), not the 1024 MB the images' caches
# are trained at (lambda/Dockerfile): with -XX:AOTMode=on an answer shows the cache fits the larger
# heap too.
MEMORY_MB=$(python3 -c '
import sys, yaml
# CloudFormation short forms (!Ref, !Sub, ...) read as null: only MemorySize matters here.
yaml.SafeLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
print(yaml.safe_load(open(sys.argv[1]))["Globals"]["Function"]["MemorySize"])' lambda/template.yaml)
[[ "$MEMORY_MB" =~ ^[0-9]+$ ]] || fail "no MemorySize in lambda/template.yaml's Globals"
echo "function memory ${MEMORY_MB} MB (the template's)"

# Lambda's sandbox: user 993 (not the image's), read-only root but /tmp, the function's memory;
# the template's configuration; no command, so the handler the image was built for runs. /tmp is
# noexec here, stricter than Lambda's: every native library (the Runtime Interface Client's, the
# local engine's) must load in place from /function, not from a copy made in /tmp at each start.
run_function() {
  local name=$1 image=$2 function_name=$3 timeout=$4
  podman rm --ignore -f -t 0 "$name" >/dev/null 2>&1 || true
  podman run -d --name "$name" --network host --user 993:993 --read-only --tmpfs /tmp:rw,noexec,size=512m \
    --memory "${MEMORY_MB}m" --cpus 1 --cap-drop all --security-opt no-new-privileges \
    --env-file "$HOOKS_ENV" -e AWS_ENDPOINT_URL="$MOTO" -e AWS_REGION=us-east-1 -e AWS_DEFAULT_REGION=us-east-1 \
    -e AWS_ACCESS_KEY_ID=test -e AWS_SECRET_ACCESS_KEY=test -e AWS_SESSION_TOKEN=test -e AWS_EC2_METADATA_DISABLED=true \
    -e AWS_LAMBDA_RUNTIME_API="127.0.0.1:$RUNTIME_API_PORT" -e AWS_LAMBDA_FUNCTION_NAME="$function_name" \
    -e AWS_LAMBDA_FUNCTION_VERSION='$LATEST' -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$MEMORY_MB" \
    -e AWS_LAMBDA_LOG_GROUP_NAME="/aws/lambda/$function_name" -e AWS_LAMBDA_LOG_STREAM_NAME=ci \
    -e LAMBDA_TASK_ROOT=/var/task -e TZ=:UTC \
    -e TRIAGE_QUEUE_URL="$queue_url" -e ATTACHMENT_STORE=s3 -e ATTACHMENT_BUCKET="$bucket" -e UPLOAD_DIR=/tmp/uploads \
    -e EXECUTION_TIMEOUT="$timeout" -e JAVA_TOOL_OPTIONS=-XX:AOTMode=on \
    "$image" >/dev/null
}
# Runs a function from its image on the events, in order, and keeps its log in <answers>.log.
#   invoke <container> <image> <function name> <EXECUTION_TIMEOUT> <answers.jsonl> <event.json>...
invoke() {
  local name=$1 image=$2 function_name=$3 timeout=$4 answers=$5
  shift 5
  python3 .ci/image/runtime-api.py "$RUNTIME_API_PORT" "$answers" "$@" 2>"$answers.err" &
  api_pid=$!
  run_function "$name" "$image" "$function_name" "$timeout"
  if ! wait "$api_pid"; then
    api_pid=""
    podman logs "$name" 2>&1 | tail -30
    cat "$answers.err" "$answers" 2>/dev/null
    fail "$image did not answer every event"
  fi
  api_pid=""
  # Into a file first: grep -q stops reading at the first match, and under pipefail the writer's
  # SIGPIPE would fail the check.
  podman logs "$name" >"$answers.log" 2>&1
  grep -q 'Picked up JAVA_TOOL_OPTIONS: -XX:AOTMode=on' "$answers.log" \
    || { tail -30 "$answers.log"; fail "$image: the function's JVM did not get -XX:AOTMode=on"; }
}
# Figures: the image's size, and the init and first call that <answers>.figures holds.
report() {
  local label=$1 image=$2 answers=$3 first=$4 init_ms first_ms
  read -r init_ms first_ms <"$answers.figures"
  figure "$label" "$(( $(podman image inspect "$image" --format '{{.Size}}') / 1000000 )) MB"
  figure "$label init" "$init_ms ms (podman run to the first poll, AOT cache on), first call $first_ms ms ($first)"
}

log "API function image: four events from a Runtime API, as Lambda runs the image"
invoke "$LAMBDA_APP" "$LAMBDA_IMAGE" helpdesk-api 25 "$WORK/answers.jsonl" "$WORK/v2-create-ticket.json" \
  "$WORK/v2-get-ticket.json" "$WORK/v2-health.json" "$WORK/v2-list-tickets-unauthenticated.json"
python3 - "$WORK/answers.jsonl" <<'EOF' || { tail -30 "$WORK/answers.jsonl.log"; fail "the API function's answers"; }
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
report "API image" "$LAMBDA_IMAGE" "$WORK/answers.jsonl" "a create"

log "triage function image: the created ticket triaged from an SQS event, as Lambda runs the image"
ticket_id=$(python3 -c 'import json, sys; print(json.loads(json.loads(open(sys.argv[1]).readlines()[1])["answer"]["body"])["ticket_id"])' \
  "$WORK/answers.jsonl")
sed -e "s|{{TICKET_ID}}|$ticket_id|g" lambda/events/sqs-triage.json >"$WORK/sqs-triage.json"
invoke "$TRIAGE_APP" "$TRIAGE_IMAGE" helpdesk-triage 300 "$WORK/triage-answers.jsonl" "$WORK/sqs-triage.json"
table=$(sed -n 's/^DYNAMODB_TABLE_NAME=//p' "$HOOKS_ENV")
[[ -n "$table" ]] || fail "the hooks' env file names no table"
aws --endpoint-url "$MOTO" --region us-east-1 dynamodb get-item --table-name "$table" \
  --key "{\"pk\":{\"S\":\"TICKET#$ticket_id\"},\"sk\":{\"S\":\"TICKET\"}}" >"$WORK/triaged.json" \
  || fail "could not read ticket $ticket_id back from the table"
python3 - "$WORK/triage-answers.jsonl" "$WORK/triaged.json" <<'EOF' || { tail -30 "$WORK/triage-answers.jsonl.log"; fail "the triage function's outcome"; }
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
init, answer = lines[0]["init_ms"], lines[1]
assert not answer["error"], f"invocation error {answer['answer']}"
assert answer["answer"] == {"batchItemFailures": []}, answer["answer"]
item = json.load(open(sys.argv[2]))["Item"]
assert "workflow_result" in item, sorted(item)
print(f"ticket {item['ticket_id']['S']} triaged: status {item['status']['S']}, category {item.get('category', {}).get('S')}")
with open(sys.argv[1] + ".figures", "w") as out:
    out.write(f"{init} {answer['ms']}\n")
EOF
report "triage image" "$TRIAGE_IMAGE" "$WORK/triage-answers.jsonl" "a triage"
