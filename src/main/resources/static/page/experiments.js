// The Experiments view: each experiment's status and weights, and per variant its assignments
// and each metric's mean with its 95 % interval, against the control, with the sample-ratio check.
import { api } from './api.js';
import { el, clear, number, problemText } from './dom.js';

const $ = (id) => document.getElementById(id);
const charts = [];

const errorBarsPlugin = {
  id: 'errorBars',
  afterDatasetsDraw(chart, args, options) {
    const { ctx, scales: { x, y } } = chart;
    ctx.save();
    ctx.strokeStyle = '#1b1f24';
    ctx.lineWidth = 1.5;
    (options.intervals || []).forEach((interval, i) => {
      if (!interval) {
        return;
      }
      const px = x.getPixelForValue(i);
      const top = y.getPixelForValue(interval.upper);
      const bottom = y.getPixelForValue(interval.lower);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.moveTo(px - 6, top);
      ctx.lineTo(px + 6, top);
      ctx.moveTo(px - 6, bottom);
      ctx.lineTo(px + 6, bottom);
      ctx.stroke();
    });
    ctx.restore();
  },
};

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
  overview.experiments.forEach((experiment, i) => list.append(card(experiment, results[i])));
}

function card(experiment, results) {
  const metrics = [...new Set(results.variants.flatMap((variant) => Object.keys(variant.metrics || {})))].sort();
  const node = el('article', { class: 'experiment', id: 'experiment-' + experiment.id, 'aria-labelledby': 'experiment-heading-' + experiment.id },
    el('h3', { id: 'experiment-heading-' + experiment.id }, experiment.id + ' – ' + experiment.status),
    el('p', {}, 'Weights: ' + experiment.variants.map((v) => v.name + ' (' + v.guide + ') ' + number(v.weight) + ' %').join(', ')
      + (experiment.imageCounts ? '; image counts ' + experiment.imageCounts.min + '–' + experiment.imageCounts.max : '')),
    sampleRatio(results.sampleRatio),
    variantsTable(results, metrics));
  metrics.forEach((metric) => node.append(metricChart(experiment.id, metric, results)));
  return node;
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

function metricChart(experimentId, metric, results) {
  const variants = results.variants.filter((variant) => (variant.metrics || {})[metric]);
  const stats = variants.map((variant) => variant.metrics[metric]);
  const bounds = stats.flatMap((s) => s.ci95 ? [s.ci95.lower, s.ci95.upper] : [s.mean]);
  const spread = (Math.max(...bounds) - Math.min(...bounds)) || 1;
  const canvas = el('canvas', { id: 'experiment-' + experimentId + '-' + metric, role: 'img',
    'aria-label': metric + ': mean and 95 % interval per variant of ' + experimentId });
  charts.push(new Chart(canvas, {
    type: 'line',
    data: { labels: variants.map((v) => v.name), datasets: [{ label: metric + ' mean', data: stats.map((s) => s.mean),
      showLine: false, pointRadius: 5, borderColor: '#1f5fa8', backgroundColor: '#1f5fa8' }] },
    plugins: [errorBarsPlugin],
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { suggestedMin: Math.min(...bounds) - spread * 0.1, suggestedMax: Math.max(...bounds) + spread * 0.1 } },
      plugins: { errorBars: { intervals: stats.map((s) => s.ci95) }, legend: { display: false } },
    },
  }));
  return el('figure', { class: 'chart' }, el('figcaption', {}, metric + ': mean with 95 % interval'),
    el('div', { class: 'chart-box' }, canvas));
}
