// The Experiments view: each experiment's status and weights, and per variant its assignments
// and each metric's mean with its 95 % interval, against the control, with the sample-ratio check.
import { api } from './api.js';
import { el, clear, number, problemText } from './dom.js';
import { plot } from './plot.js';

const $ = (id) => document.getElementById(id);
const charts = [];

// Each variant's 95 % interval as an error bar through its mean, in the canvas's own pixels.
function drawErrorBars(u, intervals) {
  const { ctx } = u;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = '#1b1f24';
  ctx.lineWidth = 1.5 * ratio;
  intervals.forEach((ci, i) => {
    if (!ci) {
      return;
    }
    const x = u.valToPos(i, 'x', true);
    const top = u.valToPos(ci.upper, 'y', true);
    const bottom = u.valToPos(ci.lower, 'y', true);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.moveTo(x - 6 * ratio, top);
    ctx.lineTo(x + 6 * ratio, top);
    ctx.moveTo(x - 6 * ratio, bottom);
    ctx.lineTo(x + 6 * ratio, bottom);
    ctx.stroke();
  });
  ctx.restore();
}

function interval(ci) {
  return ci ? '[' + number(round(ci.lower)) + ', ' + number(round(ci.upper)) + ']' : 'n/a (fewer than 2 outcomes)';
}

function round(value) {
  return Number(value.toPrecision(6));
}

export async function showExperiments() {
  charts.splice(0).forEach((chart) => chart.destroy());
  const overview = await api.experiments();
  $('experiments-file').textContent = 'Experiments file ' + overview.file + ', revision ' + (overview.revision || 'none')
    + ', ' + overview.status + (overview.problems.length ? ': ' + overview.problems.map(problemText).join('; ') : '');
  const list = clear($('experiments-list'));
  if (!overview.experiments.length) {
    list.append(el('p', {}, 'No experiments are declared.'));
  }
  const results = await Promise.all(overview.experiments.map((experiment) => api.results(experiment.id)));
  overview.experiments.forEach((experiment, i) => showCard(list, experiment, results[i]));
  await Promise.all(charts.map((chart) => chart.drawn));
}

// A chart takes its width from its box, so each is drawn once its card is on the page.
function showCard(list, experiment, results) {
  const metrics = [...new Set(results.variants.flatMap((variant) => Object.keys(variant.metrics || {})))].sort();
  const node = el('article', { class: 'experiment', id: 'experiment-' + experiment.id, 'aria-labelledby': 'experiment-heading-' + experiment.id },
    el('h3', { id: 'experiment-heading-' + experiment.id }, experiment.id + ' – ' + experiment.status),
    el('p', {}, 'Weights: ' + experiment.variants.map((v) => v.name + ' (' + v.guide + ') ' + number(v.weight) + ' %').join(', ')
      + (experiment.imageCounts ? '; image counts ' + experiment.imageCounts.min + '–' + experiment.imageCounts.max : '')),
    sampleRatio(results.sampleRatio),
    variantsTable(results, metrics));
  list.append(node);
  metrics.forEach((metric) => metricChart(node, experiment.id, metric, results));
}

function sampleRatio(check) {
  if (check.pValue === null || check.pValue === undefined) {
    return el('p', { class: 'srm' }, 'Sample ratio: not enough assignments to check yet.');
  }
  return el('p', { class: check.mismatch ? 'srm-mismatch' : 'srm-ok' },
    (check.mismatch ? 'Sample-ratio mismatch: assignments do not follow the weights' : 'Sample ratio matches the weights')
    + ' (chi-square ' + number(round(check.chiSquare)) + ', p = ' + number(round(check.pValue)) + ', flagged below ' + number(check.threshold) + ')');
}

function variantsTable(results, metrics) {
  const headers = ['Variant', 'Guide', 'Assignments', 'Recommendations',
    ...metrics.flatMap((metric) => [metric + ' mean [95 % interval] (n)', metric + ' vs control [95 % interval], p'])];
  return el('table', { class: 'results' },
    el('caption', {}, 'Results per variant; the first variant is the control'),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, results.variants.map((variant) => el('tr', { 'data-variant': variant.name },
      el('th', { scope: 'row' }, variant.name), el('td', {}, variant.guide),
      el('td', {}, String(variant.assignments)), el('td', {}, String(variant.recommendations)),
      ...metrics.flatMap((metric) => {
        const stats = (variant.metrics || {})[metric];
        const compared = (variant.comparedWithControl || {})[metric];
        return [
          el('td', stats ? { 'data-metric': metric, 'data-lower': stats.ci95 && stats.ci95.lower, 'data-upper': stats.ci95 && stats.ci95.upper } : {},
            stats ? number(round(stats.mean)) + ' ' + interval(stats.ci95) + ' (' + stats.count + ')' : '–'),
          el('td', {}, compared ? (compared.difference >= 0 ? '+' : '') + number(round(compared.difference)) + ' ' + interval(compared.ci95)
            + (compared.pValue !== null && compared.pValue !== undefined ? ', p = ' + number(round(compared.pValue)) : '') : (variant === results.variants[0] ? 'control' : '–')),
        ];
      })))));
}

function metricChart(card, experimentId, metric, results) {
  const variants = results.variants.filter((variant) => (variant.metrics || {})[metric]);
  const stats = variants.map((variant) => variant.metrics[metric]);
  const bounds = stats.flatMap((s) => s.ci95 ? [s.ci95.lower, s.ci95.upper] : [s.mean]);
  const spread = (Math.max(...bounds) - Math.min(...bounds)) || 1;
  const box = el('div', { class: 'chart-box' });
  card.append(el('figure', { class: 'chart', 'data-points': variants.length },
    el('figcaption', {}, metric + ': mean with 95 % interval'), box));
  charts.push(plot(box, {
    id: 'experiment-' + experimentId + '-' + metric,
    label: metric + ': mean and 95 % interval per variant of ' + experimentId,
    legend: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, variants.length - 0.5] },
      y: { range: () => [Math.min(...bounds) - spread * 0.1, Math.max(...bounds) + spread * 0.1] },
    },
    axes: [
      { splits: () => variants.map((v, i) => i), values: (u, splits) => splits.map((i) => (variants[i] || {}).name || '') },
      { values: (u, splits) => splits.map((value) => number(round(value))) },
    ],
    series: [{}, { label: metric + ' mean', stroke: '#1f5fa8', paths: () => null, points: { show: true, size: 10, fill: '#1f5fa8' } }],
    hooks: { draw: [(u) => drawErrorBars(u, stats.map((s) => s.ci95))] },
  }, [variants.map((v, i) => i), stats.map((s) => s.mean)]));
}
