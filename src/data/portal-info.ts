/** Freezes an object and everything reachable from it, so that shared data cannot be edited. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

/**
 * The public contact details of Sorasori Mukhyomantri (সরাসরি মুখ্যমন্ত্রী), the West Bengal
 * Chief Minister's Office grievance service, as data.
 *
 * Use it to show citizens where else they can turn (the helpline, the website, the office's
 * postal address) in a footer, a help page or an error screen, in English or Bengali, without
 * copying the details into the app. The object is deeply frozen.
 *
 * - `helpline.display` is the number as the portal prints it; `helpline.e164` is the same
 *   number for `tel:` links and phone libraries.
 * - `hours` are the helpline's hours, in the `timeZone` given (IST, UTC+05:30 all year): open
 *   on the `days` listed from `opens` to `closes`, 24-hour clock. Public holidays are not
 *   recorded here.
 * - `address.en` and `address.bn` are the postal address as lines, top to bottom; join them
 *   with `', '` for one line. `address.district` is a code from `DISTRICTS`.
 *
 * @example
 * const telLink = `tel:${PORTAL_CONTACT.helpline.e164}`;
 * const footer = PORTAL_CONTACT.address.bn.join(', ');
 */
export const PORTAL_CONTACT = /* @__PURE__ */ deepFreeze({
  /** The service's name. */
  name: {
    /** In English. */
    en: 'Sorasori Mukhyomantri',
    /** In Bengali. */
    bn: 'সরাসরি মুখ্যমন্ত্রী',
  },
  /** The portal's website. */
  website: 'https://cmo.wb.gov.in',
  /** The helpline. */
  helpline: {
    /** As the portal prints it. */
    display: '9137091370',
    /** For `tel:` links and phone libraries. */
    e164: '+919137091370',
  },
  /** When the helpline answers, in `timeZone`. */
  hours: {
    /** Days it is open. */
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
    /** Opening time, 24-hour clock. */
    opens: '10:00',
    /** Closing time, 24-hour clock. */
    closes: '17:00',
    /** IANA time zone of `opens` and `closes`. */
    timeZone: 'Asia/Kolkata',
  },
  /** The office's postal address. */
  address: {
    /** Lines in English, top to bottom. */
    en: [
      "Chief Minister's Office",
      'Nabanna, 14th floor',
      '325 Sarat Chatterjee Road',
      'Mandirtala, Shibpur',
      'Howrah 711102',
      'West Bengal',
    ],
    /** Lines in Bengali, top to bottom. */
    bn: [
      'মুখ্যমন্ত্রীর দফতর',
      'নবান্ন, ১৪ তলা',
      '৩২৫ শরৎ চ্যাটার্জি রোড',
      'মন্দিরতলা, শিবপুর',
      'হাওড়া ৭১১১০২',
      'পশ্চিমবঙ্গ',
    ],
    /** The PIN code. */
    postalCode: '711102',
    /** District code from `DISTRICTS`. */
    district: 'HOWRAH',
  },
} as const);

/** The shape of {@link PORTAL_CONTACT}: the portal's contact details, all read-only. */
export type PortalContact = typeof PORTAL_CONTACT;
