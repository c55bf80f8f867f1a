#!/usr/bin/env bash
# Licence server benchmark: wrk at full speed and an open-loop run at a fixed rate (default
# 2,000 req/s), each against POST /api/drm/licenses/clearkey and GET /api/platform/info on the
# same server, printed with ratios. Loopback only, temporary home deleted afterwards.
#   bash bench/licence-bench.sh                 build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/licence-bench.sh    reuse the last build (only bench is recompiled)
#   BENCH_OPTS='-Dbench.rate=1000' ...          another fixed rate; see bench/README.md
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

mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
exec "$java" ${BENCH_OPTS:-} -Dmarquee.wlp.dir="$wlp" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.LicenceBench
