// The job console's live pages (ADR 42). A job's page: the server pushes the job's grid over
// server-sent events, the whole grid when the stream opens and then only the cells that changed. This script patches
// those cells in place, with no request of its own; only a change of the job's state (or a cell
// the page does not have yet, when the job was just planned) asks Faces to render the form again,
// for the buttons and the audit. EventSource reconnects by itself, and the server starts every
// stream with the whole grid, so nothing is missed across a reconnection.
(function () {
  'use strict';
  // One re-render at a time: messages arriving meanwhile only patch cells.
  var rendering = false;
  window.marqueeJobRendered = function () {
    rendering = false;
  };

  function live() {
    return document.querySelector('[data-stream]');
  }

  function text(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== value) {
      el.textContent = value;
    }
  }

  function patchCell(td, cell) {
    td.className = cell.state;
    td.setAttribute('data-state', cell.state);
    td.setAttribute('data-server', cell.server);
    td.querySelector('.symbol').textContent = cell.symbol;
    td.querySelector('.sr-only').textContent = cell.description;
    td.querySelector('.server').textContent = cell.server;
  }

  function apply(grid) {
    var root = live();
    if (!root) {
      return;
    }
    var rerender = root.getAttribute('data-status') !== grid.status;
    grid.cells.forEach(function (cell) {
      var td = root.querySelector('td[data-cell="' + CSS.escape(cell.key) + '"]');
      if (td) {
        patchCell(td, cell);
      } else {
        rerender = true;
      }
    });
    text('jobProgress', grid.progress);
    var servers = document.getElementById('servers');
    if (servers) {
      var wanted = grid.servers.join('\n');
      var shown = Array.prototype.map.call(servers.children, function (li) {
        return li.textContent;
      }).join('\n');
      if (wanted !== shown) {
        servers.replaceChildren.apply(servers, grid.servers.map(function (s) {
          var li = document.createElement('li');
          li.textContent = s;
          return li;
        }));
      }
    }
    if (rerender && !rendering && typeof window.marqueeJobChanged === 'function') {
      rendering = true;
      root.setAttribute('data-status', grid.status);
      window.marqueeJobChanged();
    }
  }

  function start() {
    var root = live();
    if (!root || !window.EventSource) {
      return;
    }
    var source = new EventSource(root.getAttribute('data-stream'));
    source.addEventListener('grid', function (event) {
      apply(JSON.parse(event.data));
    });
    // The jobs list: told that something it shows changed, it is rendered again.
    source.addEventListener('jobs', function () {
      if (typeof window.marqueeJobsChanged === 'function') {
        window.marqueeJobsChanged();
      }
    });
    window.marqueeJobStream = source;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
