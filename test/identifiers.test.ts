import { describe, expect, it } from 'vitest';
import {
  DEPARTMENTS,
  DISTRICTS,
  PORTAL_CONTACT,
  ValidationError,
  isValidAadhaar,
  isValidMobile,
  maskAadhaar,
  maskMobile,
  normalizeMobile,
  toAsciiDigits,
} from 'wb-grievance';
import mobileNumbers from './fixtures/mobile-numbers.json' with { type: 'json' };

// Verhoeff's tables, written out here from the published algorithm so that the test computes
// check digits on its own instead of trusting the library's.
const MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function checkDigit(payload: string): string {
  let c = 0;
  [...payload].reverse().forEach((digit, i) => {
    c = MULTIPLY[c]![PERMUTE[(i + 1) % 8]![Number(digit)]!]!;
  });
  return String(INVERSE[c]);
}

const withCheckDigit = (payload: string) => payload + checkDigit(payload);
const BENGALI = '০১২৩৪৫৬৭৮৯';
const toBengali = (text: string) => text.replace(/\d/g, (d) => BENGALI[Number(d)]!);

describe('mobile numbers', () => {
  it.each(mobileNumbers.cases)('reads $input as $expect', ({ input, expect: wire }) => {
    expect(isValidMobile(input)).toBe(wire !== null);
    if (wire === null) expect(() => normalizeMobile(input)).toThrow(ValidationError);
    else expect(normalizeMobile(input)).toBe(wire);
  });

  it('reads a number typed in Bengali digits', () => {
    expect(normalizeMobile('৯৮৩০০ ১২৩৪৫')).toBe('+919830012345');
    expect(normalizeMobile('+৯১ ৭০০১২ ৩৪৫৬৭')).toBe('+917001234567');
    expect(toAsciiDigits('ওটিপি ০৪২৯১৭')).toBe('ওটিপি 042917');
  });

  it('refuses what is not a string without a TypeError', () => {
    for (const input of [undefined, null, 9830012345, {}]) {
      expect(isValidMobile(input)).toBe(false);
      expect(() => normalizeMobile(input as string)).toThrow(ValidationError);
    }
  });

  it('names the mobile field when it refuses a number', () => {
    try {
      normalizeMobile('12345');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details[0]?.field).toBe('mobile');
      expect((error as ValidationError).message).not.toContain('12345');
    }
  });

  it('masks all but the last four digits', () => {
    expect(maskMobile('+91 98300 12345')).toBe('******2345');
    expect(maskMobile('৯৮৩০০ ১২৩৪৫')).toBe('******2345');
    expect(maskMobile('+919830067890')).toBe('******7890');
  });
});

describe('Aadhaar numbers', () => {
  it('computes check digits as the published Verhoeff example does', () => {
    expect(checkDigit('236')).toBe('3');
  });

  const payloads = ['23412341234', '49999999999', '81234567890', '20000000000', '98765432109'];

  it.each(payloads)('accepts %s with its Verhoeff check digit, spaced or not', (payload) => {
    const number = withCheckDigit(payload);
    expect(isValidAadhaar(number)).toBe(true);
    expect(isValidAadhaar(`${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}`)).toBe(
      true,
    );
    expect(isValidAadhaar(`${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`)).toBe(
      true,
    );
    expect(isValidAadhaar(toBengali(number))).toBe(true);
  });

  it.each(payloads)('refuses %s with any other final digit', (payload) => {
    const right = checkDigit(payload);
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== right) expect(isValidAadhaar(`${payload}${d}`)).toBe(false);
    }
  });

  it('refuses a transposition of two neighbouring digits', () => {
    const number = withCheckDigit('23412341234');
    const swapped = number[0]! + number[2]! + number[1]! + number.slice(3);
    expect(swapped).not.toBe(number);
    expect(isValidAadhaar(swapped)).toBe(false);
  });

  it('refuses numbers starting 0 or 1, of the wrong length, or not strings', () => {
    expect(isValidAadhaar(withCheckDigit('01234567890'))).toBe(false);
    expect(isValidAadhaar(withCheckDigit('11234567890'))).toBe(false);
    expect(isValidAadhaar(withCheckDigit('2341234123'))).toBe(false);
    expect(isValidAadhaar(withCheckDigit('234123412345'))).toBe(false);
    expect(isValidAadhaar('')).toBe(false);
    expect(isValidAadhaar(undefined)).toBe(false);
    expect(isValidAadhaar(234123412346)).toBe(false);
  });

  it('masks all but the last four digits', () => {
    expect(maskAadhaar('2341 2341 1234')).toBe('XXXX-XXXX-1234');
    expect(maskAadhaar('২৩৪১-২৩৪১-৫৬৭৮')).toBe('XXXX-XXXX-5678');
  });
});

describe('portal contact details', () => {
  it('give the helpline, its hours and the Nabanna address', () => {
    expect(PORTAL_CONTACT.helpline.display).toBe('9137091370');
    expect(PORTAL_CONTACT.helpline.e164).toBe('+919137091370');
    expect(PORTAL_CONTACT.hours.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    expect(PORTAL_CONTACT.hours).toMatchObject({ opens: '10:00', closes: '17:00' });
    expect(PORTAL_CONTACT.address.en.join(', ')).toMatch(/Nabanna, 14th floor.*Howrah 711102/);
    expect(PORTAL_CONTACT.address.bn.join(', ')).toContain('নবান্ন');
    expect(PORTAL_CONTACT.address.postalCode).toBe('711102');
    expect(DISTRICTS.some((d) => d.code === PORTAL_CONTACT.address.district)).toBe(true);
  });

  it('cannot be changed by an app', () => {
    expect(Object.isFrozen(PORTAL_CONTACT.helpline)).toBe(true);
    expect(Object.isFrozen(PORTAL_CONTACT.address.en)).toBe(true);
  });
});

describe('catalogues', () => {
  it.each([
    ['DISTRICTS', DISTRICTS],
    ['DEPARTMENTS', DEPARTMENTS],
  ])('%s have unique stable codes and labels in both languages, in NFC', (_, entries) => {
    const codes = entries.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of entries) {
      expect(entry.code).toMatch(/^[A-Z][A-Z0-9_]{1,63}$/);
      expect(entry.labels.en).toMatch(/^[A-Za-z]/);
      expect(entry.labels.bn).toMatch(/[\u0980-\u09FF]/);
      expect(entry.labels.bn).toBe(entry.labels.bn.normalize('NFC'));
      expect(typeof entry.active).toBe('boolean');
    }
  });

  it('lists the 23 districts of West Bengal as active', () => {
    const active = DISTRICTS.filter((d) => d.active).map((d) => d.code);
    expect(active).toHaveLength(23);
    expect(active).toEqual(
      expect.arrayContaining([
        'KOLKATA',
        'HOWRAH',
        'NORTH_24_PARGANAS',
        'SOUTH_24_PARGANAS',
        'PURBA_BARDHAMAN',
        'PASCHIM_BARDHAMAN',
        'JHARGRAM',
        'KALIMPONG',
        'ALIPURDUAR',
      ]),
    );
    expect(DISTRICTS.find((d) => d.code === 'KOLKATA')?.labels).toEqual({
      en: 'Kolkata',
      bn: 'কলকাতা',
    });
  });

  it('keeps a district that was split, marked inactive', () => {
    expect(DISTRICTS.find((d) => d.code === 'BARDHAMAN')?.active).toBe(false);
  });

  it('lists the state departments, most of them active', () => {
    expect(DEPARTMENTS.filter((d) => d.active).length).toBeGreaterThan(40);
    expect(DEPARTMENTS.find((d) => d.code === 'HEALTH_FAMILY_WELFARE')?.active).toBe(true);
    expect(DEPARTMENTS.find((d) => d.code === 'POWER')?.labels.bn).toMatch(/বিভাগ$/);
  });
});
