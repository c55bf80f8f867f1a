// hls.js 1.x playing Marquee's HLS form (fMP4, cbcs, SAMPLE-AES) through EME's ClearKey system:
// the key id comes from the playlist's KEYFORMAT="org.w3.clearkey" key tag, the key from
// Marquee's ClearKey licence server. Arguments: multivariant URL, licence URL, session token.
const [manifest, licence, token] = arguments;
const video = document.getElementById('integrator-video');
const withSession = (xhr, method, url) => {
  xhr.open(method, url, true);
  xhr.setRequestHeader('X-Playback-Session', token);
};
const hls = new Hls({
  // The page's CSP allows no blob: workers; hls.js would fall back to the main thread anyway.
  enableWorker: false,
  // hls.js's own log, kept for the test's failure message (not needed to play).
  debug: ['log', 'info', 'warn', 'error', 'debug'].reduce((logger, level) => {
    logger[level] = (...parts) => {
      const log = (window.integrator.log = window.integrator.log || []);
      log.push(level + ' ' + parts.map(String).join(' ').slice(0, 300));
      if (log.length > 300) log.shift();
    };
    return logger;
  }, {}),
  emeEnabled: true,
  drmSystems: {
    'org.w3.clearkey': {
      licenseUrl: licence,
      // The playlist's ClearKey tag gives the key id: handed to the CDM as "keyids" init data, the
      // licence request goes out at once instead of waiting for the init segment's pssh.
      generateRequest(initDataType, initData, context) {
        const kid = context && context.decryptdata && context.decryptdata.keyId;
        if (!kid) return { initDataType, initData };
        const base64url = btoa(String.fromCharCode(...kid))
          .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        const keyids = JSON.stringify({ kids: [base64url] });
        return { initDataType: 'keyids', initData: new TextEncoder().encode(keyids).buffer };
      },
    },
  },
  // Playlists and licences carry the session in a header; segments are signed URLs and need none.
  xhrSetup: (xhr, url) => {
    if (new URL(url, location.href).pathname.startsWith('/api/playback/')) withSession(xhr, 'GET', url);
  },
  licenseXhrSetup: (xhr, url) => {
    window.integrator.licenceRequests++;
    withSession(xhr, 'POST', url);
  },
});
hls.on(Hls.Events.ERROR, (event, data) => {
  if (data.fatal) window.integrator.errors.push(data.type + ' ' + data.details + ' ' + (data.error ? data.error.message : ''));
});
hls.loadSource(manifest);
hls.attachMedia(video);
video.play().catch((e) => window.integrator.errors.push('play: ' + e.message));
window.integrator.player = hls;
window.integrator.name = 'hls.js ' + Hls.version;
