/* A background task's page (templates/includes/task_progress.html) follows the task in place:
   every few seconds it fetches itself again and puts the new box where the old one was (a
   status region, so the change is announced); once the task has finished, the page's main
   content is replaced with the new one, which shows the result. No meta refresh: reloading the
   whole page under a reader's feet fails WCAG 2.2.1, and the Content-Security-Policy allows no
   inline script. Without JavaScript the box links to the page to look again. */
(function () {
  "use strict";

  function showLive(box) {
    Array.prototype.forEach.call(box.querySelectorAll("[data-task-live]"), function (el) {
      el.hidden = false;
    });
    Array.prototype.forEach.call(box.querySelectorAll("[data-task-static]"), function (el) {
      el.hidden = true;
    });
  }

  function follow(box) {
    var seconds = parseInt(box.dataset.refreshSeconds, 10) || 2;
    showLive(box);

    function update(html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var freshBox = fresh.getElementById(box.id);
      if (freshBox && freshBox.hasAttribute("data-refresh-seconds")) {
        box.innerHTML = freshBox.innerHTML;
        showLive(box);
        return true;
      }
      var main = document.querySelector("main");
      var freshMain = fresh.querySelector("main");
      if (main && freshMain) {
        main.innerHTML = freshMain.innerHTML;
        document.title = fresh.title;
      }
      return false;
    }

    function poll() {
      fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        })
        .then(function (html) { if (update(html)) { later(); } })
        .catch(later);
    }

    function later() { window.setTimeout(poll, seconds * 1000); }

    later();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-refresh-seconds]"), follow);
  });
}());
