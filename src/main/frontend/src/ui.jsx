// Shared building blocks of the pages: data loading, errors as the API's problems, busy buttons, formats, role checks.
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, signInUrl } from './api.js';

/** The signed-in user ({username, displayName, email, roles, warehouses}) or null for a visitor. */
export const MeContext = createContext({ me: null, loaded: false });

export function useMe() {
  return useContext(MeContext).me;
}

export function hasRole(me, ...roles) {
  return !!me && roles.some((r) => me.roles.includes(r));
}

/**
 * Loads a GET route; reloads when `deps` change, and every `pollMs` when given (the live pages).
 * @returns {{data: any, error: ApiError|null, loading: boolean, reload: () => Promise<void>}}
 */
export function useApi(path, query, deps = [], pollMs = 0) {
  const [state, setState] = useState({ data: null, error: null, loading: !!path });
  const seq = useRef(0);
  const load = useCallback(async (quiet) => {
    if (!path) return;
    const mine = ++seq.current;
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    try {
      const data = await get(path, query);
      if (mine === seq.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ data: quiet ? s.data : null, error, loading: false }));
    }
  }, [path, JSON.stringify(query || {}), ...deps]);
  useEffect(() => { load(false); }, [load]);
  useEffect(() => {
    if (!pollMs) return undefined;
    const t = setInterval(() => { if (!document.hidden) load(true); }, pollMs);
    return () => clearInterval(t);
  }, [load, pollMs]);
  return { ...state, reload: () => load(true) };
}

export function Loading({ label = 'Loading…' }) {
  return <p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true" />{label}</p>;
}

/** An API error as the user should read it: the problem's title, its detail and each field's message. */
export function ProblemBox({ error, onRetry }) {
  if (!error) return null;
  const status = error.status;
  const problem = error.problem || {};
  let hint = null;
  if (status === 401) hint = <a href={signInUrl()}>Sign in to continue</a>;
  else if (status === 403) hint = <span>Your account has no access to this. Sign in as a user with the right role.</span>;
  return (
    <div class="problem" role="alert" data-status={status}>
      <strong class="problem-title">{problem.title || (status ? `Error ${status}` : 'Error')}</strong>
      {problem.detail && <p class="problem-detail">{problem.detail}</p>}
      {!problem.detail && !problem.title && <p class="problem-detail">{String(error.message || error)}</p>}
      {error.errors && error.errors.length > 0 && (
        <ul class="problem-fields">{error.errors.map((e) => <li key={e.field}><code>{e.field}</code>: {e.message}</li>)}</ul>
      )}
      {hint && <p>{hint}</p>}
      {onRetry && <button type="button" class="secondary" onClick={onRetry}>Try again</button>}
    </div>
  );
}

/**
 * A button running an async action: disabled with a spinner while it runs; a failure goes to onError (or is shown
 * next to the button).
 */
export function Busy({ onClick, children, onError, class: cls = '', type = 'button', disabled, ...rest }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const run = async (e) => {
    e?.preventDefault?.();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onClick(e);
    } catch (err) {
      if (onError) onError(err); else if (mounted.current) setError(err);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };
  return (
    <>
      <button type={type} class={cls} disabled={busy || disabled} aria-busy={busy ? 'true' : 'false'} onClick={run} {...rest}>
        {busy && <span class="spinner" aria-hidden="true" />}{children}
      </button>
      {error && <ProblemBox error={error} />}
    </>
  );
}

/** A page: its title in the tab and as the one h1; the heading gets focus on navigation (screen readers). */
export function Page({ title, actions, children, wide }) {
  const h = useRef(null);
  useEffect(() => {
    document.title = `${title} – OrderFlow`;
    h.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <section class={'page' + (wide ? ' wide' : '')} aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={h}>{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** Content for signed-in users with one of the roles; a visitor is asked to sign in, anyone else told why not. */
export function RequireRole({ roles, children }) {
  const me = useMe();
  if (!me) {
    return (
      <div class="notice" role="note">
        <p>Please sign in to see this page.</p>
        <a class="button" href={signInUrl()}>Sign in</a>
      </div>
    );
  }
  if (roles && !hasRole(me, ...roles)) {
    return <div class="notice" role="note"><p>This page is for {roles.join(', ')}. You are signed in as {me.username} ({me.roles.join(', ')}).</p></div>;
  }
  return children;
}

const moneyFormats = {};
export function money(amount, currency = 'EUR') {
  if (amount === null || amount === undefined) return '–';
  const key = currency || 'EUR';
  moneyFormats[key] ||= new Intl.NumberFormat(undefined, { style: 'currency', currency: key });
  return moneyFormats[key].format(Number(amount));
}

export function dateTime(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function date(iso) {
  if (!iso) return '–';
  return new Date(iso.length === 10 ? iso + 'T12:00:00' : iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** A status word as a coloured badge (colour by meaning, the word always shown). */
export function StatusBadge({ status }) {
  if (!status) return null;
  const s = String(status).toUpperCase();
  let tone = 'neutral';
  if (/DELIVERED|COMPLETED|PAID|CAPTURED|RECEIVED|ACCEPTED|APPROVED|CONFIRMED|ACTIVE|SENT/.test(s)) tone = 'good';
  if (/CANCEL|EXPIRED|FAILED|REJECTED|REFUSED|INCIDENT|LOST|DAMAGED/.test(s)) tone = 'bad';
  if (/WAIT|PENDING|QUOTED|AWAITING|OPEN|CREATED|PLACED|DRAFT/.test(s)) tone = 'wait';
  return <span class={`badge badge-${tone}`}>{s.replaceAll('_', ' ')}</span>;
}

/** Empty list message. */
export function Empty({ children }) {
  return <p class="empty">{children}</p>;
}
