// Building the page from data without ever parsing it as HTML: every value lands as text (textContent / text nodes)
// or as an attribute set through the DOM, so a title called "<img onerror=...>" shows exactly that.

/** h('a', {href: '#/', class: 'card', onclick: fn}, 'text', childNode, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what the element shows. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link to a route of this page; ids are numbers, and everything else is URL-encoded. */
export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return '#' + path + (search ? '?' + search : '');
}

export function money(minor, currency) {
  try {
    return new Intl.NumberFormat(undefined, {style: 'currency', currency}).format(minor / 100);
  } catch {
    return (minor / 100).toFixed(2) + ' ' + currency;
  }
}

export function date(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleDateString(undefined, {year: 'numeric', month: 'long', day: 'numeric'});
}

export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const rest = String(Math.floor((s % 3600) / 60)).padStart(hours ? 2 : 1, '0') + ':' + String(s % 60).padStart(2, '0');
  return hours ? hours + ':' + rest : rest;
}

export function ageRating(age) {
  return Number.isInteger(age) ? age + '+' : '';
}

/** A card's picture: the title's initials on a colour of its own (the catalog's posters live on outside hosts the
 *  page's policy does not load from). */
export function poster(title, id) {
  const initials = String(title || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]).join('').toUpperCase();
  return h('div', {class: 'poster hue-' + (Math.abs(Number(id) || 0) % 8), 'aria-hidden': 'true'}, initials);
}

/** A titled row of cards, or nothing when there are none. */
export function section(heading, id, items, empty) {
  const body = items.length ? h('ul', {class: 'cards'}, items.map((item) => h('li', {}, item))) : (empty ? h('p', {class: 'muted'}, empty) : null);
  if (!body) return null;
  return h('section', {class: 'row', 'aria-labelledby': id + '-heading', id},
    h('h2', {id: id + '-heading'}, heading), body);
}

export function card({title_id: id, title, kind, release_year: year, age_rating: age}, extra = [], href = route('/title/' + Number(id))) {
  return h('a', {class: 'card', href, dataset: {titleId: String(Number(id))}},
    poster(title, id),
    h('span', {class: 'card-title'}, title),
    h('span', {class: 'card-meta'}, [year, kind, ageRating(age)].filter(Boolean).join(' · ')),
    extra);
}

export function degradedNote(degraded) {
  if (!Array.isArray(degraded) || degraded.length === 0) return null;
  return h('p', {class: 'degraded', role: 'status'},
    'Some parts are not available right now: ' + degraded.map((part) => String(part).replaceAll('_', ' ')).join(', ') + '.');
}
