import {call, screen} from '../api.js';
import {ageRating, card, degradedNote, h, money, poster, route, section} from '../dom.js';

const REASONS = {
  sign_in_required: 'Sign in to watch.',
  subscription_required: 'Watching needs a plan.',
  not_licensed: 'Not available in your country right now.',
  age_restricted: 'Above this profile’s age limit.',
  not_found: 'That episode is not part of this series.',
};

export async function titleView({id, params}) {
  const episode = params.get('episode');
  const screenData = await screen('titles/' + id, {episode_id: /^\d{1,15}$/.test(episode || '') ? episode : null});
  const {title, availability, plans, viewer} = screenData;
  const facts = [title.release_year, title.kind === 'series' ? 'Series' : 'Film', ageRating(title.age_rating),
    title.runtime_min ? title.runtime_min + ' min' : null, (title.countries || []).join(', ')].filter(Boolean).join(' · ');
  const people = (title.people || []).slice(0, 12);
  return h('article', {class: 'title-page', dataset: {titleId: String(title.title_id)}},
    degradedNote(screenData.degraded),
    h('div', {class: 'title-head'},
      poster(title.title, title.title_id),
      h('div', {},
        h('h1', {}, title.title),
        title.original_title && title.original_title !== title.title ? h('p', {class: 'muted', lang: title.original_language || null}, title.original_title) : null,
        h('p', {class: 'facts'}, facts),
        (title.genres || []).length ? h('p', {class: 'genres'}, title.genres.map((genre) => h('a', {class: 'chip', href: route('/browse', {genre})}, genre))) : null,
        h('p', {class: 'rating', id: 'rating'}, title.rating?.votes ? '★ ' + Number(title.rating.average).toFixed(1) + ' from ' + title.rating.votes + ' ratings' : 'Not rated yet'),
        watchBox(title, availability, plans),
        viewer ? viewerControls(title.title_id, viewer) : null)),
    title.description ? h('p', {class: 'description'}, title.description) : null,
    people.length ? h('section', {'aria-labelledby': 'people-heading'}, h('h2', {id: 'people-heading'}, 'Cast and crew'),
      h('ul', {class: 'people'}, people.map((person) => h('li', {}, h('strong', {}, person.name), ' ',
        h('span', {class: 'muted'}, person.character ? person.role + ' — ' + person.character : person.role))))) : null,
    seasons(title, availability),
    section('Similar titles', 'similar', (screenData.similar || []).map((item) => card(item))));
}

function watchBox(title, availability, plans) {
  if (!availability) return h('p', {class: 'muted', id: 'availability'}, 'Availability could not be checked just now.');
  if (availability.playable) {
    return h('p', {id: 'availability'}, h('a', {class: 'button', id: 'play', href: route('/play/' + title.title_id)},
      title.kind === 'series' ? '▶ Play the first episode' : '▶ Play'));
  }
  const reason = REASONS[availability.reason] || 'Not available right now.';
  const box = h('div', {id: 'availability', class: 'watch-box'}, h('p', {}, reason));
  if (availability.reason === 'sign_in_required') {
    box.append(h('a', {class: 'button', href: '#/signin?next=' + encodeURIComponent('/title/' + title.title_id)}, 'Sign in'));
  } else if (availability.reason === 'subscription_required') {
    box.append(h('ul', {class: 'plans'}, (plans || []).map((plan) => h('li', {},
      h('a', {class: 'button', href: route('/subscribe', {plan: plan.plan_id, title: title.title_id}), dataset: {plan: plan.plan_id}},
        'Subscribe: ' + (plan.name || plan.plan_id)),
      ' ', h('span', {class: 'price'}, priceLine(plan))))));
  }
  return box;
}

export function priceLine(plan) {
  const price = (plan.prices || [])[0];
  const per = plan.period ? ' a ' + plan.period : '';
  const trial = plan.trial_days ? ', first ' + plan.trial_days + ' days free' : '';
  return price ? money(price.price_minor, price.currency) + per + trial : '';
}

function viewerControls(titleId, viewer) {
  let favorite = Boolean(viewer.favorite);
  const button = h('button', {type: 'button', id: 'favorite', 'aria-pressed': String(favorite)});
  const label = () => {
    button.textContent = favorite ? '♥ In your favourites' : '♡ Add to favourites';
    button.setAttribute('aria-pressed', String(favorite));
  };
  label();
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await call('/api/v1/me/favorites/' + titleId, {method: favorite ? 'DELETE' : 'PUT'});
      favorite = !favorite;
      label();
    } catch (error) {
      button.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });
  const rating = h('select', {id: 'my-rating', 'aria-label': 'Your rating'},
    h('option', {value: ''}, 'Your rating…'),
    Array.from({length: 10}, (_, i) => h('option', {value: String(10 - i), selected: viewer.rating === 10 - i}, String(10 - i) + ' / 10')));
  const saved = h('span', {class: 'muted', role: 'status'});
  rating.addEventListener('change', async () => {
    saved.textContent = '';
    try {
      if (rating.value) {
        await call('/api/v1/me/ratings/' + titleId, {method: 'PUT', body: {rating: Number(rating.value)}});
      } else {
        await call('/api/v1/me/ratings/' + titleId, {method: 'DELETE'});
      }
      saved.textContent = 'Saved';
    } catch (error) {
      saved.textContent = error.message;
    }
  });
  return h('div', {class: 'viewer-controls'}, button, ' ', rating, ' ', saved);
}

function seasons(title, availability) {
  if (title.kind !== 'series' || !(title.seasons || []).length) return null;
  const playable = availability?.playable;
  return h('section', {'aria-labelledby': 'seasons-heading', class: 'seasons'},
    h('h2', {id: 'seasons-heading'}, 'Episodes'),
    title.seasons.map((season) => h('details', {open: season.number === title.seasons[0].number},
      h('summary', {}, season.title || 'Season ' + season.number),
      h('ol', {class: 'episodes'}, (season.episodes || []).map((episode) => h('li', {value: episode.number},
        h('span', {class: 'episode-title'}, episode.title),
        episode.runtime_min ? h('span', {class: 'muted'}, ' · ' + episode.runtime_min + ' min') : null,
        playable ? h('a', {class: 'button small', href: route('/play/' + title.title_id, {episode: episode.episode_id}),
          'aria-label': 'Play ' + episode.title}, '▶') : null,
        episode.description ? h('p', {class: 'muted'}, episode.description) : null))))));
}
