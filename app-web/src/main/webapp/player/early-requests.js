'use strict';
// The manifest and the licence asked for as soon as the session answers (docs/adr/0039). A
// playback session names its manifest and its key ids, so the web player sends both requests at
// once, while shaka-player starts, instead of one after the other: shaka-player would ask for the
// licence only after reading the manifest and the first init segment. The web player asks for the
// DASH manifest and its licence inline in the session's answer (?inline=dash,licence, ADR 50), so
// neither goes out here unless the answer lacks it. The page's HTTP scheme
// plugin for shaka-player (below; it hands everything else to shaka-player's own fetch plugin)
// answers shaka-player's manifest request, and its licence requests for key ids the early licence
// covers, with the early responses. A refused early request reaches the player as the same error
// the request itself would have given (shaka-player's HTTP status error); shaka-player's retry of
// it, and any later request, go to the network.

const EarlyRequests = (() => {
  const types = shaka.net.NetworkingEngine.RequestType;
  const fetchPlugin = shaka.net.HttpFetchPlugin.parse;
  let current = null; // { manifest: {url, response}, licence: {url, kids: Set, response} }

  /** A URL as the browser resolves it (the manifest names the licence server by path). */
  const absolute = (url) => new URL(url, location.href).href;

  /** The key ids a ClearKey licence request names ({"kids":[...],"type":"temporary"}). */
  function requestedKids(body) {
    try {
      const json = JSON.parse(new TextDecoder().decode(body));
      return Array.isArray(json.kids) ? json.kids : [];
    } catch (e) {
      return [];
    }
  }

  /** The early response that answers this request, or null. */
  function answerFor(uri, request, type) {
    if (!current || (type !== types.MANIFEST && type !== types.LICENSE)) return null;
    const url = absolute(uri);
    const { manifest, licence } = current;
    if (type === types.MANIFEST && manifest && manifest.url === url) {
      current.manifest = null; // once: a later manifest request is a new one
      return manifest.response;
    }
    if (type === types.LICENSE && licence && licence.url === url && request.body) {
      const kids = requestedKids(request.body);
      if (kids.length && kids.every((k) => licence.kids.has(k))) return licence.response;
    }
    return null;
  }

  // shaka-player picks a request's plugin by its scheme before request filters run, so the early
  // answers sit in the http(s) plugin itself, with the fetch plugin's progress reports kept.
  const plugin = (uri, request, type, progressUpdated, headersReceived, config) => {
    const early = answerFor(uri, request, type);
    if (early) return shaka.util.AbortableOperation.notAbortable(early);
    return fetchPlugin(uri, request, type, progressUpdated, headersReceived, config);
  };
  const APPLICATION = shaka.net.NetworkingEngine.PluginPriority.APPLICATION;
  shaka.net.NetworkingEngine.registerScheme('http', plugin, APPLICATION, true);
  shaka.net.NetworkingEngine.registerScheme('https', plugin, APPLICATION, true);

  /** Sends one request now, the way shaka-player would; {@code answered} when it succeeds. */
  function send(url, type, token, body, answered) {
    const request = shaka.net.NetworkingEngine.makeRequest(
      [url], shaka.net.NetworkingEngine.defaultRetryParameters());
    request.headers['X-Playback-Session'] = token;
    if (body) {
      request.method = 'POST';
      request.headers['Content-Type'] = 'application/json';
      request.body = new TextEncoder().encode(JSON.stringify(body)).buffer;
    }
    const response = fetchPlugin(absolute(url), request, type, () => {}, () => {}, {}).promise;
    // A failed early licence answers the first request that uses it; a retry goes to the network.
    response.then(answered, () => {
      if (current && current.licence && current.licence.response === response) current.licence = null;
    });
    return response;
  }

  /**
   * A document the session's answer carried (POST /api/playback/sessions?inline=dash,licence): the
   * manifest ('manifest', application/dash+xml) or the licence ('licence', application/json).
   */
  function inline(url, text, mark, name, contentType) {
    mark(name);
    return Promise.resolve({
      uri: url,
      originalUri: url,
      data: new TextEncoder().encode(text).buffer,
      status: 200,
      headers: { 'content-type': contentType },
      fromCache: false,
      originalRequest: shaka.net.NetworkingEngine.makeRequest(
        [url], shaka.net.NetworkingEngine.defaultRetryParameters()),
    });
  }

  return {
    /**
     * Takes the session's DASH manifest and licence from its answer, or asks for them now when the
     * answer did not carry them (docs/adr/0050); {@code mark(name)} is called as each is there
     * ('manifest', 'licence'). Without {@code withLicence} (keys given by hand) no licence is used.
     */
    start(session, mark, withLicence) {
      const manifest = absolute(session.manifests.dash);
      const licence = absolute(session.licence.clearKeyUrl);
      const kids = Object.values(session.keyIds || {}).map((id) => OfflineDownloads.base64url(id));
      const licenceResponse = () => session.clearKeyLicence
        ? inline(licence, session.clearKeyLicence, mark, 'licence', 'application/json')
        : send(licence, types.LICENSE, session.token, { kids, type: 'temporary' }, () => mark('licence'));
      current = {
        manifest: { url: manifest, response: session.dashManifest ? inline(manifest, session.dashManifest, mark, 'manifest', 'application/dash+xml') : send(manifest, types.MANIFEST, session.token, null, () => mark('manifest')) },
        licence: withLicence && kids.length ? { url: licence, kids: new Set(kids), response: licenceResponse() } : null,
      };
    },

    /** Forgets the session's early responses (playback stopped). */
    clear() {
      current = null;
    },
  };
})();
window.EarlyRequests = EarlyRequests;
