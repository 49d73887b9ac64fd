// One uPlot chart in a box of the page: sized to the box, named for screen readers, and
// followed when the box changes width. uPlot rather than a heavier chart library because a
// first visit's browser has a cold JavaScript engine, and six charts must draw within a second.
const HEIGHT = 220;

// A y axis as wide as its longest label, so 0.00025 is not cut off.
function axisSize(u, values, axisIndex, cycle) {
  const axis = u.axes[axisIndex];
  if (cycle > 1) {
    return axis._size;
  }
  const longest = (values || []).reduce((found, value) => (value.length > found.length ? value : found), '');
  u.ctx.font = axis.font[0];
  return Math.ceil(axis.ticks.size + axis.gap + u.ctx.measureText(longest).width / (devicePixelRatio || 1)) + 4;
}

// options: uPlot's, with id and label for the canvas. Gives drawn, which resolves once the
// chart is drawn, and destroy.
export function plot(box, options, data) {
  const { id, label, axes, hooks, ...rest } = options;
  let drawn;
  const first = new Promise((resolve) => {
    drawn = resolve;
  });
  const width = () => Math.max(200, Math.floor(box.clientWidth));
  const chart = new uPlot({
    ...rest,
    width: width(),
    height: HEIGHT,
    axes: [axes[0], { size: axisSize, ...axes[1] }],
    hooks: { ...hooks, ready: [() => drawn()] },
  }, data, box);
  const canvas = chart.ctx.canvas;
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const resized = new ResizeObserver(() => {
    if (width() !== chart.width) {
      chart.setSize({ width: width(), height: HEIGHT });
    }
  });
  resized.observe(box);
  return {
    drawn: first,
    destroy() {
      resized.disconnect();
      chart.destroy();
    },
  };
}
