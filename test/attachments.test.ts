import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AttachmentTooLargeError,
  AttachmentUploadError,
  UnsupportedMediaTypeError,
  ValidationError,
} from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import {
  DESCRIPTION,
  FILES,
  clientFor,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uploads = (portal: MockPortal) =>
  portal.requestLog.filter((r) => r.method === 'POST' && r.path === '/v1/attachments');

/** A JPEG of `size` bytes: the JPEG signature, then zeros. */
function jpegOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(FILES.jpeg);
  return bytes;
}

/**
 * A client whose `count`-th upload the portal refuses, as if that file were not an image:
 * the fault is injected only once the earlier uploads have succeeded.
 */
async function failingUploadAt(count: number) {
  const portal = servePortal(server);
  let seen = 0;
  const client = clientFor(portal, {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/v1/attachments') && response.ok && ++seen === count - 1) {
        portal.inject({ call: 'attachments.upload', status: 415 });
      }
      return response;
    },
  });
  await signIn(client, portal);
  return { portal, client };
}

const draft = () => ({
  description: DESCRIPTION,
  district: 'KOLKATA',
  attachments: [
    { file: FILES.pdf, kind: 'document' as const, fileName: 'ration-card.pdf' },
    { file: FILES.jpeg, kind: 'photo' as const, fileName: 'street.jpg' },
    { file: FILES.png, kind: 'id_proof' as const, fileName: 'voter-id.png' },
  ],
});

async function expectRefusedBeforeUpload(
  portal: MockPortal,
  attempt: Promise<unknown>,
  type: new (...args: never[]) => Error,
) {
  const sent = portal.requestLog.length;
  const error = await attempt.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  expect(portal.requestLog).toHaveLength(sent);
  expect(uploads(portal)).toEqual([]);
  return error as Error;
}

describe('uploading a file', () => {
  it.each([
    ['PDF', FILES.pdf, 'receipt.pdf', 'application/pdf', 'document'],
    ['JPEG', FILES.jpeg, 'street.jpg', 'image/jpeg', 'photo'],
    ['PNG', FILES.png, 'voter-id.png', 'image/png', 'id_proof'],
  ] as const)(
    'stores a %s with the same size and SHA-256',
    async (_, bytes, fileName, mimeType, kind) => {
      const { client } = await signedIn(server);

      const attachment = await client.attachments.upload(bytes, { kind, fileName });

      expect(attachment).toEqual({
        attachmentId: expect.any(String),
        fileName,
        mimeType,
        sizeBytes: bytes.byteLength,
        sha256: sha256(bytes),
        kind,
      });
    },
  );

  it('takes a Blob, naming it after its type', async () => {
    const { client } = await signedIn(server);

    const attachment = await client.attachments.upload(new Blob([FILES.jpeg]), { kind: 'photo' });

    expect(attachment).toMatchObject({ fileName: 'attachment.jpg', sha256: sha256(FILES.jpeg) });
  });

  it('takes a File, keeping its name', async () => {
    const { client } = await signedIn(server);
    const file = new File([FILES.png], 'লাইট-পোস্ট.png', { type: 'image/png' });

    const attachment = await client.attachments.upload(file, { kind: 'photo' });

    expect(attachment).toMatchObject({
      fileName: 'লাইট-পোস্ট.png',
      mimeType: 'image/png',
      sizeBytes: FILES.png.byteLength,
    });
  });

  it('takes an ArrayBuffer and a Uint8Array that views part of a buffer', async () => {
    const { client } = await signedIn(server);
    const padded = new Uint8Array(FILES.pdf.byteLength + 8);
    padded.set(FILES.pdf, 4);

    const fromBuffer = await client.attachments.upload(FILES.pdf.slice().buffer, {
      kind: 'document',
    });
    const fromView = await client.attachments.upload(padded.subarray(4, 4 + FILES.pdf.length), {
      kind: 'document',
      fileName: 'view.pdf',
    });

    expect(fromBuffer).toMatchObject({ fileName: 'attachment.pdf', sha256: sha256(FILES.pdf) });
    expect(fromView).toMatchObject({ sizeBytes: FILES.pdf.length, sha256: sha256(FILES.pdf) });
  });

  it('takes a file opened with fs.openAsBlob', async () => {
    const { client } = await signedIn(server);
    const dir = await mkdtemp(join(tmpdir(), 'wb-grievance-'));
    try {
      const path = join(dir, 'receipt.pdf');
      await writeFile(path, FILES.pdf);

      const attachment = await client.attachments.upload(await openAsBlob(path), {
        kind: 'document',
        fileName: 'receipt.pdf',
      });

      expect(attachment).toMatchObject({
        fileName: 'receipt.pdf',
        sizeBytes: FILES.pdf.byteLength,
        sha256: sha256(FILES.pdf),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a 6 MB photo before sending a byte, naming the limit', async () => {
    const { portal, client } = await signedIn(server);

    const error = await expectRefusedBeforeUpload(
      portal,
      client.attachments.upload(jpegOf(6 * MiB), { kind: 'photo', fileName: 'street.jpg' }),
      AttachmentTooLargeError,
    );

    expect(error.message).toContain('the limit is 5 MB');
    expect(error.message).toContain('street.jpg is 6 MB');
    expect((error as AttachmentTooLargeError).limitBytes).toBe(5 * MiB);
    expect((error as AttachmentTooLargeError).code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('accepts a file of exactly the limit', async () => {
    const { client } = await signedIn(server);

    const attachment = await client.attachments.upload(jpegOf(5 * MiB), { kind: 'photo' });

    expect(attachment.sizeBytes).toBe(5 * MiB);
  });

  it('checks against the client’s own limit when one is set', async () => {
    const { portal, client } = await signedIn(server, { client: { maxAttachmentBytes: 1000 } });

    const error = await expectRefusedBeforeUpload(
      portal,
      client.attachments.upload(jpegOf(2000), { kind: 'photo' }),
      AttachmentTooLargeError,
    );

    expect(error.message).toContain('the limit is 1000 bytes');
    expect((error as AttachmentTooLargeError).limitBytes).toBe(1000);
  });

  it.each([
    ['PNG bytes named .pdf', FILES.png, 'scan.pdf'],
    ['a PDF named .jpg', FILES.pdf, 'photo.jpg'],
    [
      'random bytes named .jpg',
      Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256),
      'photo.jpg',
    ],
    ['text named .png', new TextEncoder().encode('not an image at all'), 'photo.png'],
  ])('refuses %s before sending a byte', async (_, bytes, fileName) => {
    const { portal, client } = await signedIn(server);

    const error = await expectRefusedBeforeUpload(
      portal,
      client.attachments.upload(bytes, { kind: 'document', fileName }),
      UnsupportedMediaTypeError,
    );

    expect(error.message).toContain(fileName);
    expect((error as UnsupportedMediaTypeError).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an empty file, a missing kind and what is not a file, before sending', async () => {
    const { portal, client } = await signedIn(server);

    for (const attempt of [
      client.attachments.upload(new Uint8Array(0), { kind: 'photo' }),
      client.attachments.upload(FILES.png, { kind: 'selfie' as never }),
      client.attachments.upload(FILES.png, undefined as never),
      client.attachments.upload('/tmp/photo.png' as never, { kind: 'photo' }),
      client.attachments.upload(null as never, { kind: 'photo' }),
    ]) {
      await expectRefusedBeforeUpload(portal, attempt, ValidationError);
    }
  });
});

describe('file names', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \u200b '],
    ['256 characters long', `${'ন'.repeat(252)}.png`],
    ['with a line break', 'lamp\n.png'],
    ['with a tab', 'lamp\t.png'],
    ['with a NUL', 'lamp\u0000.png'],
    ['with DEL', 'lamp\u007f.png'],
    ['with a right-to-left override', 'lamp\u202Egnp.png'],
    ['with a left-to-right isolate', 'lamp\u2066x.png'],
    ['with a slash', '../../etc/passwd.png'],
    ['with a backslash', 'C:\\photos\\lamp.png'],
    ['with a lone surrogate', 'lamp\uD800.png'],
  ])('refuses a name %s before sending, naming fileName', async (_, fileName) => {
    const { portal, client } = await signedIn(server);

    const error = await expectRefusedBeforeUpload(
      portal,
      client.attachments.upload(FILES.png, { kind: 'photo', fileName }),
      ValidationError,
    );

    expect((error as ValidationError).details[0]?.field).toBe('fileName');
  });

  it('refuses a File whose own name is a path, saying to pass fileName', async () => {
    const { portal, client } = await signedIn(server);

    const error = await expectRefusedBeforeUpload(
      portal,
      client.attachments.upload(new File([FILES.png], 'uploads/lamp.png'), { kind: 'photo' }),
      ValidationError,
    );

    expect(error.message).toContain('pass fileName');
  });

  it.each([
    ['255 characters long', `${'ন'.repeat(251)}.png`],
    ['in Bengali with a space', 'রাস্তার আলো.png'],
    ['with a quote, sent percent-encoded', 'the "lamp".png'],
    ['with a semicolon and an equals sign', 'a;b=c.png'],
  ])('keeps a name %s exactly as given', async (_, fileName) => {
    const { client } = await signedIn(server);

    const attachment = await client.attachments.upload(FILES.png, { kind: 'photo', fileName });

    expect(attachment.fileName).toBe(fileName);
  });
});

describe('submitting with files', () => {
  it('uploads each file, then files the grievance with them', async () => {
    const { portal, client } = await signedIn(server);

    const grievance = await client.grievances.submit(draft());

    expect(
      grievance.attachments.map(({ fileName, kind, sha256: hash, sizeBytes }) => ({
        fileName,
        kind,
        hash,
        sizeBytes,
      })),
    ).toEqual(
      draft().attachments.map(({ file, kind, fileName }) => ({
        fileName,
        kind,
        hash: sha256(file),
        sizeBytes: file.byteLength,
      })),
    );
    const posts = portal.requestLog.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts.slice(-4)).toEqual([
      '/v1/attachments',
      '/v1/attachments',
      '/v1/attachments',
      '/v1/grievances',
    ]);
    expect(portal.grievances()[0]?.attachments).toEqual(grievance.attachments);
  });

  it('files a grievance with attachments uploaded before, by object or by ID', async () => {
    const { client } = await signedIn(server);
    const photo = await client.attachments.upload(FILES.jpeg, { kind: 'photo' });
    const proof = await client.attachments.upload(FILES.png, { kind: 'id_proof' });

    const grievance = await client.grievances.submit({
      description: DESCRIPTION,
      district: 'HOWRAH',
      attachments: [photo, proof.attachmentId],
    });

    expect(grievance.attachments).toEqual([photo, proof]);
  });

  it('refuses more than 5 attachments before sending anything', async () => {
    const { portal, client } = await signedIn(server);
    const six = Array.from({ length: 6 }, (_, i) => ({
      file: FILES.png,
      kind: 'photo' as const,
      fileName: `photo-${i}.png`,
    }));

    const error = await expectRefusedBeforeUpload(
      portal,
      client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA', attachments: six }),
      ValidationError,
    );

    expect((error as ValidationError).details[0]?.field).toBe('attachments');
    expect(portal.grievances()).toEqual([]);
  });

  it('refuses the same file twice in one grievance before sending anything', async () => {
    const { portal, client } = await signedIn(server);
    const photo = { file: FILES.jpeg, kind: 'photo' as const, fileName: 'street.jpg' };

    const error = await expectRefusedBeforeUpload(
      portal,
      client.grievances.submit({
        description: DESCRIPTION,
        district: 'KOLKATA',
        attachments: [photo, { ...photo }],
      }),
      ValidationError,
    );

    expect((error as ValidationError).details[0]?.field).toBe('attachments.1');
  });

  it('refuses a 6 MB photo in a draft before uploading any file of it', async () => {
    const { portal, client } = await signedIn(server);
    const attachments = [
      { file: FILES.pdf, kind: 'document' as const },
      { file: jpegOf(6 * MiB), kind: 'photo' as const, fileName: 'big.jpg' },
    ];

    const error = await expectRefusedBeforeUpload(
      portal,
      client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA', attachments }),
      AttachmentTooLargeError,
    );

    expect(error.message).toContain('big.jpg');
    expect(portal.grievances()).toEqual([]);
  });

  it('checks every file name before uploading any file of the draft', async () => {
    const { portal, client } = await signedIn(server);
    const attachments = [
      { file: FILES.pdf, kind: 'document' as const, fileName: 'ration-card.pdf' },
      { file: FILES.png, kind: 'photo' as const, fileName: `${'x'.repeat(300)}.png` },
    ];

    const error = await expectRefusedBeforeUpload(
      portal,
      client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA', attachments }),
      ValidationError,
    );

    expect((error as ValidationError).details[0]).toMatchObject({
      field: 'fileName',
      code: 'too_long',
    });
    expect(portal.grievances()).toEqual([]);
  });

  it('files nothing when the second of three uploads fails, and says which file', async () => {
    const { portal, client } = await failingUploadAt(2);

    const error = await client.grievances.submit(draft()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AttachmentUploadError);
    const failed = error as AttachmentUploadError;
    expect(failed).toMatchObject({ index: 1, fileName: 'street.jpg', status: 415 });
    expect(failed.message).toContain('street.jpg');
    expect(failed.cause).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(failed.uploaded.map((a) => a.fileName)).toEqual(['ration-card.pdf']);
    expect(portal.grievances()).toEqual([]);
    expect(uploads(portal).map((r) => r.status)).toEqual([201, 415]);
  });

  it('reuses the uploads of a failed try when the same draft is submitted again', async () => {
    const { portal, client } = await failingUploadAt(2);
    const sameDraft = draft();
    const failed = (await client.grievances
      .submit(sameDraft)
      .catch((e: unknown) => e)) as AttachmentUploadError;
    const before = uploads(portal).length;

    const grievance = await client.grievances.submit(sameDraft);

    expect(uploads(portal).length - before).toBe(2);
    expect(grievance.attachments.map((a) => a.fileName)).toEqual([
      'ration-card.pdf',
      'street.jpg',
      'voter-id.png',
    ]);
    expect(grievance.attachments[0]).toEqual(failed.uploaded[0]);
    expect(portal.grievances()).toHaveLength(1);
  });

  it('reuses the uploads of a failed try passed back from the error', async () => {
    const { portal, client } = await failingUploadAt(2);
    const failed = (await client.grievances
      .submit(draft())
      .catch((e: unknown) => e)) as AttachmentUploadError;
    const before = uploads(portal).length;

    const grievance = await client.grievances.submit({
      ...draft(),
      attachments: [...failed.uploaded, ...draft().attachments.slice(1)],
    });

    expect(uploads(portal).length - before).toBe(2);
    expect(grievance.attachments.map((a) => a.attachmentId)[0]).toBe(
      failed.uploaded[0]?.attachmentId,
    );
  });

  it('uploads a file again for a second grievance, once the first is filed', async () => {
    const { portal, client } = await signedIn(server);
    const photo = [{ file: FILES.jpeg, kind: 'photo' as const, fileName: 'street.jpg' }];

    const first = await client.grievances.submit({
      description: DESCRIPTION,
      district: 'KOLKATA',
      attachments: photo,
    });
    const second = await client.grievances.submit({
      description: DESCRIPTION,
      district: 'KOLKATA',
      attachments: photo,
    });

    expect(uploads(portal)).toHaveLength(2);
    expect(second.attachments[0]?.attachmentId).not.toBe(first.attachments[0]?.attachmentId);
  });
});
