import {call, idempotencyKey} from '../api.js';
import {clock, h, route} from '../dom.js';

const SAVE_EVERY_MS = 10_000;
const HLS_MODULE = '/assets/vendor/hls.js/hls.light.js';

/**
 * Play: content grants a session and a signed stream URL on the media origin; hls.js (where the browser has Media
 * Source Extensions; Safari plays HLS itself) loads it. The position is saved as progress while watching (throttled),
 * on pause and end, and when the viewer leaves, so continue watching picks it up.
 */
export async function playerView({id, params, onLeave, stale}) {
  const episode = /^\d{1,15}$/.test(params.get('episode') || '') ? Number(params.get('episode')) : null;
  const resumeAt = Math.max(0, Number(params.get('at')) || 0);
  const what = episode ? {episode_id: episode} : {title_id: id};
  const playback = await call('/api/v1/playback', {method: 'POST', body: what, idempotencyKey: idempotencyKey()});
  const stream = new URL(playback.stream_url);
  if (stream.protocol !== 'http:' && stream.protocol !== 'https:') throw new Error('the stream address is not one this player opens');

  const video = h('video', {id: 'video', controls: true, playsinline: true, preload: 'auto', 'aria-label': 'Video player'});
  const status = h('p', {id: 'player-status', role: 'status', dataset: {manifest: 'loading', fragments: '0'}}, 'Loading the stream…');
  const saved = h('p', {id: 'progress-status', class: 'muted', role: 'status'});
  let hls = null;
  let lastSaved = 0;
  let savedPosition = -1;
  let left = false;

  const save = (final) => {
    const position = Math.floor(video.currentTime || 0);
    const duration = Math.floor(video.duration);
    if (!Number.isFinite(duration) || duration < 1 || position === savedPosition) return;
    savedPosition = position;
    lastSaved = Date.now();
    call('/api/v1/me/progress', {method: 'POST', body: {...what, position_s: Math.min(position, duration), duration_s: duration}, keepalive: final})
      .then(() => {
        saved.textContent = 'Progress saved at ' + clock(position);
        saved.dataset.position = String(position);
      })
      .catch((error) => {
        saved.textContent = 'Progress not saved: ' + error.message;
      });
  };
  video.addEventListener('timeupdate', () => {
    if (video.currentTime >= 1 && (savedPosition < 0 || Date.now() - lastSaved >= SAVE_EVERY_MS)) save(false);
  });
  video.addEventListener('pause', () => save(false));
  video.addEventListener('ended', () => save(false));
  video.addEventListener('loadeddata', () => {
    status.dataset.media = 'loaded';
  });
  video.addEventListener('playing', () => {
    status.textContent = 'Playing';
  });
  onLeave(() => {
    left = true;
    save(true);
    hls?.destroy();
    video.removeAttribute('src');
  });

  const start = () => {
    if (resumeAt > 0 && resumeAt < (video.duration || Infinity)) video.currentTime = resumeAt;
    video.play().catch(() => {
      status.textContent = 'Ready: press play';
    });
  };
  const Hls = await loadHls();
  if (left || stale()) return h('p', {}, '');
  if (Hls?.isSupported()) {
    hls = new Hls({enableWorker: false, startPosition: resumeAt || -1});
    let fragments = 0;
    let recoveries = 0;
    hls.on(Hls.Events.MANIFEST_PARSED, (event, data) => {
      status.dataset.manifest = 'parsed';
      status.textContent = 'Stream ready (' + data.levels.length + (data.levels.length === 1 ? ' quality)' : ' qualities)');
      start();
    });
    hls.on(Hls.Events.FRAG_LOADED, () => {
      fragments += 1;
      status.dataset.fragments = String(fragments);
    });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal) return; // hls.js retries these itself
      if (recoveries++ < 2 && data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        hls.startLoad();
      } else if (recoveries <= 2 && data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        status.dataset.manifest = 'failed';
        status.textContent = 'The stream could not be played (' + data.details + '). Try again in a moment.';
        hls.destroy();
      }
    });
    hls.loadSource(stream.href);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = stream.href;
    video.addEventListener('loadedmetadata', () => {
      status.dataset.manifest = 'parsed';
      status.textContent = 'Stream ready';
      start();
    }, {once: true});
  } else {
    status.textContent = 'This browser cannot play HLS streams.';
  }

  const back = route('/title/' + id);
  return h('section', {class: 'player'},
    h('h1', {}, 'Now playing'),
    video, status, saved,
    h('p', {class: 'muted'}, 'Session ', playback.session_id, ' · the link is valid until ', new Date(playback.expires_at).toLocaleTimeString()),
    h('a', {href: back, id: 'back-to-title'}, '← Back to the title'));
}

async function loadHls() {
  try {
    return (await import(HLS_MODULE)).default;
  } catch {
    return null;
  }
}
