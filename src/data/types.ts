/** A district or department in the catalogue, with labels in English and Bengali. */
export interface CatalogEntry {
  /** Stable code, never reused: upper-case letters, digits and underscores. */
  readonly code: string;
  /** The name in English and Bengali. */
  readonly labels: {
    /** English. */
    readonly en: string;
    /** Bengali, in NFC. */
    readonly bn: string;
  };
  /** False for an entry that was renamed or merged; kept so that old grievances still read. */
  readonly active: boolean;
}
