#!/usr/bin/env bash
# Runs the LocalStack init hooks against a moto server instead, e.g. where Docker is unavailable:
#   moto_server -H 127.0.0.1 -p 5000 &
#   localstack/run-against-moto.sh http://127.0.0.1:5000
# The hooks' other settings (AWS_DEFAULT_REGION, DYNAMODB_TABLE_NAME, DEMO_PASSWORD, HELPDESK_OUT)
# pass through unchanged.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 MOTO_ENDPOINT_URL   (for example http://127.0.0.1:5000)" >&2
  exit 2
fi

export AWS_ENDPOINT_URL="$1"
hooks="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/init/ready.d"

for hook in "$hooks"/*.sh; do
  echo "==> $(basename "$hook")"
  bash "$hook"
done
