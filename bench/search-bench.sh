#!/usr/bin/env bash
# Search benchmark: 100,000 generated titles, indexing through the outbox and by rebuild, and a
# fixed query mix against the PostgreSQL and OpenSearch adapters side by side. Needs a JDK 21+ for
# OpenSearch (MARQUEE_OPENSEARCH_JAVA_HOME, or one under /usr/lib/jvm). Loopback only, bounded,
# temporary home deleted afterwards.
#   bash bench/search-bench.sh                build everything, then measure (several minutes)
#   SKIP_BUILD=1 bash bench/search-bench.sh   reuse the last build (only bench is recompiled)
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
version=$(sed -n 's:.*<opensearch.version>\(.*\)</opensearch.version>.*:\1:p' pom.xml)
mvn -B -q dependency:copy -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
  -DoutputDirectory="$PWD/bench/target/opensearch" -Dmdep.stripVersion=true

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
exec "$java" ${BENCH_OPTS:-} -Dmarquee.wlp.dir="$wlp" \
  -Dmarquee.opensearch.zip="$PWD/bench/target/opensearch/opensearch.zip" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.SearchBench
