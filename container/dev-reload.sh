#!/usr/bin/env bash
# Live reload for the compose dev loop (docker-compose.yml, service "app"): compiles the container
# module, runs it against the emulator, and recompiles and restarts it whenever a source or
# resource file under src/ or container/src/ changes (polled every 2 s, so it works on bind mounts
# from any host OS). A restart takes a few seconds; a compile error leaves the previous run up.
#
# Reads the emulator's ids from $HELPDESK_ENV_FILE (written by the localstack/ hooks) when present.
set -uo pipefail
cd "${WORKSPACE:-/workspace}"

env_file="${HELPDESK_ENV_FILE:-/helpdesk-env/helpdesk.env}"
for _ in $(seq 1 120); do [[ -s "$env_file" ]] && break; sleep 1; done
if [[ -s "$env_file" ]]; then
  set -a; . "$env_file"; set +a
  echo "dev-reload: settings from $env_file"
fi

classpath_file=/tmp/helpdesk-classpath.txt
app_pid=""

# One reactor run: compiles the shared code and the container module; the container module's
# run-time classpath (written last) names src/target/classes for the shared code. build-classpath
# resolves the test scope too, which holds helpdesk-core's test-jar: from test-compile on the reactor
# supplies it from src/, so an empty Maven cache needs no install (maven.test.skip: tests are not
# compiled, only the phase is reached).
build() {
  ./mvnw -B -q -pl container -am test-compile dependency:build-classpath -Dmaven.test.skip=true \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
}

start() {
  java -cp "container/target/classes:$(cat "$classpath_file")" dev.hauntedhelpdesk.container.Application &
  app_pid=$!
}

stop() {
  if [[ -n "$app_pid" ]]; then
    kill -TERM "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
    app_pid=""
  fi
}
trap 'stop; exit 0' TERM INT

fingerprint() {
  find src/main container/src/main -type f -newermt '1970-01-01' -printf '%p %T@\n' 2>/dev/null | sort | md5sum
}

build || { echo "dev-reload: first build failed" >&2; exit 1; }
start
last=$(fingerprint)
while true; do
  sleep 2
  now=$(fingerprint)
  if [[ "$now" != "$last" ]]; then
    last=$now
    echo "dev-reload: change detected, recompiling"
    if build; then
      stop
      start
    else
      echo "dev-reload: compile failed, keeping the running version" >&2
    fi
  fi
done
