// A host page's side of the iframe embed: size the frame to what it reports.
// A classic script, for sites that cannot run module scripts.
(function () {
  var frame = document.getElementById('frame');
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || !event.data) return;
    if (event.data.type === 'claim-diff:height' && event.data.height > 0) {
      frame.height = String(event.data.height);
    }
  });
})();
