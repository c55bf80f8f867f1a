// dash.js 4 playing Marquee's DASH form (cenc) with nothing configured: the ticketed manifest's
// ContentProtection names the ClearKey licence URL (dashif:Laurl, itself ticketed), and dash.js
// asks it for the keys. Argument: the session's ticketed DASH manifest URL.
const [manifest] = arguments;
const video = document.getElementById('integrator-video');
const player = dashjs.MediaPlayer().create();
player.on(dashjs.MediaPlayer.events.ERROR, (e) => {
  window.integrator.errors.push(JSON.stringify(e.error && (e.error.message || e.error.code || e.error)));
});
player.on(dashjs.Protection.events.LICENSE_REQUEST_COMPLETE, () => window.integrator.licenceRequests++);
player.initialize(video, manifest, true);
window.integrator.player = player;
window.integrator.name = 'dash.js ' + player.getVersion();
