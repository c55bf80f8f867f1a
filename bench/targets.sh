#!/usr/bin/env bash
# Every bench's targets as its last run recorded them in bench/results/<bench>.json: one line per
# target (met or not), with the run's date and commit. Exits 1 when a target is not met, so a
# script can check them all without reading RESULTS.md. Needs Node.js only.
#   bash bench/targets.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/results"
node - *.json <<'JS'
const fs = require('fs');
let unmet = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const checks = Object.entries(r.checks || {});
  const where = `${r.date} ${String(r.commit || '').slice(0, 12)}`;
  if (checks.length === 0) {
    console.log(`${r.bench.padEnd(12)} ${'-'.padEnd(44)} no target          ${where}`);
    continue;
  }
  for (const [name, met] of checks) {
    if (!met) unmet++;
    console.log(`${r.bench.padEnd(12)} ${name.padEnd(44)} ${(met ? 'met' : 'NOT met').padEnd(18)} ${where}`);
  }
}
console.log(unmet === 0 ? 'every target met' : `${unmet} target(s) not met`);
process.exit(unmet === 0 ? 0 : 1);
JS
