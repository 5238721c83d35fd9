import type { Language } from './status.js';

type Bilingual = readonly [en: string, bn: string];

/** What to tell a citizen for each error code, in English and Bengali. */
const USER_MESSAGES: Record<string, Bilingual> = {
  VALIDATION_FAILED: [
    'Some details are not valid. Correct the marked fields and try again.',
    'কিছু তথ্য সঠিক নয়। চিহ্নিত ঘরগুলি ঠিক করে আবার চেষ্টা করুন।',
  ],
  UNAUTHENTICATED: [
    'Please sign in with your mobile number and OTP.',
    'আপনার মোবাইল নম্বর ও ওটিপি দিয়ে সাইন ইন করুন।',
  ],
  SESSION_EXPIRED: [
    'Your session has expired. Sign in again to continue.',
    'আপনার সেশনের মেয়াদ শেষ হয়েছে। চালিয়ে যেতে আবার সাইন ইন করুন।',
  ],
  FORBIDDEN: [
    'You can only see and change your own grievances.',
    'আপনি কেবল নিজের অভিযোগ দেখতে ও বদলাতে পারেন।',
  ],
  GRIEVANCE_NOT_FOUND: [
    'No grievance has this ID. Check the ID and try again.',
    'এই আইডি-র কোনো অভিযোগ পাওয়া যায়নি। আইডি মিলিয়ে আবার চেষ্টা করুন।',
  ],
  NOT_FOUND: ['The portal could not find what was asked for.', 'পোর্টালে চাওয়া তথ্য পাওয়া যায়নি।'],
  IDEMPOTENCY_KEY_REUSED: [
    'This request was already sent with other details. Start a new submission.',
    'এই অনুরোধ আগে অন্য তথ্য দিয়ে পাঠানো হয়েছে। নতুন করে জমা দিন।',
  ],
  REMINDER_TOO_SOON: [
    'A reminder was sent recently. You can send the next one later.',
    'সম্প্রতি একটি স্মারক পাঠানো হয়েছে। পরের স্মারক পরে পাঠাতে পারবেন।',
  ],
  GRIEVANCE_CLOSED: [
    'This grievance is resolved or closed, so reminders can no longer be sent.',
    'এই অভিযোগের নিষ্পত্তি হয়েছে বা এটি বন্ধ, তাই আর স্মারক পাঠানো যাবে না।',
  ],
  OTP_EXPIRED: ['The OTP has expired. Request a new one.', 'ওটিপি-র মেয়াদ শেষ। নতুন ওটিপি চান।'],
  OTP_INVALID: [
    'The OTP is not correct. Check the SMS and try again.',
    'ওটিপি সঠিক নয়। এসএমএস দেখে আবার চেষ্টা করুন।',
  ],
  OTP_LOCKED: [
    'Too many wrong OTPs. Request a new OTP.',
    'অনেকবার ভুল ওটিপি দেওয়া হয়েছে। নতুন ওটিপি চান।',
  ],
  OTP_RESEND_TOO_SOON: [
    'An OTP was sent a moment ago. Wait a little before asking for another.',
    'কিছুক্ষণ আগেই ওটিপি পাঠানো হয়েছে। আবার চাওয়ার আগে একটু অপেক্ষা করুন।',
  ],
  RATE_LIMITED: [
    'The portal is busy. Try again in a little while.',
    'পোর্টাল এখন ব্যস্ত। কিছুক্ষণ পরে আবার চেষ্টা করুন।',
  ],
  ATTACHMENT_TOO_LARGE: [
    'The file is too large. Attach a smaller file.',
    'ফাইলটি খুব বড়। আরও ছোট ফাইল দিন।',
  ],
  UNSUPPORTED_MEDIA_TYPE: [
    'Only PDF, JPEG and PNG files can be attached.',
    'শুধু পিডিএফ, জেপিইজি ও পিএনজি ফাইল যুক্ত করা যায়।',
  ],
  ATTACHMENT_UPLOAD_FAILED: [
    'A file could not be uploaded, so the grievance was not submitted. Try again.',
    'একটি ফাইল আপলোড হয়নি, তাই অভিযোগ জমা হয়নি। আবার চেষ্টা করুন।',
  ],
  SERVER_UNAVAILABLE: [
    'The portal is not responding right now. Try again later.',
    'পোর্টাল এখন সাড়া দিচ্ছে না। পরে আবার চেষ্টা করুন।',
  ],
  TIMEOUT: [
    'The portal took too long to answer. Check your connection and try again.',
    'পোর্টাল উত্তর দিতে অনেক সময় নিয়েছে। সংযোগ দেখে আবার চেষ্টা করুন।',
  ],
  ABORTED: ['The request was cancelled.', 'অনুরোধটি বাতিল করা হয়েছে।'],
  NETWORK_ERROR: [
    'Could not reach the portal. Check your internet connection.',
    'পোর্টালে পৌঁছানো যায়নি। ইন্টারনেট সংযোগ দেখুন।',
  ],
  UNEXPECTED_RESPONSE: [
    'The portal sent an answer this app could not read. Try again later.',
    'পোর্টালের উত্তর পড়া যায়নি। পরে আবার চেষ্টা করুন।',
  ],
};

const FALLBACK: Bilingual = [
  'Something went wrong. Try again later.',
  'কিছু একটা সমস্যা হয়েছে। পরে আবার চেষ্টা করুন।',
];

/** The citizen-facing message for an error code, falling back to the class's own. */
export function userMessageFor(codes: readonly string[], language: Language): string {
  const found = codes.map((code) => USER_MESSAGES[code]).find(Boolean) ?? FALLBACK;
  return found[language === 'bn' ? 1 : 0];
}

const FIELD_NAMES_BN: Record<string, string> = {
  mobile: 'মোবাইল নম্বর',
  otp: 'ওটিপি',
  otpRequestId: 'ওটিপি অনুরোধ',
  name: 'নাম',
  email: 'ইমেল',
  district: 'জেলা',
  departmentCode: 'দফতর',
  address: 'ঠিকানা',
  subject: 'বিষয়',
  description: 'অভিযোগের বিবরণ',
  language: 'ভাষা',
  preferredLanguage: 'পছন্দের ভাষা',
  attachments: 'সংযুক্তি',
  attachmentIds: 'সংযুক্তি',
  note: 'মন্তব্য',
  grievanceId: 'অভিযোগ আইডি',
  file: 'ফাইল',
  fileName: 'ফাইলের নাম',
};

const PROBLEMS_BN: Record<string, string> = {
  required: 'দেওয়া আবশ্যক',
  too_short: 'খুব ছোট',
  too_long: 'খুব বড়',
  too_small: 'খুব ছোট',
  too_big: 'খুব বড়',
  html_not_allowed: 'এতে এইচটিএমএল দেওয়া যাবে না',
  invalid_mobile: 'সঠিক ভারতীয় মোবাইল নম্বর নয়',
  blank: 'ফাঁকা রাখা যাবে না',
  invalid_character: 'এতে অচল অক্ষর আছে',
  control_character: 'এতে লাইন ভাঙা বা ট্যাবের মতো নিয়ন্ত্রণ-অক্ষর দেওয়া যাবে না',
  bidi_override: 'এতে লেখার দিক বদলানোর অক্ষর দেওয়া যাবে না',
  path_separator: 'এতে / বা \\ দেওয়া যাবে না, শুধু নাম দিন',
  unknown_field: 'এমন কোনো ঘর নেই',
  unreadable: 'পড়া যায়নি',
};

/** A field problem in Bengali, e.g. "মোবাইল নম্বর: সঠিক ভারতীয় মোবাইল নম্বর নয়". */
export function fieldProblemBn(field: string, code: string): string {
  const name = FIELD_NAMES_BN[field.split('.')[0] ?? ''] ?? field;
  return `${name}: ${PROBLEMS_BN[code] ?? 'সঠিক নয়'}`;
}
