// A per-code agreement chart drawn as inline SVG from the agreement route's rows: Cohen's kappa and
// Gwet's AC1 side by side on one -1..1 axis, so a lead sees at a glance which codes coders apply
// consistently. Kappa collapses for rare codes while AC1 does not; showing both beside the route's
// warning is what lets a lead read a low kappa correctly. Nothing is computed here but positions.

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 26;
const LABEL_WIDTH = 230;
const PLOT_WIDTH = 420;
const TOP = 28;
const MEASURES = [
  { key: 'cohenKappa', name: "Cohen's kappa", className: 'bar-kappa', offset: 4 },
  { key: 'gwetAc1', name: "Gwet's AC1", className: 'bar-ac1', offset: 13 },
];

function node(name, attributes = {}, text) {
  const n = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** x position of a coefficient in -1..1 (values outside are clamped; they cannot occur). */
function xOf(value) {
  const clamped = Math.max(-1, Math.min(1, value));
  return LABEL_WIDTH + ((clamped + 1) / 2) * PLOT_WIDTH;
}

function fixed(value) {
  return value === null || value === undefined ? 'undefined' : value.toFixed(2);
}

/**
 * The chart for one rater pair, or null when no code has a defined coefficient. `title` names the pair
 * ("Coders and the engine"); the SVG's accessible name says what it shows, and each bar has a <title>
 * with its figure, because the table beside it stays the exact reference.
 */
export function agreementChart(rows, title) {
  const drawn = rows.filter((r) => MEASURES.some((m) => r[m.key] !== null && r[m.key] !== undefined));
  if (drawn.length === 0) return null;
  const height = TOP + drawn.length * ROW + 10;
  const svg = node('svg', {
    viewBox: `0 0 ${LABEL_WIDTH + PLOT_WIDTH + 40} ${height}`, width: '100%', role: 'img', class: 'agreement-chart',
    'aria-label': `${title}: Cohen's kappa and Gwet's AC1 per code, from -1 to 1; the table gives the exact figures.`,
  });
  for (const tick of [-1, -0.5, 0, 0.5, 1]) {
    svg.append(node('line', { x1: xOf(tick), x2: xOf(tick), y1: TOP - 6, y2: height - 8, class: tick === 0 ? 'axis-zero' : 'axis-tick' }));
    svg.append(node('text', { x: xOf(tick), y: TOP - 10, 'text-anchor': 'middle', class: 'axis-label' }, String(tick)));
  }
  MEASURES.forEach((m, i) => {
    svg.append(node('rect', { x: 4 + i * 120, y: 4, width: 10, height: 10, class: m.className }));
    svg.append(node('text', { x: 18 + i * 120, y: 13, class: 'legend' }, m.name));
  });
  drawn.forEach((r, i) => {
    const y = TOP + i * ROW;
    const label = r.name ? `${r.name} (${r.codeId})` : r.codeId;
    const row = node('g', { 'data-code': r.codeId, class: r.warning ? 'rare' : '' });
    row.append(node('text', { x: LABEL_WIDTH - 8, y: y + 15, 'text-anchor': 'end', class: 'code-label' }, (r.warning ? '⚠ ' : '') + label));
    for (const m of MEASURES) {
      const value = r[m.key];
      if (value === null || value === undefined) continue;
      const [from, to] = [xOf(Math.min(0, value)), xOf(Math.max(0, value))];
      const bar = node('rect', { x: from, y: y + m.offset, width: Math.max(1, to - from), height: 8, class: m.className, 'data-measure': m.key, 'data-value': value });
      bar.append(node('title', {}, `${label}: ${m.name} ${fixed(value)}${r.warning ? ` (${r.warning})` : ''}`));
      row.append(bar);
    }
    svg.append(row);
  });
  return svg;
}
