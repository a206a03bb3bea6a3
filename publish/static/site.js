// The SVG image shows each chart at once, without any script. Once the page has loaded (text, styles and the
// image first), this fetches plotly.js, the site's one copy named in data-plotly, and draws each chart from its
// JSON over the image, which then gives way. Nothing is fetched from another host: the figure is in the page.
(function () {
  var plots = document.querySelectorAll("[data-spec]");
  var library = document.currentScript && document.currentScript.getAttribute("data-plotly");
  if (!plots.length || !library) return;
  function draw() {
    plots.forEach(function (plot) {
      var spec = JSON.parse(document.getElementById(plot.getAttribute("data-spec")).textContent);
      Plotly.newPlot(plot, spec.figure.data, spec.figure.layout, spec.config).then(function () {
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
