'use strict';
// The rules the simulator compares. Three reference rules written here from their papers, and an
// adapter that drives any shaka-player AbrManager through the same calls the player makes, which
// is how Marquee's own rule (app-web/src/main/webapp/player/abr.js, the file the web player
// loads) runs here.

const path = require('node:path');

const MarqueeAbr = require(path.join(__dirname, '..', '..', 'main', 'webapp', 'player', 'abr.js'));

const SAFETY = 0.9; // throughput rules bid for 90% of the estimate (dash.js, Sabre)
const WINDOW = 5; // downloads in the harmonic mean

/** Harmonic mean of the last downloads' throughput (transfer only) and their mean latency. */
class History {
  constructor() {
    this.kbps = [];
    this.latencies = [];
  }

  push(d) {
    const transferMs = d.ms - d.latencyMs;
    if (transferMs > 0) this.kbps.push(d.bits / transferMs);
    this.latencies.push(d.latencyMs);
    if (this.kbps.length > WINDOW) this.kbps.shift();
    if (this.latencies.length > WINDOW) this.latencies.shift();
  }

  throughput() {
    if (!this.kbps.length) return 0;
    return this.kbps.length / this.kbps.reduce((a, x) => a + 1 / x, 0);
  }

  latency() {
    return this.latencies.length ? this.latencies.reduce((a, b) => a + b, 0) / this.latencies.length : 0;
  }
}

/**
 * Throughput rule: the highest rung whose segment, requested now, arrives within one segment
 * duration at 90% of the harmonic mean of recent throughput (request latency included).
 */
class ThroughputRule {
  constructor(history = new History()) {
    this.history = history;
  }

  firstQuality() {
    return 0;
  }

  nextQuality(ctx) {
    const m = ctx.manifest;
    const tput = this.history.throughput() * SAFETY;
    const latency = this.history.latency();
    let q = 0;
    while (q + 1 < m.bitratesKbps.length && latency + (m.segmentMs * m.bitratesKbps[q + 1]) / tput <= m.segmentMs) q++;
    return q;
  }

  downloaded(ctx, d) {
    this.history.push(d);
  }
}

/**
 * BOLA-BASIC (Spiteri, Urgaonkar, Sitaraman, "BOLA: Near-Optimal Bitrate Adaptation for Online
 * Videos", INFOCOM 2016): utility v_m = ln(S_m / S_1); each segment goes to the rung maximising
 * (V (v_m + gamma p) - Q) / S_m, Q the buffer level. gamma p = 5 s (Sabre's default) and V from
 * the buffer target: V = (Q_max - one segment) / (v_M + gamma p), so the top rung wins only when
 * the buffer is nearly full, and the lowest below V gamma p.
 */
class BolaBasic {
  constructor(manifest, maxBufferMs, gammaP = 5) {
    const b = manifest.bitratesKbps;
    this.utilities = b.map((x) => Math.log(x / b[0]));
    this.gammaP = gammaP;
    this.V = (maxBufferMs / 1000 - manifest.segmentMs / 1000) / (this.utilities[b.length - 1] + gammaP);
  }

  quality(ctx) {
    const b = ctx.manifest.bitratesKbps;
    const level = ctx.bufferMs / 1000;
    let best = 0;
    let bestScore = -Infinity;
    for (let m = 0; m < b.length; m++) {
      const score = (this.V * (this.utilities[m] + this.gammaP) - level) / b[m];
      if (score > bestScore) {
        bestScore = score;
        best = m;
      }
    }
    return best;
  }

  firstQuality(ctx) {
    return this.quality(ctx);
  }

  nextQuality(ctx) {
    return this.quality(ctx);
  }

  downloaded() {}
}

/**
 * dash.js's DYNAMIC strategy: the throughput rule while the buffer is short, BOLA once it holds
 * more than stableBufferTime (12 s, dash.js's default), back to throughput below half of that.
 */
class DynamicRule {
  constructor(manifest, maxBufferMs, stableBufferMs = 12000) {
    this.throughput = new ThroughputRule();
    this.bola = new BolaBasic(manifest, maxBufferMs);
    this.on = stableBufferMs;
    this.off = stableBufferMs / 2;
    this.useBola = false;
  }

  firstQuality(ctx) {
    return this.throughput.firstQuality(ctx);
  }

  nextQuality(ctx) {
    this.useBola = ctx.bufferMs > (this.useBola ? this.off : this.on);
    return this.useBola ? this.bola.nextQuality(ctx) : this.throughput.nextQuality(ctx);
  }

  downloaded(ctx, d) {
    this.throughput.downloaded(ctx, d);
  }
}

/** A media element as an AbrManager sees it: a playhead and what is buffered. */
class SimulatedMediaElement {
  constructor() {
    this.currentTime = 0;
    this.playbackRate = 1;
    this.end = 0;
    const element = this;
    this.buffered = {
      get length() {
        return element.end > 0 ? 1 : 0;
      },
      start() {
        return 0;
      },
      end() {
        return element.end;
      },
    };
  }

  at(ctx) {
    this.currentTime = ctx.playheadMs / 1000;
    this.end = ctx.bufferedEndMs / 1000;
  }
}

/** What shaka-player 5 passes to configure() for ABR, as far as an AbrManager reads it. */
const SHAKA_ABR_CONFIG = Object.freeze({
  enabled: true,
  useNetworkInformation: false,
  defaultBandwidthEstimate: 1e6,
  restrictions: {},
  switchInterval: 8,
  bandwidthUpgradeTarget: 0.85,
  bandwidthDowngradeTarget: 0.95,
  clearBufferSwitch: false,
  safeMarginSwitch: 0,
  cacheLoadThreshold: 20,
  minTimeToSwitch: 0,
});

/**
 * Runs a shaka-player AbrManager as the player would: variants from the manifest's ladder,
 * chooseVariant() for the first segment, segmentDownloaded() after each download (whole, before
 * the segment is appended), and whatever variant the manager last switched to for the next one.
 */
class ShakaAbrRule {
  constructor(manifest, manager, config = SHAKA_ABR_CONFIG) {
    this.manifest = manifest;
    this.manager = manager;
    this.media = new SimulatedMediaElement();
    this.variants = manifest.bitratesKbps.map((kbps, i) => ({
      id: i,
      bandwidth: kbps * 1000,
      audio: null,
      video: { id: i, type: 'video', width: 0, height: 0, bandwidth: kbps * 1000 },
    }));
    this.current = null;
    manager.init((variant) => {
      this.current = variant;
    }, () => {});
    manager.configure(config);
    manager.setVariants(this.variants, false);
    manager.setMediaElement(this.media);
  }

  indexOf(variant) {
    const i = this.variants.indexOf(variant);
    if (i < 0) throw new Error('the AbrManager chose a variant it was not given');
    return i;
  }

  firstQuality(ctx) {
    this.media.at(ctx);
    this.current = this.manager.chooseVariant(true);
    this.manager.enable();
    return this.indexOf(this.current);
  }

  nextQuality() {
    return this.indexOf(this.current);
  }

  downloaded(ctx, d) {
    this.media.at(ctx);
    const L = this.manifest.segmentMs / 1000;
    const segment = { getStartTime: () => d.index * L, getEndTime: () => (d.index + 1) * L };
    this.manager.segmentDownloaded(d.ms, d.bits / 8, true, { contentType: 'video' },
      { stream: { type: 'video' }, segment });
  }
}

/** Rule name -> factory(manifest, maxBufferMs) of a fresh rule for one session. */
const RULES = {
  throughput: () => new ThroughputRule(),
  bola: (manifest, maxBufferMs) => new BolaBasic(manifest, maxBufferMs),
  dynamic: (manifest, maxBufferMs) => new DynamicRule(manifest, maxBufferMs),
  marquee: (manifest, maxBufferMs) =>
    new ShakaAbrRule(manifest, new MarqueeAbr.AbrManager({ maxBufferSeconds: maxBufferMs / 1000 })),
};

/** Marquee's module without its buffer reserve: RobustMPC as published, for comparison. */
const ABLATIONS = {
  robustmpc: (manifest, maxBufferMs) =>
    new ShakaAbrRule(manifest, new MarqueeAbr.AbrManager({ maxBufferSeconds: maxBufferMs / 1000, reserveWeight: 0 })),
};

module.exports = {
  MarqueeAbr, History, ThroughputRule, BolaBasic, DynamicRule, ShakaAbrRule, SimulatedMediaElement,
  SHAKA_ABR_CONFIG, RULES, ABLATIONS,
};
