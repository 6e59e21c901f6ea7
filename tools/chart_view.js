// The explorer's chart in the browser (worldorder.chartview.ChartView, an anywidget).
//
// Source of worldorder/static/chart_view.js: `python -m tools.chart_view` bundles this file with Vega, Vega-Lite and
// Vega-Embed (vl-convert's javascript_bundle), so the widget draws offline. It refers to Vega-Embed as `vegaEmbed`
// and imports nothing.
//
// The kernel sends `templates` (Vega-Lite specs without their data, by key) and `view` ({key, values,
// description}). A template is embedded once; after that a new view of the same template only replaces the
// template's dataset "table" and reruns the Vega dataflow, which is what makes a change of blocs or votes quick.
// Views of other templates stay in the page, hidden, so switching back to a measure is a data update too.

const KEEP = 8; // views kept in the page at most; the least recently shown goes first

function render({ model, el }) {
  const views = new Map(); // key -> {box, view, finalize}, in the order they were last shown
  const caption = document.createElement("p");
  const problem = document.createElement("p");
  let queue = Promise.resolve();
  let drawn = 0;
  el.classList.add("worldorder-chart");
  caption.className = "worldorder-chart-caption";
  problem.className = "worldorder-chart-problem";
  problem.hidden = true;
  el.append(caption, problem);

  function forget(key) {
    const entry = views.get(key);
    entry.finalize();
    entry.box.remove();
    views.delete(key);
  }

  async function draw() {
    const { key, values, description } = model.get("view");
    const templates = model.get("templates");
    for (const old of [...views.keys()]) {
      if (!(old in templates)) forget(old);
    }
    let entry = key ? views.get(key) : undefined;
    if (key && entry === undefined) {
      const box = document.createElement("div"); // hidden when another view is shown (Vega-Embed styles its own
      const inner = document.createElement("div"); // element, whose display would beat the hidden attribute)
      box.append(inner);
      el.insertBefore(box, caption);
      const spec = { ...templates[key], data: { name: "table", values } };
      const result = await vegaEmbed(inner, spec, { actions: false, renderer: "svg" });
      entry = { box, view: result.view, finalize: result.finalize };
    } else if (entry !== undefined) {
      views.delete(key);
      await entry.view.data("table", values).runAsync();
    }
    if (entry !== undefined) {
      views.set(key, entry);
      const svg = entry.box.querySelector("svg");
      if (svg) svg.setAttribute("aria-label", description);
    }
    while (views.size > KEEP) forget(views.keys().next().value);
    for (const other of views.values()) other.box.hidden = other !== entry;
    caption.textContent = description;
    caption.hidden = !description;
    problem.hidden = true;
    el.dataset.drawn = String(++drawn);
  }

  function redraw() {
    queue = queue.then(draw).catch((error) => {
      problem.textContent = "The chart could not be drawn: " + error.message;
      problem.hidden = false;
    });
  }

  model.on("change:view", redraw);
  redraw();
  return () => {
    model.off("change:view", redraw);
    for (const key of [...views.keys()]) forget(key);
  };
}

export default { render };
