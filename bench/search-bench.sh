#!/usr/bin/env bash
# Search benchmark: 100,000 generated titles, indexing through the outbox and by rebuild, and a
# fixed query mix against the PostgreSQL and OpenSearch adapters side by side. Needs a JDK 21+ for
# OpenSearch (MARQUEE_OPENSEARCH_JAVA_HOME, or one under /usr/lib/jvm). Loopback only, bounded,
# temporary home deleted afterwards.
#   bash bench/search-bench.sh                build everything, then measure (several minutes)
#   SKIP_BUILD=1 bash bench/search-bench.sh   reuse the last build (only bench is recompiled)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_build
wlp=$(bench_wlp)
version=$(sed -n 's:.*<opensearch.version>\(.*\)</opensearch.version>.*:\1:p' pom.xml)
mvn -B -q dependency:copy -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
  -DoutputDirectory="$PWD/bench/target/opensearch" -Dmdep.stripVersion=true
bench_run SearchBench -Dmarquee.wlp.dir="$wlp" -Dmarquee.opensearch.zip="$PWD/bench/target/opensearch/opensearch.zip"
