// Talking to the platform through the gateway on this page's own origin: the BFF for screens (/api/web/...),
// identity for the session, the domain routes for actions. The access token lives in memory and sessionStorage
// (this tab only); it is renewed with the refresh token before it expires, so calls do not meet a 401 on the way.

const STORE = 'cinemaabyss.session';
const listeners = new Set();
let session = load();
let refreshing = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE));
    return saved && typeof saved.access === 'string' && typeof saved.refresh === 'string' ? saved : null;
  } catch {
    return null;
  }
}

function keep(pair) {
  const lifetime = Math.max(1, Number(pair.expires_in) || 60) * 1000;
  // Renew once 60 % of the lifetime has passed: early enough that a slow call still carries a valid token.
  session = {access: pair.access_token, refresh: pair.refresh_token, renewAt: Date.now() + lifetime * 0.6};
  sessionStorage.setItem(STORE, JSON.stringify(session));
  listeners.forEach((listener) => listener(true));
}

export function signedIn() {
  return session !== null;
}

export function onSession(listener) {
  listeners.add(listener);
}

export function signOut() {
  const refresh = session?.refresh;
  session = null;
  sessionStorage.removeItem(STORE);
  listeners.forEach((listener) => listener(false));
  if (refresh) {
    // Revokes the login on the server too; nothing to wait for.
    fetch('/api/auth/logout', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({refresh_token: refresh})})
      .catch(() => {});
  }
}

export async function signIn(email, password) {
  keep(await call('/api/auth/login', {method: 'POST', body: {email, password}, anonymous: true}));
}

export async function signUp(email, password, username) {
  await call('/api/auth/register', {method: 'POST', body: {email, password, username}, anonymous: true});
  await signIn(email, password);
}

/** One refresh at a time: the refresh token rotates, and using an old one again revokes the whole login. */
function renew() {
  if (!refreshing) {
    const refresh = session?.refresh;
    refreshing = (async () => {
      try {
        const response = await fetch('/api/auth/refresh', {method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
          body: JSON.stringify({refresh_token: refresh})});
        if (response.status === 400 || response.status === 401 || response.status === 403) {
          signOut();
          throw new ApiError(401, 'your session has ended: please sign in again');
        }
        // Anything else (a 429, a 503, no network) says nothing about the login: keep it, try again on the next call.
        if (!response.ok) throw new ApiError(503, 'could not renew the session just now: try again');
        keep(await response.json());
      } catch (error) {
        throw error instanceof ApiError ? error : new ApiError(503, 'could not renew the session just now: try again');
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

async function bearer() {
  if (!session) return null;
  if (Date.now() >= session.renewAt) {
    try {
      await renew();
    } catch (error) {
      // Renewal starts with 40 % of the token's life left: a renewal that failed for now leaves a token still good.
      if (error.status === 401) throw error;
    }
  }
  return session ? 'Bearer ' + session.access : null;
}

export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * call(path, {method, body, idempotencyKey, anonymous, keepalive}) → the parsed JSON body of a 2xx (null for none);
 * anything else throws an ApiError carrying the platform's {"error": "..."} message.
 */
export async function call(path, options = {}) {
  const {method = 'GET', body, anonymous = false, keepalive = false} = options;
  const send = async () => {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const token = anonymous ? null : await bearer();
    if (token) headers.Authorization = token;
    return fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), keepalive});
  };
  let response = await send();
  if (response.status === 401 && !anonymous && session) {
    await renew(); // the token was refused after all (a clock apart): renew once and try again
    response = await send();
  }
  const text = await response.text();
  let json = null;
  if (text && (response.headers.get('Content-Type') || '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !anonymous) signOut();
    throw new ApiError(response.status, typeof json?.error === 'string' ? json.error : 'the request failed (' + response.status + ')');
  }
  return json;
}

/** A screen from the web BFF. */
export function screen(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return call('/api/web/' + path + (search ? '?' + search : ''));
}
