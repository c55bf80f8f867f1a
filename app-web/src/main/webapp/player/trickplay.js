'use strict';
// The seek bar under the video, with a picture of the moment under the pointer (trick-play).
// Marquee's transcode job cuts a thumbnail every 2 s into JPEG sheets of 5 x 5 tiles; the DASH
// manifest offers them as a thumbnail_tile image set, the HLS one as an EXT-X-IMAGE-STREAM-INF
// (docs/adr/0037). shaka-player reads either and answers getThumbnails(track, time) with the
// sheet's URL and the tile's place in it; the preview shows that tile as a CSS background.
// A title without thumbnails gets the same bar without pictures.

const MarqueeTrickPlay = (() => {
  const $ = (id) => document.getElementById(id);
  let player = null;
  let video = null;
  let dragging = false;
  let asked = 0; // the newest preview request: older answers arriving late are dropped

  const clock = (seconds) => MarqueeCards.clock(Math.max(0, seconds));

  function duration() {
    return video && Number.isFinite(video.duration) ? video.duration : 0;
  }

  function describe(seconds) {
    $('seek').setAttribute('aria-valuetext', clock(seconds) + ' of ' + clock(duration()));
  }

  /** Shows the picture of {@code seconds} above the bar at {@code fraction} of its width. */
  async function preview(seconds, fraction) {
    const thumb = $('thumb');
    $('thumb-time').textContent = clock(seconds);
    thumb.style.left = (Math.min(1, Math.max(0, fraction)) * 100).toFixed(2) + '%';
    thumb.hidden = false;
    const mine = ++asked;
    const tile = player ? await player.getThumbnails(null, seconds).catch(() => null) : null;
    if (mine !== asked || thumb.hidden) return;
    const picture = $('thumb-picture');
    if (!tile || !tile.uris || !tile.uris.length) {
      picture.hidden = true;
      thumb.dataset.tile = '';
      return;
    }
    // The tile at its own size; the sheet scaled so one tile fills the box.
    const scale = picture.clientWidth ? picture.clientWidth / tile.width : 1;
    picture.style.height = Math.round(tile.height * scale) + 'px';
    picture.style.backgroundImage = 'url("' + tile.uris[0] + '")';
    picture.style.backgroundSize =
      Math.round(tile.imageWidth * scale) + 'px ' + Math.round(tile.imageHeight * scale) + 'px';
    picture.style.backgroundPosition =
      -Math.round(tile.positionX * scale) + 'px ' + -Math.round(tile.positionY * scale) + 'px';
    picture.hidden = false;
    // What the preview shows, for tests and support: the sheet and the tile within it.
    thumb.dataset.tile = JSON.stringify({
      uri: tile.uris[0], x: tile.positionX, y: tile.positionY, width: tile.width,
      height: tile.height, sheetWidth: tile.imageWidth, sheetHeight: tile.imageHeight,
      start: tile.startTime, duration: tile.duration, at: seconds,
    });
  }

  function hide() {
    asked++;
    $('thumb').hidden = true;
  }

  function fractionAt(event) {
    const box = $('seek').getBoundingClientRect();
    return box.width ? (event.clientX - box.left) / box.width : 0;
  }

  function wire() {
    const seek = $('seek');
    seek.addEventListener('pointermove', (event) => {
      if (!duration()) return;
      const fraction = fractionAt(event);
      preview(fraction * duration(), fraction);
    });
    seek.addEventListener('pointerleave', () => { if (!dragging) hide(); });
    seek.addEventListener('pointerdown', () => { dragging = true; });
    seek.addEventListener('pointerup', () => { dragging = false; });
    // Dragging the knob or the arrow keys: the picture follows the value; letting go seeks.
    seek.addEventListener('input', () => {
      const seconds = Number(seek.value);
      describe(seconds);
      if (duration()) preview(seconds, seconds / duration());
    });
    seek.addEventListener('change', () => {
      dragging = false;
      if (video) video.currentTime = Number(seek.value);
      hide();
    });
    seek.addEventListener('blur', hide);
  }

  function follow() {
    const seek = $('seek');
    if (!duration()) return;
    seek.max = String(Math.floor(duration()));
    if (!dragging && document.activeElement !== seek) {
      seek.value = String(Math.floor(video.currentTime));
      describe(video.currentTime);
    }
  }

  /** Follows {@code theVideo}, played by {@code thePlayer}, until {@link detach}. */
  function attach(thePlayer, theVideo) {
    player = thePlayer;
    video = theVideo;
    video.addEventListener('timeupdate', follow);
    video.addEventListener('durationchange', follow);
    $('seek').disabled = false;
    follow();
  }

  function detach() {
    if (video) {
      video.removeEventListener('timeupdate', follow);
      video.removeEventListener('durationchange', follow);
    }
    player = null;
    video = null;
    hide();
    $('seek').disabled = true;
  }

  /** Whether the playing title offers thumbnails (an image track). */
  function offered() {
    return !!player && player.getImageTracks().length > 0;
  }

  wire();
  return { attach, detach, offered };
})();
