import type { Attachments } from './attachments.js';
import * as contract from './contract/index.js';
import type { Core } from './core.js';
import { CREATE_OPTIONS, readOptions } from './call-options.js';
import { DraftAttachments, type NewAttachment } from './draft-attachments.js';
import { ValidationError } from './errors.js';
import { newKey } from './files.js';
import {
  GrievanceEventsRead,
  GrievancePageRead,
  GrievanceRead,
  toEvents,
  toGrievance,
} from './grievance-read.js';
import type { CallOptions, CreateOptions } from './http.js';
import type { GrievanceStatus, Language } from './status.js';
import { parseTimestamp } from './time.js';
import type { Attachment, Grievance, GrievanceEvent, GrievancePage, Reminder } from './types.js';
import { readFields, validateInput } from './validate.js';
import { type WatchOptions, checkWatchOptions, watchGrievance } from './watch.js';

export type { NewAttachment } from './draft-attachments.js';

const LIST_OPTIONS = ['status', 'pageSize'];

/** What a citizen files. */
export interface GrievanceDraft {
  /** A short title, 3-200 characters. */
  subject?: string;
  /** 10-4000 characters (code points, after NFC normalisation); not blank; no HTML. */
  description: string;
  /** District code from `client.catalog.districts()`. */
  district: string;
  /** Department code, if the citizen knows which department it concerns. */
  departmentCode?: string;
  /** The language the grievance is written in; defaults to the client's. */
  language?: Language;
  /**
   * Up to 5 files: new files to upload, or attachments uploaded before (an `Attachment` or its
   * `attachmentId`), e.g. those in `AttachmentUploadError.uploaded` after a failed try.
   */
  attachments?: (NewAttachment | Attachment | string)[];
}

/** Which of the citizen's grievances to list. */
export interface ListOptions extends CallOptions {
  /** Only grievances with this status. Default: all. */
  status?: Exclude<GrievanceStatus, 'UNKNOWN'>;
  /** Grievances per request, 1-100. Default 20. */
  pageSize?: number;
}

/** Filing and tracking the signed-in citizen's grievances. */
export class Grievances {
  readonly #core: Core;
  readonly #drafts: DraftAttachments;

  constructor(core: Core, attachments: Attachments) {
    this.#core = core;
    this.#drafts = new DraftAttachments(core, attachments);
  }

  /**
   * Files a grievance, uploading its files first. Everything is checked before any byte is
   * sent: the draft's fields and options, then every file (name, size, type by its bytes,
   * duplicates) and the count. If an upload fails, no grievance is filed and the files already
   * uploaded are reused on the next try. Safe to retry: the same `idempotencyKey` never files
   * twice.
   *
   * @throws {@link ValidationError}, {@link AttachmentTooLargeError} or
   *   {@link UnsupportedMediaTypeError} before sending; {@link AttachmentUploadError} naming
   *   the file that failed.
   * @example
   * const g = await client.grievances.submit({
   *   description: 'রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না।',
   *   district: 'KOLKATA',
   *   attachments: [{ file: await fs.openAsBlob('lamp.jpg'), kind: 'photo' }],
   * });
   */
  async submit(draft: GrievanceDraft, options: CreateOptions = {}): Promise<Grievance> {
    const fields = readFields(draft, 'grievances.submit', {
      known: ['subject', 'description', 'district', 'departmentCode', 'language', 'attachments'],
      example: '{ description, district }',
    });
    const checked = readOptions(options, 'grievances.submit', CREATE_OPTIONS);
    const items = fields.attachments ?? [];
    if (!Array.isArray(items)) {
      throw ValidationError.forField('attachments', 'invalid_type', 'must be a list');
    }
    if (items.length > this.#core.limits.maxCount) {
      throw ValidationError.forField(
        'attachments',
        'too_big',
        `must have at most ${this.#core.limits.maxCount} files`,
      );
    }

    const nfc = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value);
    const body = validateInput(
      contract.SubmitGrievanceBody,
      {
        subject: nfc(fields.subject),
        description: nfc(fields.description),
        district: fields.district,
        departmentCode: fields.departmentCode,
        language: fields.language ?? this.#core.language,
        attachmentIds: items.map(() => 'pending'),
      },
      'grievances.submit',
    );

    const key = checked.idempotencyKey ?? newKey();
    const prepared = await this.#drafts.prepare(items);
    body.attachmentIds = await this.#drafts.upload(prepared, key, checked);

    const wire = await this.#core.authed(
      {
        method: 'POST',
        path: 'grievances',
        name: 'grievances.submit',
        json: body,
        idempotencyKey: key,
        schema: GrievanceRead,
      },
      checked,
    );
    this.#drafts.forget(prepared);
    return toGrievance(wire);
  }

  /**
   * One of the citizen's grievances, by ID.
   *
   * @throws {@link NotFoundError} (`GRIEVANCE_NOT_FOUND`); {@link ForbiddenError} for another
   *   citizen's grievance.
   */
  async get(grievanceId: string, options?: CallOptions): Promise<Grievance> {
    const wire = await this.#core.authed(
      {
        method: 'GET',
        path: `grievances/${this.#id(grievanceId)}`,
        name: 'grievances.get',
        schema: GrievanceRead,
      },
      readOptions(options, 'grievances.get'),
    );
    return toGrievance(wire);
  }

  /**
   * Every one of the citizen's grievances, newest first, fetched a page at a time as you
   * iterate. An empty list simply yields nothing.
   *
   * @example
   * for await (const g of client.grievances.list({ status: 'RESOLVED' })) console.log(g.grievanceId);
   */
  async *list(options: ListOptions = {}): AsyncGenerator<Grievance, void, undefined> {
    const checked = readOptions(options, 'grievances.list', LIST_OPTIONS);
    let cursor: string | undefined;
    do {
      const page = await this.listPage({ ...checked, cursor });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** One page of the citizen's grievances, for UIs that page by hand. */
  async listPage(options: ListOptions & { cursor?: string } = {}): Promise<GrievancePage> {
    const checked = readOptions(options, 'grievances.listPage', [...LIST_OPTIONS, 'cursor']);
    const query = validateInput(
      contract.ListGrievancesQuery,
      { status: checked.status, cursor: checked.cursor, limit: checked.pageSize },
      'grievances.list',
    );
    const page = await this.#core.authed(
      {
        method: 'GET',
        path: 'grievances',
        name: 'grievances.list',
        query,
        schema: GrievancePageRead,
      },
      checked,
    );

    const items: Grievance[] = [];
    for (const [index, item] of page.items.entries()) {
      const read = GrievanceRead.safeParse(item);
      if (read.success) items.push(toGrievance(read.data));
      else
        this.#core.log.log('warn', `grievances.list: item ${index} is unreadable and was skipped`);
    }
    return { items, nextCursor: page.nextCursor };
  }

  /** A grievance's history, in sequence order, repeats removed. */
  async events(grievanceId: string, options?: CallOptions): Promise<GrievanceEvent[]> {
    const wire = await this.#core.authed(
      {
        method: 'GET',
        path: `grievances/${this.#id(grievanceId)}/events`,
        name: 'grievances.events',
        schema: GrievanceEventsRead,
      },
      readOptions(options, 'grievances.events'),
    );
    return toEvents(wire);
  }

  /**
   * Sends a reminder (the portal's "re-mention") on an open grievance.
   *
   * @throws {@link ReminderTooSoonError} within the portal's interval (`retryAt` says when the
   *   next is allowed); {@link GrievanceClosedError} on a resolved or closed grievance.
   */
  async remind(
    grievanceId: string,
    input: { note?: string } = {},
    options: CreateOptions = {},
  ): Promise<Reminder> {
    const fields = readFields(input, 'grievances.remind', { known: ['note'], example: '{ note }' });
    const checked = readOptions(options, 'grievances.remind', CREATE_OPTIONS);
    const note = typeof fields.note === 'string' ? fields.note.normalize('NFC') : fields.note;
    const body = validateInput(contract.ReminderBody, { note }, 'grievances.remind');

    const reminder = await this.#core.authed(
      {
        method: 'POST',
        path: `grievances/${this.#id(grievanceId)}/reminders`,
        name: 'grievances.remind',
        json: body,
        idempotencyKey: checked.idempotencyKey ?? newKey(),
        schema: contract.Reminder,
      },
      checked,
    );
    return { ...reminder, at: parseTimestamp(reminder.at) };
  }

  /**
   * Follows a grievance: yields it now, then each time its status changes, and ends when it
   * is resolved or closed or `signal` aborts. Polls every `intervalMs` (default 60 s), backs
   * off on errors and honours `Retry-After`.
   *
   * @throws {@link ValidationError} at once, for a bad ID or options. While iterating, an error
   *   that waiting cannot fix (e.g. {@link NotFoundError}, {@link SessionExpiredError}).
   * @example
   * for await (const g of client.grievances.watch(id, { signal })) render(g.statusLabel.bn);
   */
  watch(
    grievanceId: string,
    options: WatchOptions = {},
  ): AsyncGenerator<Grievance, void, undefined> {
    this.#id(grievanceId);
    const checked = checkWatchOptions(options);
    return watchGrievance((signal) => this.get(grievanceId, { signal }), checked);
  }

  #id(grievanceId: unknown): string {
    return encodeURIComponent(
      validateInput(contract.GrievanceId, grievanceId, 'grievances', 'grievanceId'),
    );
  }
}
