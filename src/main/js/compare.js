// The Compare view: two guides, or a guide and the revision its last swap replaced, overlaid,
// with the diff table under the chart.
import { api } from './api.js';
import { drawCurves } from './charts.js';
import { drawDiff } from './diff.js';
import { el, clear } from './dom.js';

const $ = (id) => document.getElementById(id);

export const PREVIOUS = ':previous';

// The "compared with" choices: every other serving guide, and the previous revision if kept.
export async function compareChoices(id, guides) {
  const guide = await api.guide(id);
  const select = $('compare-against');
  const current = select.value;
  clear(select).append(
    ...guides.filter((other) => other.id !== id && other.revision).map((other) => el('option', { value: other.id }, other.id)),
    ...(guide.lastChange ? [el('option', { value: PREVIOUS }, 'previous revision of ' + id + ' (' + guide.lastChange.diff.before.revision + ')')] : []));
  if ([...select.options].some((option) => option.value === current)) {
    select.value = current;
  }
  return guide;
}

export async function showCompare(id, against) {
  const guide = await api.guide(id);
  let before;
  let diff;
  if (against === PREVIOUS) {
    diff = guide.lastChange.diff;
    before = { name: id + ' ' + diff.before.revision, curves: await api.curves(id, diff.before.revision) };
  } else {
    const other = await api.guide(against);
    [diff, before] = await Promise.all([api.diff(id, against),
      api.curves(against, other.revision).then((curves) => ({ name: against, curves }))]);
  }
  const after = { name: id, curves: await api.curves(id, guide.revision), color: '#1f5fa8' };
  $('compare-after-name').textContent = after.name + ' (solid)';
  $('compare-before-name').textContent = before.name + ' (dashed)';
  await drawCurves($('compare-charts'), [after, { ...before, color: '#b0461b', dashed: true }], guide.presets);
  drawDiff($('compare-diff'), $('compare-summary'), diff);
}
