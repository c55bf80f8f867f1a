'use strict';
// The search page: results as the viewer types (prefixes and typos), with the search API's
// category, language, rating, year, duration and cast filters, its sorts, facet counts beside each
// choice, and cursor paging. Only what the chosen profile may watch (the API applies its cap).

const MarqueeSearchPage = (() => {
  const byId = (id) => document.getElementById(id);
  let timer;
  let generation = 0;
  let nextCursor = null;

  function criteria(app) {
    const params = new URLSearchParams({ profileId: app.profile(), limit: '20' });
    const q = byId('search').value.trim();
    if (q) params.set('q', q);
    const pairs = [['category', 'filter-category'], ['language', 'filter-language'],
      ['maturity', 'filter-maturity'], ['yearFrom', 'filter-year-from'], ['yearTo', 'filter-year-to'],
      ['cast', 'filter-cast']];
    for (const [name, id] of pairs) {
      const value = byId(id).value.trim();
      if (value) params.set(name, value);
    }
    const longest = byId('filter-duration-max').value.trim();
    if (longest) params.set('durationMax', longest);
    params.set('sort', byId('filter-sort').value);
    return params;
  }

  /** Facet counts as the choices of a select, keeping what the viewer picked. */
  function choices(select, counts, label) {
    const picked = select.value;
    const options = [new Option('Any', '')];
    for (const [value, count] of Object.entries(counts || {}).sort()) {
      options.push(new Option(label(value) + ' (' + count + ')', value));
    }
    if (picked && !Object.prototype.hasOwnProperty.call(counts || {}, picked)) {
      options.push(new Option(label(picked) + ' (0)', picked));
    }
    select.replaceChildren(...options);
    select.value = picked;
  }

  function render(result, append) {
    const list = byId('search-results');
    const cards = result.items.map((t) => MarqueeCards.card(t, {
      extra: [t.releaseYear, t.maturityRating, MarqueeCards.minutes(t.durationMillis)]
        .filter(Boolean).join(' · '),
    }));
    if (append) list.append(...cards);
    else list.replaceChildren(...cards);
    MarqueeCards.remember(result.items);
    const shown = list.children.length;
    byId('search-total').textContent = result.total === 0 ? 'No titles match.'
      : shown + ' of ' + result.total + (result.total === 1 ? ' title' : ' titles');
    nextCursor = result.nextCursor;
    byId('search-more').hidden = !nextCursor;
    const facets = result.facets || {};
    const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);
    choices(byId('filter-category'), facets.category, upper);
    choices(byId('filter-language'), facets.language, (s) => s);
    window.marquee.searchTotal = result.total;
  }

  /** Runs the search now; a newer search started meanwhile wins. */
  async function run(app, append) {
    const mine = ++generation;
    const params = criteria(app);
    if (append && nextCursor) params.set('cursor', nextCursor);
    try {
      const result = await app.api('/api/catalog/search?' + params);
      if (mine === generation) render(result, append);
    } catch (e) {
      if (mine === generation) app.failed(e);
    }
  }

  /** Searches a quarter of a second after the last change (typing is live). */
  function soon(app) {
    clearTimeout(timer);
    timer = setTimeout(() => run(app, false), 250);
  }

  function wire(app) {
    byId('search').addEventListener('input', () => {
      if (location.hash !== '#/search') location.hash = '#/search';
      soon(app);
    });
    byId('search-box').addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = '#/search';
      run(app, false);
    });
    const filters = byId('search-filters');
    filters.addEventListener('change', () => soon(app));
    filters.addEventListener('input', () => soon(app));
    filters.addEventListener('submit', (event) => { event.preventDefault(); run(app, false); });
    filters.addEventListener('reset', () => setTimeout(() => run(app, false)));
    byId('search-more').addEventListener('click', () => run(app, true));
  }

  return { run, wire };
})();
window.MarqueeSearchPage = MarqueeSearchPage;
