// The guide's curves: one chart per parameter over image count on a log axis, preset bands
// shaded and labelled, warnings marked along the bottom.
import { el, clear } from './dom.js';

export const MAX_IMAGES = 100000;
// The x axis names only its decades; written out here, not formatted tick by tick.
const DECADE_LABELS = new Map([[1, '1'], [10, '10'], [100, '100'], [1000, '1,000'], [10000, '10,000'], [100000, '100,000']]);
// One number format for every y tick: Chart.js's default builds an Intl.NumberFormat per axis
// and tick spacing, and building one is most of the first draw's cost in a fresh browser.
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

// Draws the preset bands behind the lines and the warning marks over them.
const bandsPlugin = {
  id: 'bands',
  beforeDatasetsDraw(chart, args, options) {
    const { ctx, chartArea: area, scales: { x } } = chart;
    const presets = options.presets || [];
    ctx.save();
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    presets.forEach((preset, i) => {
      const left = (i === 0) ? area.left : Math.max(area.left, x.getPixelForValue(preset.fromImages));
      const right = (i + 1 < presets.length) ? Math.min(area.right, x.getPixelForValue(presets[i + 1].fromImages)) : area.right;
      ctx.fillStyle = BAND_FILLS[i % 2];
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      ctx.fillStyle = '#1b1f24';
      if (right - left > 14) {
        ctx.fillText(preset.preset, (left + right) / 2, area.top + 13);
      }
    });
    ctx.restore();
  },
  afterDatasetsDraw(chart, args, options) {
    const { ctx, chartArea: area, scales: { x } } = chart;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'left';
    (options.warnings || []).forEach((warning) => {
      const left = Math.max(area.left, x.getPixelForValue(warning.fromImages));
      const right = (warning.toImages >= MAX_IMAGES) ? area.right : Math.min(area.right, x.getPixelForValue(warning.toImages));
      ctx.fillStyle = 'rgba(191, 120, 0, 0.85)';
      ctx.fillRect(left, area.bottom - 6, Math.max(2, right - left), 6);
      ctx.fillStyle = '#6b4200';
      ctx.fillText('⚠ ' + warning.code, left + 3, area.bottom - 10);
    });
    ctx.restore();
  },
};

function linearTick(value) {
  return TICK_FORMAT.format(value);
}

// As Chart.js's logarithmic ticks: only 1, 2, 3, 5, 10 and 15 times a power of ten are named.
function logTick(value, index, ticks) {
  const significand = value / 10 ** Math.floor(Math.log10(value));
  return [1, 2, 3, 5, 10, 15].includes(significand) || index > 0.8 * ticks.length ? TICK_FORMAT.format(value) : '';
}

const charts = new Map();

// series: [{ name, curves, color, dashed }]; the first one's presets and warnings are drawn.
export function drawCurves(container, series, presets) {
  (charts.get(container) || []).forEach((chart) => chart.destroy());
  clear(container);
  const drawn = PARAMETERS.map((parameter) => {
    const canvas = el('canvas', {
      id: container.id + '-' + parameter.id,
      role: 'img',
      'aria-label': parameter.title + ' over image count, 1 to 100000 on a log axis, for '
        + series.map((s) => s.name).join(' and '),
    });
    container.append(el('figure', { class: 'chart' },
      el('figcaption', {}, parameter.title), el('div', { class: 'chart-box' }, canvas)));
    const datasets = series.flatMap((s) => parameter.lines.map(([label, value], i) => ({
      label: s.name + ' ' + label,
      data: s.curves.points.map((point) => ({ x: point.imageCount, y: value(point) })).filter((xy) => xy.y !== null && xy.y !== undefined),
      borderColor: s.color,
      borderDash: [].concat(s.dashed ? [6, 4] : [], i > 0 ? [2, 2] : []),
      borderWidth: 2,
      pointRadius: 0,
      stepped: false,
    })));
    return new Chart(canvas, {
      type: 'line',
      data: { datasets },
      plugins: [bandsPlugin],
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'logarithmic', min: 1, max: MAX_IMAGES, title: { display: true, text: 'images' },
            ticks: { maxRotation: 0, autoSkip: false, callback: (value) => DECADE_LABELS.get(value) || '' },
          },
          y: parameter.logY ? { type: 'logarithmic', ticks: { callback: logTick } } : { beginAtZero: true, ticks: { callback: linearTick } },
        },
        plugins: {
          legend: { display: datasets.length > 1, labels: { boxHeight: 2 } },
          bands: { presets, warnings: series[0].curves.warnings },
          tooltip: { callbacks: { title: (items) => items.length ? items[0].parsed.x + ' images' : '' } },
        },
      },
    });
  });
  charts.set(container, drawn);
  return drawn;
}
