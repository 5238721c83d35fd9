import { allDigits } from './digits.js';
import { ValidationError } from './errors.js';

const BENGALI_ZERO = 0x09e6;

/** Replaces Bengali digits (০-৯) with ASCII digits, so either script can be typed. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u09E6-\u09EF]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
}

function nationalNumber(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;

  const compact = toAsciiDigits(input).replace(/[\s\-().]/g, '');
  const digits = compact.startsWith('+91')
    ? compact.slice(3)
    : compact.startsWith('0091')
      ? compact.slice(4)
      : compact.length === 12 && compact.startsWith('91')
        ? compact.slice(2)
        : compact.length === 11 && compact.startsWith('0')
          ? compact.slice(1)
          : compact;

  return /^[6-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * Whether `input` is an Indian mobile number in any form a citizen types it: with or without
 * `+91`, `0091`, `91` or a leading `0`, with spaces, hyphens or brackets, in ASCII or Bengali
 * digits.
 */
export function isValidMobile(input: unknown): boolean {
  return nationalNumber(input) !== undefined;
}

/**
 * The wire form (`+91XXXXXXXXXX`) of a mobile number typed in any accepted form.
 *
 * @throws {@link ValidationError} (code `VALIDATION_FAILED`, field `mobile`) when it is not
 *   an Indian mobile number. Check with {@link isValidMobile} first to avoid the throw.
 * @example
 * normalizeMobile('098300 12345'); // '+919830012345'
 */
export function normalizeMobile(input: string): string {
  const digits = nationalNumber(input);
  if (digits === undefined) {
    throw ValidationError.forField('mobile', 'invalid_mobile');
  }
  return `+91${digits}`;
}

/**
 * A mobile number safe to show or log: only the last four digits remain (`******2345`).
 * Works on any input and never reveals more than four digits.
 */
export function maskMobile(input: string): string {
  return `******${allDigits(String(input)).slice(-4)}`;
}

// Verhoeff's dihedral-group tables, which the Aadhaar check digit uses.
const D = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
].map((row) => [...row].map(Number));
const P = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453126870',
  '4286573901',
  '2793806415',
  '7046913258',
].map((row) => [...row].map(Number));

function verhoeffValid(digits: string): boolean {
  let check = 0;
  [...digits].reverse().forEach((digit, i) => {
    check = D[check]![P[i % 8]![Number(digit)]!]!;
  });
  return check === 0;
}

function aadhaarDigits(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const digits = toAsciiDigits(input).replace(/[\s-]/g, '');
  return /^[2-9]\d{11}$/.test(digits) ? digits : undefined;
}

/**
 * Whether `input` is a well-formed Aadhaar number: 12 digits (spaces and hyphens allowed),
 * the first 2-9, and a valid Verhoeff check digit. It does not say the number was issued.
 */
export function isValidAadhaar(input: unknown): boolean {
  const digits = aadhaarDigits(input);
  return digits !== undefined && verhoeffValid(digits);
}

/** An Aadhaar number safe to show: `XXXX-XXXX-1234`. Never reveals more than four digits. */
export function maskAadhaar(input: string): string {
  return `XXXX-XXXX-${allDigits(String(input)).slice(-4)}`;
}
