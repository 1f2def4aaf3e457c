#!/usr/bin/env bash
# Micronaut AOT on one shaded Lambda jar (the build runs it on both, see pom.xml):
#   aot.sh JAR WORK_DIR CONFIG CLI_CLASSPATH
# The CLI writes classes that replace, at start, the scan of the jar's service files and the
# parsing of application.yml; they are added to the jar.
#
# The CLI also leaves out every bean whose @Requires fails against the build's own
# configuration, as if this build's settings were the deployment's. Here they are not: the
# queue, the JWKS URL, the bucket, DYNAMODB_CREATE_TABLE and the engine come from the function's
# environment. So a first run lists the beans it would leave out, and the second run keeps them
# all: Micronaut then checks their requirements at start, as it does without AOT. Only service
# classes that cannot load from the jar at all stay out.
set -euo pipefail
jar_file=$1 work=$2 config=$3 cli=$4
# The Maven toolchain's JDK (exec-maven-plugin sets TOOLCHAIN_JAVA_HOME), else the one on PATH.
bin=${TOOLCHAIN_JAVA_HOME:+$TOOLCHAIN_JAVA_HOME/bin/}

run() { # CONFIG OUTPUT
  if ! "${bin}java" -cp "$cli" io.micronaut.aot.cli.Main --runtime=jit --config="$1" \
      --package=dev.hauntedhelpdesk.lambda.aot --output="$2" --classpath="$jar_file:$cli" \
      >"$2.log" 2>&1; then
    cat "$2.log" >&2
    exit 1
  fi
}

rm -rf "$work"
mkdir -p "$work"
run "$config" "$work/analysis"
log=$work/analysis/logs/serviceloading.log
# A class of this project that cannot load means the wrong JDK ran the analysis.
if grep "missing dependencies" "$log" | grep dev.hauntedhelpdesk >&2; then
  exit 1
fi
# A class that cannot even be instantiated from the jar (its dependencies are missing) is
# logged as both; it stays out, as Micronaut would skip it at start anyway.
sed -n "s/^Skipping service .* implementation \(.*\) because of missing dependencies.*$/\1/p" "$log" \
  | sort -u >"$work/missing.txt"
conditional=$(sed -n "s/^Skipping class \(.*\) because it doesn't match bean requirements$/\1/p" "$log" \
  | sort -u | { grep -vxF -f "$work/missing.txt" || true; } | paste -sd, -)
{ cat "$config"; echo "serviceloading.force.include.impls=$conditional"; } >"$work/aot.properties"
run "$work/aot.properties" "$work/final"
left_out=$(sed -n "s/^Skipping class \(.*\) because it doesn't match bean requirements$/\1/p" \
  "$work/final/logs/serviceloading.log" | sort -u | { grep -vxF -f "$work/missing.txt" || true; })
if [ -n "$left_out" ]; then
  echo "Micronaut AOT still leaves out beans for the build's configuration: $left_out" >&2
  exit 1
fi
"${bin}jar" --update --file="$jar_file" -C "$work/final/classes" .
echo "Micronaut AOT: $(find "$work/final/classes" -name '*.class' | wc -l) classes added to $(basename "$jar_file");" \
  "$(tr ',' '\n' <<<"$conditional" | grep -c .) conditional beans kept for their run-time check"
