import type { CatalogEntry } from './types.js';

/**
 * The departments of the Government of West Bengal, as the portal's department catalogue lists
 * them, sorted by English name.
 *
 * Use it to fill a department picker, to label the department a grievance was forwarded to,
 * or to check a code offline before sending it to the portal. Offer only the `active` entries
 * for new grievances, but keep every entry for display: codes are stable and never reused, and
 * a department that was renamed or merged stays in the list with `active: false`, so that a
 * grievance forwarded to it still reads.
 *
 * English labels are the names as the state government styles them, without the word
 * "Department"; Bengali labels end in "বিভাগ" and are in NFC
 * (`label === label.normalize('NFC')`). Codes are the words of the English name in upper
 * snake case, with "&", "and" and punctuation dropped (`HEALTH_FAMILY_WELFARE`,
 * `CO_OPERATION`, `MICRO_SMALL_MEDIUM_ENTERPRISES_TEXTILES`).
 *
 * @example
 * const name = DEPARTMENTS.find((d) => d.code === grievance.departmentCode)?.labels.en;
 */
export const DEPARTMENTS: readonly CatalogEntry[] = [
  {
    code: 'AGRICULTURAL_MARKETING',
    labels: { en: 'Agricultural Marketing', bn: 'কৃষি বিপণন বিভাগ' },
    active: true,
  },
  { code: 'AGRICULTURE', labels: { en: 'Agriculture', bn: 'কৃষি বিভাগ' }, active: true },
  {
    code: 'ANIMAL_RESOURCES_DEVELOPMENT',
    labels: { en: 'Animal Resources Development', bn: 'প্রাণিসম্পদ বিকাশ বিভাগ' },
    active: true,
  },
  {
    code: 'BACKWARD_CLASSES_WELFARE',
    labels: { en: 'Backward Classes Welfare', bn: 'অনগ্রসর শ্রেণি কল্যাণ বিভাগ' },
    active: true,
  },
  { code: 'CO_OPERATION', labels: { en: 'Co-operation', bn: 'সমবায় বিভাগ' }, active: true },
  {
    code: 'CONSUMER_AFFAIRS',
    labels: { en: 'Consumer Affairs', bn: 'ক্রেতা সুরক্ষা বিভাগ' },
    active: true,
  },
  {
    code: 'CORRECTIONAL_ADMINISTRATION',
    labels: { en: 'Correctional Administration', bn: 'সংশোধনাগার প্রশাসন বিভাগ' },
    active: true,
  },
  {
    code: 'DISASTER_MANAGEMENT_CIVIL_DEFENCE',
    labels: {
      en: 'Disaster Management & Civil Defence',
      bn: 'বিপর্যয় মোকাবিলা ও অসামরিক প্রতিরক্ষা বিভাগ',
    },
    active: true,
  },
  { code: 'ENVIRONMENT', labels: { en: 'Environment', bn: 'পরিবেশ বিভাগ' }, active: true },
  { code: 'FINANCE', labels: { en: 'Finance', bn: 'অর্থ বিভাগ' }, active: true },
  {
    code: 'FIRE_EMERGENCY_SERVICES',
    labels: { en: 'Fire & Emergency Services', bn: 'অগ্নিনির্বাপণ ও জরুরি পরিষেবা বিভাগ' },
    active: true,
  },
  { code: 'FISHERIES', labels: { en: 'Fisheries', bn: 'মৎস্য বিভাগ' }, active: true },
  {
    code: 'FOOD_SUPPLIES',
    labels: { en: 'Food & Supplies', bn: 'খাদ্য ও সরবরাহ বিভাগ' },
    active: true,
  },
  {
    code: 'FOOD_PROCESSING_INDUSTRIES_HORTICULTURE',
    labels: {
      en: 'Food Processing Industries & Horticulture',
      bn: 'খাদ্য প্রক্রিয়াকরণ শিল্প ও উদ্যানপালন বিভাগ',
    },
    active: true,
  },
  { code: 'FOREST', labels: { en: 'Forest', bn: 'বন বিভাগ' }, active: true },
  {
    code: 'HEALTH_FAMILY_WELFARE',
    labels: { en: 'Health & Family Welfare', bn: 'স্বাস্থ্য ও পরিবার কল্যাণ বিভাগ' },
    active: true,
  },
  {
    code: 'HIGHER_EDUCATION',
    labels: { en: 'Higher Education', bn: 'উচ্চশিক্ষা বিভাগ' },
    active: true,
  },
  {
    code: 'HOME_HILL_AFFAIRS',
    labels: { en: 'Home & Hill Affairs', bn: 'স্বরাষ্ট্র ও পার্বত্য বিষয়ক বিভাগ' },
    active: true,
  },
  { code: 'HOUSING', labels: { en: 'Housing', bn: 'আবাসন বিভাগ' }, active: true },
  {
    code: 'INDUSTRY_COMMERCE_ENTERPRISES',
    labels: { en: 'Industry, Commerce & Enterprises', bn: 'শিল্প, বাণিজ্য ও উদ্যোগ বিভাগ' },
    active: true,
  },
  {
    code: 'INFORMATION_CULTURAL_AFFAIRS',
    labels: { en: 'Information & Cultural Affairs', bn: 'তথ্য ও সংস্কৃতি বিভাগ' },
    active: true,
  },
  {
    code: 'INFORMATION_TECHNOLOGY_ELECTRONICS',
    labels: {
      en: 'Information Technology & Electronics',
      bn: 'তথ্যপ্রযুক্তি ও ইলেকট্রনিক্স বিভাগ',
    },
    active: true,
  },
  {
    code: 'IRRIGATION_WATERWAYS',
    labels: { en: 'Irrigation & Waterways', bn: 'সেচ ও জলপথ বিভাগ' },
    active: true,
  },
  { code: 'JUDICIAL', labels: { en: 'Judicial', bn: 'বিচার বিভাগ' }, active: true },
  { code: 'LABOUR', labels: { en: 'Labour', bn: 'শ্রম বিভাগ' }, active: true },
  {
    code: 'LAND_LAND_REFORMS_REFUGEE_RELIEF_REHABILITATION',
    labels: {
      en: 'Land & Land Reforms and Refugee Relief & Rehabilitation',
      bn: 'ভূমি ও ভূমিসংস্কার এবং উদ্বাস্তু ত্রাণ ও পুনর্বাসন বিভাগ',
    },
    active: true,
  },
  { code: 'LAW', labels: { en: 'Law', bn: 'আইন বিভাগ' }, active: true },
  {
    code: 'MASS_EDUCATION_EXTENSION_LIBRARY_SERVICES',
    labels: {
      en: 'Mass Education Extension & Library Services',
      bn: 'জনশিক্ষা প্রসার ও গ্রন্থাগার পরিষেবা বিভাগ',
    },
    active: true,
  },
  {
    code: 'MICRO_SMALL_MEDIUM_ENTERPRISES_TEXTILES',
    labels: {
      en: 'Micro, Small & Medium Enterprises and Textiles',
      bn: 'অণু, ক্ষুদ্র ও মাঝারি উদ্যোগ এবং বস্ত্র বিভাগ',
    },
    active: true,
  },
  {
    code: 'MINORITY_AFFAIRS_MADRASAH_EDUCATION',
    labels: {
      en: 'Minority Affairs & Madrasah Education',
      bn: 'সংখ্যালঘু বিষয়ক ও মাদ্রাসা শিক্ষা বিভাগ',
    },
    active: true,
  },
  /** Merged with `URBAN_DEVELOPMENT` into `URBAN_DEVELOPMENT_MUNICIPAL_AFFAIRS`. */
  {
    code: 'MUNICIPAL_AFFAIRS',
    labels: { en: 'Municipal Affairs', bn: 'পৌর বিষয়ক বিভাগ' },
    active: false,
  },
  {
    code: 'NON_CONVENTIONAL_RENEWABLE_ENERGY_SOURCES',
    labels: {
      en: 'Non-Conventional & Renewable Energy Sources',
      bn: 'অচিরাচরিত ও পুনর্নবীকরণযোগ্য শক্তি উৎস বিভাগ',
    },
    active: true,
  },
  {
    code: 'NORTH_BENGAL_DEVELOPMENT',
    labels: { en: 'North Bengal Development', bn: 'উত্তরবঙ্গ উন্নয়ন বিভাগ' },
    active: true,
  },
  {
    code: 'PANCHAYATS_RURAL_DEVELOPMENT',
    labels: { en: 'Panchayats & Rural Development', bn: 'পঞ্চায়েত ও গ্রামোন্নয়ন বিভাগ' },
    active: true,
  },
  {
    code: 'PARLIAMENTARY_AFFAIRS',
    labels: { en: 'Parliamentary Affairs', bn: 'পরিষদীয় বিষয়ক বিভাগ' },
    active: true,
  },
  {
    code: 'PASCHIMANCHAL_UNNAYAN_AFFAIRS',
    labels: { en: 'Paschimanchal Unnayan Affairs', bn: 'পশ্চিমাঞ্চল উন্নয়ন বিষয়ক বিভাগ' },
    active: true,
  },
  {
    code: 'PERSONNEL_ADMINISTRATIVE_REFORMS',
    labels: { en: 'Personnel & Administrative Reforms', bn: 'কর্মিবর্গ ও প্রশাসনিক সংস্কার বিভাগ' },
    active: true,
  },
  {
    code: 'PLANNING_STATISTICS',
    labels: { en: 'Planning & Statistics', bn: 'পরিকল্পনা ও পরিসংখ্যান বিভাগ' },
    active: true,
  },
  { code: 'POWER', labels: { en: 'Power', bn: 'বিদ্যুৎ বিভাগ' }, active: true },
  {
    code: 'PUBLIC_ENTERPRISES_INDUSTRIAL_RECONSTRUCTION',
    labels: {
      en: 'Public Enterprises & Industrial Reconstruction',
      bn: 'রাষ্ট্রায়ত্ত সংস্থা ও শিল্প পুনর্গঠন বিভাগ',
    },
    active: true,
  },
  {
    code: 'PUBLIC_HEALTH_ENGINEERING',
    labels: { en: 'Public Health Engineering', bn: 'জনস্বাস্থ্য কারিগরি বিভাগ' },
    active: true,
  },
  { code: 'PUBLIC_WORKS', labels: { en: 'Public Works', bn: 'পূর্ত বিভাগ' }, active: true },
  {
    code: 'SCHOOL_EDUCATION',
    labels: { en: 'School Education', bn: 'বিদ্যালয় শিক্ষা বিভাগ' },
    active: true,
  },
  {
    code: 'SCIENCE_TECHNOLOGY_BIOTECHNOLOGY',
    labels: {
      en: 'Science & Technology and Biotechnology',
      bn: 'বিজ্ঞান ও প্রযুক্তি এবং জৈবপ্রযুক্তি বিভাগ',
    },
    active: true,
  },
  {
    code: 'SELF_HELP_GROUP_SELF_EMPLOYMENT',
    labels: { en: 'Self Help Group & Self Employment', bn: 'স্বনির্ভর গোষ্ঠী ও স্বনিযুক্তি বিভাগ' },
    active: true,
  },
  {
    code: 'SUNDARBAN_AFFAIRS',
    labels: { en: 'Sundarban Affairs', bn: 'সুন্দরবন বিষয়ক বিভাগ' },
    active: true,
  },
  {
    code: 'TECHNICAL_EDUCATION_TRAINING_SKILL_DEVELOPMENT',
    labels: {
      en: 'Technical Education, Training & Skill Development',
      bn: 'কারিগরি শিক্ষা, প্রশিক্ষণ ও দক্ষতা উন্নয়ন বিভাগ',
    },
    active: true,
  },
  { code: 'TOURISM', labels: { en: 'Tourism', bn: 'পর্যটন বিভাগ' }, active: true },
  { code: 'TRANSPORT', labels: { en: 'Transport', bn: 'পরিবহণ বিভাগ' }, active: true },
  {
    code: 'TRIBAL_DEVELOPMENT',
    labels: { en: 'Tribal Development', bn: 'আদিবাসী উন্নয়ন বিভাগ' },
    active: true,
  },
  /** Merged with `MUNICIPAL_AFFAIRS` into `URBAN_DEVELOPMENT_MUNICIPAL_AFFAIRS`. */
  {
    code: 'URBAN_DEVELOPMENT',
    labels: { en: 'Urban Development', bn: 'নগরোন্নয়ন বিভাগ' },
    active: false,
  },
  {
    code: 'URBAN_DEVELOPMENT_MUNICIPAL_AFFAIRS',
    labels: {
      en: 'Urban Development & Municipal Affairs',
      bn: 'নগরোন্নয়ন ও পৌর বিষয়ক বিভাগ',
    },
    active: true,
  },
  {
    code: 'WATER_RESOURCES_INVESTIGATION_DEVELOPMENT',
    labels: {
      en: 'Water Resources Investigation & Development',
      bn: 'জলসম্পদ অনুসন্ধান ও উন্নয়ন বিভাগ',
    },
    active: true,
  },
  {
    code: 'WOMEN_CHILD_DEVELOPMENT_SOCIAL_WELFARE',
    labels: {
      en: 'Women & Child Development and Social Welfare',
      bn: 'নারী ও শিশু উন্নয়ন এবং সমাজকল্যাণ বিভাগ',
    },
    active: true,
  },
  {
    code: 'YOUTH_SERVICES_SPORTS',
    labels: { en: 'Youth Services & Sports', bn: 'যুবকল্যাণ ও ক্রীড়া বিভাগ' },
    active: true,
  },
];
