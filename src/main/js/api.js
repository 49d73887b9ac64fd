// The public JSON API, the page's only source of data.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, init) {
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // Not a problem body: the status says it all.
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function json(path, init) {
  return (await send(path, init)).json();
}

const base = 'api/v1/';
const curvesByRevision = new Map();

export const api = {
  guides: () => json(base + 'guides'),
  guide: (id) => json(base + 'guides/' + encodeURIComponent(id)),
  // A revision's curves never change: asked once per revision, however often it is shown.
  curves: (id, revision) => {
    const key = id + '@' + revision;
    if (!curvesByRevision.has(key)) {
      const query = revision ? '?revision=' + encodeURIComponent(revision) : '';
      curvesByRevision.set(key, json(base + 'guides/' + encodeURIComponent(id) + '/curves' + query)
        .catch((error) => { curvesByRevision.delete(key); throw error; }));
    }
    return curvesByRevision.get(key);
  },
  diff: (id, against) => json(base + 'guides/' + encodeURIComponent(id) + '/diff?against=' + encodeURIComponent(against)),
  recommend: (request) => json(base + 'recommendations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  }),
  export: async (recommendationId, format) => {
    const response = await send(base + 'recommendations/' + encodeURIComponent(recommendationId)
      + '/export?format=' + encodeURIComponent(format), { headers: { Accept: 'application/zip' } });
    return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') };
  },
  experiments: () => json(base + 'experiments'),
  results: (id) => json(base + 'experiments/' + encodeURIComponent(id) + '/results'),
};
