// plotly.js 4 fetches a base-map topology (world_110m) from cdn.plot.ly for every geo subplot,
// even when all of its base layers are hidden. detente hides every base layer and draws the
// countries from its own GeoJSON (Natural Earth, read from the store), so an empty topology
// satisfies plotly and nothing leaves the machine. Load this before or after plotly.js.
(function () {
  var assets = (window.PlotlyGeoAssets = window.PlotlyGeoAssets || {});
  assets.topojson = assets.topojson || {};
  ["world_110m", "world_50m"].forEach(function (name) {
    if (assets.topojson[name] === undefined) {
      assets.topojson[name] = { type: "Topology", objects: {}, arcs: [] };
    }
  });
})();
