// Small DOM helpers: every value from the API goes in as text, never as markup.
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

export function table(node, headers, rows) {
  clear(node).append(
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, cell))))));
}

export function facts(node, pairs) {
  clear(node).append(...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

// A number as the API gives it: 0.00025, not 2.5e-4.
export function number(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value !== 'number') {
    return String(value);
  }
  if (Number.isInteger(value)) {
    return String(value);
  }
  const text = String(value);
  return text.includes('e') ? value.toFixed(12).replace(/0+$/, '') : text;
}

export function problemText(problem) {
  return problem.file ? problem.file + ':' + problem.line + ':' + problem.column + ': ' + problem.message
    : problem.message;
}

export function guideOptions(select, guides, selected) {
  clear(select).append(...guides.map((guide) => el('option', { value: guide.id }, guide.id)));
  if (selected && guides.some((guide) => guide.id === selected)) {
    select.value = selected;
  }
}
