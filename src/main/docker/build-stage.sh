#!/bin/sh
# The build stage of container/Dockerfile and lambda/Dockerfile, before the sources come in:
#   build-stage.sh [apt package ...]     (the packages: a JDK, where the build image has none)
# installs what the Maven wrapper needs (it fetches Maven with curl and unpacks it with unzip)
# and, behind a TLS-inspecting proxy, trusts the proxy's CA, without which Maven Central cannot be
# reached. The CA is the build secret `extra-ca` (PEM, one or more certificates: `--secret
# id=extra-ca,src=proxy-ca.pem`); it is trusted in the build stage only, by the system and by
# the JDK, and never reaches a runtime image.
set -eu

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl unzip "$@"
apt-get clean
rm -rf /var/lib/apt/lists/*

if [ -s /run/secrets/extra-ca ]; then
  awk '/BEGIN CERTIFICATE/{n++} n{print > ("/usr/local/share/ca-certificates/extra-ca-" n ".crt")}' \
      /run/secrets/extra-ca
  update-ca-certificates
  # Where the JDK's store is the system's (Debian's ca-certificates-java), update-ca-certificates
  # has already added them under other aliases and keytool may refuse them again: a refusal is
  # shown, not fatal, since Maven's own PKIX error names the certificate it still lacks.
  for cert in /usr/local/share/ca-certificates/extra-ca-*.crt; do
    keytool -importcert -noprompt -cacerts -storepass changeit \
      -alias "$(basename "$cert" .crt)" -file "$cert" >/tmp/keytool.out 2>&1 \
      || echo "build-stage.sh: the JDK's store did not take $cert: $(tail -1 /tmp/keytool.out)" >&2
  done
  rm -f /tmp/keytool.out
fi
