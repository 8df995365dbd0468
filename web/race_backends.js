// The racing page's list of backends: parsed from the text box (one URL a line), kept in
// localStorage, preset from the server's config (GET /v1/config "race_backends"). Pure apart
// from load/save, which take an injectable Storage.

const KEY = 'yt-lyrics.race.backends';

// Normalises one backend URL: origin and path prefix, no trailing slash. Throws with a message
// for the user when it is not an http(s) URL.
export function normalizeBackend(text) {
  const trimmed = String(text).trim();
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`"${trimmed}" is not a URL; write it like https://lyrics.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${trimmed}" is not an http(s) URL; write it like https://lyrics.example.com`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

// Parses the text box: one URL a line (blank lines and duplicates dropped). Returns
// {backends, errors}: the good URLs in order, and a message per bad line.
export function parseBackendList(text) {
  const backends = [];
  const errors = [];
  for (const line of String(text).split(/\r?\n/)) {
    if (!line.trim()) continue;
    try {
      const backend = normalizeBackend(line);
      if (!backends.includes(backend)) backends.push(backend);
    } catch (err) {
      errors.push(err.message);
    }
  }
  return {backends, errors};
}

// The list to show: the saved one when the user saved one, else the server's preset, else this
// page's own origin (when it is served over http).
export function initialBackends({saved, preset, pageOrigin}) {
  if (Array.isArray(saved) && saved.length > 0) return saved;
  const fromServer = parseBackendList((preset ?? []).join('\n')).backends;
  if (fromServer.length > 0) return fromServer;
  return /^https?:/.test(pageOrigin ?? '') ? [pageOrigin] : [];
}

export function loadBackends(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null');
    return Array.isArray(saved) ? saved.filter((b) => typeof b === 'string') : null;
  } catch {
    return null;
  }
}

export function saveBackends(storage, backends) {
  try {
    storage?.setItem(KEY, JSON.stringify(backends));
  } catch {
    // Private mode or storage full: the list lasts for this visit only.
  }
}
