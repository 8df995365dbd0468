// Client for the yt-lyrics HTTP API v1. Every request can carry an API key
// (Authorization: Bearer) and go to another origin (baseUrl). No DOM access.

export const LYRICS_FORMATS = ['json', 'lrc', 'elrc', 'srt', 'vtt', 'ass'];
export const TERMINAL_STATES = new Set(['succeeded', 'failed', 'cancelled']);

// An API failure: `message` is meant for the user, `status` is the HTTP status (0: no answer),
// `code` the API's error code.
export class ApiError extends Error {
  constructor(message, {status = 0, code = ''} = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

// Turns a failed response into an ApiError, using the API's {"error": {"code", "message"}} body
// when there is one.
export async function errorFromResponse(response) {
  let code = '';
  let message = '';
  try {
    const body = JSON.parse(await response.text());
    code = body?.error?.code ?? '';
    message = body?.error?.message ?? '';
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status line.
  }
  if (!message) {
    message = `The server answered ${response.status} ${response.statusText || ''}`.trim() + '.';
  }
  return new ApiError(message, {status: response.status, code});
}

export class ApiClient {
  // baseUrl: the backend's origin and path prefix ("" for this page's own origin).
  // apiKey: sent as a Bearer token when not empty. fetchImpl: injectable for tests.
  constructor({baseUrl = '', apiKey = '', fetchImpl = globalThis.fetch.bind(globalThis)} = {}) {
    this.baseUrl = baseUrl.trim().replace(/\/+$/, '');
    this.apiKey = apiKey.trim();
    this.fetchImpl = fetchImpl;
  }

  url(path) {
    return this.baseUrl + path;
  }

  // True when media elements and plain links cannot load API URLs themselves (they send no
  // Authorization header), so the page must fetch the bytes and hand over a blob.
  needsFetchedMedia() {
    return this.apiKey !== '';
  }

  jobPath(id, suffix = '') {
    return `/v1/jobs/${encodeURIComponent(id)}${suffix}`;
  }

  async request(path, {method = 'GET', headers = {}, body, signal} = {}) {
    const allHeaders = {...headers};
    if (this.apiKey) allHeaders.Authorization = `Bearer ${this.apiKey}`;
    let response;
    try {
      response = await this.fetchImpl(this.url(path), {method, headers: allHeaders, body, signal});
    } catch (err) {
      if (err?.name === 'AbortError') throw err;
      throw new ApiError(
          `Could not reach the server at ${
              this.url(path)}; check the backend URL and your connection.`,
      );
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  // Submits a song: `file` (a File/Blob, sent as multipart field "audio") or `url`, with
  // optional `lyrics` and `language`. Resolves with the job ({id, ...}).
  async submitJob({url = '', file = null, lyrics = '', language = ''}) {
    let body;
    const headers = {Accept: 'application/json'};
    if (file) {
      body = new FormData();
      body.append('audio', file, file.name || 'audio');
      if (lyrics) body.append('lyrics', lyrics);
      if (language) body.append('language', language);
    } else {
      const job = {url};
      if (lyrics) job.lyrics = lyrics;
      if (language) job.language = language;
      body = JSON.stringify(job);
      headers['Content-Type'] = 'application/json';
    }
    const response = await this.request('/v1/jobs', {method: 'POST', headers, body});
    return response.json();
  }

  async getJob(id) {
    return (await this.request(this.jobPath(id))).json();
  }

  async cancelJob(id) {
    await this.request(this.jobPath(id), {method: 'DELETE'});
  }

  async getLyrics(id) {
    return (await this.request(this.jobPath(id, '/lyrics.json'))).json();
  }

  // Opens the job's event stream; resolves with the streaming Response.
  openEvents(id, lastEventId, signal) {
    const headers = {Accept: 'text/event-stream'};
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    return this.request(this.jobPath(id, '/events'), {headers, signal});
  }

  audioPath(id) {
    return this.jobPath(id, '/audio');
  }

  lyricsPath(id, format) {
    return this.jobPath(id, `/lyrics.${format}`);
  }

  async fetchBlob(path) {
    return (await this.request(path)).blob();
  }
}
