// The browser ingest (ADR 40): hash the master, open an upload, send the parts the server does not
// hold yet, complete. A dropped connection or a server answering 5xx is waited out and the part
// sent again; a closed tab continues when the same file is picked again (the upload's id and the
// file's SHA-256 are kept in localStorage under the file's name, size and date). With the form's
// data-direct-parts on (MARQUEE_INGEST_BROWSER_DIRECT_PARTS), each part goes to a presigned URL
// in object storage instead of through the console, with the same waiting out and resuming.
(function () {
  'use strict';
  const form = document.getElementById('ingest');
  if (!form) return;
  const calls = form.dataset.calls;
  const token = form.dataset.token;
  const box = document.getElementById('upload');
  const bar = document.getElementById('progress');
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  const SLICE = 4 * 1024 * 1024;

  function show(text) {
    status.textContent = text;
  }

  function progress(done, total) {
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    bar.setAttribute('aria-valuenow', String(percent));
    bar.firstElementChild.style.width = percent + '%';
    bar.setAttribute('aria-valuetext', percent + ' %');
  }

  class Refused extends Error {
    constructor(problem) {
      super(problem.detail || problem.title || 'Refused');
      this.problem = problem;
    }
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // One call, sent again after a network failure or a 5xx until it is answered; 4xx is final.
  async function call(method, path, body, contentType) {
    let wait = 1000;
    for (;;) {
      let response;
      try {
        const headers = { 'X-Console-Token': token };
        if (contentType) headers['Content-Type'] = contentType;
        response = await fetch(calls + path, { method, headers, body, credentials: 'same-origin' });
      } catch (e) {
        response = null;
      }
      if (response && response.status < 500) {
        const json = await response.json();
        if (!response.ok) throw new Refused(json);
        return json;
      }
      lost();
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
    }
  }

  function lost() {
    show('Connection lost; the upload waits and goes on by itself.');
    form.dataset.interrupted = 'true';
  }

  // One part PUT straight to object storage at a URL the server presigns. A network failure or a
  // 5xx is waited out; any other refusal (an expired URL, say) gets a fresh URL, a few times.
  async function sendDirect(id, part, bytes) {
    let wait = 1000;
    let refusals = 0;
    for (;;) {
      const target = await call('POST', '/' + id + '/parts/' + part + '/presigned-url', '{}',
        'application/json');
      let response;
      try {
        response = await fetch(target.url, { method: target.method, body: bytes,
          credentials: 'omit', mode: 'cors' });
      } catch (e) {
        response = null;
      }
      if (response && response.ok) {
        return call('GET', '/' + id);
      }
      if (response && response.status < 500) {
        refusals += 1;
        if (refusals >= 3) {
          throw new Error('the storage refused part ' + part + ' (HTTP ' + response.status + ')');
        }
      } else {
        lost();
        await sleep(wait);
        wait = Math.min(wait * 2, 5000);
      }
    }
  }

  async function sha256(file) {
    const hash = new window.MarqueeSha256();
    for (let at = 0; at < file.size; at += SLICE) {
      const piece = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      hash.update(piece);
      show('Checking the file: ' + Math.floor(((at + piece.length) * 100) / file.size) + ' %');
    }
    return hash.hex();
  }

  function request(file, hash) {
    const value = (id) => document.getElementById(id).value;
    return {
      title: {
        name: value('name'),
        synopsis: value('synopsis'),
        language: value('language'),
        category: value('category'),
        maturityRating: value('maturityRating'),
        releaseYear: Number(value('releaseYear')),
        regions: value('regions').split(',').map((r) => r.trim()).filter((r) => r),
        offlineAllowed: document.getElementById('offlineAllowed').checked
      },
      fileName: file.name,
      sizeBytes: file.size,
      sha256: hash
    };
  }

  async function uploadFor(file) {
    const key = 'marquee-ingest:' + file.name + ':' + file.size + ':' + file.lastModified;
    const kept = JSON.parse(localStorage.getItem(key) || 'null');
    if (kept) {
      try {
        const state = await call('GET', '/' + kept.id);
        if (state.state === 'OPEN') {
          show('Continuing the upload begun earlier.');
          return { key, state };
        }
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
      }
    }
    const hash = await sha256(file);
    const state = await call('POST', '', JSON.stringify(request(file, hash)), 'application/json');
    localStorage.setItem(key, JSON.stringify({ id: state.id }));
    return { key, state };
  }

  async function run(file) {
    box.hidden = false;
    result.hidden = true;
    let { key, state } = await uploadFor(file);
    form.dataset.uploadId = state.id;
    const direct = form.dataset.directParts === 'true';
    progress(state.receivedBytes, state.sizeBytes);
    for (const part of state.missingParts) {
      const from = (part - 1) * state.partSize;
      const to = Math.min(from + state.partSize, state.sizeBytes);
      show('Sending part ' + part + ' of ' + state.partCount + '.');
      state = direct
        ? await sendDirect(state.id, part, file.slice(from, to))
        : await call('PUT', '/' + state.id + '/parts/' + part, file.slice(from, to),
          'application/octet-stream');
      progress(state.receivedBytes, state.sizeBytes);
    }
    show('Verifying the master on the server.');
    const id = state.id;
    try {
      state = await call('POST', '/' + id + '/complete', '{}', 'application/json');
    } catch (e) {
      // An answer lost on the way back: the completion may have happened; ask where it stands.
      if (!(e instanceof Refused)) throw e;
      state = await call('GET', '/' + id);
      if (state.state === 'OPEN') throw e;
    }
    localStorage.removeItem(key);
    if (state.state === 'COMPLETED' && state.titleId) {
      show('Uploaded and verified; the title is being transcoded.');
      result.innerHTML = '';
      const link = document.createElement('a');
      link.href = 'title.xhtml?id=' + encodeURIComponent(state.titleId);
      link.textContent = 'Open the title';
      link.id = 'titleLink';
      result.append(link);
      result.hidden = false;
      form.dataset.titleId = state.titleId;
    } else {
      show('The master was refused: ' + (state.failureDetail || state.failureType || state.state));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = document.getElementById('master').files[0];
    if (!file) {
      box.hidden = false;
      show('Pick the master file first.');
      return;
    }
    document.getElementById('start').disabled = true;
    run(file)
      .catch((e) => show(e instanceof Refused ? 'Refused: ' + e.message : 'Failed: ' + e))
      .finally(() => {
        document.getElementById('start').disabled = false;
      });
  });
})();
