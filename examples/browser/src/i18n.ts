import type { Language } from 'wb-grievance';

/** Every text on the page, in English and Bengali. */
const TEXTS = {
  title: { en: 'Grievances to the Chief Minister', bn: 'মুখ্যমন্ত্রীর কাছে অভিযোগ' },
  switchTo: { en: 'বাংলা', bn: 'English' },
  notice: {
    en: 'A demo on the mock portal: nothing leaves this browser tab.',
    bn: 'মক পোর্টালে একটি ডেমো: কিছুই এই ব্রাউজার ট্যাবের বাইরে যায় না।',
  },
  signIn: { en: 'Sign in', bn: 'সাইন ইন' },
  mobile: { en: 'Mobile number', bn: 'মোবাইল নম্বর' },
  sendOtp: { en: 'Send OTP', bn: 'ওটিপি পাঠান' },
  otp: { en: 'OTP from the SMS', bn: 'এসএমএস-এর ওটিপি' },
  verify: { en: 'Verify', bn: 'যাচাই করুন' },
  fileGrievance: { en: 'File a grievance', bn: 'অভিযোগ দায়ের করুন' },
  signedInAs: { en: 'Signed in with', bn: 'সাইন ইন করা মোবাইল' },
  district: { en: 'District', bn: 'জেলা' },
  subject: { en: 'Subject (optional)', bn: 'বিষয় (ঐচ্ছিক)' },
  description: { en: 'What is wrong?', bn: 'সমস্যাটি কী?' },
  photo: { en: 'Photo or document (optional)', bn: 'ছবি বা নথি (ঐচ্ছিক)' },
  submit: { en: 'Submit', bn: 'জমা দিন' },
  myGrievances: { en: 'My grievances', bn: 'আমার অভিযোগ' },
  refresh: { en: 'Refresh', bn: 'রিফ্রেশ' },
  none: { en: 'No grievances yet.', bn: 'এখনও কোনো অভিযোগ নেই।' },
  submitted: { en: 'Submitted', bn: 'জমা' },
  attached: { en: 'Attached', bn: 'সংযুক্ত' },
  history: { en: 'History', bn: 'ইতিহাস' },
  smsTitle: { en: 'SMS (the mock portal’s outbox)', bn: 'এসএমএস (মক পোর্টালের আউটবক্স)' },
  smsText: {
    en: 'is your OTP for the CM’s grievance portal.',
    bn: 'মুখ্যমন্ত্রীর অভিযোগ পোর্টালের জন্য আপনার ওটিপি।',
  },
  officerTitle: { en: 'Officer’s desk (mock)', bn: 'আধিকারিকের টেবিল (মক)' },
  officerHelp: {
    en: 'Moves your newest grievance to its next status, as an officer would.',
    bn: 'আপনার সাম্প্রতিকতম অভিযোগটিকে পরবর্তী অবস্থায় নিয়ে যায়, যেমন একজন আধিকারিক করতেন।',
  },
  advance: { en: 'Move to the next status', bn: 'পরবর্তী অবস্থায় নিন' },
} satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof TEXTS;

export function text(key: TextKey, language: Language): string {
  return TEXTS[key][language];
}

/** Fills every element marked `data-text` with its text in `language`. */
export function translatePage(language: Language): void {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = text(element.dataset.text as TextKey, language);
  }
}

/** A date and time as people in West Bengal read it. */
export function when(date: Date, language: Language): string {
  return date.toLocaleString(language === 'bn' ? 'bn-IN' : 'en-IN', {
    timeZone: 'Asia/Kolkata',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
