import {screen} from '../api.js';
import {card, degradedNote, h, route, show} from '../dom.js';
import {field} from './auth.js';

const FILTERS = ['q', 'type', 'genre', 'country', 'year_from', 'year_to', 'sort'];

/** Search and browse with facets: the URL holds the query, so a search can be bookmarked and the back button works. */
export async function browseView({params}) {
  const query = Object.fromEntries(FILTERS.filter((key) => params.get(key)).map((key) => [key, params.get(key).slice(0, 200)]));
  const results = await screen('browse', {...query, limit: 24});
  const list = h('ul', {class: 'cards', id: 'results'}, (results.items || []).map((item) => h('li', {}, card(item,
    item.rating?.votes ? h('span', {class: 'card-meta'}, '★ ' + Number(item.rating.average).toFixed(1)) : null))));
  const more = h('button', {type: 'button', id: 'more', hidden: !results.next_cursor}, 'Show more');
  let cursor = results.next_cursor;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await screen('browse', {...query, limit: 24, cursor});
      (page.items || []).forEach((item) => list.append(h('li', {}, card(item))));
      cursor = page.next_cursor;
      more.hidden = !cursor;
    } finally {
      more.disabled = false;
    }
  });
  return h('div', {class: 'browse'},
    h('h1', {}, query.q ? 'Results for “' + query.q + '”' : 'Browse'),
    searchForm(query),
    degradedNote(results.degraded),
    activeFilters(query),
    h('div', {class: 'browse-body'},
      facets(results.facets, query),
      h('section', {'aria-labelledby': 'results-heading', class: 'results'},
        h('h2', {id: 'results-heading'}, results.total === 1 ? '1 title' : (results.total || 0) + ' titles'),
        (results.items || []).length ? list : h('p', {class: 'muted'}, 'Nothing matches: try fewer filters or another spelling.'),
        more)));
}

function searchForm(query) {
  const q = h('input', {id: 'search', name: 'q', type: 'search', value: query.q || '', maxlength: 200, placeholder: 'Title, person, genre…'});
  const type = select('type', 'Kind', [['', 'Films and series'], ['movie', 'Films'], ['series', 'Series']], query.type);
  const sort = select('sort', 'Order', [['', 'Best match'], ['year', 'Newest'], ['rating', 'Rating'], ['title', 'Title']], query.sort);
  const form = h('form', {class: 'search', role: 'search'}, field('Search', q), field('Kind', type), field('Order', sort),
    h('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/browse', {...query, q: q.value.trim(), type: type.value, sort: sort.value});
  });
  return form;
}

function select(id, label, options, current) {
  return h('select', {id, name: id, 'aria-label': label},
    options.map(([value, text]) => h('option', {value, selected: (current || '') === value}, text)));
}

function facets(all, query) {
  if (!all) return h('aside', {class: 'facets'});
  const group = (name, key, entries, toQuery) => entries?.length ? h('section', {class: 'facet', 'aria-labelledby': 'facet-' + key},
    h('h2', {id: 'facet-' + key}, name),
    h('ul', {}, entries.slice(0, 15).map((entry) => {
      const target = toQuery(entry.value);
      const active = Object.entries(target).every(([k, v]) => query[k] === String(v));
      return h('li', {}, h('a', {href: route('/browse', {...query, ...target}), class: active ? 'active' : null,
        'aria-current': active ? 'true' : null, dataset: {facet: key, value: String(entry.value)}},
      String(entry.value), ' ', h('span', {class: 'count'}, '(' + entry.count + ')')));
    }))) : null;
  return h('aside', {class: 'facets', 'aria-label': 'Filters'},
    group('Genres', 'genre', all.genres, (value) => ({genre: value})),
    group('Countries', 'country', all.countries, (value) => ({country: value})),
    group('Decades', 'decade', all.decades, (value) => {
      const start = parseInt(value, 10);
      return Number.isInteger(start) ? {year_from: start, year_to: start + 9} : {};
    }));
}

function activeFilters(query) {
  const chips = ['genre', 'country', 'type'].filter((key) => query[key]).map((key) => [key, query[key]]);
  if (query.year_from || query.year_to) chips.push(['years', (query.year_from || '…') + '–' + (query.year_to || '…')]);
  if (!chips.length) return null;
  return h('p', {class: 'chips'}, 'Filtered by ', chips.map(([key, value]) => {
    const without = {...query};
    if (key === 'years') {
      delete without.year_from;
      delete without.year_to;
    } else {
      delete without[key];
    }
    return h('a', {class: 'chip', href: route('/browse', without), 'aria-label': 'Remove filter ' + value}, value + ' ✕');
  }));
}
