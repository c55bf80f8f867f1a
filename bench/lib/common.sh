# What every benchmark script does; sourced from bench/<name>-bench.sh, which it leaves in the
# repository's root folder. SKIP_BUILD=1 reuses the last build (only bench is recompiled);
# MVN_ARGS='-o -Dmaven.repo.local=...' passes extra Maven arguments (an own local repository).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Builds (or, with SKIP_BUILD=1, only compiles bench) and writes the bench classpath.
# shellcheck disable=SC2086 # MVN_ARGS holds several arguments on purpose.
bench_build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    mvn -B -q ${MVN_ARGS:-} -DskipTests install
  else
    mvn -B -q ${MVN_ARGS:-} -pl bench compile
  fi
  mvn -B -q ${MVN_ARGS:-} -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
}

# The Liberty server that app-ear built; fails with what to do if there is none.
bench_wlp() {
  local wlp="$PWD/app-ear/target/liberty/wlp"
  [[ -x "$wlp/bin/server" ]] || { echo "No Liberty server at $wlp; run without SKIP_BUILD=1" >&2; exit 1; }
  echo "$wlp"
}

# Runs a bench main class with the given -D options (and BENCH_OPTS) on the bench classpath.
bench_run() {
  local main="$1"
  shift
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  # shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
  exec "$java" ${BENCH_OPTS:-} "$@" \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "dev.marquee.bench.$main"
}
