import { AuthenticationError, SessionExpiredError } from './errors.js';
import { forgetSecret, rememberSecret } from './redact.js';
import type { Citizen } from './types.js';

/**
 * A session as a {@link SessionStore} keeps it. It holds the access token: whoever reads the
 * store can act as the citizen until `expiresAt`.
 */
export interface StoredSession {
  accessToken: string;
  /** ISO 8601 instant when the portal stops accepting the token. */
  expiresAt: string;
  citizen: Citizen;
}

/**
 * Where the client keeps its session. The default keeps it in memory, so a reload signs the
 * citizen out. A persistent store (e.g. over `sessionStorage`) survives reloads but exposes the
 * token to any script on the page or process that can read the store: keep it short-lived, and
 * never use `localStorage` on a shared device.
 *
 * @example
 * const sessionStore: SessionStore = {
 *   get: () => JSON.parse(sessionStorage.getItem('wbg') ?? 'null') ?? undefined,
 *   set: (s) => sessionStorage.setItem('wbg', JSON.stringify(s)),
 *   clear: () => sessionStorage.removeItem('wbg'),
 * };
 */
export interface SessionStore {
  get(): StoredSession | undefined;
  set(session: StoredSession): void;
  clear(): void;
}

/** Whether and until when the client is signed in. Never includes the token. */
export type SessionState =
  { signedIn: true; expiresAt: Date; citizen: Citizen } | { signedIn: false };

/** Called when the session expires; sign the citizen in again inside it to carry on. */
export type SessionExpiredHandler = (error: SessionExpiredError) => void | Promise<void>;

function memoryStore(): SessionStore {
  let held: StoredSession | undefined;
  return {
    get: () => held,
    set: (session) => (held = session),
    clear: () => (held = undefined),
  };
}

/** Holds the session: hands out the token, notices expiry, runs the re-sign-in hook once. */
export class SessionKeeper {
  readonly #store: SessionStore;
  readonly #onExpired: SessionExpiredHandler | undefined;
  #renewing: Promise<void> | undefined;

  constructor(store: SessionStore | undefined, onExpired: SessionExpiredHandler | undefined) {
    this.#store = store ?? memoryStore();
    this.#onExpired = onExpired;
    const held = this.#store.get();
    if (held) rememberSecret(held.accessToken);
  }

  get state(): SessionState {
    const held = this.#store.get();
    if (!held || Date.parse(held.expiresAt) <= Date.now()) return { signedIn: false };
    return { signedIn: true, expiresAt: new Date(held.expiresAt), citizen: held.citizen };
  }

  /** The token for an authenticated call, or a typed error saying to sign in. */
  token(): string {
    const held = this.#store.get();
    if (!held) {
      throw new AuthenticationError({
        code: 'UNAUTHENTICATED',
        message: 'Not signed in. Call client.auth.requestOtp() and client.auth.verifyOtp() first.',
      });
    }
    if (Date.parse(held.expiresAt) <= Date.now()) {
      throw new SessionExpiredError({
        code: 'SESSION_EXPIRED',
        message: 'The session has expired. Sign in again with an OTP, then repeat the call.',
      });
    }
    return held.accessToken;
  }

  set(session: StoredSession): void {
    this.clear();
    rememberSecret(session.accessToken);
    this.#store.set(session);
  }

  updateCitizen(citizen: Citizen): void {
    const held = this.#store.get();
    if (held) this.#store.set({ ...held, citizen });
  }

  clear(): void {
    const held = this.#store.get();
    if (held) forgetSecret(held.accessToken);
    this.#store.clear();
  }

  /**
   * Ends the expired session and gives the app's hook a chance to sign in again. Resolves
   * true when a new session is held, so the failed call can be repeated once.
   */
  async renew(error: SessionExpiredError, expiredToken: string | undefined): Promise<boolean> {
    const held = this.#store.get();
    if (held && (expiredToken === undefined || held.accessToken === expiredToken)) this.clear();
    if (!this.#onExpired) return false;

    this.#renewing ??= Promise.resolve(this.#onExpired(error)).finally(() => {
      this.#renewing = undefined;
    });
    await this.#renewing;
    return this.#store.get() !== undefined && this.state.signedIn;
  }
}
