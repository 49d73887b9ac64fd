// A guide diff as a table: one row per range of image counts, the outputs that change in it.
import { el, clear } from './dom.js';

export function counts(range) {
  return range.fromImages === range.toImages ? String(range.fromImages) : range.fromImages + '–' + range.toImages;
}

export function drawDiff(tableNode, summaryNode, diff) {
  summaryNode.textContent = diff.identical
    ? 'No answer changes: ' + diff.after.id + ' gives the same answer as ' + diff.before.id + ' at every image count.'
    : diff.ranges.length + (diff.ranges.length === 1 ? ' range' : ' ranges') + ' of image counts change from '
      + diff.before.id + ' (' + diff.before.revision + ') to ' + diff.after.id + ' (' + diff.after.revision + ').';
  clear(tableNode);
  if (diff.identical) {
    return;
  }
  tableNode.append(
    el('caption', {}, 'Changes from ' + diff.before.id + ' to ' + diff.after.id + ', by image count'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Image counts'), el('th', { scope: 'col' }, 'Changes'))),
    el('tbody', {}, diff.ranges.map((range) => el('tr', { 'data-from': range.fromImages, 'data-to': range.toImages },
      el('th', { scope: 'row' }, counts(range)),
      el('td', {}, range.text.substring(range.text.indexOf(': ') + 2))))));
}
