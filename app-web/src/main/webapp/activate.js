// Device activation (RFC 8628): sign in, see which device asks, then approve or deny.
// No inline script: the page's Content-Security-Policy allows scripts from this origin only.
(() => {
  const byId = (id) => document.getElementById(id);
  const message = byId('message');
  let accessToken = null;
  let userCode = null;

  const params = new URLSearchParams(location.search);
  if (params.get('user_code')) byId('code').value = params.get('user_code');

  const problem = async (response, fallback) => {
    try {
      const body = await response.json();
      return body.detail || fallback;
    } catch (e) {
      return fallback;
    }
  };

  const signOut = () => {
    if (!accessToken) return;
    fetch('/api/oauth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + accessToken } });
    accessToken = null;
  };

  byId('lookup').addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const form = new URLSearchParams({
      grant_type: 'password', client_id: 'marquee-web',
      username: byId('email').value, password: byId('password').value });
    const token = await fetch('/api/oauth/token', { method: 'POST', body: form });
    if (!token.ok) { message.textContent = await problem(token, 'Sign-in failed.'); return; }
    accessToken = (await token.json()).access_token;
    userCode = byId('code').value;
    const pending = await fetch('/api/oauth/device/approvals/' + encodeURIComponent(userCode),
      { headers: { Authorization: 'Bearer ' + accessToken } });
    if (!pending.ok) {
      message.textContent = await problem(pending, 'That code did not work.');
      signOut();
      return;
    }
    const asking = await pending.json();
    byId('device-name').textContent = asking.deviceName;
    byId('device-type').textContent = asking.deviceType;
    byId('client-name').textContent = asking.clientName;
    byId('requested-at').textContent = new Date(asking.requestedAt).toLocaleString();
    byId('lookup').hidden = true;
    byId('decide').hidden = false;
  });

  byId('decide').addEventListener('submit', async (event) => {
    event.preventDefault();
    const decision = event.submitter ? event.submitter.value : 'deny';
    const answer = await fetch('/api/oauth/device/approvals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + accessToken },
      body: JSON.stringify({ userCode, decision }) });
    if (answer.ok) {
      const body = await answer.json();
      message.textContent = decision === 'approve'
        ? body.deviceName + ' is now signed in.'
        : body.deviceName + ' was denied.';
    } else {
      message.textContent = await problem(answer, 'That did not work.');
    }
    byId('decide').hidden = true;
    signOut();
  });
})();
