#!/usr/bin/env bash
# Startup benchmark: play pressed -> first frame in Chromium (web player vs shaka-player alone).
# Loopback only, bounded in time, temporary home deleted afterwards.
#   bash bench/startup-bench.sh                build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/startup-bench.sh   reuse the last build (only bench is recompiled)
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."



if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests install
else
  mvn -B -q -pl bench compile
fi

wlp="$PWD/app-ear/target/liberty/wlp"
[[ -x "$wlp/bin/server" ]] || { echo "No Liberty server at $wlp; run without SKIP_BUILD=1"; exit 1; }

mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
exec "$java" ${BENCH_OPTS:-} -Dmarquee.wlp.dir="$wlp" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.StartupBench
