#!/usr/bin/env bash
# Creates the triage queue (with its dead-letter queue) and the attachment bucket, as
# lambda/template.yaml does in AWS, and adds the bucket to the env file 20-cognito.sh wrote.
# Safe to re-run: existing queues and buckets are kept.
#
# Environment:
#   AWS_ENDPOINT_URL    endpoint to talk to (default http://localhost:4566, LocalStack);
#                       set it to an empty string to use real AWS
#   AWS_DEFAULT_REGION  region (default us-east-1)
#   TRIAGE_QUEUE_NAME   default helpdesk-triage (dead-letter queue: <name>-dlq)
#   ATTACHMENT_BUCKET   default helpdesk-attachments
#   HELPDESK_OUT        env file to extend (default /tmp/helpdesk-localstack.env)
set -euo pipefail

# shellcheck source=../aws-target.sh
source "$(dirname "${BASH_SOURCE[0]}")/../aws-target.sh"
queue="${TRIAGE_QUEUE_NAME:-helpdesk-triage}"
bucket="${ATTACHMENT_BUCKET:-helpdesk-attachments}"
out="${HELPDESK_OUT:-/tmp/helpdesk-localstack.env}"

# CreateQueue returns the existing queue when the attributes match, so it is its own lookup.
dlq_url="$(awscli sqs create-queue --queue-name "$queue-dlq" \
  --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)"
dlq_arn="$(awscli sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn \
  --query Attributes.QueueArn --output text)"
redrive="{\"deadLetterTargetArn\":\"$dlq_arn\",\"maxReceiveCount\":\"5\"}"
queue_url="$(awscli sqs create-queue --queue-name "$queue" --query QueueUrl --output text)"
awscli sqs set-queue-attributes --queue-url "$queue_url" \
  --attributes "{\"VisibilityTimeout\":\"2160\",\"RedrivePolicy\":\"${redrive//\"/\\\"}\"}"
echo "Queue $queue: $queue_url (dead letters: $queue-dlq)"

if awscli s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "Bucket $bucket already exists"
else
  awscli s3api create-bucket --bucket "$bucket" >/dev/null
  echo "Created bucket $bucket"
fi

if [[ -f "$out" ]] && ! grep -q '^ATTACHMENT_BUCKET=' "$out"; then
  {
    echo "ATTACHMENT_BUCKET=$bucket"
    echo "# The Lambda runtime's triage queue; the container triages in-process and ignores it."
    echo "# TRIAGE_QUEUE_URL=$queue_url"
  } >>"$out"
fi
