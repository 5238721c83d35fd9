import { expect, it } from 'vitest';
import {
  GRIEVANCE,
  PDF,
  call,
  multipart,
  servePortal,
  signIn,
  uploadForm,
  useServer,
} from './helpers.js';

/**
 * The same short flow in whatever environment the calling test file runs in: consumers test
 * under node, jsdom and happy-dom, whose fetch, FormData and File differ.
 */
export function describeFlowInThisEnvironment() {
  const server = useServer();

  it('signs in, uploads a PDF and files a grievance with it', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const { body, contentType } = multipart(PDF, 'letter.pdf');

    const upload = await call(portal, 'POST', '/v1/attachments', {
      token,
      headers: { 'Content-Type': contentType },
      body,
    });
    const filed = await call(portal, 'POST', '/v1/grievances', {
      token,
      headers: { 'Idempotency-Key': 'env-1' },
      body: { ...GRIEVANCE, attachmentIds: [upload.body.attachmentId] },
    });

    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      fileName: 'letter.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.byteLength,
    });
    expect(filed.status).toBe(201);
    expect(filed.body.attachments).toEqual([upload.body]);
  });

  it("uploads the environment's own FormData and File, or says why the bytes did not arrive", async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const sent = call(portal, 'POST', '/v1/attachments', {
      token,
      body: uploadForm(PDF, 'letter.pdf'),
    });
    // Node 24's fetch refuses jsdom's File before sending: then nothing reached the portal.
    const upload = await sent.catch((error: unknown) => {
      expect(error).toBeInstanceOf(TypeError);
      return undefined;
    });
    if (!upload) return;

    if (upload.status === 201) {
      expect(upload.body).toMatchObject({ fileName: 'letter.pdf', sizeBytes: PDF.byteLength });
    } else {
      expect(upload.status).toBe(400);
      expect(upload.body.error.details).toEqual([
        expect.objectContaining({ field: 'file', code: 'file_not_sent' }),
      ]);
    }
  });

  it('answers a CORS preflight', async () => {
    const portal = servePortal(server);

    const reply = await call(portal, 'OPTIONS', '/v1/grievances', {
      headers: { 'Access-Control-Request-Method': 'POST' },
    });

    expect(reply.status).toBe(204);
    expect(reply.headers.get('Access-Control-Allow-Methods')).toContain('POST');
  });
}
