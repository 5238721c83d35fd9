import type { CallOptions, Endpoint, Http } from './http.js';
import { AuthenticationError } from './errors.js';
import type { RedactingLogger } from './logger.js';
import type { SessionKeeper } from './session.js';
import type { Language } from './status.js';

/** The limits the client checks attachments against before sending a byte. */
export interface AttachmentLimits {
  /** Largest file in bytes. Default 5 MiB, the portal's limit. */
  maxBytes: number;
  /** Most files on one grievance. Default 5. */
  maxCount: number;
}

/** What every resource shares: the transport, the session, the language, the logger. */
export class Core {
  constructor(
    readonly http: Http,
    readonly session: SessionKeeper,
    readonly language: Language,
    readonly log: RedactingLogger,
    readonly limits: AttachmentLimits,
  ) {}

  /** A call that needs no session (OTP, catalogue). */
  public<T>(endpoint: Endpoint<T>, options?: CallOptions): Promise<T> {
    return this.http.send(endpoint, undefined, options);
  }

  /**
   * A call on the citizen's behalf. When the portal no longer accepts the session (401:
   * expired, revoked or unknown), the client forgets it and the app's `onSessionExpired` hook
   * may sign in again; the call is then repeated once. `renew: false` skips the hook (logout).
   */
  async authed<T>(
    endpoint: Endpoint<T>,
    options?: CallOptions,
    { renew = true }: { renew?: boolean } = {},
  ): Promise<T> {
    const token = this.session.token();
    try {
      return await this.http.send(endpoint, token, options);
    } catch (error) {
      // A 401 is the portal's word that this token is done; anything else leaves it alone.
      if (!(error instanceof AuthenticationError) || error.status !== 401) throw error;

      this.log.log('info', `${endpoint.name}: the portal refused the session (${error.code})`);
      if (!renew) {
        this.session.clear();
        throw error;
      }
      if (!(await this.session.renew(error, token))) throw error;
      return this.http.send(endpoint, this.session.token(), options);
    }
  }
}
