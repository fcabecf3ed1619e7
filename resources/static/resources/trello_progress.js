// Follows a Trello import: asks the page's JSON every two seconds, updates
// the progress bar and the status line (a live region), and reloads the page
// once the import has finished to show its summary.
(function () {
  const box = document.getElementById("trello-import");
  if (!box || !box.dataset.poll) return;
  const bar = document.getElementById("trello-progress");
  const status = document.getElementById("trello-status");
  async function poll() {
    try {
      const response = await fetch(box.dataset.poll, { credentials: "same-origin" });
      if (!response.ok) return setTimeout(poll, 5000);
      const job = await response.json();
      if (job.finished) return window.location.reload();
      bar.max = job.total || 1;
      bar.value = job.done;
      bar.textContent = job.percent + " %";
      status.textContent = job.text;
    } catch (error) {
      // A lost request: try again a little later.
    }
    setTimeout(poll, 2000);
  }
  setTimeout(poll, 2000);
})();
