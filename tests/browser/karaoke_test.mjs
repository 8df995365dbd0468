// Browser test of the web page: starts the real `yt-lyrics serve` on a free loopback port,
// uploads a generated song with its lyrics through the page in headless chromium, waits for the
// job, plays it, and checks that the highlighted word advances and that a click on a word seeks.
//
//   node tests/browser/karaoke_test.mjs --cli build/yt-lyrics \
//       --make-song build/tests/support/ytl-make-song --artifacts build/test-artifacts/browser
//
// Exit status: 0 pass, 1 fail, 77 skipped (what is missing is printed).
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

const SKIP = 77;
const CHROMIUM = process.env.YTL_CHROMIUM || '/usr/bin/chromium';
const JOB_TIMEOUT_MS = Number(process.env.YTL_BROWSER_JOB_TIMEOUT_MS || 300_000);

const {values: opts} = parseArgs({
  options: {
    cli: {type: 'string'},
    'make-song': {type: 'string'},
    artifacts: {type: 'string', default: 'build/test-artifacts/browser'},
  },
});

function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(SKIP);
}

function log(message) {
  console.log(`[browser-test] ${message}`);
}

async function loadPlaywright() {
  if (!fs.existsSync(CHROMIUM)) {
    skip(`${CHROMIUM} not found; install Debian's chromium (scripts/install-deps.sh)`);
  }
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    skip('node_modules/playwright-core not found; run `npm ci` at the repository root');
  }
}

function checkServeCommand() {
  if (!opts.cli || !fs.existsSync(opts.cli)) {
    skip(`yt-lyrics binary ${opts.cli} not found; build it first`);
  }
  // An unknown subcommand may still print the main help and exit 0: look for serve's own flag.
  const help = spawnSync(opts.cli, ['serve', '--help'], {encoding: 'utf8'});
  if (help.status !== 0 || !`${help.stdout}${help.stderr}`.includes('--listen')) {
    skip(`\`${opts.cli} serve\` does not exist in this build`);
  }
  if (!opts['make-song'] || !fs.existsSync(opts['make-song'])) {
    skip(`ytl-make-song ${opts['make-song']} not found; build it first`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, server, timeout_ms) {
  const deadline = Date.now() + timeout_ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`yt-lyrics serve exited with ${server.exitCode}; see its log`);
    }
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base}/health did not answer within ${timeout_ms} ms`);
}

function startServer(port, dataDir, logPath) {
  const out = fs.openSync(logPath, 'w');
  const args = ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir, '--workers', '1'];
  log(`starting ${opts.cli} ${args.join(' ')}`);
  // Settings from the caller's environment (API keys, limits) must not change the test.
  const env = Object.fromEntries(
      Object.entries(process.env)
          .filter(([name]) => !name.startsWith('YT_LYRICS_') && name !== 'PORT'));
  return spawn(opts.cli, args, {stdio: ['ignore', out, out], env});
}

async function stopServer(server) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

// Samples the highlighted word index while the audio plays.
async function sampleHighlight(page, samples, interval_ms) {
  const seen = [];
  for (let i = 0; i < samples; i++) {
    seen.push(
        await page.evaluate(
            () => ({
              index: Number(document.getElementById('lyrics-view').dataset.currentWord ?? -1),
              word: document.querySelector('.word.current')?.textContent ?? '',
              time_s: document.getElementById('player').currentTime,
            })),
    );
    await page.waitForTimeout(interval_ms);
  }
  return seen;
}

async function runPage(page, base, song, shots) {
  const root = await (await fetch(`${base}/`)).text();
  if (!root.includes('app.js')) {
    throw new Error('GET / does not answer the page of web/; serve it with ytl::web::FindAsset');
  }
  await page.goto(`${base}/`);
  await page.setInputFiles('#audio', path.join(song, 'song.wav'));
  await page.fill('#lyrics', fs.readFileSync(path.join(song, 'song.txt'), 'utf8'));
  await page.fill('#language', 'en');
  await page.click('#submit');

  await page.waitForSelector('#progress-view:not([hidden])', {timeout: 30_000});
  await page.waitForSelector('#stages li', {timeout: 60_000}).catch(() => {});
  await page.screenshot({path: shots.progress, fullPage: true});
  log(`progress view: ${await page.textContent('#progress-state')}`);

  await page.waitForSelector(
      '#karaoke-view:not([hidden]), #error:not([hidden])', {timeout: JOB_TIMEOUT_MS});
  if (await page.isVisible('#error')) {
    throw new Error(`the page shows an error: ${await page.textContent('#error')}`);
  }
  const wordCount = await page.locator('.word').count();
  if (wordCount < 10) {
    throw new Error(`karaoke view shows ${wordCount} words; expected the whole song`);
  }
  const downloads = await page.locator('#download-list a').allTextContents();
  if (downloads.join(',') !== 'JSON,LRC,ELRC,SRT,VTT,ASS') {
    throw new Error(`download buttons: ${downloads}`);
  }
  const fetched = await page.evaluate(
      () => Promise.all([...document.querySelectorAll('#download-list a')].map(
          async (a) => `${a.textContent} ${(await fetch(a.href)).status}`)));
  if (fetched.some((f) => !f.endsWith(' 200'))) throw new Error(`downloads: ${fetched}`);

  // The song starts with silence: start just before the first word.
  await page.evaluate(async () => {
    const player = document.getElementById('player');
    if (player.readyState < 1) {
      await new Promise((r) => player.addEventListener('loadedmetadata', r, {once: true}));
    }
    const first = document.querySelector('.word');
    first.click();
    player.currentTime = Math.max(0, player.currentTime - 0.3);
    await player.play();
  });
  const seen = await sampleHighlight(page, 12, 500);
  log(`highlight over time: ${
      seen.map((s) => `${s.time_s.toFixed(1)}s#${s.index}:${s.word}`).join(' ')}`);
  await page.screenshot({path: shots.karaoke, fullPage: true});
  const indices = seen.map((s) => s.index);
  const steps = indices.slice(1).filter((v, i) => v > indices[i]).length;
  if (indices.some((v, i) => i > 0 && v < indices[i - 1])) {
    throw new Error(`highlight went backwards: ${indices}`);
  }
  if (steps < 3 || indices.at(-1) < 3) {
    throw new Error(`highlight did not advance while playing: ${indices}`);
  }
  if (seen.at(-1).time_s < 3) {
    throw new Error(`audio did not play: currentTime ${seen.at(-1).time_s}`);
  }

  await checkClickSeeks(page);
  await page.setViewportSize({width: 390, height: 844});
  await page.waitForTimeout(300);
  await page.screenshot({path: shots.phone, fullPage: true});
}

// A click on a word near the end moves the audio and the highlight there.
async function checkClickSeeks(page) {
  await page.evaluate(() => document.getElementById('player').pause());
  const target = page.locator('.word').nth((await page.locator('.word').count()) - 5);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.waitForTimeout(300);
  const state =
      await page.evaluate(() => ({
                            current: document.querySelector('.word.current')?.dataset.word,
                            time_s: document.getElementById('player').currentTime,
                          }));
  const clicked = await target.getAttribute('data-word');
  if (state.current !== clicked) {
    throw new Error(`clicked word ${clicked} but word ${state.current} is lit at ${state.time_s}s`);
  }
  log(`click on word ${clicked} seeked to ${state.time_s.toFixed(2)}s`);
}

async function main() {
  const chromium = await loadPlaywright();
  checkServeCommand();
  fs.mkdirSync(opts.artifacts, {recursive: true});
  fs.rmSync(path.join(opts.artifacts, 'failure.png'), {force: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ytl-browser-'));
  const song = path.join(tmp, 'song');
  const made = spawnSync(opts['make-song'], [song], {encoding: 'utf8'});
  if (made.status !== 0) throw new Error(`ytl-make-song failed: ${made.stderr}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverLog = path.join(opts.artifacts, 'server.log');
  const server = startServer(port, path.join(tmp, 'data'), serverLog);
  let context;
  try {
    await waitForHealth(base, server, 30_000);
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: {width: 1280, height: 900},
      args: [
        '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync',
        '--autoplay-policy=no-user-gesture-required'
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => m.type() === 'error' && log(`page console: ${m.text()}`));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const shots = {
      progress: path.join(opts.artifacts, 'progress.png'),
      karaoke: path.join(opts.artifacts, 'karaoke.png'),
      phone: path.join(opts.artifacts, 'karaoke-phone.png'),
    };
    try {
      await runPage(page, base, song, shots);
    } catch (err) {
      await page.screenshot({path: path.join(opts.artifacts, 'failure.png'), fullPage: true})
          .catch(() => {});
      throw err;
    }
    log(`PASS; screenshots in ${opts.artifacts}`);
  } finally {
    await context?.close().catch(() => {});
    await stopServer(server);
    fs.rmSync(tmp, {recursive: true, force: true});
  }
}

main().catch((err) => {
  console.error(`FAIL: ${err.message}\n(server log: ${path.join(opts.artifacts, 'server.log')})`);
  process.exit(1);
});
