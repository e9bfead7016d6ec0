// Same-origin calls to the app's REST API with the browser session. State-changing calls send the session's CSRF token
// (the XSRF-TOKEN cookie's value in X-XSRF-TOKEN). Errors arrive as RFC 9457 problems and are thrown as ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
    /** per-field messages of a 400: [{field, message}] */
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * @param {string} path e.g. '/api/orders'
 * @param {{method?: string, body?: any, query?: Record<string, any>, signal?: AbortSignal}} [options]
 * @returns {Promise<any>} parsed JSON (null for an empty body)
 */
export async function api(path, options = {}) {
  const { method = 'GET', body, query, signal } = options;
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    Object.entries(query).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== '') params.append(k, v);
    });
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  // X-Requested-With: a 401 comes without a Basic challenge (no browser password dialog over the page)
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path, query) => api(path, { query });
export const post = (path, body) => api(path, { method: 'POST', body: body === undefined ? {} : body });
export const put = (path, body) => api(path, { method: 'PUT', body });
export const del = (path) => api(path, { method: 'DELETE' });

/** Where the browser signs in: the page sends it to the login form or Keycloak and back to the given hash route. */
export function signInUrl(route = location.hash.slice(1) || '/') {
  return '/signin?to=' + encodeURIComponent(route);
}
