(function () {
  var root = document.documentElement, key = "yardstick-theme";
  // the first click always changes what the reader sees: to the theme the system does not prefer
  var systemDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var order = systemDark ? ["auto", "light", "dark"] : ["auto", "dark", "light"];
  var current = "auto";
  try { current = localStorage.getItem(key) || "auto"; } catch (e) { /* a file: page may have no storage */ }
  function apply() {
    if (current === "auto") { root.removeAttribute("data-theme"); } else { root.setAttribute("data-theme", current); }
    var button = document.getElementById("theme-toggle");
    if (button) { button.textContent = "Theme: " + current; }
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    document.getElementById("theme-toggle").addEventListener("click", function () {
      current = order[(order.indexOf(current) + 1) % order.length];
      try { localStorage.setItem(key, current); } catch (e) { /* kept for this page view only */ }
      apply();
    });
  });
})();
