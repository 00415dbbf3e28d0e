/*
 * medguide live reload, injected by 'medguide serve' only (never part of the built site): asks
 * the server for its build status, which answers when the status changes (a long poll); reloads
 * the page after a successful rebuild, and shows a failed build's problems in an overlay while
 * the last good site stays served.
 */
(function () {
  "use strict";
  var status = document.currentScript.src.replace(/livereload\.js$/, "status");
  var seen = null;
  var version = -1;
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
    var failed = false;
    fetch(status + "?after=" + version, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        version = state.version;
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
      .catch(function () { failed = true; /* the server is restarting; try again */ })
      .then(function () { setTimeout(poll, failed ? 1000 : 0); });
  }

  poll();
})();
