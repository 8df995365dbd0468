import assert from 'node:assert/strict';
import {test} from 'node:test';

import {historyChartSvg} from '../race_chart.js';

const row = (backend, median_s, p90_s, extra = {}) =>
    ({backend, bucket: 'under 1 min', runs: 2, successes: 2, successRate: 1, median_s, p90_s, ...extra});

test('the chart scales bars to the largest p90 and labels each row', () => {
  const svg = historyChartSvg([row('http://a', 5, 10), row('http://b', 10, 20)]);
  assert.match(svg, /^<svg /);
  assert.equal((svg.match(/<rect class="median"/g) ?? []).length, 2);
  assert.match(svg, /width="65\.0"/);   // 5 s of 20 s over 260 px
  assert.match(svg, /width="130\.0"/);  // 10 s
  assert.match(svg, />20\.0 s<\/text>/);
  assert.match(svg, />a · under 1 min</);
});

test('the chart escapes backend names and is empty without times', () => {
  assert.doesNotMatch(historyChartSvg([row('http://x/<script>', 1, 2)]), /<script>/);
  assert.equal(historyChartSvg([row('a', NaN, NaN, {successes: 0})]), '');
});
