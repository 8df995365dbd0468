// The connection settings the user may set: a backend base URL and an API key, kept in
// localStorage so they survive reloads. `storage` is injectable (tests pass a Map-like object).

const KEY = 'yt-lyrics.settings';

export function loadSettings(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return {baseUrl: String(saved.baseUrl ?? ''), apiKey: String(saved.apiKey ?? '')};
  } catch {
    return {baseUrl: '', apiKey: ''};
  }
}

export function saveSettings(storage, {baseUrl = '', apiKey = ''}) {
  try {
    storage?.setItem(KEY, JSON.stringify({baseUrl: baseUrl.trim(), apiKey: apiKey.trim()}));
  } catch {
    // Private mode or storage full: settings last for this visit only.
  }
}
