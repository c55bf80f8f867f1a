'use strict';
// The web player's ABR module (player/abr.js) as shaka-player sees it: the AbrManager methods of
// shaka-player 5, variants chosen from those given, switches through the callback, restrictions,
// and the same file loading as a browser script.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const MODULE = path.join(__dirname, '..', '..', 'main', 'webapp', 'player', 'abr.js');
const MarqueeAbr = require(MODULE);

// shaka.extern.AbrManager in shaka-player 5.2.12 (externs/shaka/abr_manager.js).
const SHAKA_METHODS = [
  'init', 'stop', 'release', 'setVariants', 'chooseVariant', 'enable', 'disable', 'segmentDownloaded',
  'trySuggestStreams', 'getBandwidthEstimate', 'playbackRateChanged', 'setMediaElement', 'setCmsdManager',
  'configure',
];
// The copy the build installs from npm (app-web's generate-resources), when there is one.
const SHAKA_EXTERNS = path.join(__dirname, '..', '..', '..', 'target', 'npm', 'node_modules', 'shaka-player',
  'externs', 'shaka', 'abr_manager.js');

const CONFIG = {
  enabled: true, useNetworkInformation: false, defaultBandwidthEstimate: 1e6, restrictions: {},
  clearBufferSwitch: false, safeMarginSwitch: 0, cacheLoadThreshold: 20,
};

/** A 240p/360p/480p ladder like Marquee's (video bitrate plus 128 kb/s of audio). */
function ladder() {
  return [[426, 240, 528e3], [640, 360, 928e3], [854, 480, 1528e3]].map(([width, height, bandwidth], id) => ({
    id, bandwidth, audio: { id: 10, type: 'audio' }, video: { id: 20 + id, type: 'video', width, height },
  }));
}

/** A media element with `ahead` seconds buffered in front of the playhead. */
function media(ahead, currentTime = 10) {
  return {
    currentTime,
    buffered: { length: 1, start: () => 0, end: () => currentTime + ahead },
  };
}

const video = (start, end) => ({
  stream: { type: 'video' },
  segment: { getStartTime: () => start, getEndTime: () => end },
});

function manager(variants, options) {
  const abr = new MarqueeAbr.AbrManager(options);
  const switches = [];
  abr.init((variant) => switches.push(variant), () => {});
  abr.configure(Object.assign({}, CONFIG));
  abr.setVariants(variants, false);
  return { abr, switches };
}

test("it has every method of shaka-player 5's AbrManager", () => {
  const abr = new MarqueeAbr.AbrManager();
  let expected = SHAKA_METHODS;
  if (fs.existsSync(SHAKA_EXTERNS)) {
    const source = fs.readFileSync(SHAKA_EXTERNS, 'utf8');
    const body = source.slice(source.indexOf('shaka.extern.AbrManager = class {'));
    expected = [...body.matchAll(/^ {2}(\w+)\([^)]*\) \{\}$/gm)].map((m) => m[1]).filter((m) => m !== 'constructor');
    assert.ok(expected.length >= SHAKA_METHODS.length, `read ${expected.length} methods from ${SHAKA_EXTERNS}`);
  }
  for (const method of expected) assert.equal(typeof abr[method], 'function', method);
});

test('chooseVariant picks one of the variants it was given', () => {
  const variants = ladder();
  const { abr } = manager(variants);
  abr.setMediaElement(media(0, 0));
  const first = abr.chooseVariant(true);
  assert.ok(variants.includes(first));
  // 1 Mb/s by default, half of it to start on: the 528 kb/s rung is the only one under 500 kb/s.
  assert.equal(first.video.height, 240);
});

test('fast downloads lead to the top rung, through the switch callback', () => {
  const variants = ladder();
  const { abr, switches } = manager(variants);
  abr.setMediaElement(media(6));
  abr.chooseVariant(true);
  abr.enable();
  for (let i = 0; i < 3; i++) abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(2 * i, 2 * i + 2));
  assert.ok(switches.length >= 1);
  assert.equal(switches[switches.length - 1], variants[2]);
  assert.ok(abr.getBandwidthEstimate() > 30e6);
});

test('slow downloads on a short buffer lead down to the lowest rung', () => {
  const variants = ladder();
  const { abr, switches } = manager(variants);
  abr.setMediaElement(media(8));
  abr.chooseVariant(true);
  abr.enable();
  for (let i = 0; i < 3; i++) abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(2 * i, 2 * i + 2));
  assert.equal(switches[switches.length - 1], variants[2]);
  abr.setMediaElement(media(3));
  // 800 kb/s: about what the browser test's throttled network gives.
  for (let i = 3; i < 6; i++) abr.segmentDownloaded(3800, 380000, true, { contentType: 'video' }, video(2 * i, 2 * i + 2));
  assert.equal(switches[switches.length - 1], variants[0]);
});

test('a download still under way that is already slow moves the rule before it ends', () => {
  const variants = ladder();
  const { abr, switches } = manager(variants);
  abr.setMediaElement(media(8));
  abr.chooseVariant(true);
  abr.enable();
  // Fast segments, each reported in one piece per request with packetNumber set (progress events).
  for (let i = 0; i < 4; i++) {
    abr.segmentDownloaded(60, 380000, true, { contentType: 'video', packetNumber: 1 }, video(2 * i, 2 * i + 2));
  }
  assert.equal(switches[switches.length - 1], variants[2]);
  const count = switches.length;
  abr.setMediaElement(media(4));
  // Then the network drops: 100 ms pieces of 10 kB (800 kb/s) of one request that has not ended.
  const slow = { contentType: 'video', packetNumber: 1 };
  for (let piece = 0; piece < 30; piece++) abr.segmentDownloaded(100, 10000, true, slow, video(8, 10));
  assert.ok(switches.length > count, 'switched while the slow download was still running');
  assert.ok(switches[switches.length - 1].bandwidth < variants[2].bandwidth);
  // When it ends (the next request begins), the drop keeps capping the estimate: no bounce back.
  abr.segmentDownloaded(50, 1000, true, { contentType: 'video', packetNumber: 1 }, video(10, 12));
  assert.ok(switches[switches.length - 1].bandwidth < variants[2].bandwidth);
  assert.ok(abr.lastDecision.throughputBps <= 800e3 + 1);
});

test('a disabled manager never calls the switch callback; setVariants reports changes', () => {
  const variants = ladder();
  const { abr, switches } = manager(variants);
  abr.setMediaElement(media(8));
  abr.chooseVariant(true);
  for (let i = 0; i < 3; i++) abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(2 * i, 2 * i + 2));
  assert.equal(switches.length, 0);
  assert.equal(abr.setVariants(variants, false), false);
  assert.equal(abr.setVariants(variants.slice(0, 2), false), true);
  abr.stop();
  abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(6, 8));
  assert.equal(switches.length, 0);
});

test('ABR restrictions hold: with maxHeight 360 the 480p variant is never chosen', () => {
  const variants = ladder();
  const { abr, switches } = manager(variants);
  abr.configure(Object.assign({}, CONFIG, { restrictions: { maxHeight: 360 } }));
  abr.setMediaElement(media(8));
  abr.chooseVariant(true);
  abr.enable();
  for (let i = 0; i < 3; i++) abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(2 * i, 2 * i + 2));
  assert.equal(switches[switches.length - 1], variants[1]);
  assert.equal(abr.chooseVariant(), variants[1]);
});

test('audio downloads do not move the estimate of a video stream', () => {
  const { abr } = manager(ladder());
  abr.segmentDownloaded(100, 500000, true, { contentType: 'video' }, video(0, 2));
  const before = abr.getBandwidthEstimate();
  abr.segmentDownloaded(500, 1000, true, { contentType: 'audio' }, { stream: { type: 'audio' } });
  assert.equal(abr.getBandwidthEstimate(), before);
});

test('the plan takes the top rung on a fast link with a full buffer and the lowest on a slow one', () => {
  const bitrates = [230e3, 1000e3, 6000e3];
  const common = { bitrates, segmentSeconds: 3, lastIndex: 1, maxBufferSeconds: 25 };
  assert.equal(MarqueeAbr.plan(Object.assign({ bufferSeconds: 24, throughputBps: 100e6 }, common)), 2);
  assert.equal(MarqueeAbr.plan(Object.assign({ bufferSeconds: 4, throughputBps: 300e3 }, common)), 0);
});

test('the same file loads in a browser as a classic script (window.MarqueeAbr)', () => {
  const window = { navigator: { connection: { downlink: 10 } } };
  window.self = window;
  const context = vm.createContext({ self: window, navigator: window.navigator });
  vm.runInContext(fs.readFileSync(MODULE, 'utf8'), context, { filename: 'abr.js' });
  assert.equal(typeof window.MarqueeAbr.AbrManager, 'function');
  // shaka-player reads navigator.connection when useNetworkInformation is on; so does the module.
  const abr = new window.MarqueeAbr.AbrManager();
  abr.configure(Object.assign({}, CONFIG, { useNetworkInformation: true }));
  assert.equal(abr.getBandwidthEstimate(), 10e6);
});
