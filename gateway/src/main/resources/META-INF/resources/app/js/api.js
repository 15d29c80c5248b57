// Calls to the gateway's REST API with the user's token. Errors become sentences for people:
// the problem+json detail, never a stack trace or a raw body.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(method, path, { body, breakGlassReason } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${await accessToken()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (breakGlassReason) headers['X-Break-Glass-Reason'] = breakGlassReason;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The PrecisionRx gateway could not be reached. Check the connection and try again.');
  }
  if (response.ok) return response.json();
  const problem = await response.json().catch(() => ({}));
  throw new ApiError(response.status, sentence(response.status, problem));
}

function sentence(status, problem) {
  const detail = problem.detail ? capitalise(problem.detail) : '';
  const fields = (problem.violations ?? []).map((v) => `${v.field} ${v.message}`).join('; ');
  switch (status) {
    case 400:
      return `The request was not accepted: ${fields || detail || 'some of the input is not valid'}.`;
    case 401:
      return 'Your sign-in has ended. Reload the page to sign in again.';
    case 403:
      return `Access refused. ${detail || 'Your role does not permit this'}.`;
    case 404:
      return `Not found: ${detail || 'no such record'}.`;
    case 409:
    case 422:
      return `${detail || 'The request could not be carried out'}.`;
    case 503:
      return `A service PrecisionRx depends on is unavailable just now (${detail || 'no details'}). Try again shortly.`;
    default:
      return 'PrecisionRx could not complete the request. Try again; if it keeps happening, contact support'
        + (problem.requestId ? ` and quote request ${problem.requestId}.` : '.');
  }
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, '');
}
