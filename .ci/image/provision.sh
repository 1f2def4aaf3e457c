#!/usr/bin/env bash
# Prepares this host to build and run the image with podman. Needs root on Debian 12.
#
# Changes on the host:
#   - installs, when one of podman buildah runc debootstrap curl python3 is missing, the apt packages
#     podman buildah runc debootstrap uidmap slirp4netns fuse-overlayfs containernetworking-plugins
#     curl python3;
#   - writes /etc/containers/containers.conf.d/50-helpdesk-ci.conf (runc instead of crun, higher
#     default ulimits), replacing an earlier copy;
#   - imports the base image localhost/helpdesk-ci-base:trixie (debootstrap of Debian trixie) into
#     root's podman storage unless it is there already, and keeps it for the next run.
# Nothing else: the debootstrap directory is a temporary one, removed on exit. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/image/common.sh
WORK=$(mktemp -d /tmp/helpdesk-image-provision.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

log "tools"
missing=()
for tool in podman buildah runc debootstrap curl python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  apt-get update -qq
  # With podman's recommended packages, as set up and proven on these machines.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    podman buildah runc debootstrap uidmap slirp4netns fuse-overlayfs containernetworking-plugins \
    curl python3 >/dev/null
fi
# crun fails on these kernels' hybrid cgroups; the default ulimits are too low for the JVM.
mkdir -p /etc/containers/containers.conf.d
cat >/etc/containers/containers.conf.d/50-helpdesk-ci.conf <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
podman --version

log "base image $BASE_IMAGE"
# No image can be pulled on CI machines, so both stages of the Dockerfile build FROM this base.
if ! podman image exists "$BASE_IMAGE"; then
  t0=$(date +%s)
  root="$WORK/rootfs"
  debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
  # As in Debian's official images: no package caches or lists in the base.
  rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | podman import - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
  echo "built in $(( $(date +%s) - t0 )) s"
else
  echo "present"
fi
