import {signIn, signUp} from '../api.js';
import {h} from '../dom.js';

/** Sign in or sign up; afterwards back to where the viewer was going (only ever a route of this page). */
export function authView(mode) {
  return async ({params}) => {
    const next = safeNext(params.get('next'));
    const up = mode === 'signup';
    const error = h('p', {class: 'error', role: 'alert', id: 'auth-error'});
    const email = h('input', {id: 'email', name: 'email', type: 'email', required: true, autocomplete: 'email', maxlength: 254});
    const password = h('input', {id: 'password', name: 'password', type: 'password', required: true, minlength: up ? 12 : null,
      maxlength: 256, autocomplete: up ? 'new-password' : 'current-password', 'aria-describedby': up ? 'password-hint' : null});
    const username = up ? h('input', {id: 'username', name: 'username', required: true, maxlength: 100, autocomplete: 'nickname'}) : null;
    const submit = h('button', {type: 'submit', id: 'auth-submit'}, up ? 'Create account' : 'Sign in');
    const form = h('form', {class: 'panel narrow', novalidate: false},
      h('h1', {}, up ? 'Create your account' : 'Sign in'),
      field('Email', email),
      username ? field('Name', username) : null,
      field('Password', password),
      up ? h('p', {id: 'password-hint', class: 'muted'}, 'At least 12 characters; a few words make a good one.') : null,
      error, submit,
      h('p', {}, up ? 'Already have an account? ' : 'New here? ',
        h('a', {href: (up ? '#/signin' : '#/signup') + (next !== '/' ? '?next=' + encodeURIComponent(next) : '')}, up ? 'Sign in' : 'Create an account')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      submit.disabled = true;
      try {
        if (up) {
          await signUp(email.value.trim(), password.value, username.value.trim());
        } else {
          await signIn(email.value.trim(), password.value);
        }
        location.hash = '#' + next;
      } catch (failure) {
        error.textContent = failure.message;
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  };
}

export function field(label, input, hint) {
  return h('div', {class: 'field'}, h('label', {for: input.id}, label), input, hint ? h('small', {class: 'muted'}, hint) : null);
}

function safeNext(next) {
  return typeof next === 'string' && /^\/[A-Za-z0-9/?=&%._-]{0,300}$/.test(next) && !next.startsWith('//') ? next : '/';
}
