#!/usr/bin/env bash
# Transcode benchmark: the default ladder of a 60 s 1080p noisy master, Marquee's batch job
# (1 and 2 partition threads) beside one ffmpeg command with the same x264 settings.
#   bash bench/transcode-bench.sh                 build, then measure (10-20 minutes on 2 cores)
#   SKIP_BUILD=1 bash bench/transcode-bench.sh    reuse the last build
#   BENCH_OPTS='-Dbench.masterSeconds=10' ...     a quick trial
#   BENCH_OPTS='-Dbench.runs=ffmpeg,2' ...         only some runs (ffmpeg, 1, 2, 3 threads, sd engines)
# Each Marquee run prints its steps' wall times and the CPU each process used during the job; the
# warm runs follow another job on the same server (a 10 s title; for 2 threads, the first-job run),
# as on a server that has been running.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# The ffmpeg executable bundled by org.bytedeco:ffmpeg (same FFmpeg 8.0.1 as Marquee uses in
# process) links libpulse and libva (Debian: libpulse0 libva2 libva-drm2).
if ! ldconfig -p | grep -q 'libpulse.so.0' || ! ldconfig -p | grep -q 'libva-drm.so.2'; then
  echo "The bundled ffmpeg command needs: apt-get install -y libpulse0 libva2 libva-drm2"
  exit 1
fi
bench_build
wlp=$(bench_wlp)
bench_run TranscodeBench -Dmarquee.wlp.dir="$wlp"
