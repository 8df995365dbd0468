// The karaoke view: renders the lyrics, lights up the word being sung as the audio plays,
// keeps the current line in view, and seeks when a word or line is chosen.

import {findWordIndex, flattenLyrics, formatTime, wordCertainty} from './timing.js';

export class KaraokeView {
  // container: the scrollable element that holds the lines; audio: the <audio> element.
  constructor(container, audio) {
    this.container = container;
    this.audio = audio;
    this.lines = [];
    this.words = [];
    this.lineElements = [];
    this.wordElements = [];
    this.currentWord = -1;
    this.currentLine = -1;
    this.frame = 0;
    this.update = this.update.bind(this);
    this.tick = this.tick.bind(this);
    container.addEventListener('click', (e) => this.onClick(e));
    container.addEventListener('keydown', (e) => this.onKey(e));
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata']) {
      audio.addEventListener(type, this.update);
    }
    audio.addEventListener('play', () => this.startLoop());
    audio.addEventListener('pause', () => this.stopLoop());
    audio.addEventListener('ended', () => this.stopLoop());
  }

  // Shows `lyrics` (the lyrics.json document) from the start.
  load(lyrics) {
    ({lines: this.lines, words: this.words} = flattenLyrics(lyrics));
    this.container.replaceChildren(...this.lines.map((line, i) => this.renderLine(line, i)));
    this.lineElements = [...this.container.querySelectorAll('.line')];
    this.wordElements = [...this.container.querySelectorAll('.word')];
    this.currentWord = -1;
    this.currentLine = -1;
    this.container.scrollTop = 0;
    this.update();
  }

  renderLine(line, index) {
    const p = document.createElement('p');
    p.className = 'line';
    p.dataset.line = String(index);
    p.tabIndex = 0;
    p.setAttribute('role', 'button');
    p.setAttribute('aria-label', `${formatTime(line.start_s)}: ${line.text}`);
    if (line.words.length === 0) p.textContent = line.text;
    line.words.forEach((word, i) => {
      if (i > 0) p.append(' ');
      const span = document.createElement('span');
      span.className = ['word', wordCertainty(word)].filter(Boolean).join(' ');
      span.dataset.word = String(word.index);
      span.textContent = word.text;
      const certainty = wordCertainty(word);
      span.title = `${formatTime(word.start_s)}${certainty ? ` (${certainty} timing)` : ''}`;
      p.append(span);
    });
    return p;
  }

  seek(time_s) {
    if (!Number.isFinite(time_s)) return;
    this.audio.currentTime = Math.max(0, time_s);
    this.update();
  }

  onClick(event) {
    const word = event.target.closest('.word');
    if (word) return this.seek(this.words[Number(word.dataset.word)]?.start_s);
    const line = event.target.closest('.line');
    if (line) this.seek(this.lines[Number(line.dataset.line)]?.start_s);
  }

  onKey(event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const line = event.target.closest('.line');
    if (!line) return;
    event.preventDefault();
    this.seek(this.lines[Number(line.dataset.line)]?.start_s);
  }

  startLoop() {
    if (!this.frame) this.frame = requestAnimationFrame(this.tick);
  }

  stopLoop() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.update();
  }

  tick() {
    this.update();
    this.frame = this.audio.paused ? 0 : requestAnimationFrame(this.tick);
  }

  // Moves the highlight to the word at the audio's current time.
  update() {
    const index = findWordIndex(this.words, this.audio.currentTime);
    if (index === this.currentWord) return;
    const from = Math.min(index, this.currentWord);
    const to = Math.max(index, this.currentWord);
    for (let i = Math.max(0, from); i <= to; i++) {
      this.wordElements[i]?.classList.toggle('sung', i < index);
    }
    this.wordElements[this.currentWord]?.classList.remove('current');
    this.wordElements[index]?.classList.add('current');
    this.currentWord = index;
    this.container.dataset.currentWord = String(index);
    this.setCurrentLine(index >= 0 ? this.words[index].line : -1);
  }

  setCurrentLine(line) {
    if (line === this.currentLine) return;
    this.lineElements[this.currentLine]?.classList.remove('current');
    const element = this.lineElements[line];
    element?.classList.add('current');
    this.currentLine = line;
    if (element) {
      const top = element.offsetTop - (this.container.clientHeight - element.offsetHeight) / 2;
      this.container.scrollTo({top: Math.max(0, top)});
    }
  }
}
