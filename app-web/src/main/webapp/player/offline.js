'use strict';
// Downloads for offline viewing, for titles whose licence allows it. The segments (encrypted) go
// into the browser's IndexedDB through shaka-player's offline storage; the keys come from
// Marquee's offline licence (counted against the plan, bound to this device, expiring) and are
// kept in this browser's localStorage. W3C ClearKey has no secure key store: the expiry and the
// play window are enforced by this page, not by the browser's CDM (see the README).

const OfflineDownloads = {
  // Downloads belong to the signed-in account: another account on this browser does not see them.
  account: null,
  key(titleId) { return 'marquee.offline.' + this.account + '.' + titleId; },

  hex(base64url) {
    const bin = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
    return [...bin].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  },

  base64url(uuid) {
    const bytes = uuid.replace(/-/g, '').match(/../g).map((h) => parseInt(h, 16));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  },

  /** Every download of this browser: {titleId, name, offlineUri, licence}. */
  list() {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith('marquee.offline.' + this.account + '.'))
      .map((k) => JSON.parse(localStorage.getItem(k)));
  },

  /**
   * Downloads a title: a playback session opens the manifest, the offline licence gives the keys,
   * shaka-player stores every segment of the chosen rendition; the session then ends.
   */
  async download(api, title, profileId, deviceId, onProgress) {
    const session = await api('/api/playback/sessions', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ titleId: title.id, profileId, deviceId }),
    });
    try {
      const kids = Object.values(session.keyIds).map((id) => this.base64url(id));
      const licence = await api('/api/drm/licenses/offline', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Playback-Session': session.token },
        body: JSON.stringify({ kids, type: 'persistent-license' }),
      });
      const clearKeys = {};
      for (const k of licence.keys) clearKeys[this.hex(k.kid)] = this.hex(k.k);
      const storage = new shaka.offline.Storage();
      // The manifest opens with the session token in a header, never in its URL (docs/adr/0015).
      storage.getNetworkingEngine().registerRequestFilter((type, request) => {
        if (type === shaka.net.NetworkingEngine.RequestType.MANIFEST) {
          request.headers['X-Playback-Session'] = session.token;
        }
      });
      storage.configure({
        drm: { clearKeys },
        offline: {
          usePersistentLicense: false,
          progressCallback: (content, progress) => onProgress && onProgress(progress),
        },
      });
      const stored = await storage.store(session.manifests.dash, { titleId: title.id, name: title.name }).promise;
      await storage.destroy();
      const entry = {
        titleId: title.id, name: title.name, offlineUri: stored.offlineUri,
        licence: {
          id: licence.licenceId, expiresAt: licence.expiresAt, playSeconds: licence.playSeconds,
          firstPlayedAt: null, clearKeys,
        },
      };
      localStorage.setItem(this.key(title.id), JSON.stringify(entry));
      return entry;
    } finally {
      await api('/api/playback/sessions/' + session.sessionId, { method: 'DELETE' }).catch(() => {});
    }
  },

  /**
   * The keys to play a download now. Online, Marquee checks the licence again (revoked? still
   * entitled?) and starts its play window; offline, this page applies the same windows itself.
   */
  async keysFor(api, entry, deviceId) {
    const now = Date.now();
    const l = entry.licence;
    try {
      const jwk = await api('/api/drm/offline-licences/' + l.id + '/play?device=' + deviceId, { method: 'POST' });
      l.clearKeys = {};
      for (const k of jwk.keys) l.clearKeys[this.hex(k.kid)] = this.hex(k.k);
      l.firstPlayedAt = l.firstPlayedAt || new Date(now).toISOString();
    } catch (e) {
      if (e.status) throw e; // Marquee answered: revoked, expired, no longer entitled...
      // No network: the page enforces the licence's windows.
      if (now >= Date.parse(l.expiresAt)) throw new Error('This download\'s licence has expired.');
      if (l.firstPlayedAt && now >= Date.parse(l.firstPlayedAt) + l.playSeconds * 1000) {
        throw new Error('This download\'s viewing window has ended.');
      }
      l.firstPlayedAt = l.firstPlayedAt || new Date(now).toISOString();
    }
    localStorage.setItem(this.key(entry.titleId), JSON.stringify(entry));
    return l.clearKeys;
  },

  /** Deletes the stored segments and gives the licence back (frees the plan's slot). */
  async remove(api, entry) {
    const storage = new shaka.offline.Storage();
    await storage.remove(entry.offlineUri).catch(() => {});
    await storage.destroy();
    localStorage.removeItem(this.key(entry.titleId));
    await api('/api/drm/offline-licences/' + entry.licence.id, { method: 'DELETE' }).catch(() => {});
  },
};
window.OfflineDownloads = OfflineDownloads;
