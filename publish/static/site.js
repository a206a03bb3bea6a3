// Each chart shows at once as an SVG still, drawn by plotly.js at build time, without any script. plotly.js (the
// site's one copy, named in data-plotly) is fetched only when a reader reaches for a chart: the pointer enters it
// or a finger touches it (or focus moves into it, should it ever hold a control). It then draws each chart from its JSON over the still,
// which gives way. A phone that only reads the page never downloads or runs plotly.js. Nothing is fetched from
// another host: the figure is in the page.
// The toolbar (mode bar) sits at the chart's top right, where a wrapped legend reaches: below NARROW px (phones)
// the chart has none (the page's Files list has the images; embeds never have one), and where it would cover a
// legend entry the plot is moved down below it.
// In an embed (body.embed inside another page's frame) this also tells the parent page its height whenever it
// changes: the embed code's few lines set the frame's height from that message, so the frame shows the whole view.
(function () {
  var NARROW = 640;
  var HEIGHT = "hikikomori-in-numbers-height";
  var REACH = ["pointerenter", "pointerdown", "touchstart", "focusin"];
  var plots = document.querySelectorAll("[data-spec]");
  var library = document.currentScript && document.currentScript.getAttribute("data-plotly");

  function reportHeight() {
    var last = 0;
    function report() {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      var message = {};
      message[HEIGHT] = height;
      window.parent.postMessage(message, "*");
    }
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
    window.addEventListener("load", report);
    report();
  }
  if (document.body.classList.contains("embed") && window.parent !== window) reportHeight();

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
          var still = plot.parentNode.querySelector("picture");
          if (still) still.remove();
          plot.parentNode.classList.add("drawn");
        });
    });
  }
  var requested = false;
  function load() {
    if (requested) return;
    requested = true;
    var script = document.createElement("script");
    script.src = library;
    script.onload = draw;
    document.head.appendChild(script);
  }
  plots.forEach(function (plot) {
    REACH.forEach(function (type) {
      plot.parentNode.addEventListener(type, load, { once: true, passive: true });
    });
  });
})();
