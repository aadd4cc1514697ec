// The study's learning curve drawn as inline SVG from the learning route's points: settled examples
// on x; mean out-of-fold kappa (left axis, 0..1) and codes switched on (right axis) on y. A lead
// sees whether more decisions are still buying agreement. Nothing is computed here but positions.

const SVG = 'http://www.w3.org/2000/svg';
const [LEFT, RIGHT, TOP, WIDTH, HEIGHT] = [48, 48, 30, 460, 180];

function node(name, attributes = {}, text) {
  const n = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** The chart, or null when there is no point with examples to draw. */
export function learningCurveChart(points) {
  const drawn = points.filter((p) => p.examples > 0);
  if (drawn.length === 0) return null;
  const maxExamples = Math.max(...drawn.map((p) => p.examples));
  const maxCodes = Math.max(1, ...drawn.map((p) => p.codes));
  const x = (examples) => LEFT + (examples / maxExamples) * WIDTH;
  // Kappa below 0 (worse than chance) is drawn on the axis; the <title> keeps the figure.
  const yKappa = (k) => TOP + HEIGHT - Math.max(0, Math.min(1, k)) * HEIGHT;
  const yCodes = (c) => TOP + HEIGHT - (c / maxCodes) * HEIGHT;
  const svg = node('svg', {
    viewBox: `0 0 ${LEFT + WIDTH + RIGHT} ${TOP + HEIGHT + 36}`, width: '100%', role: 'img', class: 'learning-chart',
    'aria-label': 'Learning curve: mean out-of-fold kappa and codes switched on, by settled examples; the table gives the current figures.',
  });
  for (const t of [0, 0.5, 1]) {
    svg.append(node('line', { x1: LEFT, x2: LEFT + WIDTH, y1: yKappa(t), y2: yKappa(t), class: 'axis-tick' }));
    svg.append(node('text', { x: LEFT - 6, y: yKappa(t) + 4, 'text-anchor': 'end', class: 'axis-label' }, String(t)));
  }
  svg.append(node('text', { x: LEFT + WIDTH + 6, y: yCodes(maxCodes) + 4, class: 'axis-label' }, String(maxCodes)));
  svg.append(node('text', { x: LEFT + WIDTH + 6, y: yCodes(0) + 4, class: 'axis-label' }, '0'));
  svg.append(node('text', { x: LEFT, y: TOP + HEIGHT + 16, class: 'axis-label' }, '0'));
  svg.append(node('text', { x: LEFT + WIDTH, y: TOP + HEIGHT + 16, 'text-anchor': 'end', class: 'axis-label' }, String(maxExamples)));
  svg.append(node('text', { x: LEFT + WIDTH / 2, y: TOP + HEIGHT + 32, 'text-anchor': 'middle', class: 'axis-label' }, 'settled examples'));
  [['line-kappa', 'mean out-of-fold kappa'], ['line-codes', 'codes switched on (right axis)']].forEach(([className, name], i) => {
    svg.append(node('rect', { x: 4 + i * 200, y: 4, width: 10, height: 10, class: className }));
    svg.append(node('text', { x: 18 + i * 200, y: 13, class: 'legend' }, name));
  });
  const series = [
    { className: 'line-kappa', measure: 'meanKappa', y: yKappa, label: (p) => `kappa ${p.meanKappa === null ? 'undefined' : p.meanKappa.toFixed(2)}` },
    { className: 'line-codes', measure: 'codesSwitchedOn', y: yCodes, label: (p) => `${p.codesSwitchedOn} of ${p.codes} codes switched on` },
  ];
  for (const s of series) {
    const defined = drawn.filter((p) => p[s.measure] !== null && p[s.measure] !== undefined);
    if (defined.length > 1) {
      svg.append(node('polyline', { points: defined.map((p) => `${x(p.examples)},${s.y(p[s.measure])}`).join(' '), class: s.className, fill: 'none' }));
    }
    for (const p of defined) {
      const dot = node('circle', { cx: x(p.examples), cy: s.y(p[s.measure]), r: 3.5, class: s.className, 'data-measure': s.measure, 'data-examples': p.examples, 'data-value': p[s.measure] });
      dot.append(node('title', {}, `${p.examples} examples (codebook v${p.codebookVersion}, ${new Date(p.trainedAt).toLocaleString()}): ${s.label(p)}`));
      svg.append(dot);
    }
  }
  return svg;
}
