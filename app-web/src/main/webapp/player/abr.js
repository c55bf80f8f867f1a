/*
 * Marquee's adaptive-bitrate rule, as a shaka-player AbrManager.
 *
 * Model-predictive control: before each segment the rule plans the next few segments against a
 * robust throughput estimate (the harmonic mean of recent downloads divided by one plus the worst
 * recent prediction error, after RobustMPC) and keeps the first step of the plan that scores best
 * on the QoE the project measures (bitrate, minus stalls, minus switches), with one addition of
 * our own: a plan that lets the buffer fall below a reserve pays for it as for part of a stall.
 * docs/adr/0012-own-abr-rule.md explains the choice; bench/RESULTS.md has the figures.
 *
 * One file for two hosts: the web player loads it as a classic script (window.MarqueeAbr) and the
 * trace-replay simulator in Node requires it, so the rule that is measured is the rule that ships.
 * Nothing here reads the wall clock; the DOM only through what the player hands over.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.MarqueeAbr = api;
})(typeof self !== 'undefined' ? self : globalThis, function () {
  'use strict';

  const DEFAULTS = Object.freeze({
    /** Segments planned ahead. */
    horizon: 5,
    /** Finished downloads the throughput estimate looks back on. */
    window: 5,
    /** QoE weights: one second of stall costs as much as 4.3 Mb/s of bitrate for a segment... */
    rebufferPenalty: 4.3,
    /** ... and a switch costs its size in Mb/s. */
    switchPenalty: 1,
    /**
     * The reserve, as a share of the maximum buffer: a drop the estimate did not see coming (a
     * tunnel, a cell handover) eats into it before it stops playback. Each planned step that
     * leaves less costs reserveWeight x the stall penalty per missing second, spread over the
     * horizon.
     */
    reserveShare: 0.75,
    reserveWeight: 0.3,
    /** How far one bad download moves the discount: relative errors above this are clipped. */
    maxPredictionError: 1.5,
    /** Most the player buffers ahead (shaka-player's streaming.bufferingGoal, 10 s by default). */
    maxBufferSeconds: 10,
    /** Segment length until the first download says otherwise (Marquee cuts 2 s chunks). */
    segmentSeconds: 2,
    /** Before any download: the highest rung at or under this share of the default estimate. */
    startupShare: 0.5,
    /**
     * A video download still running after this long, at less than slowShare of the estimate,
     * caps the estimate before it finishes: a sudden drop is answered within a second or two.
     */
    slowDownloadSeconds: 1,
    slowShare: 0.5,
    /** Downloads quicker than this came from a cache (shaka-player's cacheLoadThreshold). */
    cacheLoadThresholdMs: 20,
    /**
     * Downloads smaller than this (init segments, tiny media segments) measure the round trip
     * more than the link and are left out (shaka-player's abr.advanced.minBytes).
     */
    minSampleBytes: 16000,
  });

  /**
   * Throughput of recent downloads: their harmonic mean (one slow download weighs more than one
   * fast one, which is the right bias for a player), and a robust version of it divided by
   * 1 + the largest relative error the mean made on the last few downloads.
   */
  class RobustThroughput {
    constructor(window, maxError, dropShare) {
      this.window = window;
      this.maxError = maxError;
      this.dropShare = dropShare;
      this.samples = [];
      this.errors = [];
      this.drop = Infinity;
    }

    /** A finished download of `bytes` that took `ms` from request to last byte. */
    add(bytes, ms) {
      if (!(bytes > 0) || !(ms > 0)) return;
      const bps = (bytes * 8000) / ms;
      const predicted = this.harmonicMean();
      if (predicted > 0) {
        this.errors.push(Math.min(this.maxError, Math.abs(predicted - bps) / bps));
        if (this.errors.length > this.window) this.errors.shift();
      }
      // A download far slower than predicted is a drop: until one is not, it caps the estimate
      // (one slow sample among fast ones barely moves a mean, and the next plan would overshoot).
      this.drop = predicted > 0 && bps < this.dropShare * predicted ? bps : Infinity;
      this.samples.push(bps);
      if (this.samples.length > this.window) this.samples.shift();
    }

    /** Harmonic mean in bit/s, 0 when nothing is known. */
    harmonicMean() {
      if (!this.samples.length) return 0;
      let inverse = 0;
      for (const bps of this.samples) inverse += 1 / bps;
      return this.samples.length / inverse;
    }

    /** The harmonic mean discounted by the worst recent prediction error, capped by a drop. */
    robust() {
      const worst = this.errors.length ? Math.max(...this.errors) : 0;
      return Math.min(this.harmonicMean() / (1 + worst), this.drop);
    }
  }

  /**
   * Plans the next segments and returns the rung to fetch now (an index into bitrates).
   *
   * Plans are "one rung for the next segment, then one rung held for the rest of the horizon":
   * rungs x rungs plans instead of rungs ^ horizon. That keeps the switch patterns that matter
   * over a few segments (step down now and stay, step down now and come back, hold) and costs
   * 100 plans for a 10-rung ladder. Each plan is played forward against the estimate: a download
   * takes latency + segment bits / throughput, the buffer drains meanwhile (a stall when it runs
   * dry), gains a segment, and never holds more than the player's maximum buffer.
   *
   * input: bitrates (bit/s, ascending), segmentSeconds, bufferSeconds, lastIndex (-1 if none),
   * throughputBps, latencySeconds, and any of DEFAULTS.
   */
  function plan(input) {
    const o = Object.assign({}, DEFAULTS, input);
    const rates = o.bitrates;
    const L = o.segmentSeconds;
    const tput = Math.max(o.throughputBps, 1);
    const latency = o.latencySeconds || 0;
    const maxBuffer = Math.max(o.maxBufferSeconds, L);
    const reserve = o.reserveShare * maxBuffer;
    const score = (first, rest) => {
      let buffer = o.bufferSeconds;
      let previous = o.lastIndex >= 0 ? rates[o.lastIndex] : rates[first];
      let qoe = 0;
      for (let step = 0; step < o.horizon; step++) {
        const rate = rates[step === 0 ? first : rest];
        const download = latency + (rate * L) / tput;
        const stall = Math.max(0, download - buffer);
        buffer = Math.min(Math.max(buffer - download, 0) + L, maxBuffer);
        qoe += rate / 1e6 - o.rebufferPenalty * stall - (o.switchPenalty * Math.abs(rate - previous)) / 1e6;
        qoe -= (o.reserveWeight * o.rebufferPenalty * Math.max(0, reserve - buffer)) / o.horizon;
        previous = rate;
      }
      return qoe;
    };
    let best = 0;
    let bestScore = -Infinity;
    for (let first = 0; first < rates.length; first++) {
      for (let rest = 0; rest < rates.length; rest++) {
        const s = score(first, rest);
        // Ties go to the lower first rung: the same value for fewer bits is the safer bet.
        if (s > bestScore + 1e-9) {
          bestScore = s;
          best = first;
        }
      }
    }
    return best;
  }

  const RESTRICTION_CHECKS = [
    ['minWidth', 'maxWidth', (v) => v.video && v.video.width],
    ['minHeight', 'maxHeight', (v) => v.video && v.video.height],
    ['minPixels', 'maxPixels', (v) => v.video && v.video.width * v.video.height],
    ['minFrameRate', 'maxFrameRate', (v) => v.video && v.video.frameRate],
    ['minBandwidth', 'maxBandwidth', (v) => v.bandwidth],
  ];

  /** shaka.extern.Restrictions as shaka-player applies them to ABR choices. */
  function meetsRestrictions(variant, restrictions) {
    if (!restrictions) return true;
    for (const [min, max, value] of RESTRICTION_CHECKS) {
      const x = value(variant);
      if (x === undefined || x === null || Number.isNaN(x)) continue;
      if (restrictions[min] !== undefined && x < restrictions[min]) return false;
      if (restrictions[max] !== undefined && x > restrictions[max]) return false;
    }
    return true;
  }

  const hasVideo = (variant) => Boolean(variant && variant.video);
  const videoArea = (variant) => (variant.video ? (variant.video.width || 0) * (variant.video.height || 0) : 0);

  /**
   * shaka-player's AbrManager interface (shaka.extern.AbrManager, 5.x) around plan():
   * player.configure({abrFactory: () => new MarqueeAbr.AbrManager()}) puts it in charge.
   *
   * It listens to every segment download the player reports (whole, or in pieces while it runs),
   * the media element's buffer and the playback rate. It picks the first variant, and after each
   * finished video download asks the switch callback for the planned variant when that differs
   * from the current one. A video download still under way that is already much slower than the
   * estimate caps it before it finishes, so a sudden drop is answered within a second or two
   * rather than after the segment.
   */
  class AbrManager {
    constructor(options) {
      this.options = Object.assign({}, DEFAULTS, options || {});
      const o = this.options;
      this.throughput = new RobustThroughput(o.window, o.maxPredictionError, o.slowShare);
      this.switch_ = null;
      this.enabled = false;
      this.variants = [];
      this.config = {};
      this.mediaElement = null;
      this.playbackRate = 1;
      this.current = null;
      this.segmentSeconds = this.options.segmentSeconds;
      this.pendingEnd = 0;
      // Downloads reported in pieces, per content type: {request, bytes, ms, decidedAt}.
      this.open = new Map();
      /** Inputs and outcome of the last decision, for diagnostics (window.marquee.abr). */
      this.lastDecision = null;
    }

    init(switchCallback) {
      this.switch_ = switchCallback;
    }

    stop() {
      this.switch_ = null;
      this.enabled = false;
      this.variants = [];
      this.mediaElement = null;
      this.current = null;
      this.open.clear();
      // The throughput history stays: the next title on the same network starts well informed.
    }

    release() {
      this.stop();
    }

    configure(config) {
      this.config = config || {};
    }

    setVariants(variants) {
      const next = (variants || []).filter(Boolean);
      if (next.length === this.variants.length && next.every((v, i) => v === this.variants[i])) return false;
      this.variants = next;
      if (this.current && !next.includes(this.current)) this.current = null;
      return true;
    }

    setMediaElement(mediaElement) {
      this.mediaElement = mediaElement;
    }

    setCmsdManager() {}

    playbackRateChanged(rate) {
      this.playbackRate = rate;
    }

    enable() {
      this.enabled = true;
    }

    disable() {
      this.enabled = false;
    }

    getBandwidthEstimate() {
      return this.throughput.harmonicMean() || this.defaultBandwidth();
    }

    trySuggestStreams() {
      if (this.enabled) this.suggest();
    }

    chooseVariant() {
      const ladder = this.ladder();
      if (!ladder.length) return null;
      const chosen = ladder[this.decide(ladder)];
      this.current = chosen;
      return chosen;
    }

    segmentDownloaded(deltaTimeMs, numBytes, allowSwitch, request, context) {
      const type = (context && context.stream && context.stream.type) || (request && request.contentType) || '';
      // The estimate follows video downloads: audio and text segments are small, so their time
      // says more about the round trip than about the link.
      if (type !== 'video' && type !== '' && this.variants.some(hasVideo)) return;
      const segment = context && context.segment;
      if (segment && typeof segment.getEndTime === 'function') {
        const start = segment.getStartTime();
        const end = segment.getEndTime();
        if (end > start) this.segmentSeconds = end - start;
        // The player appends this segment next: count it as buffered already.
        this.pendingEnd = end;
      }
      let decide = false;
      if (!request || !request.packetNumber) {
        // The whole download in one report.
        if (this.measures(numBytes, deltaTimeMs)) this.throughput.add(numBytes, deltaTimeMs);
        decide = true;
      } else {
        // One piece of a download reported while it runs; the player fetches one segment at a
        // time per type, so a new request of the same type means the previous one has finished.
        let open = this.open.get(type);
        if (!open || open.request !== request) {
          if (open) {
            if (this.measures(open.bytes, open.ms)) this.throughput.add(open.bytes, open.ms);
            decide = true;
          }
          open = { request, bytes: 0, ms: 0, decidedAt: 0 };
          this.open.set(type, open);
        }
        open.bytes += numBytes;
        open.ms += deltaTimeMs;
        if (open.ms - open.decidedAt >= 500 && this.isSlow(open)) {
          open.decidedAt = open.ms;
          decide = true;
        }
      }
      if (decide && allowSwitch && this.enabled) this.suggest();
    }

    isSlow(open) {
      return open.ms >= this.options.slowDownloadSeconds * 1000
        && (open.bytes * 8000) / open.ms < this.options.slowShare * this.getBandwidthEstimate();
    }

    /** Whether a finished download says something about the link (not a cache, not tiny). */
    measures(bytes, ms) {
      const cache = this.config.cacheLoadThreshold !== undefined
        ? this.config.cacheLoadThreshold : this.options.cacheLoadThresholdMs;
      const advanced = this.config.advanced || {};
      const minBytes = advanced.minBytes !== undefined ? advanced.minBytes : this.options.minSampleBytes;
      return ms >= cache && bytes >= minBytes;
    }

    /** Plans, and asks the player to switch when the plan wants another bitrate. */
    suggest() {
      const ladder = this.ladder();
      if (!ladder.length || !this.switch_) return;
      const chosen = ladder[this.decide(ladder)];
      if (!this.current || chosen.bandwidth !== this.current.bandwidth) {
        this.current = chosen;
        this.switch_(chosen, this.config.clearBufferSwitch, this.config.safeMarginSwitch);
      }
    }

    /** Index into the ladder that the rule chooses now. */
    decide(ladder) {
      const rate = Number.isFinite(this.playbackRate) && this.playbackRate !== 0 ? Math.abs(this.playbackRate) : 1;
      const bitrates = ladder.map((v) => v.bandwidth * rate);
      const lastIndex = this.current ? ladder.findIndex((v) => v.bandwidth === this.current.bandwidth) : -1;
      // The slowest video download still under way, if it is slow enough to count already.
      let slow = Infinity;
      for (const open of this.open.values()) {
        if (this.isSlow(open)) slow = Math.min(slow, (open.bytes * 8000) / open.ms);
      }
      const buffer = this.bufferAhead();
      let index;
      let throughputBps;
      if (!this.throughput.samples.length && slow === Infinity) {
        // Nothing measured yet: the player's default estimate, with room to spare.
        throughputBps = this.defaultBandwidth();
        index = 0;
        for (let i = 0; i < bitrates.length; i++) {
          if (bitrates[i] <= this.options.startupShare * throughputBps) index = i;
        }
      } else {
        throughputBps = Math.min(this.throughput.samples.length ? this.throughput.robust() : Infinity, slow);
        index = plan(Object.assign({}, this.options, {
          bitrates,
          segmentSeconds: this.segmentSeconds,
          bufferSeconds: buffer,
          lastIndex,
          throughputBps,
          latencySeconds: 0, // the measured download times include the request's latency
        }));
      }
      this.lastDecision = { buffer, throughputBps, index, bandwidth: ladder[index].bandwidth };
      return index;
    }

    /** Seconds of media buffered ahead of the playhead, counting a segment about to be appended. */
    bufferAhead() {
      const media = this.mediaElement;
      if (!media || !media.buffered) return 0;
      const now = media.currentTime || 0;
      let end = now;
      for (let i = 0; i < media.buffered.length; i++) {
        if (media.buffered.start(i) <= now + 0.1 && media.buffered.end(i) > end) end = media.buffered.end(i);
      }
      // A downloaded segment that continues the buffered range (not one far ahead after a seek).
      if (this.pendingEnd > end && this.pendingEnd - end <= 1.5 * this.segmentSeconds) end = this.pendingEnd;
      return Math.max(0, end - now);
    }

    /** shaka-player's default estimate: the Network Information API's, else configured. */
    defaultBandwidth() {
      const connection = typeof navigator !== 'undefined' ? navigator.connection : undefined;
      if (this.config.useNetworkInformation && connection && connection.downlink) {
        return connection.downlink * 1e6;
      }
      return this.config.defaultBandwidthEstimate || 1e6;
    }

    /** The variants ABR may pick from, one per bandwidth, lowest first. */
    ladder() {
      let usable = this.variants.filter((v) => !(v.video && v.video.fastSwitching));
      if (!usable.length) usable = this.variants.slice();
      let allowed = usable.filter((v) => meetsRestrictions(v, this.config.restrictions));
      if (!allowed.length && usable.length) {
        // As shaka-player does: ABR restrictions are soft; play the lowest variant rather than none.
        allowed = [usable.reduce((a, b) => (b.bandwidth < a.bandwidth ? b : a))];
      }
      const byBandwidth = new Map();
      for (const v of allowed) {
        const known = byBandwidth.get(v.bandwidth);
        if (!known || videoArea(v) > videoArea(known)) byBandwidth.set(v.bandwidth, v);
      }
      return [...byBandwidth.values()].sort((a, b) => a.bandwidth - b.bandwidth);
    }
  }

  return { DEFAULTS, RobustThroughput, plan, AbrManager, meetsRestrictions };
});
