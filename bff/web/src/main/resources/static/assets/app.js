// The single-page client: hash routes (#/, #/browse, #/title/12, ...), each a view that fetches its screen from the
// web BFF and draws it with the DOM helpers. No framework, no build step: the browser loads these ES modules as they are.
import {onSession, signedIn, signOut} from './api.js';
import {show, h} from './dom.js';
import {authView} from './views/auth.js';
import {homeView} from './views/home.js';
import {browseView} from './views/browse.js';
import {titleView} from './views/title.js';
import {subscribeView} from './views/subscribe.js';
import {playerView} from './views/player.js';
import {accountView} from './views/account.js';
import {verifyEmailView, resetPasswordView} from './views/tokens.js';

const routes = [
  [/^\/$/, () => homeView],
  [/^\/signin$/, () => authView('signin')],
  [/^\/signup$/, () => authView('signup')],
  [/^\/browse$/, () => browseView],
  [/^\/title\/(\d{1,15})$/, () => titleView],
  [/^\/subscribe$/, () => subscribeView],
  [/^\/play\/(\d{1,15})$/, () => playerView],
  [/^\/account$/, () => accountView],
  [/^\/verify-email$/, () => verifyEmailView],
  [/^\/reset-password$/, () => resetPasswordView],
];
/** Views that need a signed-in viewer send everyone else to sign in first, and back afterwards. */
const needsSession = new Set([subscribeView, playerView, accountView]);

const view = document.getElementById('view');
const notice = document.getElementById('notice');
let leaving = null; // what the current view does when it is left (the player saves its position)
let navigation = 0;

export function notify(message) {
  notice.hidden = !message;
  notice.textContent = message || '';
}

function parse() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?', 2);
  return {path, params: new URLSearchParams(search)};
}

async function render() {
  const current = ++navigation;
  if (leaving) {
    const leave = leaving;
    leaving = null;
    try {
      leave();
    } catch {
      // a view's clean-up never blocks the next view
    }
  }
  notify('');
  const {path, params} = parse();
  const match = routes.map(([pattern, make]) => [path.match(pattern), make]).find(([found]) => found);
  if (!match) {
    show(view, h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. '), h('a', {href: '#/'}, 'Go home'));
    return;
  }
  const [found, make] = match;
  const draw = make();
  if (needsSession.has(draw) && !signedIn()) {
    location.hash = '#/signin?next=' + encodeURIComponent(location.hash.slice(1));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  show(view, h('p', {class: 'muted'}, 'Loading…'));
  try {
    const context = {
      params,
      id: found[1] ? Number(found[1]) : null,
      stale: () => current !== navigation,
      onLeave: (fn) => {
        leaving = fn;
      },
    };
    const content = await draw(context);
    if (current !== navigation) return;
    show(view, content);
    document.title = (view.querySelector('h1')?.textContent || 'Home') + ' · CinemaAbyss';
    view.focus({preventScroll: true});
  } catch (error) {
    if (current !== navigation) return;
    if (error?.status === 401) {
      location.hash = '#/signin?next=' + encodeURIComponent(location.hash.slice(1));
      return;
    }
    show(view, h('h1', {}, 'Something went wrong'), h('p', {class: 'error'}, error?.message || String(error)),
      h('button', {type: 'button', onclick: render}, 'Try again'));
  } finally {
    if (current === navigation) view.removeAttribute('aria-busy');
  }
}

function reflectSession(inside) {
  document.querySelectorAll('[data-when]').forEach((el) => {
    el.hidden = (el.dataset.when === 'signed-in') !== inside;
  });
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.hash = '#/';
});
onSession(reflectSession);
reflectSession(signedIn());
window.addEventListener('hashchange', render);
window.addEventListener('pagehide', () => leaving?.());
render();
