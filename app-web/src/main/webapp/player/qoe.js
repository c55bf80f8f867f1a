'use strict';
// QoE reporting for one playback session: startup time, stalls, bitrate switches, time played at
// each bitrate, errors and the end, posted to Marquee in small batches (every 10 s, and once more
// when the page goes away). Events carry a sequence number, so a resent batch counts once. The
// session token goes in the X-Playback-Session header, never in the URL (docs/adr/0015); that is
// why the last batch goes with fetch(..., {keepalive: true}), which outlives the page like a beacon
// but, unlike navigator.sendBeacon, can send a header.

class QoeReporter {
  constructor(session) {
    this.url = '/api/playback/qoe';
    this.session = session; // its token is renewed by heartbeats: read it when sending
    this.seq = 0;
    this.queue = [];
    this.sent = [];
    this.started = false;
    this.stallStart = null;
    this.lastPlayTime = 0;
    this.timer = setInterval(() => this.flush(), 10000);
  }

  add(type, fields = {}) {
    const event = Object.assign({ seq: this.seq++, type, clientTime: new Date().toISOString() }, fields);
    this.queue.push(event);
    this.sent.push(event);
    return event;
  }

  /** Play pressed at clickedAt (performance.now()); the first frame is on screen now. */
  startup(clickedAt) {
    if (this.started) return;
    this.started = true;
    const ms = Math.round(performance.now() - clickedAt);
    this.add('STARTUP', { valueMs: ms });
    return ms;
  }

  buffering(stalled) {
    if (!this.started) return; // the wait before the first frame is startup, not a stall
    if (stalled && this.stallStart === null) {
      this.stallStart = performance.now();
      this.add('REBUFFER_START');
    } else if (!stalled && this.stallStart !== null) {
      this.add('REBUFFER_END', { valueMs: Math.round(performance.now() - this.stallStart) });
      this.stallStart = null;
    }
  }

  switched(track) {
    if (track) this.add('BITRATE_SWITCH', { bitrate: track.bandwidth, height: track.height });
  }

  error(code) { this.add('ERROR', { code: String(code) }); }

  /** Time played since the last call, at the bitrate now playing (shaka's stats). */
  played(player) {
    if (!player) return;
    const stats = player.getStats();
    const playMs = Math.round((stats.playTime || 0) * 1000);
    const delta = playMs - this.lastPlayTime;
    if (delta > 0) {
      this.lastPlayTime = playMs;
      const fields = { valueMs: delta };
      if (stats.streamBandwidth) fields.bitrate = Math.round(stats.streamBandwidth);
      if (stats.height) fields.height = stats.height;
      this.add('PLAYED', fields);
    }
  }

  async flush(beacon = false) {
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.queue.length);
    const body = JSON.stringify({ events: batch });
    const request = fetch(this.url, {
      method: 'POST', keepalive: true, body,
      headers: { 'Content-Type': 'application/json', 'X-Playback-Session': this.session.token },
    });
    if (beacon) {
      request.catch(() => {}); // the page is going away: nobody is left to retry
      return;
    }
    try {
      const response = await request;
      if (!response.ok && response.status >= 500) this.queue.unshift(...batch);
    } catch (e) {
      this.queue.unshift(...batch); // offline for a moment: try again with the next flush
    }
  }

  async end(reason, player, beacon = false) {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.timer);
    this.buffering(false);
    this.played(player);
    this.add('END', { code: reason });
    await this.flush(beacon);
  }
}
window.QoeReporter = QoeReporter;
