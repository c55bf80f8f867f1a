'use strict';
// Title cards and rows of cards, as the home, title and search pages show them. Plain DOM
// (createElement/textContent, never innerHTML): names and synopses are data.

const MarqueeCards = (() => {
  /** Known titles by id (from the shelf and title pages), so rows need no request per card. */
  const known = new Map();

  function remember(titles) {
    for (const t of titles) known.set(t.id, Object.assign(known.get(t.id) || {}, t));
  }

  /**
   * The title as the profile may see it: from what is known, else its page from the API; null
   * when the profile may not see it (a kids profile, a title gone from the catalog).
   */
  async function lookup(api, profileId, titleId) {
    if (known.has(titleId)) return known.get(titleId);
    try {
      const t = await api('/api/catalog/titles/' + encodeURIComponent(titleId)
        + '?profileId=' + encodeURIComponent(profileId));
      remember([t]);
      return t;
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
  }

  function minutes(millis) {
    if (!millis) return null;
    const m = Math.max(1, Math.round(millis / 60000));
    return m >= 60 ? Math.floor(m / 60) + ' h ' + (m % 60) + ' min' : m + ' min';
  }

  function clock(seconds) {
    const s = Math.floor(seconds);
    const h = Math.floor(s / 3600);
    const mm = String(Math.floor((s % 3600) / 60));
    const ss = String(s % 60).padStart(2, '0');
    return h ? h + ':' + mm.padStart(2, '0') + ':' + ss : mm + ':' + ss;
  }

  /**
   * One card: the poster (else the still) and the name, a link to the title page. {@code extra}
   * is a short line under the name; {@code progress} a fraction watched (Continue watching).
   */
  function card(t, { extra, progress } = {}) {
    const item = document.createElement('li');
    item.dataset.titleId = t.id;
    const link = document.createElement('a');
    link.className = 'card';
    link.href = '#/title/' + t.id;
    const art = document.createElement('img');
    art.className = 'poster';
    art.alt = '';
    art.loading = 'lazy';
    art.src = '/api/catalog/titles/' + t.id + '/artwork/poster';
    art.onerror = () => art.classList.add('missing');
    const name = document.createElement('span');
    name.className = 'card-name';
    name.textContent = t.name;
    link.append(art, name);
    if (extra) {
      const line = document.createElement('span');
      line.className = 'card-extra';
      line.textContent = extra;
      link.append(line);
    }
    if (progress !== undefined) {
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = Math.round(Math.min(1, Math.max(0, progress)) * 100);
      bar.setAttribute('aria-label', bar.value + '% watched');
      link.append(bar);
    }
    item.append(link);
    return item;
  }

  /** A row: a heading and its cards, scrolled sideways; nothing when it has no cards. */
  function row(id, heading, cards) {
    if (!cards.length) return null;
    const section = document.createElement('section');
    section.className = 'row';
    section.id = 'row-' + id;
    section.setAttribute('aria-labelledby', 'row-' + id + '-heading');
    const h = document.createElement('h2');
    h.id = 'row-' + id + '-heading';
    h.textContent = heading;
    const list = document.createElement('ul');
    list.className = 'cards';
    list.append(...cards);
    section.append(h, list);
    return section;
  }

  return { remember, lookup, card, row, minutes, clock, known };
})();
window.MarqueeCards = MarqueeCards;
