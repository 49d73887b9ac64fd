// The Guide view: a guide's curves, preset table, status and, when refused, its problems.
import { api } from './api.js';
import { drawCurves } from './charts.js';
import { drawDiff } from './diff.js';
import { el, clear, show, table, facts, number, problemText } from './dom.js';

const $ = (id) => document.getElementById(id);

// revision: the one the guide list gave, if any; its curves are asked for beside the guide
// rather than after it. A guide that has swapped since gets the curves of what it serves.
export async function showGuide(id, revision) {
  const early = revision ? api.curves(id, revision) : null;
  early?.catch(() => {}); // Its failure is reported only if its answer is used.
  const guide = await api.guide(id);
  const refused = guide.status !== 'serving';
  facts($('guide-status'), [
    ['Guide', guide.id],
    ['Revision', guide.revision || 'none serving'],
    ['Status', el('span', { class: refused ? 'status-refused' : null, id: 'guide-status-value' }, guide.status)],
    ['Description', guide.description || '–'],
    ['Files', guide.files.join(', ') || '–'],
  ]);
  show($('guide-problems'), guide.problems.length > 0);
  clear($('guide-problem-list')).append(...guide.problems.map((problem) => el('li', {}, problemText(problem))));
  drawChange(guide.lastChange);
  show($('guide-presets-section'), guide.presets.length > 0);
  table($('guide-presets'), ['Preset', 'Label', 'Images', 'Steps', 'Learning rate', 'Rank/alpha', 'Repeats', 'Warmup', 'Scheduler'],
    guide.presets.map((row) => [row.preset, row.label, row.fromImages + (row.toImages === null ? '+' : '–' + row.toImages),
      number(row.maxTrainSteps), number(row.learningRate), number(row.networkDim) + '/' + number(row.networkAlpha),
      number(row.repeats), number(row.warmupSteps), row.lrScheduler || '–']));
  if (!guide.revision) {
    clear($('guide-charts')).append(el('p', {}, 'This guide has never loaded: no curves to draw until its problems are fixed.'));
  } else {
    const curves = await (guide.revision === revision ? early : api.curves(guide.id, guide.revision));
    await drawCurves($('guide-charts'), [{ name: guide.id, curves, color: '#1f5fa8' }], guide.presets);
  }
  // What bench/page-speed.sh times: navigation start to this guide's charts and table drawn.
  performance.mark('guide-view-drawn', { detail: { guide: guide.id, revision: guide.revision } });
}

function drawChange(change) {
  show($('guide-change'), Boolean(change));
  if (change) {
    drawDiff($('guide-change-table'), $('guide-change-summary'), change.diff);
    $('guide-change-summary').prepend('Live since ' + new Date(change.at).toLocaleString() + '. ');
  }
}
