#!/usr/bin/env bash
# Builds the application image from container/Dockerfile and the functions' Lambda images (the API
# function's and the triage function's) from lambda/Dockerfile with podman, on the base image that provision.sh made (JDK and JRE come from
# apt inside the build: JRE 21 for the container, JRE 25 for the Lambda image's AOT cache). Needs root.
#
# Changes on the host:
#   - tags localhost/haunted-helpdesk:ci, localhost/haunted-helpdesk-api:ci and
#     localhost/haunted-helpdesk-triage:ci in root's podman
#     storage (replacing earlier builds) and leaves them there for check.sh; .ci/image-check.sh
#     removes them, with the builds' dangling layers, when it ends;
#   - podman's build cache gains the layers of this build.
# Nothing else: the build log (and the host's extra CA bundle, when there is one) go to a temporary
# directory, removed on exit. Figures: the build times and the image sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/image/common.sh
WORK=$(mktemp -d /tmp/helpdesk-image-build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
podman image exists "$BASE_IMAGE" || fail "no $BASE_IMAGE: run .ci/image/provision.sh first"

log "build $APP_IMAGE from container/Dockerfile"
secret_args=()
# A TLS-inspecting egress proxy's CA, when the host trusts one, must be trusted by the build too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cat /usr/local/share/ca-certificates/*.crt >"$WORK/extra-ca.pem"
  secret_args=(--secret "id=extra-ca,src=$WORK/extra-ca.pem")
fi
t0=$(date +%s)
podman build --format docker --network host -f container/Dockerfile "${secret_args[@]}" \
  --build-arg BUILD_IMAGE="$BASE_IMAGE" --build-arg JDK_PACKAGE=openjdk-21-jdk-headless \
  --build-arg RUNTIME_IMAGE="$BASE_IMAGE" --build-arg JRE_PACKAGE=openjdk-21-jre-headless \
  --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -t "$APP_IMAGE" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "image build"; }
build_seconds=$(( $(date +%s) - t0 ))
image_bytes=$(podman image inspect "$APP_IMAGE" --format '{{.Size}}')
echo "built in $build_seconds s"
figure "image size" "$(( image_bytes / 1000000 )) MB ($image_bytes bytes)"
figure "image build" "$build_seconds s"

log "build $LAMBDA_IMAGE from lambda/Dockerfile"
t0=$(date +%s)
podman build --format docker --network host -f lambda/Dockerfile --ignorefile lambda/Dockerfile.dockerignore \
  "${secret_args[@]}" \
  --build-arg BUILD_IMAGE="$BASE_IMAGE" --build-arg JDK_PACKAGE=openjdk-21-jdk-headless \
  --build-arg RUNTIME_IMAGE="$BASE_IMAGE" --build-arg JRE_PACKAGE=openjdk-25-jre-headless \
  -t "$LAMBDA_IMAGE" . >"$WORK/lambda-build.log" 2>&1 || { tail -40 "$WORK/lambda-build.log"; fail "Lambda image build"; }
echo "built in $(( $(date +%s) - t0 )) s; $(grep -o 'AOT cache /function/function.aot: .*' "$WORK/lambda-build.log" | tail -1)"
figure "API image build" "$(( $(date +%s) - t0 )) s (lambda/Dockerfile, with its AOT training)"

log "build $TRIAGE_IMAGE from lambda/Dockerfile (FUNCTION=triage)"
t0=$(date +%s)
podman build --format docker --network host -f lambda/Dockerfile --ignorefile lambda/Dockerfile.dockerignore \
  "${secret_args[@]}" --build-arg FUNCTION=triage \
  --build-arg BUILD_IMAGE="$BASE_IMAGE" --build-arg JDK_PACKAGE=openjdk-21-jdk-headless \
  --build-arg RUNTIME_IMAGE="$BASE_IMAGE" --build-arg JRE_PACKAGE=openjdk-25-jre-headless \
  -t "$TRIAGE_IMAGE" . >"$WORK/triage-build.log" 2>&1 || { tail -40 "$WORK/triage-build.log"; fail "triage image build"; }
echo "built in $(( $(date +%s) - t0 )) s; $(grep -o 'AOT cache /function/function.aot: .*' "$WORK/triage-build.log" | tail -1)"
figure "triage image build" "$(( $(date +%s) - t0 )) s (lambda/Dockerfile FUNCTION=triage: the API image's build stage, its own training)"
