// Báo cáo giao ban: draws the page's two charts from the JSON the view embeds
// (#report-data) with the vendored Chart.js (chart.umd.js, served from our own static files).
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("report-data");
    if (!node || typeof Chart === "undefined") return;
    var data = JSON.parse(node.textContent);
    Chart.defaults.font.family = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
    Chart.defaults.animation = false; // a report, not a show: draw at once (and for screenshots)

    var totals = document.getElementById("chart-totals");
    if (totals) {
      new Chart(totals, {
        type: "doughnut",
        data: {
          labels: data.buckets,
          datasets: [{ data: data.totals, backgroundColor: data.colours, borderWidth: 1 }],
        },
        options: {
          maintainAspectRatio: false,
          plugins: { legend: { position: "right" } },
        },
      });
    }

    var agencies = document.getElementById("chart-agencies");
    if (agencies) {
      new Chart(agencies, {
        type: "bar",
        data: {
          labels: data.agencies,
          datasets: data.stacks.map(function (s) {
            return { label: s.label, data: s.data, backgroundColor: s.colour };
          }),
        },
        options: {
          indexAxis: "y",
          maintainAspectRatio: false,
          scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
          plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        },
      });
    }
    document.body.setAttribute("data-charts", "drawn");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
