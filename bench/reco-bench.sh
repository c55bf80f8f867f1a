#!/usr/bin/env bash
# Recommendations bench (issue 18): a generated watch history (taste clusters, Zipf popularity,
# seeded), each profile's last completions held out, hit rate at 10 of the co-watching lists beside
# a popularity-only baseline, both computed by the catalog's own rule (CoWatchScoring, what the
# batch job runs). Offline: no server, no database; about a minute on 2 cores. Writes
# bench/results/reco.json.
#   bash bench/reco-bench.sh                  build catalog and bench first, then measure
#   SKIP_BUILD=1 bash bench/reco-bench.sh     reuse the last build (only bench is recompiled)
#   BENCH_OPTS='-Dbench.reco.profiles=5000 -Dbench.reco.seed=7' ...   another history
#   MVN_ARGS='-o -Dmaven.repo.local=...'      extra Maven arguments (an own local repository)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# shellcheck disable=SC2086 # MVN_ARGS holds several arguments on purpose.
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q ${MVN_ARGS:-} -DskipTests install -pl modules/catalog -am
fi
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl bench compile
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
bench_run RecoBench
