#!/usr/bin/env bash
# Encryption benchmark: Marquee's packager (cenc and cbcs) against shaka-packager 3.4.2 encrypting
# the same clear 1080p CMAF file with the same key, in one run; prints MB/s and ratios.
#   bash bench/encryption-bench.sh               build everything, then measure (about a minute)
#   SKIP_BUILD=1 bash bench/encryption-bench.sh  reuse the last build (only bench is recompiled)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests install
else
  mvn -B -q -pl bench compile
fi

shaka_dir="$PWD/bench/target/npm"
if [[ ! -d "$shaka_dir/node_modules/shaka-packager" ]]; then
  command -v npm >/dev/null || { echo "install Node.js and npm (shaka-packager comes from npm)"; exit 1; }
  npm install --no-save --no-audit --no-fund --prefix "$shaka_dir" shaka-packager@3.4.2 >/dev/null
fi
shaka="$shaka_dir/node_modules/shaka-packager/bin/packager-linux-x64"

mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # BENCH_OPTS holds several -D options on purpose.
exec "$java" ${BENCH_OPTS:-} -Dmarquee.shaka="$shaka" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.EncryptionBench
