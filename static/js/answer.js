/* Progressive enhancement of the survey pages; everything works without it. A free-text answer
   gets a live character count (the page already states the limit in words). */
(function () {
  "use strict";

  function counter(area) {
    var out = document.getElementById(area.dataset.counter);
    var limit = parseInt(area.dataset.limit, 10);
    function update() {
      var left = limit - area.value.length;
      out.textContent = left >= 0
        ? area.dataset.textLeft.replace("%(left)s", left)
        : area.dataset.textOver.replace("%(over)s", -left);
      out.classList.toggle("error-message", left < 0);
    }
    var timer = null;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-limit]"), counter);
  });
}());
