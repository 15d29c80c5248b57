// SVG charts: an estimate with its interval, a dose range, a signed contribution. Each chart has
// a text label for screen readers, and the page prints the same numbers next to it.
import { number, percent } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function chart(width, height, label, className) {
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: className });
}

/** A horizontal bar for the mean, a whisker for the 90% interval, on a 0..scaleMax axis. */
export function estimateBar(estimate, scaleMax, kind, what) {
  const width = 150;
  const height = 22;
  const x = (v) => Math.max(0, Math.min(width, (v / scaleMax) * width));
  const label = `${what} ${percent(estimate.mean)}, 90% interval ${percent(estimate.lower)} to ${percent(estimate.upper)}`;
  const node = chart(width, height, label, `bar bar-${kind}`);
  node.append(
    svg('rect', { class: 'track', x: 0, y: 4, width, height: 14, rx: 2 }),
    svg('rect', { class: 'fill', x: 0, y: 4, width: x(estimate.mean ?? 0), height: 14, rx: 2 }),
    svg('line', { class: 'whisker', x1: x(estimate.lower ?? 0), x2: x(estimate.upper ?? 0), y1: 11, y2: 11 }),
    svg('line', { class: 'whisker', x1: x(estimate.lower ?? 0), x2: x(estimate.lower ?? 0), y1: 6, y2: 16 }),
    svg('line', { class: 'whisker', x1: x(estimate.upper ?? 0), x2: x(estimate.upper ?? 0), y1: 6, y2: 16 }),
  );
  return node;
}

/** The smallest round percentage that holds every upper bound, so rows share one scale. */
export function scaleFor(estimates) {
  const top = Math.max(0.1, ...estimates.map((e) => e.upper ?? e.mean ?? 0));
  return Math.min(1, Math.ceil(top * 10) / 10);
}

/** "10–20 mg/d", or "15 mg/d" when the range is a single dose. */
export function rangeText(range) {
  const low = number(range.low ?? 0);
  const high = number(range.high ?? 0);
  return `${low === high ? high : `${low}–${high}`} ${range.unit ?? ''}`.trim();
}

/**
 * The recommended daily range (low–high band, target tick, maximum daily dose as a dashed line)
 * and, for an order check, the ordered daily dose as a labelled marker with the numbers on the axis.
 */
export function doseRangeChart(range, { ordered, width = 200, verdictKind = 'neutral' } = {}) {
  const labelled = ordered !== undefined;
  const height = labelled ? 78 : 28;
  const top = labelled ? 30 : 4;
  const pad = labelled ? 40 : 6;
  const axisMax = Math.max(range.maxDaily ?? 0, range.high ?? 0, ordered ?? 0) * 1.1 || 1;
  const x = (v) => pad + ((v ?? 0) / axisMax) * (width - 2 * pad);
  const unit = range.unit || '';
  const label = `Recommended daily range ${rangeText(range)}`
    + (range.target ? `, target ${number(range.target)}` : '')
    + (range.maxDaily ? `, maximum ${number(range.maxDaily)}` : '')
    + (labelled ? `; ordered ${number(ordered)} ${unit}` : '');
  const node = chart(width, height, label, 'range');
  node.append(
    svg('line', { class: 'axis', x1: pad, x2: width - pad, y1: top + 10, y2: top + 10 }),
    svg('rect', { class: 'band', x: x(range.low), y: top + 2, width: Math.max(4, x(range.high) - x(range.low)), height: 16, rx: 2 }),
  );
  if (range.target) {
    node.append(svg('line', { class: 'target', x1: x(range.target), x2: x(range.target), y1: top - 1, y2: top + 21 }));
  }
  if (range.maxDaily) {
    node.append(svg('line', { class: 'max', x1: x(range.maxDaily), x2: x(range.maxDaily), y1: top - 3, y2: top + 23 }));
  }
  if (labelled) {
    const at = x(ordered);
    const bandCentre = (x(range.low) + x(range.high)) / 2;
    const maxApart = range.maxDaily && Math.abs(x(range.maxDaily) - bandCentre) > 90;
    node.append(
      // Kept inside the chart when the band sits near zero.
      svg('text', { class: 'tick', x: Math.max(bandCentre, 80), y: top + 36, 'text-anchor': 'middle' },
        `range ${rangeText(range)}${range.maxDaily && !maxApart ? ` (max ${number(range.maxDaily)})` : ''}`),
      maxApart ? svg('text', { class: 'tick', x: x(range.maxDaily), y: top + 36, 'text-anchor': 'middle' }, `max ${number(range.maxDaily)}`) : '',
      svg('path', { class: `ordered ordered-${verdictKind}`, d: `M${at - 7},${top - 14} L${at + 7},${top - 14} L${at},${top - 2} Z` }),
      svg('text', { class: 'ordered-label', x: at, y: top - 18, 'text-anchor': 'middle' }, `ordered ${number(ordered)} ${unit}`),
    );
  }
  return node;
}

/** A signed contribution as a bar left (against) or right (for) of a centre line. */
export function contributionBar(value, maxAbs) {
  const width = 120;
  const half = width / 2;
  const length = maxAbs > 0 ? (Math.abs(value) / maxAbs) * (half - 2) : 0;
  const node = chart(width, 14, `${value >= 0 ? 'raises' : 'lowers'} predicted benefit`, 'contribution');
  node.append(
    svg('rect', { class: value >= 0 ? 'for' : 'against', x: value >= 0 ? half : half - length, y: 2, width: length, height: 10 }),
    svg('line', { class: 'centre', x1: half, x2: half, y1: 0, y2: 14 }),
  );
  return node;
}
