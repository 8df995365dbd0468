// Server-Sent Events parsing, per the HTML standard's event-stream rules, for streams read with
// fetch() (EventSource cannot send an Authorization header). Pure: feed text, get events.

// Incremental parser: push() text chunks as they arrive, get back the events they complete.
// Each event is {id, event, data}: `id` is the last event id seen so far (what a reconnect sends
// as Last-Event-ID), `event` defaults to "message", `data` joins the data lines with "\n".
export class SseParser {
  constructor() {
    this.buffer = '';
    this.lastEventId = '';
    this.retry_ms = null;
    this.reset();
    this.startOfStream = true;
  }

  reset() {
    this.data = [];
    this.eventType = '';
  }

  push(text) {
    if (this.startOfStream && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.startOfStream = false;
    }
    this.buffer += text;
    const events = [];
    // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
    const lineBreak = /\r\n|\r(?!$)|\n/g;
    let consumed = 0;
    let match;
    while ((match = lineBreak.exec(this.buffer)) !== null) {
      const event = this.processLine(this.buffer.slice(consumed, match.index));
      if (event) events.push(event);
      consumed = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(consumed);
    return events;
  }

  // Call at the end of the stream: completes a last line that ended with a lone "\r".
  end() {
    if (!this.buffer.endsWith('\r')) return [];
    const event = this.processLine(this.buffer.slice(0, -1));
    this.buffer = '';
    return event ? [event] : [];
  }

  processLine(line) {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.data.push(value);
    } else if (field === 'event') {
      this.eventType = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.lastEventId = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) {
      this.retry_ms = Number(value);
    }
    return null;
  }

  dispatch() {
    const hasData = this.data.length > 0;
    const event = {
      id: this.lastEventId,
      event: this.eventType || 'message',
      data: this.data.join('\n')
    };
    this.reset();
    return hasData ? event : null;
  }
}
