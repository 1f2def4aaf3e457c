# Shared by the image steps (sourced, not run): names, ports and small helpers.
# shellcheck shell=bash
BASE_IMAGE=localhost/helpdesk-ci-base:trixie
APP_IMAGE=localhost/haunted-helpdesk:ci
LAMBDA_IMAGE=localhost/haunted-helpdesk-api:ci
TRIAGE_IMAGE=localhost/haunted-helpdesk-triage:ci
APP=helpdesk-ci-app
APP_PORTED=helpdesk-ci-port
LAMBDA_APP=helpdesk-ci-lambda
TRIAGE_APP=helpdesk-ci-triage
VOLUME_PREFIX=helpdesk-ci-
MOTO_PORT=${MOTO_PORT:-5077}
MOTO=http://127.0.0.1:$MOTO_PORT

log() { printf '\n==> %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
# A figure for the summary: appended to $FIGURES when .ci/image-check.sh collects them, else printed.
figure() {
  if [[ -n "${FIGURES:-}" ]]; then
    printf '%-21s%s\n' "$1:" "$2" >>"$FIGURES"
  else
    printf '%-21s%s\n' "$1:" "$2"
  fi
}
