import type { CallOptions, Endpoint, Http } from './http.js';
import { SessionExpiredError } from './errors.js';
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
   * A call on the citizen's behalf. When the session has expired, the app's
   * `onSessionExpired` hook may sign in again; the call is then repeated once.
   */
  async authed<T>(endpoint: Endpoint<T>, options?: CallOptions): Promise<T> {
    let token: string | undefined;
    try {
      token = this.session.token();
      return await this.http.send(endpoint, token, options);
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) throw error;

      this.log.log('info', `${endpoint.name}: session expired`);
      if (!(await this.session.renew(error, token))) throw error;
      return this.http.send(endpoint, this.session.token(), options);
    }
  }
}
