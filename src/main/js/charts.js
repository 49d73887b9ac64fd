// The guide's curves: one chart per parameter over image count on a log axis, preset bands
// shaded and labelled, warnings marked along the bottom.
import { el, clear } from './dom.js';
import { plot } from './plot.js';

export const MAX_IMAGES = 100000;
// The x axis names only its decades; written out here, not formatted tick by tick.
const DECADE_LABELS = new Map([[1, '1'], [10, '10'], [100, '100'], [1000, '1,000'], [10000, '10,000'], [100000, '100,000']]);
// One number format for every y tick, built once: building one per axis is most of a first
// draw's cost in a fresh browser.
const TICK_FORMAT = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });

const PARAMETERS = [
  { id: 'steps', title: 'Steps', lines: [['steps', (p) => p.parameters.maxTrainSteps]] },
  { id: 'learning-rate', title: 'Learning rate', lines: [['learning rate', (p) => p.parameters.learningRate]] },
  { id: 'rank', title: 'Rank and alpha', lines: [['rank', (p) => p.parameters.networkDim], ['alpha', (p) => p.parameters.networkAlpha]] },
  { id: 'repeats', title: 'Repeats', lines: [['repeats', (p) => p.parameters.repeats]] },
  { id: 'epochs', title: 'Epochs', lines: [['epochs', (p) => p.parameters.epochs]], logY: true },
  { id: 'warmup', title: 'Warmup steps', lines: [['warmup', (p) => p.parameters.warmupSteps]] },
];

const BAND_FILLS = ['rgba(31, 95, 168, 0.08)', 'rgba(31, 95, 168, 0.18)'];

// The preset bands behind the lines, in the canvas's own pixels.
function drawBands(u, presets) {
  const { ctx, bbox } = u;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.font = '600 ' + Math.round(12 * ratio) + 'px system-ui, sans-serif';
  ctx.textAlign = 'center';
  presets.forEach((preset, i) => {
    const left = (i === 0) ? bbox.left : Math.max(bbox.left, u.valToPos(preset.fromImages, 'x', true));
    const right = (i + 1 < presets.length) ? Math.min(bbox.left + bbox.width, u.valToPos(presets[i + 1].fromImages, 'x', true)) : bbox.left + bbox.width;
    ctx.fillStyle = BAND_FILLS[i % 2];
    ctx.fillRect(left, bbox.top, right - left, bbox.height);
    ctx.fillStyle = '#1b1f24';
    if (right - left > 14 * ratio) {
      ctx.fillText(preset.preset, (left + right) / 2, bbox.top + 13 * ratio);
    }
  });
  ctx.restore();
}

// The warning marks over the lines, along the bottom of the plot.
function drawWarnings(u, warnings) {
  const { ctx, bbox } = u;
  const ratio = devicePixelRatio || 1;
  const bottom = bbox.top + bbox.height;
  const end = bbox.left + bbox.width;
  ctx.save();
  ctx.font = Math.round(11 * ratio) + 'px system-ui, sans-serif';
  ctx.textAlign = 'left';
  warnings.forEach((warning) => {
    const left = Math.max(bbox.left, u.valToPos(warning.fromImages, 'x', true));
    const right = (warning.toImages >= MAX_IMAGES) ? end : Math.min(end, u.valToPos(warning.toImages, 'x', true));
    ctx.fillStyle = 'rgba(191, 120, 0, 0.85)';
    ctx.fillRect(left, bottom - 6 * ratio, Math.max(2 * ratio, right - left), 6 * ratio);
    ctx.fillStyle = '#6b4200';
    ctx.fillText('⚠ ' + warning.code, left + 3 * ratio, bottom - 10 * ratio);
  });
  ctx.restore();
}

// A log axis names, ticks and grids only its powers of ten: more crowd a 220-pixel chart.
function powersOfTen(u, splits) {
  return splits.map((value) => (Number.isInteger(Math.log10(value)) ? value : null));
}

// An axis whose labels, ticks and grid lines are only at the splits the filter keeps.
function keeping(filter) {
  return { filter, ticks: { filter }, grid: { filter } };
}

function tickLabels(u, splits) {
  return splits.map((value) => (value === null ? '' : TICK_FORMAT.format(value)));
}

// One x column for every chart: the image counts of all the series, in order.
function imageCounts(series) {
  return [...new Set(series.flatMap((s) => s.curves.points.map((point) => point.imageCount)))].sort((a, b) => a - b);
}

// A parameter's columns: the counts, then each line of each series (pointsByCount: per series,
// its points by image count), null where a series has no answer (a guide that does not give
// that parameter).
function columns(counts, pointsByCount, parameter) {
  return [counts, ...pointsByCount.flatMap((byCount) => parameter.lines.map(([, value]) => counts.map((count) => {
    const point = byCount.get(count);
    return (point && value(point)) ?? null;
  })))];
}

const charts = new Map();

// series: [{ name, curves, color, dashed }]; the first one's presets and warnings are drawn.
// Resolves when every chart has drawn.
export function drawCurves(container, series, presets) {
  (charts.get(container) || []).forEach((chart) => chart.destroy());
  clear(container);
  const counts = imageCounts(series);
  const pointsByCount = series.map((s) => new Map(s.curves.points.map((point) => [point.imageCount, point])));
  const drawn = PARAMETERS.map((parameter) => {
    const data = columns(counts, pointsByCount, parameter);
    const box = el('div', { class: 'chart-box' });
    container.append(el('figure', { class: 'chart', 'data-points': data[0].length }, el('figcaption', {}, parameter.title), box));
    return plot(box, {
      id: container.id + '-' + parameter.id,
      label: parameter.title + ' over image count, 1 to 100000 on a log axis, for ' + series.map((s) => s.name).join(' and '),
      scales: {
        x: { time: false, distr: 3, log: 10, range: () => [1, MAX_IMAGES] },
        y: parameter.logY ? { distr: 3, log: 10 } : { range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        { label: 'images', ...keeping(powersOfTen), values: (u, splits) => splits.map((value) => DECADE_LABELS.get(value) || '') },
        parameter.logY ? { ...keeping(powersOfTen), values: tickLabels } : { values: tickLabels },
      ],
      series: [
        { label: 'images' },
        ...series.flatMap((s) => parameter.lines.map(([label], i) => ({
          label: s.name + ' ' + label,
          stroke: s.color,
          width: 2,
          dash: [].concat(s.dashed ? [6, 4] : [], i > 0 ? [2, 2] : []),
          spanGaps: true,
          points: { show: false },
        }))),
      ],
      hooks: {
        drawClear: [(u) => drawBands(u, presets)],
        draw: [(u) => drawWarnings(u, series[0].curves.warnings)],
      },
    }, data);
  });
  charts.set(container, drawn);
  return Promise.all(drawn.map((chart) => chart.drawn));
}
