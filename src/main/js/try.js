// The Try view: a dataset, an actor and overrides in, the service's full answer out, and the
// answer as a trainer's config to download.
import { api } from './api.js';
import { el, clear, show, facts, number } from './dom.js';

const $ = (id) => document.getElementById(id);
const PARAMETERS = [['maxTrainSteps', 'Steps'], ['learningRate', 'Learning rate'], ['networkDim', 'Rank'],
  ['networkAlpha', 'Alpha'], ['repeats', 'Repeats'], ['epochs', 'Epochs'], ['warmupSteps', 'Warmup steps'],
  ['lrScheduler', 'Scheduler']];

let answer = null;
let asked = 0;

function request() {
  const overrides = {};
  document.querySelectorAll('#try-form [data-override]').forEach((input) => {
    if (input.value.trim() !== '') {
      overrides[input.dataset.override] = input.type === 'number' ? Number(input.value) : input.value.trim();
    }
  });
  const name = $('try-actor-name').value.trim();
  const guide = $('try-guide').value;
  return {
    dataset: { imageCount: Number($('try-image-count').value) },
    ...(name ? { actor: { name } } : {}),
    ...(guide ? { guide } : {}),
    ...(Object.keys(overrides).length ? { overrides } : {}),
  };
}

export async function tryRequest() {
  const ask = ++asked;
  show($('try-error'), false);
  try {
    const response = await api.recommend(request());
    if (ask === asked) {
      draw(response);
    }
  } catch (error) {
    if (ask === asked) {
      const field = error.problem && error.problem.field ? ' (' + error.problem.field + ')' : '';
      $('try-error').textContent = error.message + field;
      show($('try-error'), true);
    }
  }
}

function draw(response) {
  answer = response;
  $('try-summary').textContent = response.summary;
  facts($('try-facts'), [
    ['Preset', response.preset.id + ' – ' + response.preset.label],
    ['Guide', response.guide.id],
    ['Revision', response.guide.revision],
    ['Experiment', response.experiment ? response.experiment.id + ': ' + response.experiment.variant : 'none'],
    ['Trigger token', response.triggerToken || '–'],
    ['File size', response.estimatedFileSizeMb
      ? number(response.estimatedFileSizeMb.min) + '–' + number(response.estimatedFileSizeMb.max) + ' MB' : '–'],
    ['Recommendation', response.recommendationId],
  ]);
  const parameters = $('try-parameters');
  clear(parameters).append(
    el('caption', {}, 'Training parameters'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Parameter'), el('th', { scope: 'col' }, 'Value'))),
    el('tbody', {}, PARAMETERS.map(([key, label]) => el('tr', {},
      el('th', { scope: 'row' }, label), el('td', { id: 'try-value-' + key }, number(response.parameters[key]))))));
  clear($('try-warnings')).append(...(response.warnings.length
    ? response.warnings.map((warning) => el('li', {}, el('span', { class: 'warning-note' }, warning.code), ' ', warning.message))
    : [el('li', {}, 'none')]));
  clear($('try-fired')).append(...response.firedRules.map((rule) => el('li', {}, rule)));
  $('try-export-status').textContent = '';
  show($('try-answer'), true);
}

async function download(format) {
  if (!answer) {
    return;
  }
  const status = $('try-export-status');
  status.textContent = 'Preparing the ' + format + ' export…';
  try {
    const { blob, disposition } = await api.export(answer.recommendationId, format);
    const named = /filename="?([^";]+)"?/.exec(disposition || '');
    const link = el('a', { href: URL.createObjectURL(blob), download: named ? named[1] : 'lora-guide-' + format + '.zip' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = 'Downloaded the ' + format + ' export of recommendation ' + answer.recommendationId + '.';
  } catch (error) {
    status.textContent = 'The ' + format + ' export failed: ' + error.message;
  }
}

export function wireTry() {
  let timer = null;
  $('try-form').addEventListener('submit', (event) => {
    event.preventDefault();
    tryRequest();
  });
  $('try-form').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if ($('try-form').checkValidity()) {
        tryRequest();
      }
    }, 250);
  });
  $('try-guide').addEventListener('change', tryRequest);
  document.querySelectorAll('[data-export]').forEach((button) =>
    button.addEventListener('click', () => download(button.dataset.export)));
}
