// The document page: follows each unfinished job through the JSON API and reloads when one ends.
(function () {
  var rows = document.querySelectorAll('#jobs tr[data-job]');
  if (!rows.length) { return; }
  function unfinished() { return Array.prototype.filter.call(rows, function (r) { return r.dataset.state === 'queued' || r.dataset.state === 'running'; }); }
  function poll() {
    var waiting = unfinished();
    if (!waiting.length) { return; }
    Promise.all(waiting.map(function (row) {
      return fetch('/api/jobs/' + row.dataset.job, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (job) {
        if (job.state !== row.dataset.state && (job.state === 'done' || job.state === 'failed')) { window.location.reload(); return; }
        row.dataset.state = job.state;
        row.querySelector('.job-progress').textContent = Math.round(job.progress * 100) + '% – ' + job.activity;
      });
    })).then(function () {
      document.getElementById('progress-summary').textContent = unfinished().length + ' of ' + rows.length + ' formats still being made.';
      setTimeout(poll, 1000);
    }, function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();
