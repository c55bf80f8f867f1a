'use strict';
// The player's keyboard shortcuts (player/keys.js): what each key does to the video, and the keys
// left alone (typing in a field, Space on a button, keys with Ctrl/Alt/Meta).

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const MarqueeKeys = require(path.join(__dirname, '..', '..', 'main', 'webapp', 'player', 'keys.js'));

function video(overrides = {}) {
  return Object.assign({
    paused: true, muted: true, currentTime: 30, duration: 45,
    play() { this.paused = false; }, pause() { this.paused = true; },
  }, overrides);
}

function key(k, target = { tagName: 'VIDEO' }, mods = {}) {
  return Object.assign({ key: k, target, ctrlKey: false, metaKey: false, altKey: false }, mods);
}

test('space and k play and pause', () => {
  const v = video();
  MarqueeKeys.action(key(' '), v)();
  assert.equal(v.paused, false);
  MarqueeKeys.action(key('k'), v)();
  assert.equal(v.paused, true);
  MarqueeKeys.action(key('K'), v)();
  assert.equal(v.paused, false);
});

test('m toggles the sound', () => {
  const v = video();
  MarqueeKeys.action(key('m'), v)();
  assert.equal(v.muted, false);
  MarqueeKeys.action(key('m'), v)();
  assert.equal(v.muted, true);
});

test('arrows seek 10 s, never before the start or past the end', () => {
  const v = video();
  MarqueeKeys.action(key('ArrowRight'), v)();
  assert.equal(v.currentTime, 40);
  MarqueeKeys.action(key('ArrowRight'), v)();
  assert.equal(v.currentTime, 45);
  v.currentTime = 4;
  MarqueeKeys.action(key('ArrowLeft'), v)();
  assert.equal(v.currentTime, 0);
});

test('keys that are not shortcuts here are left alone', () => {
  const v = video();
  assert.equal(MarqueeKeys.action(key(' ', { tagName: 'BUTTON' }), v), null);
  assert.equal(MarqueeKeys.action(key('k', undefined, { ctrlKey: true }), v), null);
  assert.equal(MarqueeKeys.action(key('x'), v), null);
  assert.equal(MarqueeKeys.typing({ tagName: 'INPUT' }), true);
  assert.equal(MarqueeKeys.typing({ tagName: 'SELECT' }), true);
  assert.equal(MarqueeKeys.typing({ tagName: 'VIDEO' }), false);
  assert.equal(typeof MarqueeKeys.action(key('f'), v), 'function');
  assert.equal(typeof MarqueeKeys.action(key('?'), v), 'function');
});
