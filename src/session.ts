import { AuthenticationError } from './errors.js';
import type { RedactingLogger } from './logger.js';
import { forgetSecret, rememberSecret } from './redact.js';
import type { Citizen } from './types.js';

/**
 * A session as a {@link SessionStore} keeps it. It holds the access token: whoever reads the
 * store can act as the citizen until `expiresAt`.
 */
export interface StoredSession {
  /** The bearer token: a secret. */
  accessToken: string;
  /** ISO 8601 instant when the portal stops accepting the token. */
  expiresAt: string;
  /** Who is signed in, as the portal last reported. */
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
  /** The session held, or undefined when there is none. */
  get(): StoredSession | undefined;
  /** Keeps a new session, replacing any other. */
  set(session: StoredSession): void;
  /** Forgets the session (sign-out, expiry). */
  clear(): void;
}

/**
 * Whether the client holds a session, as whom, and until when by the portal's clock. The
 * client does not judge expiry by the device's clock, which may be wrong: the portal says
 * when a session has ended (a 401: `SessionExpiredError`, or `AuthenticationError` for a
 * session it does not know), and the client then forgets it.
 */
export type SessionState =
  | {
      /** Signed in. */
      signedIn: true;
      /** When the session ends. */
      expiresAt: Date;
      /** Who is signed in. */
      citizen: Citizen;
    }
  | {
      /** Not signed in, or the session has ended. */
      signedIn: false;
    };

/**
 * Called when the portal no longer accepts the session: expired (`SessionExpiredError`),
 * revoked, or unknown (e.g. the portal restarted), which is an `AuthenticationError` with code
 * `UNAUTHENTICATED`. The client has already forgotten the session; sign the citizen in again
 * inside the hook to carry on.
 */
export type SessionExpiredHandler = (error: AuthenticationError) => void | Promise<void>;

function memoryStore(): SessionStore {
  let held: StoredSession | undefined;
  return {
    get: () => held,
    set: (session) => (held = session),
    clear: () => (held = undefined),
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  const held = value as Partial<StoredSession> | null | undefined;
  return (
    typeof held === 'object' &&
    held !== null &&
    typeof held.accessToken === 'string' &&
    held.accessToken !== '' &&
    typeof held.expiresAt === 'string' &&
    typeof held.citizen === 'object' &&
    held.citizen !== null
  );
}

/** Holds the session: hands out the token, notices expiry, runs the re-sign-in hook once. */
export class SessionKeeper {
  readonly #store: SessionStore;
  readonly #onExpired: SessionExpiredHandler | undefined;
  readonly #log: RedactingLogger | undefined;
  #renewing: Promise<void> | undefined;

  constructor(
    store: SessionStore | undefined,
    onExpired: SessionExpiredHandler | undefined,
    log?: RedactingLogger,
  ) {
    this.#store = store ?? memoryStore();
    this.#onExpired = onExpired;
    this.#log = log;
    const held = this.#held();
    if (held) rememberSecret(held.accessToken);
  }

  // A store the app wrote by hand (or storage that was tampered with) may hold anything;
  // what is not a session is treated as none, never read field by field into a TypeError.
  #held(): StoredSession | undefined {
    const held = this.#store.get();
    return isStoredSession(held) ? held : undefined;
  }

  get state(): SessionState {
    const held = this.#held();
    if (!held) return { signedIn: false };
    return { signedIn: true, expiresAt: new Date(held.expiresAt), citizen: held.citizen };
  }

  /**
   * The token for an authenticated call, or a typed error saying to sign in. An expired
   * session is still sent: only the portal's clock decides, and its 401 starts the renewal.
   */
  token(): string {
    const held = this.#held();
    if (!held) {
      throw new AuthenticationError({
        code: 'UNAUTHENTICATED',
        message: 'Not signed in. Call client.auth.requestOtp() and client.auth.verifyOtp() first.',
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
    const held = this.#held();
    if (held) this.#store.set({ ...held, citizen });
  }

  clear(): void {
    const held = this.#held();
    if (held) forgetSecret(held.accessToken);
    this.#store.clear();
  }

  /**
   * Ends a session the portal refused and gives the app's hook a chance to sign in again. Resolves
   * true when a new session is held, so the failed call can be repeated once. Calls that
   * failed together share one run of the hook; a call whose session was already replaced
   * is simply repeated.
   */
  async renew(error: AuthenticationError, expiredToken: string | undefined): Promise<boolean> {
    const held = this.#held();
    if (held && expiredToken !== undefined && held.accessToken !== expiredToken) return true;
    if (held && !this.#renewing) this.clear();
    if (!this.#onExpired) return false;

    this.#renewing ??= this.#runHook(error).finally(() => {
      this.#renewing = undefined;
    });
    await this.#renewing;
    return this.#held() !== undefined;
  }

  async #runHook(error: AuthenticationError): Promise<void> {
    try {
      await this.#onExpired!(error);
    } catch (hookError) {
      // The call then fails with the error of the refusal, which the app already knows how to handle.
      const reason = hookError instanceof Error ? hookError.message : String(hookError);
      this.#log?.log('warn', `onSessionExpired failed: ${reason}`);
    }
  }
}
