/**
 * A citizen's grievance app, running on the mock portal in this tab: sign in with mobile and
 * OTP (read from the "SMS" panel), file a grievance with a photo, follow its status and
 * history, in English or Bengali. Only `startMockWorker` is mock-specific: drop it and give
 * the client a real `baseUrl`, and the rest is the same app.
 */
import {
  GrievanceClient,
  isGrievanceError,
  maskMobile,
  statusLabel,
  type CatalogItem,
  type Grievance,
  type GrievanceEvent,
  type Language,
} from 'wb-grievance';
import { text, translatePage, when } from './i18n.js';

interface Sms {
  mobile: string;
  otp: string;
  at: Date;
}

/** The officer's next step from each status, for the demo's "officer's desk". */
const NEXT_STATUS = {
  RECEIVED: 'FORWARDED',
  FORWARDED: 'UNDER_PROCESS',
  UNDER_PROCESS: 'RESOLVED',
  RESOLVED: 'CLOSED',
} as const;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let language: Language = localStorage.getItem('language') === 'bn' ? 'bn' : 'en';
let districts: CatalogItem[] = [];
let departments: CatalogItem[] = [];
let mine: { grievance: Grievance; history: GrievanceEvent[] }[] = [];
let otpRequestId = '';
let signedInMobile = '';
const messages: Sms[] = [];

// The mock portal (and msw) load as a chunk of their own, which an app built for a real portal
// would not load at all. The worker script sits in the app's public folder, which this app
// serves under its base path.
const { startMockWorker } = await import('wb-grievance/mocks/browser');
const { portal } = await startMockWorker({
  serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  portalOptions: {
    onOtp: (sms) => {
      messages.push(sms);
      renderOutbox();
    },
  },
  quiet: true,
});
const client = new GrievanceClient({ baseUrl: portal.baseUrl });

function showProblem(error: unknown): void {
  const problem = byId('problem');
  problem.textContent = isGrievanceError(error) ? error.userMessage(language) : String(error);
  problem.hidden = false;
}

/** Runs a form's or button's work, with one place for what the citizen sees when it fails. */
function action(work: () => Promise<void>) {
  return (event: Event) => {
    event.preventDefault();
    byId('problem').hidden = true;
    work().catch(showProblem);
  };
}

function renderOutbox(): void {
  byId('outbox').replaceChildren(
    ...messages.map((sms) => {
      const item = document.createElement('li');
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = sms.otp;
      item.append(
        `${maskMobile(sms.mobile)} · ${when(sms.at, language)}: `,
        code,
        ` ${text('smsText', language)}`,
      );
      return item;
    }),
  );
}

function renderDistricts(): void {
  const select = byId<HTMLSelectElement>('district');
  const chosen = select.value;
  select.replaceChildren(
    ...districts
      .filter((d) => d.active)
      .map((d) => new Option(d.labels[language], d.code, false, d.code === chosen)),
  );
}

function renderGrievances(): void {
  const list = byId('grievances');
  if (mine.length === 0) {
    const empty = document.createElement('li');
    empty.textContent = text('none', language);
    list.replaceChildren(empty);
    return;
  }

  list.replaceChildren(
    ...mine.map(({ grievance, history }) => {
      const item = document.createElement('li');
      item.dataset.grievanceId = grievance.grievanceId;

      const title = document.createElement('strong');
      title.textContent = grievance.subject ?? grievance.description.slice(0, 60);
      const status = document.createElement('span');
      status.className = 'status';
      status.dataset.status = grievance.status;
      status.textContent = grievance.statusLabel[language];
      const meta = document.createElement('div');
      const files = grievance.attachments.map((a) => a.fileName).join(', ');
      meta.textContent =
        `${grievance.grievanceId} · ${text('submitted', language)} ${when(grievance.submittedAt, language)}` +
        (files ? ` · ${text('attached', language)}: ${files}` : '');

      const events = document.createElement('ol');
      events.className = 'history';
      events.setAttribute('aria-label', text('history', language));
      events.append(
        ...history.map((event) => {
          const line = document.createElement('li');
          const where = event.forwardedTo ? ` → ${event.forwardedTo.name}` : '';
          const note = event.note ? `: ${event.note}` : '';
          line.textContent = `${when(event.at, language)} · ${statusLabel(event.status, language)}${where}${note}`;
          return line;
        }),
      );

      item.append(title, ' ', status, meta, events);
      return item;
    }),
  );
}

function render(): void {
  translatePage(language);
  byId('language').textContent = text('switchTo', language);
  renderOutbox();
  renderDistricts();
  renderGrievances();
  byId('citizen').textContent = `${text('signedInAs', language)} ${signedInMobile}`;
  byId<HTMLButtonElement>('advance').disabled = !mine.some(
    ({ grievance }) => grievance.status in NEXT_STATUS,
  );
}

async function refresh(): Promise<void> {
  const grievances: Grievance[] = [];
  for await (const grievance of client.grievances.list()) grievances.push(grievance);
  mine = await Promise.all(
    grievances.map(async (grievance) => ({
      grievance,
      history: await client.grievances.events(grievance.grievanceId),
    })),
  );
  render();
}

byId('language').addEventListener('click', () => {
  language = language === 'en' ? 'bn' : 'en';
  localStorage.setItem('language', language);
  render();
});

byId('otp-request').addEventListener(
  'submit',
  action(async () => {
    const mobile = byId<HTMLInputElement>('mobile').value;
    ({ otpRequestId } = await client.auth.requestOtp({ mobile }));
    byId('otp-verify').hidden = false;
    byId('otp').focus();
  }),
);

byId('otp-verify').addEventListener(
  'submit',
  action(async () => {
    const otp = byId<HTMLInputElement>('otp').value.trim();
    const { citizen } = await client.auth.verifyOtp({ otpRequestId, otp });
    [districts, departments] = await Promise.all([
      client.catalog.districts(),
      client.catalog.departments(),
    ]);

    byId('sign-in').hidden = true;
    byId('file').hidden = false;
    byId('mine').hidden = false;
    signedInMobile = maskMobile(citizen.mobile);
    await refresh();
  }),
);

byId<HTMLFormElement>('grievance').addEventListener(
  'submit',
  action(async () => {
    const form = byId<HTMLFormElement>('grievance');
    const subject = byId<HTMLInputElement>('subject').value.trim();
    const file = byId<HTMLInputElement>('photo').files?.[0];

    await client.grievances.submit({
      ...(subject && { subject }),
      description: byId<HTMLTextAreaElement>('description').value,
      district: byId<HTMLSelectElement>('district').value,
      language,
      attachments: file
        ? [{ file, kind: file.type === 'application/pdf' ? 'document' : 'photo' }]
        : [],
    });
    form.reset();
    await refresh();
  }),
);

byId('refresh').addEventListener('click', action(refresh));

// What an officer at the portal would do; a real app has no such button.
byId('advance').addEventListener(
  'click',
  action(async () => {
    const open = mine.find(({ grievance }) => grievance.status in NEXT_STATUS)?.grievance;
    if (!open) return;

    const next = NEXT_STATUS[open.status as keyof typeof NEXT_STATUS];
    const department = departments.find((d) => d.code === 'POWER') ?? departments[0];
    portal.updateStatus(
      open.grievanceId,
      next,
      next === 'FORWARDED' ? { departmentCode: department?.code } : {},
    );
    await refresh();
  }),
);

render();
document.body.dataset.ready = 'true';
