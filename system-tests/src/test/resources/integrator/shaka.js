// shaka-player (the copy Marquee's web player bundles) playing either form from its ticketed URL
// with nothing configured: DASH takes its licence URL from the manifest's dashif:Laurl, HLS its
// key from the identity key tag's (ticketed) URI. Argument: the ticketed manifest URL.
const [manifest] = arguments;
const video = document.getElementById('integrator-video');
const player = new shaka.Player();
player.addEventListener('error', (e) => window.integrator.errors.push(e.detail.code + ' ' + e.detail.message));
player.getNetworkingEngine().registerRequestFilter((type) => {
  const types = shaka.net.NetworkingEngine.RequestType;
  if (type === types.LICENSE || type === types.KEY) window.integrator.licenceRequests++;
});
player.attach(video)
  .then(() => player.load(manifest))
  .then(() => video.play())
  .catch((e) => window.integrator.errors.push((e.code || '') + ' ' + (e.message || e)));
window.integrator.player = player;
window.integrator.name = 'shaka-player ' + shaka.Player.version;
