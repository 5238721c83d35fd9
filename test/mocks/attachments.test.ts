import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GRIEVANCE,
  JPEG,
  PDF,
  PNG,
  call,
  servePortal,
  signIn,
  uploadForm,
  useServer,
  OTHER_MOBILE,
} from './helpers.js';

const server = useServer();

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('attachments', () => {
  it.each([
    ['application/pdf', PDF, 'complaint.pdf'],
    ['image/jpeg', JPEG, 'photo.jpg'],
    ['image/png', PNG, 'scan.png'],
  ])('stores a %s with its true size and SHA-256', async (mimeType, bytes, fileName) => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(bytes, fileName, 'photo'),
    });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      attachmentId: expect.any(String),
      fileName,
      mimeType,
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
      kind: 'photo',
    });
  });

  it('judges the type by the bytes, not the file name', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const disguised = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(PNG, 'letter.pdf'),
    });
    const text = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(new TextEncoder().encode('hello'), 'note.pdf'),
    });

    expect(disguised.body.mimeType).toBe('image/png');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a file over the limit with 413 naming the limit in MB', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);

    const reply = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(big, 'big.pdf'),
    });

    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(reply.body.error.message).toContain('5 MB');
  });

  it('accepts a file of exactly the limit, and honours a smaller policy', async () => {
    const portal = servePortal(server, { policy: { maxAttachmentBytes: 1024 } });
    const token = await signIn(portal);
    const exact = new Uint8Array(1024);
    exact.set(PDF);

    const ok = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(exact, 'a.pdf'),
    });
    const over = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(new Uint8Array(1025), 'b.pdf'),
    });

    expect(ok.status).toBe(201);
    expect(over.status).toBe(413);
  });

  it('refuses a missing file, a text file field and a wrong kind with 400 on each field', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const noFile = new FormData();
    noFile.set('kind', 'document');
    const textFile = new FormData();
    textFile.set('file', 'not a file');
    textFile.set('kind', 'selfie');

    const missing = await call(portal, 'POST', '/v1/attachments', { token, body: noFile });
    const wrong = await call(portal, 'POST', '/v1/attachments', { token, body: textFile });
    const json = await call(portal, 'POST', '/v1/attachments', { token, body: { file: 'x' } });

    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([
      expect.objectContaining({ field: 'file', code: 'required' }),
    ]);
    expect(wrong.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'file',
      'kind',
    ]);
    expect(json.status).toBe(400);
  });

  it("explains a file that arrived as the text 'undefined' (a Blob the sender's fetch could not read)", async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(new TextEncoder().encode('undefined'), 'blob'),
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({ field: 'file', code: 'file_not_sent' }),
    ]);
  });

  it('needs a session', async () => {
    const portal = servePortal(server);

    const reply = await call(portal, 'POST', '/v1/attachments', { body: uploadForm(PDF, 'a.pdf') });

    expect(reply.status).toBe(401);
  });

  it("attaches the caller's own uploads to a grievance, and refuses another citizen's", async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const other = await signIn(portal, OTHER_MOBILE);
    const mine = await call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(PDF, 'a.pdf'),
    });
    const theirs = await call(portal, 'POST', '/v1/attachments', {
      token: other,
      body: uploadForm(PNG, 'b.png'),
    });

    const filed = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, attachmentIds: [mine.body.attachmentId] },
    });
    const refused = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, attachmentIds: [mine.body.attachmentId, theirs.body.attachmentId] },
    });

    expect(filed.status).toBe(201);
    expect(filed.body.attachments).toEqual([mine.body]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ field: 'attachmentIds.1' }),
    ]);
  });

  it('refuses more attachments than the policy allows, by index', async () => {
    const portal = servePortal(server, { policy: { maxAttachmentsPerGrievance: 2 } });
    const token = await signIn(portal);
    const ids = [];
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
      ids.push(
        (await call(portal, 'POST', '/v1/attachments', { token, body: uploadForm(PDF, name) })).body
          .attachmentId,
      );
    }

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, attachmentIds: ids },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({ field: 'attachmentIds.2', code: 'too_many' }),
    ]);
  });
});
