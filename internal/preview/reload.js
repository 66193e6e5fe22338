// qrboard serve: reloads this page when the preview has been rebuilt.
// Added to pages by the preview server only; never part of a built site.
(function () {
  "use strict";
  if (!window.EventSource || !document.currentScript) {
    return;
  }
  var m = /[?&]v=([^&]*)/.exec(document.currentScript.src);
  var shown = m ? decodeURIComponent(m[1]) : "";
  var events = new EventSource("/__qrboard/events");
  events.onmessage = function (e) {
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  };
})();
