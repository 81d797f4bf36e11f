// Drag and watch on /explorer: the Plotly slider under the chart swaps precomputed frames
// in the browser, with no round trip. When the finger (or mouse) lifts, the value it rests
// on is sent once to the server, which makes it the parameter's value: it stays when the
// learner leaves the mode, and the URL carries it.
export default function ({ setTriggerValue }) {
  const onEnd = (event) => {
    const step = event && event.step;
    if (step && typeof step.label === "string") setTriggerValue("value", step.label);
  };
  // The chart may be drawn after this runs, and redrawn later: (re)bind while it lives.
  const bind = () => {
    const gd = document.querySelector(".st-key-explorer-morph-chart .js-plotly-plot");
    if (!gd || typeof gd.on !== "function") return;
    if (gd.__actlabDragEnd) gd.removeListener("plotly_sliderend", gd.__actlabDragEnd);
    gd.__actlabDragEnd = onEnd;
    gd.on("plotly_sliderend", onEnd);
  };
  bind();
  const timer = setInterval(bind, 500);
  return () => clearInterval(timer);
}
