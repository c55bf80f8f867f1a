'use strict';
// Marquee's ABR rule against the reference rules on a fixed half of the Norway 3G traces, and the
// simulator's own accounting on traces small enough to work out by hand. Run by `mvn verify`
// (app-web, test phase) as `node --test`; figures only, no timings.

const test = require('node:test');
const assert = require('node:assert/strict');

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
  loadManifest, loadMarqueeRenditions, loadTraces, simulateSession, TraceNetwork, pool,
} = require('./trace-replay.js');
const { RULES } = require('./abr-rules.js');
const { runAll, targets } = require('./abr-bench.js');

// Every other session of the 86 in name order (the 1st, 3rd, ...): fixed here by name, so adding
// traces to the folder cannot change what this test measures.
const SUBSET = [
  'report.2010-09-13_1003CEST.json', 'report.2010-09-14_1038CEST.json', 'report.2010-09-14_2303CEST.json',
  'report.2010-09-21_0742CEST.json', 'report.2010-09-21_1622CEST.json', 'report.2010-09-22_0702CEST.json',
  'report.2010-09-23_1001CEST.json', 'report.2010-09-28_1003CEST.json', 'report.2010-09-29_0702CEST.json',
  'report.2010-09-29_1622CEST.json', 'report.2010-09-29_1823CEST.json', 'report.2010-09-30_1058CEST.json',
  'report.2010-09-30_1114CEST.json', 'report.2010-10-18_0951CEST.json', 'report.2010-11-04_0957CET.json',
  'report.2010-11-10_1726CET.json', 'report.2010-11-16_1857CET.json', 'report.2010-11-23_1541CET.json',
  'report.2010-12-09_1222CET.json', 'report.2010-12-09_1310CET.json', 'report.2010-12-16_1100CET.json',
  'report.2010-12-16_1149CET.json', 'report.2010-12-21_1134CET.json', 'report.2010-12-21_1225CET.json',
  'report.2010-12-22_0826CET.json', 'report.2011-01-04_0820CET.json', 'report.2011-01-06_0749CET.json',
  'report.2011-01-29_1125CET.json', 'report.2011-01-29_1800CET.json', 'report.2011-01-30_1323CET.json',
  'report.2011-01-31_1045CET.json', 'report.2011-01-31_1935CET.json', 'report.2011-01-31_2356CET.json',
  'report.2011-02-01_0740CET.json', 'report.2011-02-01_1000CET.json', 'report.2011-02-01_1639CET.json',
  'report.2011-02-02_1251CET.json', 'report.2011-02-10_1611CET.json', 'report.2011-02-11_1618CET.json',
  'report.2011-02-14_0644CET.json', 'report.2011-02-14_2032CET.json', 'report.2011-02-14_2108CET.json',
  'report.2011-02-14_2139CET.json',
];

const manifest = loadManifest();

test('the subset is 43 sessions of the 3G set, each simulated for the whole video', () => {
  assert.equal(new Set(SUBSET).size, 43);
  assert.equal(manifest.segmentBits.length, 199);
  assert.equal(manifest.bitratesKbps.length, 10);
  const traces = loadTraces(SUBSET);
  assert.equal(traces.length, 43);
  const session = simulateSession({ manifest, periods: traces[0].periods, rule: RULES.marquee(manifest, 25000) });
  assert.equal(session.qualities.length, 199);
});

test("on the subset Marquee's rule stalls in 20% fewer sessions than BOLA, rebuffers less, and plays "
  + 'no lower a bitrate than the throughput rule', () => {
  const { results } = runAll({ names: SUBSET, maxBufferMs: 25000, rules: ['throughput', 'bola', 'marquee'] });
  const { marquee, bola, throughput } = results;
  for (const r of [marquee, bola, throughput]) assert.equal(r.sessions, 43);
  // The comparison means something only if BOLA does stall on this subset.
  assert.ok(bola.stalledSessions >= 20, `BOLA stalled in ${bola.stalledSessions} sessions`);
  assert.ok(marquee.stalledSessions <= 0.8 * bola.stalledSessions,
    `Marquee stalled in ${marquee.stalledSessions} sessions, BOLA in ${bola.stalledSessions}`);
  assert.ok(marquee.rebufferRatio < bola.rebufferRatio,
    `rebuffer ratio: Marquee ${marquee.rebufferRatio}, BOLA ${bola.rebufferRatio}`);
  assert.ok(marquee.averageBitrateKbps >= throughput.averageBitrateKbps,
    `average bitrate: Marquee ${marquee.averageBitrateKbps}, throughput rule ${throughput.averageBitrateKbps}`);
  assert.equal(targets(results).met, true);
});

test('the target check fails a rule that only chases bitrate', () => {
  // Always the top rung in place of Marquee's rule: the same checks must say no.
  const { results } = runAll({ names: SUBSET.slice(0, 10), rules: ['throughput', 'bola', 'marquee'] });
  const top = manifest.bitratesKbps.length - 1;
  const greedy = { firstQuality: () => top, nextQuality: () => top, downloaded() {} };
  const sessions = loadTraces(SUBSET.slice(0, 10))
    .map((t) => simulateSession({ manifest, periods: t.periods, rule: greedy }));
  results.marquee = pool(sessions);
  const verdict = targets(results);
  assert.equal(verdict.checks.stalledSessionsAtLeast20PercentFewerThanBola, false);
  assert.equal(verdict.checks.rebufferRatioBelowBola, false);
  assert.equal(verdict.met, false);
});

// A two-rung ladder of 1 s segments over hand-made traces, to check the clock and the buffer.
const tiny = {
  segmentMs: 1000,
  bitratesKbps: [100, 1000],
  segmentBits: Array.from({ length: 4 }, () => [100000, 1000000]),
};
const lowest = { firstQuality: () => 0, nextQuality: () => 0, downloaded() {} };
const highest = { firstQuality: () => 1, nextQuality: () => 1, downloaded() {} };

test('a request waits one round trip, then its bits arrive at the period bandwidth', () => {
  const net = new TraceNetwork([{ duration_ms: 1000, bandwidth_kbps: 1000, latency_ms: 100 }]);
  assert.equal(net.roundTrip(), 100);
  // 1,000,000 bits at 1000 kb/s: 1000 ms, crossing into the looped trace.
  assert.equal(net.transfer(1000000), 1000);
  // 900 ms of the first pass and 100 ms of the second: 900 ms left of the looped period.
  assert.ok(Math.abs(net.left - 900) < 1e-9, 'the trace loops and keeps its place');
});

test('on a link faster than the video nothing stalls; startup is the first download', () => {
  const s = simulateSession({
    manifest: tiny, rule: lowest, periods: [{ duration_ms: 60000, bandwidth_kbps: 1000, latency_ms: 0 }],
  });
  assert.equal(s.startupMs, 100);
  assert.equal(s.rebufferMs, 0);
  assert.equal(s.stalls, 0);
  assert.equal(s.qoe, 4 * 0.1);
});

test('a segment that takes longer than the buffer holds is a stall, counted once per stop', () => {
  // Highest rung, 1000 kb of bits per 1 s segment over a 500 kb/s link: each download takes 2 s
  // and the buffer holds at most the one segment played meanwhile, so every later segment stalls
  // 1 s: 3 stalls, 3 s of rebuffering, startup 2 s.
  const s = simulateSession({
    manifest: tiny, rule: highest, periods: [{ duration_ms: 60000, bandwidth_kbps: 500, latency_ms: 0 }],
  });
  assert.equal(s.startupMs, 2000);
  assert.equal(s.rebufferMs, 3000);
  assert.equal(s.stalls, 3);
  assert.equal(s.sessionMs, 2000 + 4000 + 3000);
  assert.ok(Math.abs(s.qoe - (4 * 1 - 4.3 * 3)) < 1e-9);
});

test('the player never buffers more than its maximum', () => {
  let most = 0;
  const watching = {
    firstQuality: () => 0,
    nextQuality: (ctx) => {
      most = Math.max(most, ctx.bufferMs);
      return 0;
    },
    downloaded() {},
  };
  simulateSession({
    manifest: tiny, rule: watching, maxBufferMs: 2000,
    periods: [{ duration_ms: 60000, bandwidth_kbps: 100000, latency_ms: 0 }],
  });
  assert.ok(most > 0 && most <= 1000, `buffer before a request was ${most} ms`);
});

test("a Marquee title's segment index replays as a ladder: video plus main audio per segment", () => {
  const seg = (sizes, timescale) => sizes.map((sizeBytes, index) => ({
    index, startTime: index * 2 * timescale, duration: 2 * timescale, sizeBytes, key: `v/${index}.m4s`,
  }));
  const renditions = [
    { name: '360p', kind: 'VIDEO', height: 360, timescale: 12800, peakBandwidth: 900000,
      segments: seg([200000, 210000, 190000], 12800) },
    { name: '240p', kind: 'VIDEO', height: 240, timescale: 12800, peakBandwidth: 450000,
      segments: seg([100000, 110000, 90000], 12800) },
    { name: 'en', kind: 'AUDIO', role: 'main', timescale: 48000, peakBandwidth: 130000,
      segments: seg([32000, 32000, 32000], 48000) },
    { name: 'en-ad', kind: 'AUDIO', role: 'description', timescale: 48000, peakBandwidth: 130000,
      segments: seg([1, 1, 1], 48000) },
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'renditions-')), 'renditions.json');
  fs.writeFileSync(file, JSON.stringify(renditions));
  const ladder = loadMarqueeRenditions(file);
  assert.equal(ladder.segmentMs, 2000);
  assert.deepEqual(ladder.bitratesKbps, [580, 1030]);
  assert.deepEqual(ladder.segmentBits[1], [8 * (110000 + 32000), 8 * (210000 + 32000)]);
  const session = simulateSession({
    manifest: ladder,
    periods: loadTraces(SUBSET.slice(0, 1))[0].periods,
    rule: RULES.marquee(ladder, 10000),
    maxBufferMs: 10000,
  });
  assert.equal(session.qualities.length, 3);
});
