// An integrator's page on Marquee's origin: one <video>, a playback session from the REST API kept
// alive with heartbeats (a session without them ends), and what the test reads back.
// Arguments: the viewer's access token. Run before the player library's own code.
const [accessToken] = arguments;
const video = document.createElement('video');
video.id = 'integrator-video';
video.muted = true;
video.controls = true;
video.width = 640;
document.body.replaceChildren(video);
window.integrator = {
  errors: [],
  licenceRequests: 0,
  /** POST /api/playback/sessions, then a heartbeat every second; resolves with the session. */
  async start(request) {
    const bearer = { Authorization: 'Bearer ' + accessToken };
    const response = await fetch('/api/playback/sessions', {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, bearer),
      body: JSON.stringify(request),
    });
    const session = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(session));
    window.integrator.heartbeat = setInterval(() => {
      fetch('/api/playback/sessions/' + session.sessionId + '/heartbeat', { method: 'POST', headers: bearer });
    }, 1000);
    return session;
  },
};
