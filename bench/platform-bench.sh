#!/usr/bin/env bash
# Platform benchmark: Liberty start/restart/RSS and wrk load on three endpoints, printed as a
# table. Everything binds to 127.0.0.1 and runs in a temporary home that is deleted afterwards.
#   bash bench/platform-bench.sh              build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/platform-bench.sh reuse the last build (only bench is recompiled)
#   BENCH_OPTS='-Dbench.durationSeconds=5' ...  quick trial run; see bench/README.md
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests install
else
  mvn -B -q -pl bench compile
fi

wlp="$PWD/app-ear/target/liberty/wlp"
[[ -x "$wlp/bin/server" ]] || { echo "No Liberty server at $wlp; run without SKIP_BUILD=1"; exit 1; }

# Absolute path: Maven resolves a relative outputFile against the module (bench/), not here.
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
exec "$java" ${BENCH_OPTS:-} -Dmarquee.wlp.dir="$wlp" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.PlatformBench
