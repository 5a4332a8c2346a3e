import {call} from '../api.js';
import {h} from '../dom.js';
import {field} from './auth.js';

/** The links in identity's mails carry opaque tokens of a bounded alphabet; anything else is not one. */
function tokenOf(params) {
  const token = params.get('token');
  return typeof token === 'string' && /^[A-Za-z0-9_-]{16,256}$/.test(token) ? token : null;
}

function broken() {
  return h('div', {class: 'panel narrow'}, h('h1', {}, 'This link is not valid'),
    h('p', {class: 'error', role: 'alert'}, 'The link is incomplete or damaged. Open it again from the mail, or ask for a new one.'),
    h('a', {href: '#/'}, 'Go home'));
}

/** #/verify-email?token=...: the welcome mail's link. Confirming takes a press, so a link scanner that opens it confirms nothing. */
export async function verifyEmailView({params}) {
  const token = tokenOf(params);
  if (!token) return broken();
  const status = h('p', {role: 'status', id: 'verify-status'});
  const submit = h('button', {type: 'submit', id: 'verify-submit'}, 'Confirm my email address');
  const form = h('form', {class: 'panel narrow'}, h('h1', {}, 'Confirm your email address'), status, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.className = '';
    status.textContent = '';
    try {
      await call('/api/auth/verify-email', {method: 'POST', body: {token}, anonymous: true});
      status.textContent = 'Your email address is confirmed. ';
      status.append(h('a', {href: '#/'}, 'Go home'));
      submit.hidden = true;
    } catch (failure) {
      status.className = 'error';
      status.textContent = failure.message;
      submit.disabled = false;
    }
  });
  return form;
}

/** #/reset-password?token=...: the reset mail's link; the new password and the token go to identity. */
export async function resetPasswordView({params}) {
  const token = tokenOf(params);
  if (!token) return broken();
  const status = h('p', {role: 'alert', id: 'reset-status'});
  const password = h('input', {id: 'new-password', name: 'new-password', type: 'password', required: true, minlength: 12, maxlength: 256,
    autocomplete: 'new-password'});
  const submit = h('button', {type: 'submit', id: 'reset-submit'}, 'Set the new password');
  const form = h('form', {class: 'panel narrow'}, h('h1', {}, 'Choose a new password'),
    field('New password', password, 'At least 12 characters; a few words make a good one.'), status, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.className = '';
    status.textContent = '';
    try {
      await call('/api/auth/password-reset', {method: 'POST', body: {token, new_password: password.value}, anonymous: true});
      status.textContent = 'Your password is changed. ';
      status.append(h('a', {href: '#/signin'}, 'Sign in'));
      submit.hidden = true;
      password.value = '';
    } catch (failure) {
      status.className = 'error';
      status.textContent = failure.message;
      submit.disabled = false;
    }
  });
  return form;
}
