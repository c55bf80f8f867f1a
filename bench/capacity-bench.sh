#!/usr/bin/env bash
# Per-server CPU cost of the main request kinds (docs/capacity.md): session start and end, catalog
# shelf, DASH manifest, licence, position write and an origin segment, each as CPU-seconds of the
# Liberty JVM and of PostgreSQL per 1,000 requests on one server. Loopback only, temporary home
# deleted afterwards.
#   bash bench/capacity-bench.sh                 build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/capacity-bench.sh    reuse the last build (only bench is recompiled)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }
bench_build
wlp=$(bench_wlp)
bench_run CapacityBench -Dmarquee.wlp.dir="$wlp"
