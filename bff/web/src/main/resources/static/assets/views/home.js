import {screen, signedIn} from '../api.js';
import {card, clock, date, degradedNote, h, route, section} from '../dom.js';

export async function homeView() {
  const home = await screen('home');
  const continuing = (home.continue_watching || []).map((item) => {
    const label = item.episode_id ? 'S' + item.season + ' E' + item.episode : null;
    const href = route('/play/' + Number(item.title_id), {episode: item.episode_id, at: item.position_s});
    return card(item, [
      label ? h('span', {class: 'card-meta'}, label) : null,
      item.duration_s ? h('progress', {max: item.duration_s, value: item.position_s, 'aria-label': 'Watched ' + clock(item.position_s)}) : null,
      h('span', {class: 'card-meta'}, 'Resume at ' + clock(item.position_s)),
    ], href);
  });
  const recommended = (home.recommendations || []).map((item) => card(item, item.reason ? h('span', {class: 'reason'}, item.reason) : null));
  const releases = (home.new_releases || []).map((item) => card(item));
  return h('div', {class: 'home'},
    h('h1', {class: 'visually-hidden'}, 'Home'),
    degradedNote(home.degraded),
    subscriptionBanner(home.subscription),
    section('Continue watching', 'continue-watching', continuing),
    section('Recommended for you', 'recommendations', recommended),
    section('New releases', 'new-releases', releases, 'The catalog is empty for now.'));
}

function subscriptionBanner(subscription) {
  if (!signedIn()) {
    return h('section', {class: 'banner', id: 'subscription'},
      h('p', {}, 'Watch films and series on any screen. '),
      h('a', {class: 'button', href: '#/signup'}, 'Create an account'), ' ', h('a', {href: '#/signin'}, 'or sign in'));
  }
  if (subscription?.active) {
    return h('section', {class: 'banner ok', id: 'subscription'},
      h('p', {}, 'Your plan ', h('strong', {}, subscription.plan_id || ''), subscription.until ? ' is active until ' + date(subscription.until) + '.' : ' is active.'));
  }
  return h('section', {class: 'banner', id: 'subscription'},
    h('p', {}, subscription ? 'You have no active plan: pick a title and subscribe to watch it.' : 'Your plan could not be checked just now.'),
    h('a', {class: 'button', href: '#/browse'}, 'Browse the catalog'));
}
