import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, Session, WebContents } from 'electron';
import { EXTERNAL_ALLOW_LIST, isAllowedExternalUrl, lockNavigation, lockPermissions } from './navigation.js';

vi.mock('electron', () => ({}));

const ADMIN = 'http://127.0.0.1:4801';

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: string }): void {
    this.openHandler = handler;
  }
}

function setup() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  lockNavigation(contents as unknown as WebContents, ADMIN, openExternal);
  const navigate = (eventName: string, url: string) => {
    const event = { preventDefault: vi.fn(), url };
    contents.emit(eventName, event, url);
    return event.preventDefault;
  };
  const openWindow = (url: string) => contents.openHandler?.({ url } as HandlerDetails);
  return { contents, openExternal, navigate, openWindow };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lockNavigation', () => {
  it('allows navigation within the admin origin', () => {
    const { navigate } = setup();
    expect(navigate('will-navigate', `${ADMIN}/agents/1`)).not.toHaveBeenCalled();
    expect(navigate('will-redirect', `${ADMIN}/login`)).not.toHaveBeenCalled();
    expect(navigate('will-frame-navigate', `${ADMIN}/inbox`)).not.toHaveBeenCalled();
  });

  it.each([
    'http://127.0.0.1:9999/',
    'http://localhost:4801/',
    'https://evil.example/',
    'file:///etc/passwd',
    'not a url',
  ])('prevents navigating, redirecting or framing to %s', (url) => {
    const { navigate } = setup();
    expect(navigate('will-navigate', url)).toHaveBeenCalledOnce();
    expect(navigate('will-redirect', url)).toHaveBeenCalledOnce();
    expect(navigate('will-frame-navigate', url)).toHaveBeenCalledOnce();
  });

  it('sends an allow-listed link the user clicked to the browser instead', async () => {
    const { navigate, openExternal } = setup();
    expect(navigate('will-navigate', 'https://business.facebook.com/settings')).toHaveBeenCalledOnce();
    await flush();
    expect(openExternal).toHaveBeenCalledWith('https://business.facebook.com/settings');
  });

  it('denies every new window and opens only allow-listed https URLs externally', async () => {
    const { openWindow, openExternal } = setup();
    for (const url of ['https://wa.me/919800000000', 'https://console.mistral.ai/api-keys', 'http://wa.me/1', 'https://evil.example/']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    await flush();
    expect(openExternal.mock.calls).toEqual([['https://wa.me/919800000000'], ['https://console.mistral.ai/api-keys']]);
  });

  it('refuses to attach a <webview>', () => {
    const { navigate } = setup();
    expect(navigate('will-attach-webview', 'about:blank')).toHaveBeenCalledOnce();
  });
});

describe('isAllowedExternalUrl', () => {
  it('accepts https on listed hosts only', () => {
    for (const host of EXTERNAL_ALLOW_LIST) expect(isAllowedExternalUrl(`https://${host}/x`)).toBe(true);
    expect(isAllowedExternalUrl('HTTPS://WA.ME/1')).toBe(true);
  });

  it.each([
    'http://business.facebook.com/',
    'https://business.facebook.com.evil.example/',
    'https://evilwa.me/',
    'https://wa.me@evil.example/',
    'https://user:pass@wa.me/',
    'https://wa.me:8443/',
    'javascript:alert(1)',
    'mailto:shop@example.com',
    '',
  ])('rejects %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('lockPermissions', () => {
  it('grants only clipboard-sanitized-write, on request and on check', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    lockPermissions(session as unknown as Session);
    const granted = (permission: string) => {
      const cb = vi.fn();
      request?.(null, permission, cb);
      return cb.mock.calls[0]?.[0] as boolean;
    };
    expect(granted('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(granted(permission)).toBe(false);
      expect(check?.(null, permission)).toBe(false);
    }
    expect(check?.(null, 'clipboard-sanitized-write')).toBe(true);
  });
});
