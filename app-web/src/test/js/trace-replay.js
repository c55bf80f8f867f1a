'use strict';
// Trace-replay simulator for adaptive-bitrate rules: a player fetching one segment at a time over a
// network whose throughput and latency follow a recorded trace, with a buffer that drains in real
// time. Units inside: milliseconds and bits (so bits/ms = kb/s, the traces' own unit).
//
// Player rules modelled (the same for every ABR rule):
// - a request waits for one round trip at the trace's latency before its first bit, then its bits
//   arrive at the trace's bandwidth, period by period; the trace loops when it runs out;
// - playback starts once `startupSegments` segments are buffered, and after a stall resumes as
//   soon as a segment arrives; stall time while playing is rebuffering, the time to the first
//   frame is startup (reported apart, as Sabre does);
// - the player never holds more than `maxBufferMs`: it waits (playing) until a segment fits;
// - no request is abandoned half-way (shaka-player does not abandon either).

const fs = require('node:fs');
const path = require('node:path');

const TRACES = path.join(__dirname, 'network-traces');

/** The Big Buck Bunny ladder beside the traces: {segmentMs, bitratesKbps, segmentBits[i][q]}. */
function loadManifest(file = path.join(TRACES, 'sabre-bbb-manifest.json')) {
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { segmentMs: m.segment_duration_ms, bitratesKbps: m.bitrates_kbps, segmentBits: m.segment_sizes_bits };
}

/**
 * A Marquee title's own ladder, from its segment index as `GET /api/transcode/titles/{id}/renditions`
 * answers it: one rung per video rendition, each with the title's first main audio track as the
 * player's variants pair them. A rung's bitrate is what the DASH manifest announces (video plus
 * audio peak bandwidth); a segment's size is the video segment's plus the audio segment's of the
 * same index. Segments are taken as equally long (the most common duration).
 */
function loadMarqueeRenditions(file) {
  const renditions = JSON.parse(fs.readFileSync(file, 'utf8'));
  const kind = (r) => String(r.kind).toUpperCase();
  const videos = renditions.filter((r) => kind(r) === 'VIDEO').sort((a, b) => a.peakBandwidth - b.peakBandwidth);
  const audio = renditions.find((r) => kind(r) === 'AUDIO' && r.role !== 'description');
  if (!videos.length) throw new Error(file + ' has no video rendition');
  const count = Math.min(...videos.map((v) => v.segments.length));
  const counts = new Map();
  for (const seg of videos[0].segments) {
    const ms = Math.round((seg.duration * 1000) / videos[0].timescale);
    counts.set(ms, (counts.get(ms) || 0) + 1);
  }
  const segmentMs = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const audioBytes = (i) => (audio && audio.segments[i] ? audio.segments[i].sizeBytes : 0);
  return {
    segmentMs,
    bitratesKbps: videos.map((v) => (v.peakBandwidth + (audio ? audio.peakBandwidth : 0)) / 1000),
    segmentBits: Array.from({ length: count }, (_, i) => videos.map((v) => 8 * (v.segments[i].sizeBytes + audioBytes(i)))),
  };
}

/** The 3G sessions, by file name, in name order; `names` picks a subset. */
function loadTraces(names, dir = path.join(TRACES, 'norway-hsdpa-3g')) {
  const files = names || fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((name) => ({ name, periods: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) }));
}

/** A recorded network, replayed in order and looped. */
class TraceNetwork {
  constructor(periods) {
    this.periods = periods.filter((p) => p.duration_ms > 0);
    if (!this.periods.length || !this.periods.some((p) => p.bandwidth_kbps > 0)) {
      throw new Error('a trace needs at least one period with bandwidth');
    }
    this.index = 0;
    this.left = this.periods[0].duration_ms;
  }

  get period() {
    return this.periods[this.index];
  }

  nextPeriod() {
    this.index = (this.index + 1) % this.periods.length;
    this.left = this.period.duration_ms;
  }

  /** Lets `ms` of the trace pass (the player is idle). */
  idle(ms) {
    while (ms > this.left) {
      ms -= this.left;
      this.nextPeriod();
    }
    this.left -= ms;
  }

  /** One round trip before the first bit: latency of the periods it spans, pro rata. Returns ms. */
  roundTrip() {
    let share = 1;
    let spent = 0;
    while (share > 0) {
      const latency = this.period.latency_ms;
      if (latency <= 0) break;
      const need = share * latency;
      if (need <= this.left) {
        this.left -= need;
        spent += need;
        share = 0;
      } else {
        spent += this.left;
        share -= this.left / latency;
        this.nextPeriod();
      }
    }
    return spent;
  }

  /** Receives `bits`; returns the ms it took. */
  transfer(bits) {
    let spent = 0;
    while (bits > 0) {
      const rate = this.period.bandwidth_kbps; // bits per ms
      if (rate > 0 && bits <= rate * this.left) {
        const t = bits / rate;
        this.left -= t;
        spent += t;
        bits = 0;
      } else {
        spent += this.left;
        bits -= rate * this.left;
        this.nextPeriod();
      }
    }
    return spent;
  }
}

/**
 * One viewing session of the whole video over one trace. `rule` answers:
 *   firstQuality(ctx) -> rung for segment 0
 *   nextQuality(ctx) -> rung for the next segment (after the player made room for it)
 *   downloaded(ctx, d) -> after each download, before the segment is appended:
 *     d = {index, quality, bits, ms, latencyMs}
 * where ctx = {manifest, bufferMs, segmentIndex, lastQuality, playheadMs, bufferedEndMs}.
 */
function simulateSession({ manifest, periods, rule, maxBufferMs = 25000, startupSegments = 1 }) {
  const L = manifest.segmentMs;
  const count = manifest.segmentBits.length;
  const net = new TraceNetwork(periods);
  let buffer = 0; // ms of media ahead of the playhead
  let playhead = 0; // media time played, ms
  let started = false;
  let stalled = false;
  let startupMs = 0;
  let rebufferMs = 0;
  let stalls = 0;
  const qualities = [];
  const stallPerSegment = [];

  // Plays `ms` of wall time: the buffer drains, and what it cannot cover is a stall.
  const play = (ms) => {
    if (!started) {
      startupMs += ms;
      return 0;
    }
    const played = Math.min(ms, buffer);
    buffer -= played;
    playhead += played;
    const stall = ms - played;
    if (stall > 1e-9) {
      if (!stalled) stalls++;
      stalled = true;
      rebufferMs += stall;
      return stall;
    }
    return 0;
  };
  const ctx = (i) => ({
    manifest, bufferMs: buffer, segmentIndex: i, lastQuality: qualities.length ? qualities[qualities.length - 1] : -1,
    playheadMs: playhead, bufferedEndMs: playhead + buffer, maxBufferMs,
  });

  for (let i = 0; i < count; i++) {
    let stall = 0;
    if (i > 0) {
      const wait = buffer + L - maxBufferMs;
      if (wait > 0) {
        stall += play(wait);
        net.idle(wait);
      }
    }
    const quality = i === 0 ? rule.firstQuality(ctx(i)) : rule.nextQuality(ctx(i));
    if (!(quality >= 0 && quality < manifest.bitratesKbps.length)) throw new Error('bad quality ' + quality);
    const bits = manifest.segmentBits[i][quality];
    const latencyMs = net.roundTrip();
    const ms = latencyMs + net.transfer(bits);
    stall += play(ms);
    rule.downloaded(ctx(i), { index: i, quality, bits, ms, latencyMs });
    buffer += L;
    stalled = false;
    qualities.push(quality);
    stallPerSegment.push(stall);
    if (!started && buffer >= startupSegments * L) started = true;
  }
  playhead += buffer;
  return summarise(manifest, { qualities, stallPerSegment, startupMs, rebufferMs, stalls });
}

/** Per-session figures; see pool() for the figures over many sessions. */
function summarise(manifest, s) {
  const L = manifest.segmentMs;
  const kbps = s.qualities.map((q) => manifest.bitratesKbps[q]);
  const contentMs = kbps.length * L;
  // Sabre's clock: startup, content and stalls.
  const sessionMs = s.startupMs + contentMs + s.rebufferMs;
  let qoe = 0;
  let switches = 0;
  let change = 0;
  for (let i = 0; i < kbps.length; i++) {
    const delta = i > 0 ? Math.abs(kbps[i] - kbps[i - 1]) : 0;
    if (delta > 0) switches++;
    change += delta;
    qoe += kbps[i] / 1000 - 4.3 * (s.stallPerSegment[i] / 1000) - delta / 1000;
  }
  return {
    segments: kbps.length,
    // Sabre's "time average played bitrate": bits played over the session's whole clock.
    timeAverageKbps: (kbps.reduce((a, b) => a + b, 0) * L) / sessionMs,
    segmentAverageKbps: kbps.reduce((a, b) => a + b, 0) / kbps.length,
    startupMs: s.startupMs,
    rebufferMs: s.rebufferMs,
    sessionMs,
    stalls: s.stalls,
    switches,
    changeKbps: change,
    qoe,
    qualities: s.qualities,
  };
}

/** Figures over sessions: means per session, and rebuffering pooled (total stall / total clock). */
function pool(sessions) {
  const n = sessions.length;
  const mean = (f) => sessions.reduce((a, s) => a + f(s), 0) / n;
  const rebuffer = sessions.reduce((a, s) => a + s.rebufferMs, 0);
  const clock = sessions.reduce((a, s) => a + s.sessionMs, 0);
  return {
    sessions: n,
    averageBitrateKbps: mean((s) => s.timeAverageKbps),
    segmentBitrateKbps: mean((s) => s.segmentAverageKbps),
    rebufferRatio: rebuffer / clock,
    meanSessionRebufferRatio: mean((s) => s.rebufferMs / s.sessionMs),
    stalledSessions: sessions.filter((s) => s.rebufferMs > 0).length,
    stallEventsPerSession: mean((s) => s.stalls),
    rebufferSecondsPerSession: mean((s) => s.rebufferMs / 1000),
    startupSeconds: mean((s) => s.startupMs / 1000),
    switchesPerSession: mean((s) => s.switches),
    qoePerSession: mean((s) => s.qoe),
    qoePerSegment: mean((s) => s.qoe / s.segments),
  };
}

module.exports = { TRACES, loadManifest, loadMarqueeRenditions, loadTraces, TraceNetwork, simulateSession, summarise, pool };
