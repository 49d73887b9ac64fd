// The guide page: four views over the public JSON API, chosen by the address's #fragment.
import { api } from './api.js';
import { guideOptions, el, show } from './dom.js';
import { showGuide } from './guide.js';
import { compareChoices, showCompare } from './compare.js';
import { wireTry, tryRequest } from './try.js';
import { showExperiments } from './experiments.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['guide', 'compare', 'try', 'experiments'];
let guides = [];

async function run(task) {
  show($('page-error'), false);
  try {
    await task();
  } catch (error) {
    $('page-error').textContent = error.message;
    show($('page-error'), true);
  }
}

const showView = {
  guide: () => showGuide($('guide-select').value, (guides.find((guide) => guide.id === $('guide-select').value) || {}).revision),
  compare: async () => {
    await compareChoices($('compare-guide').value, guides);
    if ($('compare-against').value) {
      await showCompare($('compare-guide').value, $('compare-against').value);
    }
  },
  try: () => tryRequest(),
  experiments: () => showExperiments(),
};

function route() {
  const view = VIEWS.includes(location.hash.substring(1)) ? location.hash.substring(1) : 'guide';
  VIEWS.forEach((name) => {
    show($('view-' + name), name === view);
    if (name === view) {
      $('nav-' + name).setAttribute('aria-current', 'page');
    } else {
      $('nav-' + name).removeAttribute('aria-current');
    }
  });
  document.body.dataset.view = view;
  return run(showView[view]).then(() => {
    document.body.dataset.ready = view;
  });
}

async function start() {
  guides = await api.guides();
  const serving = guides.filter((guide) => guide.revision);
  const preferred = (serving.find((guide) => guide.default) || serving[0] || guides[0] || {}).id;
  guideOptions($('guide-select'), guides, preferred);
  guideOptions($('compare-guide'), serving, preferred);
  guideOptions($('try-guide'), serving);
  $('try-guide').prepend(el('option', { value: '' }, 'the default guide'));
  $('try-guide').value = '';
  $('guide-select').addEventListener('change', () => run(showView.guide));
  $('compare-guide').addEventListener('change', () => run(showView.compare));
  $('compare-against').addEventListener('change',
    () => run(() => showCompare($('compare-guide').value, $('compare-against').value)));
  wireTry();
  window.addEventListener('hashchange', route);
  await route();
}

run(start);
