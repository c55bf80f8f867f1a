'use strict';
// Marquee's web player: sign in, pick a title, play it through a playback session (DASH, cenc,
// ClearKey licences from Marquee's licence server). State a test can read is on window.marquee.

const marquee = (window.marquee = { state: 'signed-out', licenceRequests: 0, errors: [] });
const $ = (id) => document.getElementById(id);

function show(id, visible) { $(id).hidden = !visible; }

function message(text) {
  $('message').textContent = text || '';
  show('message', Boolean(text));
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  const token = sessionStorage.getItem('marquee.accessToken');
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((body && body.detail) || response.statusText);
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

async function signIn(email, password) {
  const form = new URLSearchParams({
    grant_type: 'password', client_id: 'marquee-web', username: email, password,
  });
  const tokens = await api('/api/oauth/token', {
    method: 'POST', body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  sessionStorage.setItem('marquee.accessToken', tokens.access_token);
}

/** This browser's device: recognised if it came before, else registered (devices.js). */
const devices = new MarqueeDevices.Devices(api);

async function device(accountId) {
  try {
    return await devices.recognise(accountId);
  } catch (e) {
    if (!(e.problem && String(e.problem.type).endsWith('device-limit'))) throw e;
    // The eleventh device: offer to replace the least recently used one (password to confirm).
    marquee.state = 'device-limit';
    message(e.message);
    show('home', true); // the devices list lives on the home page
    const id = await devices.offerReplacement(accountId);
    message('');
    return id;
  }
}

/** Title cards: artwork (the poster, else a still of the video), name, about, Play, Download. */
function renderTitles(titles) {
  const list = $('titles');
  list.replaceChildren();
  for (const t of titles) {
    const item = document.createElement('li');
    item.dataset.titleId = t.id;
    const art = document.createElement('img');
    art.className = 'poster';
    art.alt = '';
    art.loading = 'lazy';
    art.src = '/api/catalog/titles/' + t.id + '/artwork/poster';
    art.onerror = () => art.remove();
    const name = document.createElement('a');
    name.className = 'title-link';
    name.href = '#/title/' + t.id;
    name.textContent = t.name;
    const about = document.createElement('div');
    about.textContent = t.synopsis + ' (' + t.releaseYear + ', ' + t.maturityRating + ')';
    const play = document.createElement('button');
    play.type = 'button';
    play.className = 'play';
    play.textContent = 'Play';
    play.setAttribute('aria-label', 'Play ' + t.name);
    play.addEventListener('click', () => watch(t).catch(failed));
    item.append(art, name, about, play);
    if (t.offlineAllowed) {
      const download = document.createElement('button');
      download.type = 'button';
      download.className = 'download';
      download.textContent = 'Download';
      download.setAttribute('aria-label', 'Download ' + t.name);
      download.addEventListener('click', () => downloadTitle(t, download).catch(failed));
      item.append(download);
    }
    list.append(item);
  }
}

/**
 * After sign-in: this browser's device, then the profile (the one kept in this tab, the only one,
 * or the viewer's choice among several: app.js shows the chooser).
 */
async function enter() {
  const me = await api('/api/accounts/me');
  const profiles = await api('/api/accounts/me/profiles');
  marquee.account = me.id;
  marquee.email = me.email;
  marquee.profiles = profiles;
  OfflineDownloads.account = me.id;
  show('sign-in', false);
  marquee.device = await device(me.id);
  const kept = sessionStorage.getItem('marquee.profile');
  const chosen = profiles.find((p) => p.id === kept) || (profiles.length === 1 ? profiles[0] : null);
  if (chosen) await MarqueeApp.useProfile(chosen);
  else MarqueeApp.chooseProfile(profiles);
}

const DENIALS = {
  'not-entitled': 'You are not entitled to watch this title: subscribe to a plan or buy it.',
  'concurrent-streams': 'Too many streams on your account right now.',
  'region-blocked': 'This title is not available in your region.',
  'maturity-cap': 'This title is above your profile\'s maturity rating.',
  'outside-availability-window': 'This title is not available at the moment.',
};

function failed(error) {
  const type = error.problem && error.problem.type ? error.problem.type.replace('/problems/', '') : null;
  const text = (type && DENIALS[type]) || error.message || String(error);
  marquee.errors.push({ type, text });
  marquee.state = 'error';
  message(text);
}

async function watch(title) {
  const clickedAt = performance.now();
  message('');
  await stop(false);
  // DASH with cenc by default; ?format=hls plays the HLS form (fMP4, cbcs, SAMPLE-AES with the
  // "identity" key format: shaka-player fetches the key from Marquee's HLS key endpoint and hands
  // it to the browser's ClearKey CDM). A DASH session's answer carries its manifest and licence.
  marquee.format = new URLSearchParams(location.search).get('format') === 'hls' ? 'hls' : 'dash';
  // With the licence too, unless keys are given by hand (docs/adr/0050).
  const inline = marquee.format !== 'dash' ? '' : marquee.clearKeys ? '?inline=dash' : '?inline=dash,licence';
  let sessionAnsweredAt = 0;
  const sessionRequest = api('/api/playback/sessions' + inline, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ titleId: title.id, profileId: marquee.profile, deviceId: marquee.device }),
  }).then((answer) => { sessionAnsweredAt = performance.now(); return answer; });
  // shaka-player starts and takes the video element while the session is being answered: neither
  // depends on the session. A refused session leaves no player behind.
  const video = $('video');
  const player = new shaka.Player();
  let session;
  try {
    const attached = player.attach(video);
    attached.catch(() => {}); // heard below, once the session has answered
    session = await sessionRequest;
    await attached;
  } catch (error) {
    await player.destroy().catch(() => {});
    throw error;
  }
  marquee.session = session;
  // Where startup time goes, in ms after play was pressed (the startup bench reads these).
  const mark = (name) => { marquee.marks[name] = marquee.marks[name] || Math.round(performance.now() - clickedAt); };
  marquee.marks = { session: Math.round(sessionAnsweredAt - clickedAt) };
  marquee.clickedAt = clickedAt;
  // The DASH manifest and licence came with the session (early-requests.js): shaka-player's own
  // requests for them are answered from memory.
  if (marquee.format === 'dash') EarlyRequests.start(session, mark, !marquee.clearKeys);
  const qoe = (marquee.qoe = new QoeReporter(session));
  marquee.qualities = [];
  marquee.quality = undefined;
  $('now-playing').textContent = title.name;
  showPlayer();
  marquee.player = player;
  useMarqueeAbr(player);
  // Diagnostics: window.marquee.clearKeys = {kidHex: keyHex} plays with those keys instead of the
  // licence server's (support uses it to tell a bad key from a bad stream; tests use it to show
  // that a wrong key does not play).
  player.configure(
    marquee.clearKeys
      ? { drm: { clearKeys: marquee.clearKeys } }
      : { drm: { servers: { 'org.w3.clearkey': session.licence.clearKeyUrl } } });
  const net = player.getNetworkingEngine();
  // The session token travels in a header, never in a URL (docs/adr/0015): on manifests and HLS
  // media playlists, licences and HLS keys. Segments are public signed URLs and get no header (a
  // CDN caches them, and a custom header would make cross-origin segment requests preflight).
  const types = shaka.net.NetworkingEngine.RequestType;
  net.registerRequestFilter((type, request) => {
    if (type === types.MANIFEST || type === types.LICENSE || type === types.KEY) {
      request.headers['X-Playback-Session'] = session.token;
    }
    if (type === types.LICENSE) marquee.licenceRequests++;
  });
  net.registerResponseFilter((type) => {
    if (type === shaka.net.NetworkingEngine.RequestType.MANIFEST) mark('manifest');
    if (type === shaka.net.NetworkingEngine.RequestType.LICENSE) mark('licence');
  });
  player.addEventListener('error', (event) => {
    const error = new Error('Playback failed: ' + event.detail.message + ' (' + event.detail.code + ')');
    error.problem = { type: '/problems/shaka-' + event.detail.code };
    qoe.error(event.detail.code);
    failed(error);
  });
  player.addEventListener('variantchanged', showQuality);
  player.addEventListener('adaptation', showQuality);
  player.addEventListener('buffering', (event) => qoe.buffering(event.buffering));
  // Resume where any device of this profile left off (the session carries the newest position).
  let start = 0;
  if (session.resume && session.resume.positionSeconds > 1) {
    start = session.resume.positionSeconds;
    marquee.resumedAt = start;
    $('resume').textContent = 'Resumed at ' + clock(start) + ' (from another device or an earlier visit).';
    show('resume-bar', true);
  }
  marquee.title = title;
  // First frame on screen: the end of startup (play pressed -> session, manifest, licence, frame).
  const firstFrame = () => { mark('firstFrame'); marquee.startupMs = qoe.startup(clickedAt); };
  if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(firstFrame);
  else video.addEventListener('playing', firstFrame, { once: true });
  video.onended = () => {
    qoe.end('ended', player);
    report('STOP');
    MarqueeApp.offerNextEpisode(title).catch(failed);
  };
  await player.load(marquee.format === 'hls' ? session.manifests.hls : session.manifests.dash, start);
  MarqueeTrickPlay.attach(player, video);
  video.onpause = () => report('PAUSE');
  video.onseeked = () => report('SEEK');
  marquee.periodic = setInterval(() => report('PERIODIC'), 30000);
  const select = $('audio');
  select.replaceChildren(...audioChoices().map((c) => new Option(c.label, c.value)));
  select.onchange = () => selectAudio(select.value);
  const subtitles = $('subtitles');
  subtitles.replaceChildren(new Option('Off', ''), ...textLanguages().map((l) => new Option(l, l)));
  subtitles.onchange = () => selectText(subtitles.value);
  showQuality();
  // Each heartbeat renews the session token (it lives half an hour): later requests use the new one.
  marquee.heartbeat = setInterval(() => {
    api('/api/playback/sessions/' + session.sessionId + '/heartbeat', { method: 'POST' })
      .then((renewed) => { if (renewed.token) session.token = renewed.token; })
      .catch(failed);
  }, session.heartbeatSeconds * 1000);
  marquee.state = 'playing';
  video.muted = true;
  await video.play();
}

/**
 * Marquee's own adaptive-bitrate rule (abr.js; docs/adr/0012) in place of shaka-player's default.
 * Should abr.js not have loaded, shaka-player's own rule stays in charge. window.marquee.abr is the
 * rule's latest instance (its lastDecision says what it saw and chose).
 */
function useMarqueeAbr(player) {
  if (!window.MarqueeAbr || !MarqueeAbr.AbrManager) return;
  const maxBufferSeconds = player.getConfiguration().streaming.bufferingGoal;
  player.configure({
    abrFactory: () => (marquee.abr = new MarqueeAbr.AbrManager({ maxBufferSeconds })),
  });
}

function audioLanguages() {
  return [...new Set(marquee.player.getAudioTracks().map((t) => t.language))];
}

const describesVideo = (t) => (t.roles || []).includes('description');

/** One menu entry per language, and one more for a language's audio description. */
function audioChoices() {
  const choices = new Map();
  for (const t of marquee.player.getAudioTracks()) {
    const value = t.language + (describesVideo(t) ? ':description' : '');
    const label = t.language + (describesVideo(t) ? ' (audio description)' : '');
    if (!choices.has(value)) choices.set(value, { value, label });
  }
  return [...choices.values()];
}

/** Plays a language's main audio ('fr'), or its audio description ('fr:description'). */
function selectAudio(choice) {
  const [language, role] = choice.split(':');
  const wanted = role === 'description';
  const track = marquee.player.getAudioTracks()
    .find((t) => t.language === language && describesVideo(t) === wanted);
  if (track) marquee.player.selectAudioTrack(track);
  $('audio').value = choice;
}
marquee.audioLanguages = () => audioLanguages();
marquee.selectAudio = (language) => selectAudio(language);
marquee.activeAudio = () => {
  const active = marquee.player.getAudioTracks().find((t) => t.active);
  return active ? active.language : null;
};

function textLanguages() {
  return [...new Set(marquee.player.getTextTracks().map((t) => t.language))].sort();
}

/** Shows the subtitles of a language ('' for none). */
function selectText(language) {
  const track = language && marquee.player.getTextTracks().find((t) => t.language === language);
  marquee.player.selectTextTrack(track || null);
  $('subtitles').value = track ? language : '';
}
marquee.textLanguages = () => textLanguages();
marquee.selectText = (language) => selectText(language);
/** The subtitle text on screen now (cues of the showing text track at the current time). */
marquee.shownText = () => [...$('video').textTracks]
  .filter((t) => t.mode === 'showing')
  .flatMap((t) => [...(t.activeCues || [])].map((c) => c.text));

async function downloadTitle(title, button) {
  message('');
  button.disabled = true;
  marquee.downloading = title.id;
  try {
    await OfflineDownloads.download(api, title, marquee.profile, marquee.device, (progress) => {
      button.textContent = 'Downloading ' + Math.round(progress * 100) + '%';
    });
    button.textContent = 'Downloaded';
  } catch (e) {
    button.textContent = 'Download';
    button.disabled = false;
    throw e;
  } finally {
    marquee.downloading = null;
    showDownloads();
  }
}

function showDownloads() {
  const entries = OfflineDownloads.list();
  marquee.downloads = entries.map((e) => e.titleId);
  const list = $('downloads');
  list.replaceChildren();
  for (const entry of entries) {
    const item = document.createElement('li');
    item.dataset.titleId = entry.titleId;
    const name = document.createElement('strong');
    name.textContent = entry.name;
    const until = document.createElement('span');
    until.textContent = ' licence until ' + new Date(entry.licence.expiresAt).toLocaleString();
    const play = document.createElement('button');
    play.type = 'button';
    play.className = 'play-offline';
    play.textContent = 'Play offline';
    play.addEventListener('click', () => watchOffline(entry).catch(failed));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove-download';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => OfflineDownloads.remove(api, entry).then(showDownloads).catch(failed));
    item.append(name, until, play, remove);
    list.append(item);
  }
  show('offline', entries.length > 0);
}

/** Plays a download from this browser's storage: no session, no network needed. */
async function watchOffline(entry) {
  message('');
  await stop(false);
  const clearKeys = await OfflineDownloads.keysFor(api, entry, marquee.device);
  $('now-playing').textContent = entry.name + ' (downloaded)';
  showPlayer();
  const video = $('video');
  const player = new shaka.Player();
  await player.attach(video);
  marquee.player = player;
  marquee.qualities = [];
  marquee.quality = undefined;
  player.configure({ drm: { clearKeys } });
  player.addEventListener('error', (event) => {
    const error = new Error('Playback failed: ' + event.detail.message + ' (' + event.detail.code + ')');
    error.problem = { type: '/problems/shaka-' + event.detail.code };
    failed(error);
  });
  await player.load(entry.offlineUri);
  MarqueeTrickPlay.attach(player, video);
  marquee.format = 'offline';
  marquee.state = 'playing';
  showQuality();
  video.muted = true;
  await video.play();
}

function showQuality() {
  const active = marquee.player && marquee.player.getVariantTracks().find((t) => t.active);
  if (active) {
    $('quality').textContent = active.height + 'p · ' + Math.round(active.bandwidth / 1000) + ' kb/s';
    if (marquee.quality !== active.height) {
      if (marquee.quality !== undefined && marquee.qoe) marquee.qoe.switched(active);
      marquee.qualities.push(active.height);
    }
    marquee.quality = active.height;
  }
}

function clock(seconds) {
  const s = Math.floor(seconds);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

/** Writes this device's position: every 30 s, and on pause, seek and stop. */
function report(event) {
  const video = $('video');
  if (!marquee.title || !marquee.session) return Promise.resolve();
  return api('/api/playback/positions', {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      titleId: marquee.title.id, profileId: marquee.profile, deviceId: marquee.device,
      positionSeconds: video.currentTime, clientTime: new Date().toISOString(), event,
    }),
  }).then((r) => { marquee.lastReport = { event, position: video.currentTime, applied: r.applied }; })
    .catch(failed);
}

/** Ends what plays; {@code returning}: the viewer leaves the player for the page behind it. */
async function stop(returning = true) {
  clearInterval(marquee.heartbeat);
  clearInterval(marquee.periodic);
  if (marquee.session && marquee.player) await report('STOP');
  if (marquee.qoe) {
    await marquee.qoe.end('stopped', marquee.player);
    marquee.qoe = null;
  }
  show('resume-bar', false);
  MarqueeTrickPlay.detach();
  EarlyRequests.clear();
  if (marquee.player) {
    await marquee.player.destroy();
    marquee.player = null;
  }
  if (marquee.session) {
    await api('/api/playback/sessions/' + marquee.session.sessionId, { method: 'DELETE' }).catch(() => {});
    marquee.session = null;
  }
  show('watch', false);
  show('next-episode', false);
  document.body.classList.remove('watching');
  if (returning && window.MarqueeApp) MarqueeApp.afterPlayback().catch(failed);
}

/** The player takes the page (the views are hidden while watching); shortcuts apply. */
function showPlayer() {
  show('next-episode', false);
  show('watch', true);
  document.body.classList.add('watching');
  $('video').focus();
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn($('email').value, $('password').value).then(enter).catch(failed);
});
$('stop').addEventListener('click', () => stop().catch(failed));
devices.wire(failed);
$('start-over').addEventListener('click', () => { $('video').currentTime = 0; show('resume-bar', false); });
// Closing the tab ends the playback session at once, so the viewer's next device is not told
// "too many streams" for a tab that is gone. A page being hidden gets no time for awaited work:
// the last position and the session's end go out as keepalive requests, which outlive the page.
window.addEventListener('pagehide', () => {
  if (marquee.qoe) marquee.qoe.end('closed', marquee.player, true);
  if (!marquee.session) return;
  const token = sessionStorage.getItem('marquee.accessToken');
  const headers = token ? { Authorization: 'Bearer ' + token } : {};
  if (marquee.title) {
    fetch('/api/playback/positions', {
      method: 'PUT', keepalive: true,
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
      body: JSON.stringify({
        titleId: marquee.title.id, profileId: marquee.profile, deviceId: marquee.device,
        positionSeconds: $('video').currentTime, clientTime: new Date().toISOString(), event: 'STOP',
      }),
    }).catch(() => {});
  }
  fetch('/api/playback/sessions/' + marquee.session.sessionId,
    { method: 'DELETE', keepalive: true, headers }).catch(() => {});
  clearInterval(marquee.heartbeat);
  clearInterval(marquee.periodic);
  marquee.session = null;
});

// A share link (/player/?share=...) opens the title's card, signed in or not.
const shared = new URLSearchParams(location.search).get('share');
if (shared) {
  fetch('/api/catalog/shares/' + encodeURIComponent(shared))
    .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
    .then(({ ok, body }) => {
      marquee.shared = ok ? body : null;
      message(ok ? 'Shared with you: ' + body.name + ' — ' + body.synopsis + ' Sign in to watch.'
        : (body.detail || 'This share link does not open.'));
    })
    .catch(() => message('This share link does not open.'));
}
