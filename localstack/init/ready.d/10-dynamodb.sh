#!/usr/bin/env bash
# Creates the helpdesk tickets table with the keys, indexes and TTL the application relies on.
# Safe to re-run: an existing table is left as it is and TTL is only switched on when it is off.
#
# Environment:
#   AWS_ENDPOINT_URL     endpoint to talk to (default http://localhost:4566, LocalStack);
#                        set it to an empty string to use real AWS
#   AWS_DEFAULT_REGION   region (default us-east-1)
#   DYNAMODB_TABLE_NAME  table to create (default helpdesk-tickets)
set -euo pipefail

# shellcheck source=../aws-target.sh
source "$(dirname "${BASH_SOURCE[0]}")/../aws-target.sh"
table="${DYNAMODB_TABLE_NAME:-helpdesk-tickets}"

gsi() {
  local name="$1" hash_key="$2"
  printf '{"IndexName":"%s","Projection":{"ProjectionType":"ALL"},' "$name"
  printf '"KeySchema":[{"AttributeName":"%s","KeyType":"HASH"},' "$hash_key"
  printf '{"AttributeName":"created_key","KeyType":"RANGE"}]}'
}

if awscli dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
  echo "Table $table already exists"
else
  echo "Creating table $table"
  awscli dynamodb create-table \
    --table-name "$table" \
    --billing-mode PAY_PER_REQUEST \
    --attribute-definitions \
      AttributeName=pk,AttributeType=S \
      AttributeName=sk,AttributeType=S \
      AttributeName=requester,AttributeType=S \
      AttributeName=status,AttributeType=S \
      AttributeName=entity,AttributeType=S \
      AttributeName=created_key,AttributeType=S \
    --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
    --global-secondary-indexes "[$(gsi by_requester requester),$(gsi by_status status),$(gsi all_tickets entity)]" \
    >/dev/null
  awscli dynamodb wait table-exists --table-name "$table"
fi

ttl_status="$(awscli dynamodb describe-time-to-live --table-name "$table" \
  --query 'TimeToLiveDescription.TimeToLiveStatus' --output text)"
if [[ "$ttl_status" == "ENABLED" || "$ttl_status" == "ENABLING" ]]; then
  echo "TTL on $table already $ttl_status"
else
  echo "Enabling TTL on $table.expires_at"
  awscli dynamodb update-time-to-live --table-name "$table" \
    --time-to-live-specification Enabled=true,AttributeName=expires_at >/dev/null
fi
