#!/usr/bin/env bash
# Creates the helpdesk Cognito user pool, its app client, the agents/admins groups and three demo
# users, then writes the ids the application needs to an env file. Safe to re-run: anything that
# already exists (matched by name) is reused, and the demo passwords are reset.
#
# Demo users, all with the password $DEMO_PASSWORD (default Helpdesk-Demo-1):
#   requester@example.com  no group (files and reads own tickets)
#   agent@example.com      agents
#   admin@example.com      agents, admins
#
# Environment:
#   AWS_ENDPOINT_URL    endpoint to talk to (default http://localhost:4566, LocalStack);
#                       set it to an empty string to use real AWS
#   AWS_DEFAULT_REGION  region (default us-east-1)
#   DEMO_PASSWORD       permanent password of the demo users (default Helpdesk-Demo-1)
#   DYNAMODB_TABLE_NAME table 10-dynamodb.sh created (default helpdesk-tickets), passed on
#   APP_ENDPOINT_URL    the emulator as the application reaches it, when that differs from
#                       AWS_ENDPOINT_URL (e.g. http://localstack:4566 from another container)
#   HELPDESK_OUT        env file to write (default /tmp/helpdesk-localstack.env) with
#                       DYNAMODB_TABLE_NAME, COGNITO_USER_POOL_ID, COGNITO_APP_CLIENT_IDS,
#                       COGNITO_REGION and, when an endpoint is set, COGNITO_JWKS_URL
set -euo pipefail

# shellcheck source=../aws-target.sh
source "$(dirname "${BASH_SOURCE[0]}")/../aws-target.sh"
password="${DEMO_PASSWORD:-Helpdesk-Demo-1}"
out="${HELPDESK_OUT:-/tmp/helpdesk-localstack.env}"
table="${DYNAMODB_TABLE_NAME:-helpdesk-tickets}"
app_endpoint="${APP_ENDPOINT_URL:-$endpoint}"
pool_name="helpdesk"
client_name="helpdesk-app"

# The CLI prints "None" for an empty query result.
found() {
  [[ -n "$1" && "$1" != "None" ]]
}

pool_id="$(awscli cognito-idp list-user-pools --max-results 60 \
  --query "UserPools[?Name=='$pool_name'].Id | [0]" --output text)"
if found "$pool_id"; then
  echo "User pool $pool_name already exists: $pool_id"
else
  pool_id="$(awscli cognito-idp create-user-pool --pool-name "$pool_name" \
    --query 'UserPool.Id' --output text)"
  echo "Created user pool $pool_name: $pool_id"
fi

client_id="$(awscli cognito-idp list-user-pool-clients --user-pool-id "$pool_id" --max-results 60 \
  --query "UserPoolClients[?ClientName=='$client_name'].ClientId | [0]" --output text)"
if found "$client_id"; then
  echo "App client $client_name already exists: $client_id"
else
  client_id="$(awscli cognito-idp create-user-pool-client --user-pool-id "$pool_id" \
    --client-name "$client_name" --no-generate-secret \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
    --query 'UserPoolClient.ClientId' --output text)"
  echo "Created app client $client_name: $client_id"
fi

for group in agents admins; do
  if awscli cognito-idp get-group --user-pool-id "$pool_id" --group-name "$group" >/dev/null 2>&1; then
    echo "Group $group already exists"
  else
    awscli cognito-idp create-group --user-pool-id "$pool_id" --group-name "$group" >/dev/null
    echo "Created group $group"
  fi
done

demo_user() {
  local username="$1"
  shift
  if awscli cognito-idp admin-get-user --user-pool-id "$pool_id" --username "$username" >/dev/null 2>&1; then
    echo "User $username already exists"
  else
    awscli cognito-idp admin-create-user --user-pool-id "$pool_id" --username "$username" \
      --user-attributes Name=email,Value="$username" Name=email_verified,Value=true \
      --message-action SUPPRESS >/dev/null
    echo "Created user $username"
  fi
  # A permanent password skips the first-login password change, so USER_PASSWORD_AUTH works at once.
  awscli cognito-idp admin-set-user-password --user-pool-id "$pool_id" --username "$username" \
    --password "$password" --permanent
  local group
  for group in "$@"; do
    awscli cognito-idp admin-add-user-to-group --user-pool-id "$pool_id" --username "$username" \
      --group-name "$group"
  done
}

demo_user requester@example.com
demo_user agent@example.com agents
demo_user admin@example.com agents admins

mkdir -p "$(dirname "$out")"
{
  echo "DYNAMODB_TABLE_NAME=$table"
  echo "COGNITO_USER_POOL_ID=$pool_id"
  echo "COGNITO_APP_CLIENT_IDS=$client_id"
  echo "COGNITO_REGION=$AWS_DEFAULT_REGION"
  if [[ -n "$endpoint" ]]; then
    echo "COGNITO_JWKS_URL=${app_endpoint%/}/$pool_id/.well-known/jwks.json"
  fi
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "Wrote $out"
