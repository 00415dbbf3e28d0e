/*
 * medguide live reload, injected by 'medguide serve' only (never part of the built site): polls
 * the server's build status; reloads the page after a successful rebuild, and shows a failed
 * build's problems in an overlay while the last good site stays served.
 */
(function () {
  "use strict";
  var status = document.currentScript.src.replace(/livereload\.js$/, "status");
  var seen = null;
  var overlay = null;

  function show(error) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "medguide-build-error";
      overlay.className = "build-error";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
    }
    overlay.textContent = error;
  }

  function poll() {
    fetch(status, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen !== null && state.generation !== seen) {
          window.location.reload();
          return;
        }
        seen = state.generation;
        if (state.error) {
          show(state.error);
        } else if (overlay) {
          overlay.remove();
          overlay = null;
        }
      })
      .catch(function () { /* the server is restarting; try again */ })
      .then(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
