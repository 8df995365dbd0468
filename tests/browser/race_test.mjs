// Browser test of the racing page (/race): three real `yt-lyrics serve` backends on loopback
// ports (one plain, one slowed with --fault-delay-ms whose words on every second line come out
// 0.8 s late with --fault-shift-ms, one failing with --fault-fail-at) and a fourth URL where
// nothing listens. The page, served by the fast backend and preset with the four URLs through
// --race-backends, races an uploaded generated song across them in headless chromium and must:
// name the fast one the winner, show its lyrics at once, report the failed and the unreachable
// backend as dropped out, show the agreement once the slow one finishes and outline exactly the
// shifted lines as disagreeing,
// record history, in smart mode start the historically fastest backend first, and (a fifth
// backend that holds every stage for minutes) hedge past it and drop it as stalled.
//
//   node tests/browser/race_test.mjs --cli build/yt-lyrics \
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
const SLOW_DELAY_MS = 4000;
const SLOW_SHIFT_MS = 800;

const {values: opts} = parseArgs({
  options: {
    cli: {type: 'string'},
    'make-song': {type: 'string'},
    artifacts: {type: 'string', default: 'build/test-artifacts/browser'},
  },
});

const log = (message) => console.log(`[race-test] ${message}`);

function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(SKIP);
}

async function loadPlaywright() {
  if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} not found; install Debian's chromium`);
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    skip('node_modules/playwright-core not found; run `npm ci` at the repository root');
  }
}

function checkTools() {
  if (!opts.cli || !fs.existsSync(opts.cli)) skip(`yt-lyrics binary ${opts.cli} not found`);
  const help = spawnSync(opts.cli, ['serve', '--help'], {encoding: 'utf8'});
  if (help.status !== 0 || !`${help.stdout}${help.stderr}`.includes('--race-backends')) {
    skip(`\`${opts.cli} serve\` has no --race-backends in this build`);
  }
  if (!opts['make-song'] || !fs.existsSync(opts['make-song'])) {
    skip(`ytl-make-song ${opts['make-song']} not found; build it first`);
  }
}

// A loopback port where nothing listens (taken from the kernel, then released).
// `count` distinct loopback ports that were free a moment ago. The probes stay open until all
// are bound: a port closed at once can be handed out again by the next probe.
async function freePorts(count) {
  const probes = [];
  for (let i = 0; i < count; ++i) {
    const probe = net.createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    probes.push(probe);
  }
  const ports = probes.map((probe) => probe.address().port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

// Starts one backend on `port` (`extra` are more serve flags) and resolves with
// {name, process, url} once its "listening" log line appears. Output goes to the artifacts
// folder.
function startBackend(name, port, tmp, extra) {
  const logPath = path.join(opts.artifacts, `race-${name}.log`);
  const args = ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', path.join(tmp, name),
                '--workers', '1', ...extra];
  log(`starting ${name}: ${args.join(' ')}`);
  const env = Object.fromEntries(Object.entries(process.env)
      .filter(([key]) => !key.startsWith('YT_LYRICS_') && key !== 'PORT'));
  const child = spawn(opts.cli, args, {stdio: ['ignore', 'pipe', 'pipe'], env});
  const logFile = fs.createWriteStream(logPath);
  child.stderr.pipe(logFile);
  return new Promise((resolve, reject) => {
    let seen = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${name} did not start; see ${logPath}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${logPath}`)));
    child.stdout.on('data', (chunk) => {
      logFile.write(chunk);
      if (started) return;
      seen += chunk;
      if (seen.includes('"event":"listening"')) {
        started = true;
        clearTimeout(timer);
        resolve({name, process: child, url: `http://127.0.0.1:${port}`});
      }
    });
  });
}

async function stopBackend({process: child}) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}

const rowState = (page, backend) =>
    page.getAttribute(`#race-table tr[data-backend="${backend}"]`, 'data-state');
const rowNote = (page, backend) =>
    page.textContent(`#race-table tr[data-backend="${backend}"] td.note`);

async function waitForRowState(page, backend, states, timeout_ms) {
  await page.waitForFunction(
      ([b, s]) => s.includes(document.querySelector(`#race-table tr[data-backend="${b}"]`)
                                 ?.dataset.state),
      [backend, states], {timeout: timeout_ms, polling: 200});
}

async function raceOnce(page, song, urls, shots) {
  await page.goto(`${urls.fast}/race`);
  await page.waitForFunction(() => document.getElementById('backends').value.includes('\n'));
  const listed = (await page.inputValue('#backends')).split('\n');
  const expected = [urls.slow, urls.fast, urls.failing, urls.down];
  if (listed.join() !== expected.join()) {
    throw new Error(`preset backends from --race-backends: got ${listed}, want ${expected}`);
  }
  await page.selectOption('#mode', 'race');
  await page.setInputFiles('#audio', path.join(song, 'song.wav'));
  await page.fill('#lyrics', fs.readFileSync(path.join(song, 'song.txt'), 'utf8'));
  await page.click('#race');

  await waitForRowState(page, urls.down, ['unreachable'], 30_000);
  await page.waitForSelector('#result-view:not([hidden])', {timeout: JOB_TIMEOUT_MS});
  const winner = await page.textContent('#winner');
  if (winner !== urls.fast) throw new Error(`winner is ${winner}; expected the fast ${urls.fast}`);
  const words = await page.locator('#lyrics-view .word').count();
  if (words < 10) throw new Error(`the winner's karaoke view shows ${words} words`);
  const slowState = await rowState(page, urls.slow);
  if (slowState !== 'running' && slowState !== 'submitting') {
    throw new Error(`the slow backend should still run when the fast one wins, it is ${slowState}`);
  }
  await page.screenshot({path: shots.winner, fullPage: true});

  await waitForRowState(page, urls.failing, ['failed'], JOB_TIMEOUT_MS);
  const failNote = await rowNote(page, urls.failing);
  if (!/^failed( at \w+)?: .*fault injected at stage vad/.test(failNote)) {
    throw new Error(`failing backend's note: "${failNote}"`);
  }
  const downNote = await rowNote(page, urls.down);
  if (!/^unreachable: Could not reach/.test(downNote)) {
    throw new Error(`down backend's note: "${downNote}"`);
  }
  await waitForRowState(page, urls.slow, ['succeeded'], JOB_TIMEOUT_MS);
  await page.waitForFunction(() => document.getElementById('agreement').textContent !== '',
                             null, {timeout: 30_000});
  const agreement = await page.textContent('#agreement');
  const measured = /Agreement with .* mean onset difference (\d+\.\d{3}) s, max (\d+\.\d{3}) s over \d+ words; (\d+) lines? differ by more than 0\.3 s/
                       .exec(agreement);
  if (!measured) throw new Error(`agreement: "${agreement}"`);
  // The slow backend's lines 1, 3, ... are 0.8 s late (--fault-shift-ms): exactly those are
  // outlined in the winner's karaoke view, and the largest difference is the shift.
  const lines = await page.$$eval('#lyrics-view .line', (els) =>
      els.map((el) => ({line: Number(el.dataset.line), disagree: el.classList.contains('disagree')})));
  const shifted = lines.filter((l) => l.line % 2 === 1).map((l) => l.line);
  const outlined = lines.filter((l) => l.disagree).map((l) => l.line);
  if (lines.length < 2 || outlined.join() !== shifted.join() ||
      Number(measured[3]) !== shifted.length) {
    throw new Error(`outlined lines ${outlined} (${measured[3]} counted); expected ${shifted}`);
  }
  if (Math.abs(Number(measured[2]) - SLOW_SHIFT_MS / 1000) > 0.01) {
    throw new Error(`max onset difference ${measured[2]} s; expected the ${SLOW_SHIFT_MS} ms shift`);
  }
  const outline = await page.$eval('#lyrics-view .line.disagree',
                                   (el) => getComputedStyle(el).outlineStyle);
  if (outline !== 'dashed') throw new Error(`a disagreeing line's outline is "${outline}"`);
  const summary = await page.textContent('#race-summary');
  if (!summary.includes(`${urls.fast} won`) || !summary.includes(`${urls.down} dropped out`) ||
      !summary.includes(`${urls.failing} dropped out`)) {
    throw new Error(`race summary: "${summary}"`);
  }
  log(`race: ${summary}`);
  log(agreement);
  await page.waitForSelector('#history-chart svg', {timeout: 10_000});
  const history = await page.locator('#history-table tbody tr').allTextContents();
  for (const url of [urls.fast, urls.slow, urls.failing, urls.down]) {
    if (!history.some((row) => row.startsWith(url))) {
      throw new Error(`history has no row for ${url}: ${history}`);
    }
  }
  const fastTimes = await page.textContent(`#race-table tr[data-backend="${urls.fast}"]`);
  const slowTimes = await page.textContent(`#race-table tr[data-backend="${urls.slow}"]`);
  log(`fast row: ${fastTimes}`);
  log(`slow row: ${slowTimes}`);
  await page.screenshot({path: shots.race, fullPage: true});
}

// Smart mode after one race: the fast backend has the best history and is started alone.
async function raceSmart(page, song, urls, shots) {
  await page.reload();
  await page.selectOption('#mode', 'smart');
  await page.setInputFiles('#audio', path.join(song, 'song.wav'));
  await page.fill('#lyrics', fs.readFileSync(path.join(song, 'song.txt'), 'utf8'));
  await page.click('#race');
  await page.waitForSelector('#result-view:not([hidden])', {timeout: JOB_TIMEOUT_MS});
  const order = await page.$$eval('#race-table tbody tr', (rows) => rows.map((r) => r.dataset.backend));
  if (order[0] !== urls.fast || order[1] !== urls.slow) {
    throw new Error(`smart order ${order}; expected the fast backend first, then the slow one`);
  }
  const winner = await page.textContent('#winner');
  if (winner !== urls.fast) throw new Error(`smart winner is ${winner}`);
  await waitForRowState(page, urls.slow, ['skipped'], 10_000);
  log(`smart: ${await page.textContent('#race-summary')}; order ${order.join(' > ')}`);
  await page.screenshot({path: shots.smart, fullPage: true});
}

// Smart mode with a hedge and a stall: a history that makes the "stuck" backend (every stage held
// for minutes) look fastest puts it first with a 1 s hedge time; the fast backend joins as a hedge
// and wins, and the stuck one drops out as stalled once it sends nothing for the stall timeout.
// The history is replaced, not added to: the races before this one leave the fast backend with
// medians that depend on the machine (a cached rerun takes 0.1 s), which could outrank 1 s.
async function raceHedgeAndStall(page, song, urls, shots) {
  await page.evaluate(({stuck, fast}) => {
    const run = (backend, total_s) => ({backend, outcome: 'succeeded', total_s,
                                        firstProgress_s: 0.1, bucket: 'under 1 min',
                                        at_ms: Date.now()});
    const history = [];
    for (let i = 0; i < 3; ++i) history.push(run(stuck, 1), run(fast, 5));
    localStorage.setItem('yt-lyrics.race.history', JSON.stringify(history));
  }, {stuck: urls.stuck, fast: urls.fast});
  await page.reload();
  await page.fill('#backends', [urls.fast, urls.stuck].join('\n'));
  await page.selectOption('#mode', 'smart');
  await page.fill('#stall-s', '3');
  await page.setInputFiles('#audio', path.join(song, 'song.wav'));
  await page.fill('#lyrics', fs.readFileSync(path.join(song, 'song.txt'), 'utf8'));
  await page.click('#race');
  await page.waitForSelector('#result-view:not([hidden])', {timeout: JOB_TIMEOUT_MS});
  const order = await page.$$eval('#race-table tbody tr', (rows) => rows.map((r) => r.dataset.backend));
  if (order[0] !== urls.stuck) throw new Error(`smart order ${order}; expected the stuck backend first`);
  const winner = await page.textContent('#winner');
  if (winner !== urls.fast) throw new Error(`hedged race won by ${winner}; expected ${urls.fast}`);
  const hedgeNote = await rowNote(page, urls.fast);
  if (!/^hedge: \S+ not done within its p90 of 1\.0 s$/.test(hedgeNote)) {
    throw new Error(`the hedge backend's note: "${hedgeNote}"`);
  }
  await waitForRowState(page, urls.stuck, ['stalled'], 30_000);
  const stallNote = await rowNote(page, urls.stuck);
  if (stallNote !== 'stalled: no progress for 3 s') {
    throw new Error(`the stuck backend's note: "${stallNote}"`);
  }
  log(`hedge and stall: ${await page.textContent('#race-summary')}`);
  await page.screenshot({path: shots.hedge, fullPage: true});
}

async function main() {
  const chromium = await loadPlaywright();
  checkTools();
  fs.mkdirSync(opts.artifacts, {recursive: true});
  fs.rmSync(path.join(opts.artifacts, 'race-failure.png'), {force: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ytl-race-'));
  const song = path.join(tmp, 'song');
  const made = spawnSync(opts['make-song'], [song], {encoding: 'utf8'});
  if (made.status !== 0) throw new Error(`ytl-make-song failed: ${made.stderr}`);

  // The page is served by the fast backend; the others allow its origin (CORS).
  const [fast, slow, failing, down, stuck] = await freePorts(5);
  const ports = {fast, slow, failing, down, stuck};
  const urls = Object.fromEntries(
      Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}`]));
  const cors = ['--cors-origin', urls.fast];
  const preset = [urls.slow, urls.fast, urls.failing, urls.down].join(',');
  const backends = [];
  let context;
  try {
    backends.push(await startBackend('fast', ports.fast, tmp, ['--race-backends', preset]));
    backends.push(await startBackend('slow', ports.slow, tmp,
                                     [...cors, '--fault-delay-ms', String(SLOW_DELAY_MS),
                                      '--fault-shift-ms', String(SLOW_SHIFT_MS)]));
    backends.push(await startBackend('failing', ports.failing, tmp,
                                     [...cors, '--fault-fail-at', 'vad']));
    backends.push(await startBackend('stuck', ports.stuck, tmp,
                                     [...cors, '--fault-delay-ms', '600000',
                                      '--grace-period', '0']));
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: {width: 1280, height: 1000},
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const shots = {
      winner: path.join(opts.artifacts, 'race-winner.png'),
      race: path.join(opts.artifacts, 'race.png'),
      smart: path.join(opts.artifacts, 'race-smart.png'),
      hedge: path.join(opts.artifacts, 'race-hedge-stall.png'),
    };
    try {
      await raceOnce(page, song, urls, shots);
      await raceSmart(page, song, urls, shots);
      await raceHedgeAndStall(page, song, urls, shots);
    } catch (err) {
      await page.screenshot({path: path.join(opts.artifacts, 'race-failure.png'), fullPage: true})
          .catch(() => {});
      throw err;
    }
    log(`PASS; screenshots in ${opts.artifacts}`);
  } finally {
    await context?.close().catch(() => {});
    await Promise.all(backends.map(stopBackend));
    fs.rmSync(tmp, {recursive: true, force: true});
  }
}

main().catch((err) => {
  console.error(`FAIL: ${err.message}\n(server logs: ${opts.artifacts}/race-*.log)`);
  process.exit(1);
});
