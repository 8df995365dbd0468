// A small inline SVG chart of the race history: per backend and duration bucket, a bar to the
// median total time and a whisker to the p90, with the success rate at the end. Pure: returns
// markup, with every text escaped.

const escapeXml = (text) => String(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const ROW_H = 22;
const LABEL_W = 230;
const BAR_W = 260;
const WIDTH = LABEL_W + BAR_W + 90;

// rows: from historyTable(). Returns an <svg> string ('' when no row has a time).
export function historyChartSvg(rows) {
  const timed = rows.filter((r) => Number.isFinite(r.median_s));
  if (timed.length === 0) return '';
  const scale_s = Math.max(...timed.map((r) => r.p90_s));
  const x = (s) => LABEL_W + (scale_s > 0 ? (s / scale_s) * BAR_W : 0);
  const height = timed.length * ROW_H + 24;
  const bars = timed.map((r, i) => {
    const y = i * ROW_H + 4;
    const label = `${r.backend.replace(/^https?:\/\//, '')} · ${r.bucket}`;
    const rate = `${Math.round(r.successRate * 100)}% ok`;
    return `<g class="row"><title>${escapeXml(`${r.backend}, ${r.bucket}: median ${
               r.median_s.toFixed(1)} s, p90 ${r.p90_s.toFixed(1)} s, ${r.successes}/${r.runs} succeeded`)}</title>` +
        `<text x="${LABEL_W - 6}" y="${y + 13}" text-anchor="end">${escapeXml(label)}</text>` +
        `<rect class="median" x="${LABEL_W}" y="${y + 3}" width="${(x(r.median_s) - LABEL_W).toFixed(1)}" height="12" rx="2"/>` +
        `<line class="p90" x1="${x(r.median_s).toFixed(1)}" x2="${x(r.p90_s).toFixed(1)}" y1="${y + 9}" y2="${y + 9}"/>` +
        `<line class="p90" x1="${x(r.p90_s).toFixed(1)}" x2="${x(r.p90_s).toFixed(1)}" y1="${y + 4}" y2="${y + 14}"/>` +
        `<text x="${(x(r.p90_s) + 6).toFixed(1)}" y="${y + 13}">${escapeXml(rate)}</text></g>`;
  });
  const axisY = timed.length * ROW_H + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="history-chart" viewBox="0 0 ${WIDTH} ${height}" ` +
      `role="img" aria-label="Median (bar) and p90 (whisker) total time per backend">` +
      bars.join('') +
      `<line class="axis" x1="${LABEL_W}" x2="${LABEL_W + BAR_W}" y1="${axisY}" y2="${axisY}"/>` +
      `<text x="${LABEL_W}" y="${axisY + 14}">0 s</text>` +
      `<text x="${LABEL_W + BAR_W}" y="${axisY + 14}" text-anchor="end">${scale_s.toFixed(1)} s</text></svg>`;
}
