import { MockPortalError } from './mock-portal-error.js';

/** The rules the mock portal enforces. Every limit is configurable, for tests of edge cases. */
export interface PortalPolicy {
  /** How long an OTP can be verified. Default 10 minutes. */
  otpTtlMs: number;
  /** How soon another OTP may be sent to the same mobile. Default 60 seconds. */
  otpResendAfterMs: number;
  /** Wrong OTPs that lock an OTP request; the last one is answered 423. Default 5. */
  otpMaxAttempts: number;
  /** How long a session lasts after sign-in. Default 30 minutes. */
  sessionTtlMs: number;
  /** The least time between two reminders on one grievance. Default 7 days. */
  reminderIntervalMs: number;
  /** The largest attachment accepted, in bytes. Default 5 MiB. */
  maxAttachmentBytes: number;
  /** The most attachments one grievance may list. Default 5 (the contract's own cap). */
  maxAttachmentsPerGrievance: number;
  /** How long an `Idempotency-Key` and its response are kept. Default 24 hours. */
  idempotencyTtlMs: number;
}

/** The portal's policy when no option changes it: the contract's defaults. */
export const DEFAULT_POLICY: Readonly<PortalPolicy> = Object.freeze({
  otpTtlMs: 10 * 60_000,
  otpResendAfterMs: 60_000,
  otpMaxAttempts: 5,
  sessionTtlMs: 30 * 60_000,
  reminderIntervalMs: 7 * 24 * 60 * 60_000,
  maxAttachmentBytes: 5 * 1024 * 1024,
  maxAttachmentsPerGrievance: 5,
  idempotencyTtlMs: 24 * 60 * 60_000,
});

/** An SMS the portal sent: the OTP as the citizen would read it on the phone. */
export interface SentSms {
  /** The mobile number in wire form (`+919830012345`). */
  readonly mobile: string;
  /** The six digits, as `portal.lastOtp(mobile)` returns them. */
  readonly otp: string;
  /** When it was sent, by the portal's clock. */
  readonly at: Date;
}

/** How to build a mock portal. Every field is optional. */
export interface MockPortalOptions {
  /**
   * Where the portal lives; routes are under `${baseUrl}/v1`. A trailing slash is ignored.
   * Default: a host of its own per portal (`https://portal-1.mock.wb-grievance.test`,
   * `portal-2`, ...), so that portals running side by side in one msw server never meet.
   */
  baseUrl?: string;
  /**
   * The portal's clock: expiry, cool-downs and timestamps all read it. Inject one to move
   * time in a test. It must return a valid Date, of which the portal keeps a copy. Default
   * `() => new Date()`.
   */
  now?: () => Date;
  /**
   * The OTP every SMS carries, or a function that makes one (6 ASCII digits). Default: 6
   * random digits from `crypto.getRandomValues`. Read the OTP sent with `portal.lastOtp()`.
   */
  otp?: string | (() => string);
  /** Called with every SMS the portal sends, e.g. to print OTPs in a demo. Default: none. */
  onOtp?: (sms: SentSms) => void;
  /** Changes to {@link DEFAULT_POLICY}; fields not given keep their default. */
  policy?: Partial<PortalPolicy>;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  baseUrl: string;
  now: () => Date;
  issueOtp: () => string;
  onOtp: ((sms: SentSms) => void) | undefined;
  policy: Readonly<PortalPolicy>;
}

const OPTION_KEYS = new Set(['baseUrl', 'now', 'otp', 'onOtp', 'policy']);
const WHOLE_NUMBER_KEYS = new Set(['otpMaxAttempts', 'maxAttachmentsPerGrievance']);
const OTP_PATTERN = /^\d{6}$/;

let portalCount = 0;

/**
 * Fills in defaults and refuses what cannot work, so that a typo in a test's options fails
 * at once instead of silently running with the defaults.
 */
export function resolveOptions(options: MockPortalOptions = {}): ResolvedOptions {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new MockPortalError(`Unknown mock portal option "${key}".`);
  }

  portalCount += 1;
  return {
    baseUrl: resolveBaseUrl(
      options.baseUrl ?? `https://portal-${portalCount}.mock.wb-grievance.test`,
    ),
    now: resolveClock(options.now),
    issueOtp: resolveOtp(options.otp),
    onOtp: options.onOtp,
    policy: Object.freeze(resolvePolicy(options.policy ?? {})),
  };
}

function resolveBaseUrl(baseUrl: string): string {
  try {
    new URL(baseUrl);
  } catch {
    throw new MockPortalError(`baseUrl "${baseUrl}" is not an absolute URL.`);
  }
  return baseUrl.replace(/\/+$/, '');
}

/** The clock, read as a copy each time: the portal keeps Dates that a test's clock cannot move. */
function resolveClock(now: MockPortalOptions['now']): () => Date {
  if (now === undefined) return () => new Date();
  if (typeof now !== 'function') {
    throw new MockPortalError('The now option must be a function that returns a Date.');
  }

  return () => {
    const date: unknown = now();
    const time =
      Object.prototype.toString.call(date) === '[object Date]' && (date as Date).getTime();
    if (typeof time !== 'number' || Number.isNaN(time)) {
      throw new MockPortalError('The now option must return a valid Date.');
    }
    return new Date(time);
  };
}

function resolveOtp(otp: MockPortalOptions['otp']): () => string {
  if (typeof otp === 'function') {
    return () => checkedOtp(otp());
  }

  if (otp !== undefined) {
    const fixed = checkedOtp(otp);
    return () => fixed;
  }

  return randomOtp;
}

function checkedOtp(otp: unknown): string {
  if (typeof otp !== 'string' || !OTP_PATTERN.test(otp)) {
    throw new MockPortalError('The otp option must be (or return) exactly 6 ASCII digits.');
  }
  return otp;
}

function randomOtp(): string {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return String(value % 1_000_000).padStart(6, '0');
}

function resolvePolicy(changes: Partial<PortalPolicy>): PortalPolicy {
  const policy: PortalPolicy = { ...DEFAULT_POLICY };

  for (const [key, value] of Object.entries(changes)) {
    if (!Object.hasOwn(DEFAULT_POLICY, key)) {
      throw new MockPortalError(`Unknown policy field "${key}".`);
    }
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new MockPortalError(`policy.${key} must be a number of 0 or more.`);
    }
    if (WHOLE_NUMBER_KEYS.has(key) && !Number.isInteger(value)) {
      throw new MockPortalError(`policy.${key} must be a whole number.`);
    }
    policy[key as keyof PortalPolicy] = value;
  }

  if (policy.otpMaxAttempts < 1)
    throw new MockPortalError('policy.otpMaxAttempts must be 1 or more.');
  return policy;
}
