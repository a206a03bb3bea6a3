// The SVG image shows each chart at once, without any script. Once the page has loaded (text, styles and the
// image first), this fetches plotly.js, the site's one copy named in data-plotly, and draws each chart from its
// JSON over the image, which then gives way. Nothing is fetched from another host: the figure is in the page.
// The toolbar (mode bar) sits at the chart's top right, where a wrapped legend reaches: below NARROW px (phones)
// the chart has none (the page's Files list has the images; embeds never have one), and where it would cover a
// legend entry the plot is moved down below it.
(function () {
  var NARROW = 640;
  var plots = document.querySelectorAll("[data-spec]");
  var library = document.currentScript && document.currentScript.getAttribute("data-plotly");
  if (!plots.length || !library) return;
  function clearToolbar(plot) {
    var bar = plot.querySelector(".modebar");
    if (!bar) return null;
    var b = bar.getBoundingClientRect();
    var top = Infinity;
    plot.querySelectorAll(".legend .legendtext, .legend .legendpoints").forEach(function (item) {
      var r = item.getBoundingClientRect();
      if (r.width && r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom) top = Math.min(top, r.top);
    });
    if (top === Infinity) return null;
    return Plotly.relayout(plot, { "margin.t": plot._fullLayout._size.t + Math.ceil(b.bottom - top) + 4 });
  }
  function draw() {
    plots.forEach(function (plot) {
      var spec = JSON.parse(document.getElementById(plot.getAttribute("data-spec")).textContent);
      if (plot.clientWidth < NARROW) spec.config.displayModeBar = false;
      Plotly.newPlot(plot, spec.figure.data, spec.figure.layout, spec.config)
        .then(function () {
          return clearToolbar(plot);
        })
        .then(function () {
          var still = plot.parentNode.querySelector("img.still");
          if (still) still.remove();
          plot.parentNode.classList.add("drawn");
        });
    });
  }
  function load() {
    var script = document.createElement("script");
    script.src = library;
    script.onload = draw;
    document.head.appendChild(script);
  }
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);
})();
