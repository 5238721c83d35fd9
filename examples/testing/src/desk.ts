/**
 * The app code under test: what a citizen-facing app built on wb-grievance might have. Its
 * tests (../test/) run it against the mock portal; in production the same code talks to the
 * real portal through the same client.
 */
import {
  GrievanceClient,
  isGrievanceError,
  statusLabel,
  type FileInput,
  type Grievance,
  type Language,
} from 'wb-grievance';

/** The outcome the app shows after the citizen presses "Submit". */
export type FilingResult =
  | { ok: true; grievanceId: string; status: string }
  | { ok: false; message: string; canRetry: boolean };

export interface Complaint {
  description: string;
  district: string;
  photo?: { file: FileInput; name: string };
}

export class GrievanceDesk {
  readonly #client: GrievanceClient;
  readonly #language: Language;

  constructor(baseUrl: string, language: Language = 'en') {
    // No retries in the app's own tests would hide what a citizen sees; keep the defaults.
    this.#client = new GrievanceClient({ baseUrl, language });
    this.#language = language;
  }

  /** Signs in; `readOtp` is the step where the citizen types the OTP from the SMS. */
  async signIn(mobile: string, readOtp: () => string | Promise<string>): Promise<void> {
    const { otpRequestId } = await this.#client.auth.requestOtp({ mobile });
    await this.#client.auth.verifyOtp({ otpRequestId, otp: await readOtp() });
  }

  /** Files a complaint; a failure becomes a message for the citizen, not an exception. */
  async file(complaint: Complaint): Promise<FilingResult> {
    try {
      const grievance = await this.#client.grievances.submit({
        description: complaint.description,
        district: complaint.district,
        attachments: complaint.photo
          ? [{ file: complaint.photo.file, fileName: complaint.photo.name, kind: 'photo' }]
          : [],
      });
      return { ok: true, grievanceId: grievance.grievanceId, status: this.#label(grievance) };
    } catch (error) {
      if (!isGrievanceError(error)) throw error;
      return { ok: false, message: error.userMessage(this.#language), canRetry: error.retryable };
    }
  }

  get(grievanceId: string): Promise<Grievance> {
    return this.#client.grievances.get(grievanceId);
  }

  /** The status line the app shows for a grievance. */
  async statusLine(grievanceId: string): Promise<string> {
    const grievance = await this.#client.grievances.get(grievanceId);
    const where = grievance.forwardedTo ? ` (${grievance.forwardedTo.name})` : '';
    return `${this.#label(grievance)}${where}`;
  }

  /** The citizen's grievances that are still open, newest first. */
  async openGrievances(): Promise<Grievance[]> {
    const open: Grievance[] = [];
    for await (const grievance of this.#client.grievances.list()) {
      if (grievance.status !== 'RESOLVED' && grievance.status !== 'CLOSED') open.push(grievance);
    }
    return open;
  }

  #label(grievance: Grievance): string {
    return statusLabel(grievance.status, this.#language);
  }
}
