#!/usr/bin/env bash
# Platform benchmark: Liberty start/restart/RSS and wrk load on three endpoints, printed as a
# table. Everything binds to 127.0.0.1 and runs in a temporary home that is deleted afterwards.
#   bash bench/platform-bench.sh              build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/platform-bench.sh reuse the last build (only bench is recompiled)
#   BENCH_OPTS='-Dbench.durationSeconds=5' ...  quick trial run; see bench/README.md
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }
bench_build
wlp=$(bench_wlp)
bench_run PlatformBench -Dmarquee.wlp.dir="$wlp"
