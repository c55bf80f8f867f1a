#!/usr/bin/env bash
# Trick-play thumbnails: Marquee's sheets of a 60 s 1080p master beside the ffmpeg command that
# makes the same sheets, in one run (about a minute on 2 cores).
#   bash bench/thumbnails-bench.sh                 build, then measure
#   SKIP_BUILD=1 bash bench/thumbnails-bench.sh    reuse the last build
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if ! ldconfig -p | grep -q 'libpulse.so.0' || ! ldconfig -p | grep -q 'libva-drm.so.2'; then
  echo "The bundled ffmpeg command needs: apt-get install -y libpulse0 libva2 libva-drm2"
  exit 1
fi
bench_build
bench_run ThumbnailsBench
