// Draws each chart from its JSON once plotly.js has loaded (both scripts are deferred); until then, and without
// JavaScript, the SVG image stands in. Nothing is fetched: the figure is in the page.
(function () {
  document.querySelectorAll("[data-spec]").forEach(function (plot) {
    var spec = JSON.parse(document.getElementById(plot.getAttribute("data-spec")).textContent);
    Plotly.newPlot(plot, spec.figure.data, spec.figure.layout, spec.config).then(function () {
      var still = plot.parentNode.querySelector("img.still");
      if (still) still.remove();
      plot.parentNode.classList.add("drawn");
    });
  });
})();
