'use strict';
// Keyboard shortcuts while a title plays: Space or k play/pause, f full screen, m sound, arrows
// back/forward 10 s, ? this help. Keys typed into a field, or Space/Enter on a focused button or
// menu, keep their usual meaning. The help is a <dialog>: it traps focus and Escape closes it.

const MarqueeKeys = (() => {
  const SEEK_SECONDS = 10;
  const byId = (id) => document.getElementById(id);

  function typing(target) {
    return Boolean(target) && (target.isContentEditable === true
      || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName || ''));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    return byId('stage').requestFullscreen();
  }

  function toggleHelp() {
    const help = byId('shortcuts');
    if (help.open) help.close();
    else help.showModal();
  }

  /** What the key does to the video, or null when it is not a shortcut here. */
  function action(event, video) {
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    switch (event.key) {
      case '?': return toggleHelp;
      case ' ':
        // Space on a focused button presses that button.
        if (event.target && /^(BUTTON|SUMMARY)$/.test(event.target.tagName || '')) return null;
        return () => (video.paused ? video.play() : video.pause());
      case 'k': case 'K': return () => (video.paused ? video.play() : video.pause());
      case 'f': case 'F': return toggleFullscreen;
      case 'm': case 'M': return () => { video.muted = !video.muted; };
      case 'ArrowLeft': return () => { video.currentTime = Math.max(0, video.currentTime - SEEK_SECONDS); };
      case 'ArrowRight': return () => {
        const end = Number.isFinite(video.duration) ? video.duration : Infinity;
        video.currentTime = Math.min(end, video.currentTime + SEEK_SECONDS);
      };
      default: return null;
    }
  }

  /** Listens on the document (capture: before the video element's own key handling). */
  function attach() {
    const video = byId('video');
    document.addEventListener('keydown', (event) => {
      if (byId('watch').hidden || typing(event.target)) return;
      if (byId('shortcuts').open && event.key !== '?') return;
      const run = action(event, video);
      if (!run) return;
      event.preventDefault();
      event.stopPropagation();
      window.marquee.lastShortcut = event.key;
      Promise.resolve().then(run).catch(() => {});
    }, true);
    byId('shortcuts-button').addEventListener('click', toggleHelp);
    byId('shortcuts-close').addEventListener('click', () => byId('shortcuts').close());
  }

  return { attach, action, typing, SEEK_SECONDS };
})();
if (typeof module === 'object' && module.exports) module.exports = MarqueeKeys; // Node's tests
else window.MarqueeKeys = MarqueeKeys;
