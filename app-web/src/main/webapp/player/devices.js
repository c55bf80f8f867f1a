'use strict';
// This browser as one device of the account, and the account's devices as the viewer manages them:
// a returning browser is recognised (the id it kept since its first sign-in) instead of being
// registered again; the list shows name, type and last use, with Remove; at the 10-device limit
// the viewer is offered to replace the least recently used device with this browser. Removing a
// device needs the password again (the account's step-up), asked for in the page.
// Plain DOM (createElement/textContent, never innerHTML): names are the viewer's own data.

const MarqueeDevices = (() => {
  const byId = (id) => document.getElementById(id);
  const storageKey = (accountId) => 'marquee.device.' + accountId;

  /** "Chromium on Linux" from the browser's own client hints, else "Web browser". */
  function browserName() {
    const hints = navigator.userAgentData;
    if (hints && hints.brands) {
      const brand = hints.brands.map((b) => b.brand).find((b) => !/not.?a.?brand/i.test(b) && b !== 'Chromium')
        || hints.brands.map((b) => b.brand).find((b) => b === 'Chromium');
      if (brand) return (brand + (hints.platform ? ' on ' + hints.platform : '')).slice(0, 80);
    }
    return 'Web browser';
  }

  function lastUsed(device) {
    return new Date(device.lastSeenAt).toLocaleString();
  }

  /** The least recently used of the devices (never this browser, which has none yet). */
  function leastRecentlyUsed(devices) {
    return devices.slice().sort((a, b) => Date.parse(a.lastSeenAt) - Date.parse(b.lastSeenAt))[0];
  }

  class Devices {
    constructor(api) {
      this.api = api;
      this.current = null;
      this.pendingPassword = null;
    }

    /**
     * This browser's device id: the kept one if the account still has it (its last use becomes
     * now), else a new registration. At the limit: rejects with error.problem type device-limit.
     */
    async recognise(accountId) {
      const known = localStorage.getItem(storageKey(accountId));
      if (known) {
        try {
          await this.api('/api/accounts/me/devices/' + encodeURIComponent(known) + '/seen', { method: 'POST' });
          this.current = known;
          return known;
        } catch (e) {
          if (e.status !== 404) throw e;
          localStorage.removeItem(storageKey(accountId));
        }
      }
      const created = await this.api('/api/accounts/me/devices', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: browserName(), type: 'WEB' }),
      });
      localStorage.setItem(storageKey(accountId), created.id);
      this.current = created.id;
      return created.id;
    }

    /** The account's devices, least recently used last. */
    async render() {
      const devices = await this.api('/api/accounts/me/devices');
      devices.sort((a, b) => Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt));
      const list = byId('device-list');
      list.replaceChildren(...devices.map((d) => this.item(d)));
      byId('devices').hidden = false;
      return devices;
    }

    item(device) {
      const item = document.createElement('li');
      item.dataset.deviceId = device.id;
      const name = document.createElement('strong');
      name.className = 'device-name';
      name.textContent = device.name;
      const about = document.createElement('span');
      about.className = 'device-about';
      about.textContent = ' ' + device.type + ' · last used ' + lastUsed(device)
        + (device.id === this.current ? ' · this browser' : '');
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove-device';
      remove.textContent = 'Remove';
      remove.addEventListener('click', () => this.confirm(
        'Remove ' + device.name + '? It is signed out at once.',
        () => this.remove(device).then(() => this.render())).catch(this.failed));
      item.append(name, about, remove);
      return item;
    }

    /** Asks for the password (the account's step-up), then runs {@code action}. */
    confirm(question, action) {
      byId('confirm-question').textContent = question;
      const form = byId('confirm-password');
      const input = byId('confirm-password-input');
      input.value = '';
      form.hidden = false;
      input.focus();
      return new Promise((resolve, reject) => {
        this.cancel = () => reject(new Error('Cancelled.'));
        this.pendingPassword = async (password) => {
          try {
            await this.api('/api/accounts/me/reauthentication', {
              method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ password }),
            });
          } catch (e) {
            this.failed(e); // a wrong password: the form stays for another try
            return;
          }
          form.hidden = true;
          this.pendingPassword = null;
          try {
            resolve(await action());
          } catch (e) {
            reject(e);
          }
        };
      });
    }

    async remove(device) {
      await this.api('/api/accounts/me/devices/' + encodeURIComponent(device.id), { method: 'DELETE' });
      if (device.id === this.current) {
        this.current = null;
      }
    }

    /**
     * The account is at its device limit: show its devices and offer to replace the least
     * recently used one with this browser; resolves with this browser's new id once replaced.
     */
    async offerReplacement(accountId) {
      const devices = await this.render();
      const oldest = leastRecentlyUsed(devices);
      const offer = byId('device-limit');
      offer.replaceChildren();
      const text = document.createElement('span');
      text.textContent = 'This account already has ' + devices.length + ' devices, the most it may have. '
        + 'Replace the least recently used one, ' + oldest.name + ' (last used ' + lastUsed(oldest) + '), with this browser? ';
      const replace = document.createElement('button');
      replace.type = 'button';
      replace.id = 'replace-device';
      replace.textContent = 'Replace ' + oldest.name;
      offer.append(text, replace);
      offer.hidden = false;
      await new Promise((resolve) => replace.addEventListener('click', resolve, { once: true }));
      const id = await this.confirm('Replace ' + oldest.name + ' with this browser?', async () => {
        await this.remove(oldest);
        return this.recognise(accountId);
      });
      offer.hidden = true;
      return id;
    }

    /** Wires the password form once; {@code failed} shows an error to the viewer. */
    wire(failed) {
      this.failed = failed;
      byId('confirm-password').addEventListener('submit', (event) => {
        event.preventDefault();
        if (this.pendingPassword) this.pendingPassword(byId('confirm-password-input').value);
      });
      byId('confirm-cancel').addEventListener('click', () => {
        byId('confirm-password').hidden = true;
        this.pendingPassword = null;
        if (this.cancel) this.cancel();
      });
    }
  }

  return { Devices, browserName, leastRecentlyUsed };
})();
window.MarqueeDevices = MarqueeDevices;
