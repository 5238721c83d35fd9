const encoder = new TextEncoder();

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A random identifier with a readable prefix, e.g. `otp_3f9a…`. Unguessable, unlike a counter. */
export function randomId(prefix: string): string {
  return `${prefix}_${toHex(randomBytes(12))}`;
}

/** A bearer token: 32 random bytes, base64url (43 characters). */
export function randomToken(): string {
  const text = btoa(String.fromCharCode(...randomBytes(32)));
  return text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Lower-case hex SHA-256 of bytes or of a string's UTF-8. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}
