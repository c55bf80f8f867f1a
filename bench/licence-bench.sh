#!/usr/bin/env bash
# Licence server benchmark: wrk at full speed and an open-loop run at a fixed rate (default
# 1,000 req/s), each against POST /api/drm/licenses/clearkey and GET /api/platform/info on the
# same server, alternating in 3 rounds (bench.rounds), printed with each round's ratio and the
# median. Loopback only, temporary home deleted afterwards.
#   bash bench/licence-bench.sh                 build everything, then measure (a few minutes)
#   SKIP_BUILD=1 bash bench/licence-bench.sh    reuse the last build (only bench is recompiled)
#   BENCH_OPTS='-Dbench.rate=1000' ...          another fixed rate; see bench/README.md
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }
bench_build
wlp=$(bench_wlp)
bench_run LicenceBench -Dmarquee.wlp.dir="$wlp"
