'use strict';
// The viewer's app around the player: the profile chooser, the home page's rows (Continue
// watching, Recommended for you, My list, Favourites, New, one per category), the title and search
// pages (title-page.js, search-page.js) behind hash routes (#/home, #/title/<id>, #/search), and the
// next episode offered when an episode ends. Plain modules over the REST API (docs/adr/0034).

const MarqueeApp = (() => {
  const byId = (id) => document.getElementById(id);
  const VIEWS = ['home', 'title-page', 'search-page'];
  const MY_LIST = 'My list';
  let list = null;

  const app = {
    api,
    failed,
    current: null,
    profile: () => marquee.profile,
    /** The profile's "My list" (made on first use when {@code create}), as {id, titleIds}. */
    async myList(create) {
      if (list && list.profileId === marquee.profile) return list;
      const lists = await api('/api/catalog/lists?profileId=' + marquee.profile);
      let mine = lists.find((l) => l.name === MY_LIST);
      if (!mine && create) {
        mine = await api('/api/catalog/lists', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ profileId: marquee.profile, name: MY_LIST }),
        });
      }
      if (!mine) return { id: null, titleIds: [] };
      list = Object.assign(mine, { profileId: marquee.profile });
      return list;
    },
    listChanged(updated) {
      list = Object.assign(updated, { profileId: marquee.profile });
    },
  };

  /** "Who's watching?": one button per profile of the account. */
  function chooseProfile(profiles) {
    marquee.state = 'choosing-profile';
    for (const id of ['nav', 'search-box', 'switch-profile', 'views']) byId(id).hidden = true;
    byId('who').textContent = marquee.email || '';
    const items = profiles.map((p) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'profile';
      button.dataset.profileId = p.id;
      const name = document.createElement('span');
      name.className = 'profile-name';
      name.textContent = p.name;
      button.append(name);
      if (p.kids) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = 'Kids';
        button.append(badge);
      }
      button.addEventListener('click', () => useProfile(p).catch(failed));
      item.append(button);
      return item;
    });
    byId('profile-list').replaceChildren(...items);
    byId('profiles').hidden = false;
    const first = byId('profile-list').querySelector('button');
    if (first) first.focus();
  }

  /** Browses as profile {@code p}: its shelf, rows, lists and caps from here on. */
  async function useProfile(p) {
    marquee.profile = p.id;
    marquee.profileName = p.name;
    marquee.kids = p.kids;
    sessionStorage.setItem('marquee.profile', p.id);
    list = null;
    MarqueeCards.known.clear();
    byId('profiles').hidden = true;
    byId('who').textContent = (marquee.email ? marquee.email + ' · ' : '') + p.name
      + (p.kids ? ' (kids)' : '');
    for (const id of ['nav', 'search-box', 'views']) byId(id).hidden = false;
    byId('switch-profile').hidden = (marquee.profiles || []).length < 2;
    await devices.render();
    showDownloads();
    await home();
    await route();
    marquee.state = 'browsing';
  }

  /** Continue watching: the profile's positions, newest first, with how much is watched. */
  async function continueWatching() {
    const positions = await api('/api/playback/positions/continue-watching?profileId='
      + marquee.profile + '&limit=20');
    const cards = [];
    for (const p of positions) {
      const t = await MarqueeCards.lookup(api, marquee.profile, p.titleId);
      if (!t) continue;
      const total = t.durationMillis ? t.durationMillis / 1000 : null;
      cards.push(MarqueeCards.card(t, {
        extra: total ? MarqueeCards.clock(Math.max(0, total - p.positionSeconds)) + ' left' : null,
        progress: total ? p.positionSeconds / total : undefined,
      }));
    }
    return cards;
  }

  async function recommended() {
    const r = await api('/api/catalog/recommendations?profileId=' + marquee.profile + '&limit=20');
    marquee.recommended = r.titles.map((t) => t.titleId);
    const cards = [];
    for (const item of r.titles) {
      const t = await MarqueeCards.lookup(api, marquee.profile, item.titleId);
      if (!t) continue;
      cards.push(MarqueeCards.card(t, {
        extra: item.becauseOf ? 'Because you watched ' + item.becauseOf.name : 'Popular now',
      }));
    }
    return cards;
  }

  async function cardsOf(ids) {
    const cards = [];
    for (const id of ids) {
      const t = await MarqueeCards.lookup(api, marquee.profile, id);
      if (t) cards.push(MarqueeCards.card(t));
    }
    return cards;
  }

  /** The home page: every row from the API for this profile (the shelf is already capped). */
  async function home() {
    const shelf = await api('/api/catalog/titles?limit=200&profileId=' + marquee.profile);
    MarqueeCards.remember(shelf);
    renderTitles(shelf);
    byId('shelf').hidden = false;
    // One row failing (say recommendations) says so and leaves the others.
    const orNone = (promise) => promise.catch((e) => { failed(e); return []; });
    const [going, suggested, mine, favourites] = await Promise.all([
      orNone(continueWatching()), orNone(recommended()),
      orNone(app.myList().then((l) => cardsOf(l.titleIds))),
      orNone(api('/api/catalog/favourites?profileId=' + marquee.profile).then((f) => cardsOf(f.titleIds))),
    ]);
    const byCategory = new Map();
    for (const t of shelf) {
      if (!byCategory.has(t.category)) byCategory.set(t.category, []);
      byCategory.get(t.category).push(MarqueeCards.card(t));
    }
    const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);
    const rows = [
      MarqueeCards.row('continue', 'Continue watching', going),
      MarqueeCards.row('recommended', 'Recommended for you', suggested),
      MarqueeCards.row('my-list', MY_LIST, mine),
      MarqueeCards.row('favourites', 'Favourites', favourites),
      MarqueeCards.row('new', 'New on Marquee', shelf.slice(0, 20).map((t) => MarqueeCards.card(t))),
      ...[...byCategory.keys()].sort().map((c) => MarqueeCards.row('category-' + c, upper(c), byCategory.get(c))),
    ].filter(Boolean);
    byId('rows').replaceChildren(...rows);
    marquee.homeRendered = (marquee.homeRendered || 0) + 1;
  }

  /** Shows the view the address names. */
  async function route() {
    const hash = location.hash || '#/home';
    if (!marquee.profile || !hash.startsWith('#/')) return; // #main: the skip link
    const title = /^#\/title\/([0-9a-f-]{36})$/.exec(hash);
    const view = title ? 'title-page' : hash === '#/search' ? 'search-page' : 'home';
    for (const v of VIEWS) byId(v).hidden = v !== view;
    byId('nav-home').toggleAttribute('aria-current', view === 'home');
    byId('nav-search').toggleAttribute('aria-current', view === 'search-page');
    if (view === 'home') byId('nav-home').setAttribute('aria-current', 'page');
    if (view === 'search-page') byId('nav-search').setAttribute('aria-current', 'page');
    message('');
    if (title) {
      await MarqueeTitlePage.open(app, title[1]);
      byId('title-name').setAttribute('tabindex', '-1');
      byId('title-name').focus();
    } else if (view === 'search-page') {
      await MarqueeSearchPage.run(app, false);
    } else if (marquee.state === 'browsing') {
      await home();
    }
    marquee.view = view;
  }

  /** At the end of an episode: the next one, if the series has one this profile may watch. */
  async function offerNextEpisode(title) {
    const details = await api('/api/catalog/titles/' + title.id + '?profileId=' + marquee.profile);
    const next = details.episode && details.episode.next;
    marquee.nextEpisode = next ? next.titleId : null;
    if (!next) return;
    byId('next-episode-text').textContent = 'Up next: season ' + next.season + ', episode '
      + next.episode + ' · ' + next.name;
    const button = byId('next-episode-play');
    button.onclick = () => watch({ id: next.titleId, name: next.name }).catch(failed);
    byId('next-episode').hidden = false;
    button.focus();
  }

  /** After the player closes: the page behind it again, up to date (the position moved). */
  async function afterPlayback() {
    if (!marquee.profile) return;
    marquee.state = 'browsing';
    await route();
  }

  byId('switch-profile').addEventListener('click', () => {
    sessionStorage.removeItem('marquee.profile');
    byId('views').hidden = true;
    chooseProfile(marquee.profiles || []);
  });
  window.addEventListener('hashchange', () => route().catch(failed));
  MarqueeTitlePage.wire(app);
  MarqueeSearchPage.wire(app);
  MarqueeKeys.attach();

  return { chooseProfile, useProfile, offerNextEpisode, afterPlayback, home, route };
})();
window.MarqueeApp = MarqueeApp;

shaka.polyfill.installAll();
if (!shaka.Player.isBrowserSupported()) {
  message('This browser cannot play Marquee\'s streams (no Media Source Extensions or EME).');
} else if (sessionStorage.getItem('marquee.accessToken')) {
  enter().catch(() => { sessionStorage.removeItem('marquee.accessToken'); show('sign-in', true); });
} else {
  show('sign-in', true);
}
