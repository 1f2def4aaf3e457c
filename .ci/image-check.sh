#!/usr/bin/env bash
# The container image, end to end, in three steps that each say at their top what they change on
# this host:
#   .ci/image/provision.sh  tools (apt), podman's runtime settings, the Debian trixie base image;
#   .ci/image/build.sh      the application image from container/Dockerfile, and the functions'
#                           Lambda images (API, triage) from lambda/Dockerfile;
#   .ci/image/check.sh      the image run against moto with container/docker-compose.prod.yml's
#                           runtime settings (read-only root, noexec /tmp, 1 GiB, ...): health,
#                           user, logs, settings, a ticket created and read with a pool token, a
#                           triage run on the local engine, SIGTERM with a request in flight; then
#                           .ci/image/lambda-check.sh: the Lambda images fed sample events by a
#                           Runtime API (a ticket created, read, then triaged from an SQS
#                           event), their AOT caches required.
# Then prints the figures (image size and build time, time to healthy, triage time, memory, stop
# time). Idempotent;
# removes the application images when it ends and keeps the base image for the next run.
#
# Needs root (podman, apt) on Debian 12. No image can be pulled on CI machines, so both stages
# build FROM a Debian trixie base made with debootstrap; JDK/JRE come from apt inside the build.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/image/common.sh
started_all=$(date +%s)
FIGURES=$(mktemp /tmp/helpdesk-image-figures.XXXXXX)
export FIGURES MOTO_PORT

cleanup() {
  set +e
  podman rmi -f "$APP_IMAGE" "$LAMBDA_IMAGE" "$TRIAGE_IMAGE" >/dev/null 2>&1
  podman image prune -f >/dev/null 2>&1
  rm -f "$FIGURES"
}
trap cleanup EXIT

bash .ci/image/provision.sh
bash .ci/image/build.sh
bash .ci/image/check.sh

log "figures"
cat "$FIGURES"
FIGURES="" figure "image check total" "$(( $(date +%s) - started_all )) s"
