// Marquee's signed origin URLs, verified at the edge (ADR 24). The same scheme as the playback
// module's OriginSigner: /api/origin/<object key>?exp=<epoch seconds>&sig=<base64url
// HMAC-SHA256(secret, "<title prefix>|<exp>")>, where the title prefix is the key's first three
// path segments (titles/<title>/<job>/) for segments and thumbnail sheets, and
// titles/<title>/subtitles/ for WebVTT.
// The edge holds the URL-signing secret (MARQUEE_ORIGIN_SECRET, passed by nginx's env directive)
// and never a content key. Keep the patterns in step with OriginSigner.
var crypto = require('crypto');
var qs = require('querystring');

var SEGMENT_KEY = new RegExp(
    '^(titles/[0-9a-f-]{36}/[0-9a-f-]{36}/)(video|audio)/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,39}/'
    + '(cenc|cbcs)/(init\\.mp4|seg-[0-9]{1,6}\\.m4s)$');
var SUBTITLE_KEY = /^(titles\/[0-9a-f-]{36}\/subtitles\/)[a-z]{2,3}(-[0-9a-f]{16})?\.vtt$/;
var THUMBNAIL_KEY = /^(titles\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/)thumbs\/sheet-[0-9]{1,6}\.jpg$/;
var CANONICAL_EXPIRY = /^[1-9][0-9]{0,17}$/;
var ORIGIN = '/api/origin/';

var secret = process.env.MARQUEE_ORIGIN_SECRET;

function prefixOf(key) {
    var m = SEGMENT_KEY.exec(key) || SUBTITLE_KEY.exec(key) || THUMBNAIL_KEY.exec(key);
    return m ? m[1] : null;
}

// Compares two strings in time that does not depend on where they differ.
function same(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    var diff = 0;
    for (var i = 0; i < a.length; i++) {
        diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return diff === 0;
}

// "ok", "not-served" (404), "bad-signature" or "expired" (403), or "no-secret" (503).
function verdict(r) {
    if (!secret || secret.length < 32) {
        return 'no-secret';
    }
    var uri = r.uri;
    if (uri.indexOf(ORIGIN) !== 0) {
        return 'not-served';
    }
    var prefix = prefixOf(uri.substring(ORIGIN.length));
    if (prefix === null) {
        return 'not-served';
    }
    var args = qs.parse(r.variables.args || '');
    var exp = args.exp;
    var sig = args.sig;
    // Only one exp and one sig, in the canonical form the origin signs.
    if (typeof exp !== 'string' || typeof sig !== 'string' || !CANONICAL_EXPIRY.test(exp)) {
        return 'bad-signature';
    }
    var expected = crypto.createHmac('sha256', secret).update(prefix + '|' + exp)
        .digest('base64url');
    if (!same(expected, sig)) {
        return 'bad-signature';
    }
    return Date.now() / 1000 >= Number(exp) ? 'expired' : 'ok';
}

export default {verdict};
