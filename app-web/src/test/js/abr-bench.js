'use strict';
// Runs every ABR rule on every 3G trace (or the ones named) and prints one table; with --json FILE
// also writes the figures for scripts. Deterministic: the same traces give the same figures.
//   node app-web/src/test/js/abr-bench.js [--max-buffer 25] [--json bench/results/abr.json]
//        [--renditions renditions.json] [trace.json ...]
// --renditions replays a Marquee title's own ladder (its segment index, as
// GET /api/transcode/titles/{id}/renditions answers) instead of Big Buck Bunny's.

const { loadManifest, loadMarqueeRenditions, loadTraces, simulateSession, pool } = require('./trace-replay.js');
const { RULES, ABLATIONS } = require('./abr-rules.js');

const ALL_RULES = Object.assign({}, RULES, ABLATIONS);

/** Sabre (Spiteri et al., MMSys'18) on the same traces and ladder, 25 s maximum buffer. */
const SABRE = {
  throughput: { averageBitrateKbps: 812, rebufferRatio: 0.137, stalledSessions: 59 },
  bola: { averageBitrateKbps: 1108, rebufferRatio: 0.144, stalledSessions: 67 },
  dynamic: { averageBitrateKbps: 1096, rebufferRatio: 0.144, stalledSessions: 72 },
};

function runAll({ names, maxBufferMs = 25000, rules = Object.keys(ALL_RULES), manifest = loadManifest() } = {}) {
  const traces = loadTraces(names);
  const results = {};
  for (const rule of rules) {
    const sessions = traces.map((t) => simulateSession({
      manifest, periods: t.periods, rule: ALL_RULES[rule](manifest, maxBufferMs), maxBufferMs,
    }));
    results[rule] = Object.assign(pool(sessions), { perSession: sessions.map((s, i) => ({ trace: traces[i].name, s })) });
  }
  return { manifest, traces, results };
}

/** Marquee's rule against the targets of issue 18. */
function targets(results) {
  const m = results.marquee;
  const bola = results.bola;
  const tput = results.throughput;
  const checks = {
    stalledSessionsAtLeast20PercentFewerThanBola: m.stalledSessions <= 0.8 * bola.stalledSessions,
    rebufferRatioBelowBola: m.rebufferRatio < bola.rebufferRatio,
    averageBitrateNotBelowThroughputRule: m.averageBitrateKbps >= tput.averageBitrateKbps,
  };
  return { checks, met: Object.values(checks).every(Boolean) };
}

function table(results, withSabre = true) {
  const rows = [];
  rows.push('| rule | avg bitrate kb/s | rebuffer ratio (pooled) | sessions stalled | stalls/session | '
    + 'switches/session | QoE/session (sum) | QoE/segment | Sabre: kb/s, ratio, stalled |');
  rows.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, r] of Object.entries(results)) {
    const s = withSabre ? SABRE[name] : undefined;
    const label = name === 'robustmpc' ? 'robustmpc (marquee without its reserve)' : name;
    rows.push(`| ${label} | ${Math.round(r.averageBitrateKbps)} | ${(100 * r.rebufferRatio).toFixed(1)}% | `
      + `${r.stalledSessions}/${r.sessions} | ${r.stallEventsPerSession.toFixed(1)} | ${r.switchesPerSession.toFixed(1)} | `
      + `${r.qoePerSession.toFixed(1)} | ${r.qoePerSegment.toFixed(3)} | `
      + (s ? `${s.averageBitrateKbps}, ${(100 * s.rebufferRatio).toFixed(1)}%, ${s.stalledSessions}/86 |` : '– |'));
  }
  return rows.join('\n');
}

function main(argv) {
  let maxBuffer = 25;
  let json = null;
  let manifest = loadManifest();
  let ladder = 'Big Buck Bunny';
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-buffer') maxBuffer = Number(argv[++i]);
    else if (argv[i] === '--json') json = argv[++i];
    else if (argv[i] === '--renditions') {
      ladder = argv[++i];
      manifest = loadMarqueeRenditions(ladder);
    }
    else names.push(argv[i]);
  }
  const { traces, results } = runAll({ names: names.length ? names : undefined, maxBufferMs: maxBuffer * 1000, manifest });
  console.log(`${traces.length} traces (Norway 3G/HSDPA), ${ladder}: ${manifest.bitratesKbps.length} rungs x `
    + `${manifest.segmentBits.length} segments of ${manifest.segmentMs / 1000} s, maximum buffer ${maxBuffer} s, `
    + `node ${process.version}`);
  console.log(table(results, ladder === 'Big Buck Bunny'));
  const t = targets(results);
  console.log('targets: ' + Object.entries(t.checks).map(([k, v]) => `${k}=${v}`).join(', ') + ` -> met=${t.met}`);
  if (json) writeJson(json, { traces, results, maxBuffer, t, manifest, ladder });
}

function writeJson(file, { traces, results, maxBuffer, t, manifest, ladder }) {
  const fs = require('node:fs');
  const { execSync } = require('node:child_process');
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  } catch (e) {
    // not a git checkout
  }
  const figures = {};
  for (const [name, r] of Object.entries(results)) {
    const { perSession, ...rest } = r;
    figures[name] = rest;
  }
  const m = results.marquee;
  const out = {
    bench: 'abr',
    date: new Date().toISOString().slice(0, 10),
    commit,
    command: 'bash bench/abr-bench.sh',
    setup: {
      traces: `${traces.length} Norway 3G/HSDPA sessions (Riiser et al., MMSys'13), Sabre JSON form, looped`,
      manifest: ladder === 'Big Buck Bunny'
        ? 'Big Buck Bunny, 10 rungs 230-6000 kb/s, 199 segments of 3 s, real sizes (Sabre example)'
        : `${ladder}: ${manifest.bitratesKbps.length} rungs, `
          + `${manifest.segmentBits.length} segments of ${manifest.segmentMs / 1000} s`,
      maxBufferSeconds: maxBuffer,
      startup: 'playback starts after the first segment; resumes after a stall as soon as a segment arrives',
      averageBitrate: 'mean over sessions of bits played / (startup + content + stall time), as Sabre',
      rebufferRatio: 'pooled: total stall time / total session time (startup + content + stall)',
      qoe: 'per segment: bitrate Mb/s - 4.3 x stall s - |bitrate change| Mb/s; summed per session, then the mean over sessions',
    },
    figures,
    sabre: ladder === 'Big Buck Bunny' ? SABRE : null,
    ratios: {
      marqueeStalledSessionsVsBola: m.stalledSessions / results.bola.stalledSessions,
      marqueeRebufferRatioVsBola: m.rebufferRatio / results.bola.rebufferRatio,
      marqueeBitrateVsThroughputRule: m.averageBitrateKbps / results.throughput.averageBitrateKbps,
      marqueeQoeMinusBola: m.qoePerSession - results.bola.qoePerSession,
    },
    target: 'Marquee rule: stalled sessions <= 0.8 x BOLA, pooled rebuffer ratio < BOLA, average bitrate >= throughput rule',
    checks: t.checks,
    met: t.met,
  };
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log('wrote ' + file);
}

module.exports = { SABRE, runAll, targets, table };

if (require.main === module) main(process.argv.slice(2));
