import { HttpResponse, delay } from 'msw';
import { faultAnswer, type PortalCall } from './faults.js';
import { PortalRefusal } from './refusal.js';
import { refusalAnswer, toResponse, type Answer } from './respond.js';
import { nextSerial, type PortalState } from './state.js';

/** A route's work: read the request, apply the rules, say what to answer. */
export type Handle = () => Answer | Promise<Answer>;

/**
 * Serves one request: gives it an ID, applies an injected fault for its call, runs the route,
 * turns refusals into the error envelope, adds the common headers and logs it.
 */
export async function serve(
  state: PortalState,
  request: Request,
  call: PortalCall | undefined,
  handle: Handle,
): Promise<Response> {
  const at = state.options.now();
  const requestId = nextSerial(state, 'request', 'req');
  const idempotencyKey = request.headers.get('Idempotency-Key');
  const log = (status: number) =>
    state.data.requestLog.push({
      method: request.method,
      path: pathBelowBase(state.options.baseUrl, request.url),
      status,
      ...(idempotencyKey !== null && { idempotencyKey }),
      at,
    });

  const fault = call && state.faults.take(call);
  if (fault?.delayMs) await delay(fault.delayMs);

  if (fault?.network === 'drop') {
    log(0);
    return HttpResponse.error();
  }

  const answer =
    (fault && faultAnswer(fault, state.options.now(), requestId)) ?? (await run(handle, requestId));

  if (fault?.network === 'lose-response') {
    log(0);
    return HttpResponse.error();
  }

  log(answer.status);
  return toResponse(answer, request, requestId);
}

async function run(handle: Handle, requestId: string): Promise<Answer> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof PortalRefusal) return refusalAnswer(error, requestId);

    // A bug in the mock, not a refusal: answer like a broken server, but say what broke.
    const reason = error instanceof Error ? error.message : String(error);
    const refusal = new PortalRefusal({
      status: 500,
      code: 'INTERNAL',
      message:
        `The mock portal failed while handling the request (${reason}). ` +
        'Report it with the request ID.',
    });
    return refusalAnswer(refusal, requestId);
  }
}

function pathBelowBase(baseUrl: string, url: string): string {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const path = new URL(url).pathname;
  return path.startsWith(basePath) ? path.slice(basePath.length) || '/' : path;
}
