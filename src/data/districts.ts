import type { CatalogEntry } from './types.js';

/**
 * The districts of West Bengal, as the portal's district catalogue lists them: the 23 current
 * districts plus the historical `BARDHAMAN`, sorted by English name.
 *
 * Use it to fill a district picker, to label a grievance's district code in English or
 * Bengali, or to check a code offline before sending it to the portal. Show only the `active`
 * entries when a citizen files a new grievance, but keep every entry for display: codes are
 * stable and never reused, and an entry that was split or renamed stays in the list with
 * `active: false`, so that a grievance filed under it still reads.
 *
 * Codes are the English name in upper snake case (`NORTH_24_PARGANAS`, `COOCH_BEHAR`). The
 * Bengali labels are in NFC (`label === label.normalize('NFC')`), so they compare equal to
 * normalised user input.
 *
 * @example
 * const choices = DISTRICTS.filter((d) => d.active).map((d) => ({ value: d.code, label: d.labels.bn }));
 */
export const DISTRICTS: readonly CatalogEntry[] = [
  { code: 'ALIPURDUAR', labels: { en: 'Alipurduar', bn: 'আলিপুরদুয়ার' }, active: true },
  { code: 'BANKURA', labels: { en: 'Bankura', bn: 'বাঁকুড়া' }, active: true },
  /** Split on 7 April 2017 into `PURBA_BARDHAMAN` and `PASCHIM_BARDHAMAN`. */
  { code: 'BARDHAMAN', labels: { en: 'Bardhaman', bn: 'বর্ধমান' }, active: false },
  { code: 'BIRBHUM', labels: { en: 'Birbhum', bn: 'বীরভূম' }, active: true },
  { code: 'COOCH_BEHAR', labels: { en: 'Cooch Behar', bn: 'কোচবিহার' }, active: true },
  {
    code: 'DAKSHIN_DINAJPUR',
    labels: { en: 'Dakshin Dinajpur', bn: 'দক্ষিণ দিনাজপুর' },
    active: true,
  },
  { code: 'DARJEELING', labels: { en: 'Darjeeling', bn: 'দার্জিলিং' }, active: true },
  { code: 'HOOGHLY', labels: { en: 'Hooghly', bn: 'হুগলি' }, active: true },
  { code: 'HOWRAH', labels: { en: 'Howrah', bn: 'হাওড়া' }, active: true },
  { code: 'JALPAIGURI', labels: { en: 'Jalpaiguri', bn: 'জলপাইগুড়ি' }, active: true },
  { code: 'JHARGRAM', labels: { en: 'Jhargram', bn: 'ঝাড়গ্রাম' }, active: true },
  { code: 'KALIMPONG', labels: { en: 'Kalimpong', bn: 'কালিম্পং' }, active: true },
  { code: 'KOLKATA', labels: { en: 'Kolkata', bn: 'কলকাতা' }, active: true },
  { code: 'MALDA', labels: { en: 'Malda', bn: 'মালদহ' }, active: true },
  { code: 'MURSHIDABAD', labels: { en: 'Murshidabad', bn: 'মুর্শিদাবাদ' }, active: true },
  { code: 'NADIA', labels: { en: 'Nadia', bn: 'নদিয়া' }, active: true },
  {
    code: 'NORTH_24_PARGANAS',
    labels: { en: 'North 24 Parganas', bn: 'উত্তর ২৪ পরগনা' },
    active: true,
  },
  {
    code: 'PASCHIM_BARDHAMAN',
    labels: { en: 'Paschim Bardhaman', bn: 'পশ্চিম বর্ধমান' },
    active: true,
  },
  {
    code: 'PASCHIM_MEDINIPUR',
    labels: { en: 'Paschim Medinipur', bn: 'পশ্চিম মেদিনীপুর' },
    active: true,
  },
  { code: 'PURBA_BARDHAMAN', labels: { en: 'Purba Bardhaman', bn: 'পূর্ব বর্ধমান' }, active: true },
  { code: 'PURBA_MEDINIPUR', labels: { en: 'Purba Medinipur', bn: 'পূর্ব মেদিনীপুর' }, active: true },
  { code: 'PURULIA', labels: { en: 'Purulia', bn: 'পুরুলিয়া' }, active: true },
  {
    code: 'SOUTH_24_PARGANAS',
    labels: { en: 'South 24 Parganas', bn: 'দক্ষিণ ২৪ পরগনা' },
    active: true,
  },
  { code: 'UTTAR_DINAJPUR', labels: { en: 'Uttar Dinajpur', bn: 'উত্তর দিনাজপুর' }, active: true },
];
