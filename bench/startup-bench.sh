#!/usr/bin/env bash
# Startup benchmark: play pressed -> first frame in Chromium (web player vs shaka-player alone).
# Loopback only, bounded in time, temporary home deleted afterwards.
#   bash bench/startup-bench.sh                build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/startup-bench.sh   reuse the last build (only bench is recompiled)
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_build
wlp=$(bench_wlp)
bench_run StartupBench -Dmarquee.wlp.dir="$wlp"
