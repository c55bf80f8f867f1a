'use strict';
// The title page: backdrop, name, rating, year, duration, synopsis, Play or Resume, My list, Like,
// Favourite, Share, cast and crew, and a series' episodes. Everything comes from the catalog API
// for the chosen profile (a title it may not watch is "not found"). Plain DOM, never innerHTML.

const MarqueeTitlePage = (() => {
  const byId = (id) => document.getElementById(id);
  const { clock, minutes } = MarqueeCards;

  function setPressed(button, pressed, on, off) {
    button.setAttribute('aria-pressed', String(pressed));
    button.textContent = pressed ? on : off;
  }

  function fact(term, value) {
    if (!value) return [];
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }

  /** Where this profile left the title, or null (404 no-position: never played). */
  async function position(app, id) {
    try {
      return await app.api('/api/playback/positions/' + id + '?profileId=' + app.profile());
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
  }

  async function episodes(app, t) {
    const section = byId('title-episodes-section');
    const list = byId('title-episodes');
    list.replaceChildren();
    section.hidden = !t.episode;
    if (!t.episode) return;
    const series = await app.api('/api/catalog/series/' + t.episode.seriesId);
    for (const season of series.seasons) {
      for (const e of season.episodes) {
        const item = document.createElement('li');
        item.dataset.titleId = e.titleId;
        const link = document.createElement('a');
        link.href = '#/title/' + e.titleId;
        link.textContent = 'S' + season.number + ' E' + e.number + ' · ' + e.name;
        if (e.titleId === t.id) link.setAttribute('aria-current', 'page');
        item.append(link);
        list.append(item);
      }
    }
  }

  /** Shows the title {@code id}; resolves once the page is filled. */
  async function open(app, id) {
    const t = await app.api('/api/catalog/titles/' + encodeURIComponent(id)
      + '?profileId=' + app.profile());
    MarqueeCards.remember([t]);
    const [resume, lists, likes, favourites] = await Promise.all([
      position(app, id), app.myList(), app.api('/api/catalog/likes/' + id + '?profileId=' + app.profile()),
      app.api('/api/catalog/favourites?profileId=' + app.profile()),
    ]);
    const page = byId('title-page');
    page.dataset.titleId = t.id;
    const backdrop = byId('title-backdrop');
    backdrop.classList.remove('missing');
    backdrop.onerror = () => backdrop.classList.add('missing');
    backdrop.src = '/api/catalog/titles/' + t.id + '/artwork/backdrop';
    byId('title-name').textContent = t.name;
    const episode = byId('title-episode');
    episode.hidden = !t.episode;
    if (t.episode) {
      episode.textContent = t.episode.seriesName + ' · Season ' + t.episode.season
        + ', episode ' + t.episode.episode;
    }
    byId('title-meta').textContent = [t.releaseYear, 'Rated ' + t.maturityRating,
      minutes(t.durationMillis), t.category].filter(Boolean).join(' · ');
    byId('title-synopsis').textContent = t.synopsis;
    const resumable = resume && !resume.watched && resume.positionSeconds > 1;
    const play = byId('title-play');
    play.textContent = resumable ? 'Resume from ' + clock(resume.positionSeconds) : 'Play';
    byId('title-start-over').hidden = !resumable;
    const progress = byId('title-progress');
    progress.hidden = !resumable || !t.durationMillis;
    if (resumable && t.durationMillis) {
      const left = Math.max(0, t.durationMillis / 1000 - resume.positionSeconds);
      progress.textContent = clock(left) + ' left';
    }
    const inList = lists.titleIds.includes(t.id);
    setPressed(byId('title-list'), inList, 'In My list ✓', 'Add to My list');
    setPressed(byId('title-like'), likes.liked, 'Liked (' + likes.likes + ')', 'Like (' + likes.likes + ')');
    setPressed(byId('title-favourite'), favourites.titleIds.includes(t.id), 'Favourite ✓', 'Favourite');
    byId('title-share-link').hidden = true;
    byId('title-facts').replaceChildren(
      ...fact('Audio', (t.audioLanguages || []).join(', ')),
      ...fact('Subtitles', (t.subtitleLanguages || []).join(', ')),
      ...fact('Original language', t.language));
    const credits = byId('title-credits');
    credits.replaceChildren(...(t.credits || []).map((c) => {
      const item = document.createElement('li');
      item.textContent = c.person + ' · ' + c.role.toLowerCase()
        + (c.character ? ' (' + c.character + ')' : '');
      return item;
    }));
    byId('title-credits-section').hidden = !(t.credits || []).length;
    await episodes(app, t);
    app.current = t;
    return t;
  }

  /** Wires the page's buttons once; they act on the title shown ({@code app.current}). */
  function wire(app) {
    const act = (fn) => () => fn(app.current).catch(app.failed);
    byId('title-play').addEventListener('click', act((t) => watch(t)));
    byId('title-start-over').addEventListener('click', act(async (t) => {
      await watch(t);
      byId('video').currentTime = 0;
    }));
    byId('title-list').addEventListener('click', act(async (t) => {
      const list = await app.myList(true);
      const inList = list.titleIds.includes(t.id);
      const updated = await app.api('/api/catalog/lists/' + list.id + '/items/' + t.id
        + '?profileId=' + app.profile(), { method: inList ? 'DELETE' : 'PUT' });
      app.listChanged(updated);
      setPressed(byId('title-list'), !inList, 'In My list ✓', 'Add to My list');
    }));
    byId('title-like').addEventListener('click', act(async (t) => {
      const liked = byId('title-like').getAttribute('aria-pressed') === 'true';
      const count = await app.api('/api/catalog/likes/' + t.id + '?profileId=' + app.profile(),
        { method: liked ? 'DELETE' : 'PUT' });
      setPressed(byId('title-like'), count.liked, 'Liked (' + count.likes + ')', 'Like (' + count.likes + ')');
    }));
    byId('title-favourite').addEventListener('click', act(async (t) => {
      const on = byId('title-favourite').getAttribute('aria-pressed') === 'true';
      await app.api('/api/catalog/favourites/' + t.id + '?profileId=' + app.profile(),
        { method: on ? 'DELETE' : 'PUT' });
      setPressed(byId('title-favourite'), !on, 'Favourite ✓', 'Favourite');
    }));
    byId('title-share').addEventListener('click', act(async (t) => {
      const share = await app.api('/api/catalog/shares', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ titleId: t.id }),
      });
      const link = byId('title-share-link');
      link.textContent = 'Share this link (until ' + new Date(share.expiresAt).toLocaleDateString()
        + '): ' + new URL(share.url, location.href).href;
      link.hidden = false;
    }));
  }

  return { open, wire };
})();
window.MarqueeTitlePage = MarqueeTitlePage;
