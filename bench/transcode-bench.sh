#!/usr/bin/env bash
# Transcode benchmark: the default ladder of a 60 s 1080p noisy master, Marquee's batch job
# (1 and 2 partition threads) beside one ffmpeg command with the same x264 settings.
#   bash bench/transcode-bench.sh                 build, then measure (10-20 minutes on 2 cores)
#   SKIP_BUILD=1 bash bench/transcode-bench.sh    reuse the last build
#   BENCH_OPTS='-Dbench.masterSeconds=10' ...     a quick trial
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The ffmpeg executable bundled by org.bytedeco:ffmpeg (same FFmpeg 8.0.1 as Marquee uses in
# process) links libpulse and libva (Debian: libpulse0 libva2 libva-drm2).
if ! ldconfig -p | grep -q 'libpulse.so.0' || ! ldconfig -p | grep -q 'libva-drm.so.2'; then
  echo "The bundled ffmpeg command needs: apt-get install -y libpulse0 libva2 libva-drm2"
  exit 1
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests install
fi
wlp="$PWD/app-ear/target/liberty/wlp"
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
exec "$java" ${BENCH_OPTS:-} -Dmarquee.wlp.dir="$wlp" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.marquee.bench.TranscodeBench
