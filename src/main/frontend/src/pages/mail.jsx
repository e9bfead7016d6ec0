// The embedded runtime's mail outbox (GET /api/dev/mailbox?to=&max=, DELETE to empty it; ops only). Bodies are shown
// as text, never as HTML: the plain-text part, or the HTML part reduced to its text by an inert DOMParser document
// (no scripts, no requests). On the camunda profile the route does not exist (mail goes to a real SMTP server).
import { useState } from 'preact/hooks';
import { del } from '../api.js';
import { dateTime, Empty, hasRole, Loading, Page, ProblemBox, RequireRole, useApi, useMe } from '../ui.jsx';
import { Confirm } from './backoffice/common.jsx';
import './backoffice/backoffice.css';

const ROLES = ['ops'];

/** The text a reader sees of an HTML body (parsed inertly; block ends become line breaks). */
export function htmlToText(html) {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, head').forEach((n) => n.remove());
  doc.querySelectorAll('br').forEach((n) => n.replaceWith('\n'));
  doc.querySelectorAll('p, div, tr, li, h1, h2, h3, h4, table').forEach((n) => n.append('\n'));
  doc.querySelectorAll('a[href]').forEach((a) => {
    const href = a.getAttribute('href');
    if (href && href !== a.textContent.trim()) a.append(` <${href}>`);
  });
  return (doc.body?.textContent || '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function mailKey(m, i) {
  const to = (m.to || []).join(',');
  return m.notificationId ? `${m.notificationId}|${to}` : `${m.sentAt}|${m.subject}|${to}|${i}`;
}

function Mail({ mail, index }) {
  const [source, setSource] = useState(false);
  const text = mail.body || htmlToText(mail.html);
  return (
    <li class="bo-mail" data-testid="mail">
      <details>
        <summary>
          <span class="subject">{mail.subject || '(no subject)'}</span>
          <span class="when">{dateTime(mail.sentAt)}</span>
          <span class="meta">to {(mail.to || []).join(', ') || '–'}</span>
          {mail.orderId && <span class="meta">order {mail.orderId}</span>}
        </summary>
        <div class="body">
          <p class="meta">From {mail.from || '–'}{mail.notificationId && <> · notification <code>{mail.notificationId}</code></>}
            {mail.orderId && <> · <a href={`#/orders/${encodeURIComponent(mail.orderId)}`}>open the order</a></>}</p>
          <pre data-testid="mail-body" aria-label={`Text of ${mail.subject}`}>{text || '(empty body)'}</pre>
          {mail.html && (
            <p>
              <button type="button" class="secondary small" aria-expanded={source ? 'true' : 'false'} aria-controls={`mail-html-${index}`}
                onClick={() => setSource(!source)}>{source ? 'Hide' : 'Show'} the HTML source</button>
            </p>
          )}
          {mail.html && source && <pre id={`mail-html-${index}`} class="bo-small">{mail.html}</pre>}
        </div>
      </details>
    </li>
  );
}

export function Mailbox() {
  const allowed = hasRole(useMe(), ...ROLES);
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState('');
  const [max, setMax] = useState('50');
  const [cleared, setCleared] = useState(null);
  const { data, error, loading, reload } = useApi(allowed ? '/api/dev/mailbox' : null, { to: applied, max }, [], 10000);
  const missing = error && error.status === 404;
  const recipients = [...new Set((data || []).flatMap((m) => m.to || []))].sort();

  const clear = async () => {
    await del('/api/dev/mailbox');
    setCleared(new Date());
    await reload();
  };

  return (
    <Page title="Mail outbox" wide actions={allowed && !missing && (
      <>
        <button type="button" class="secondary small" onClick={reload}>Refresh</button>
        <Confirm label="Clear the mailbox" question={`Delete every caught mail${data ? ` (${data.length}${applied ? ' shown' : ''})` : ''}?`}
          yes="Yes, clear it" onConfirm={clear} testId="clear-mailbox" small />
      </>
    )}>
      <RequireRole roles={ROLES}>
        <p class="muted">The mails the embedded runtime's own SMTP server caught (nobody receives them), newest first. Refreshed every 10 s.</p>
        {missing ? (
          <div class="notice" role="note" data-testid="no-mailbox">
            <p><strong>No mail outbox on this runtime.</strong> It exists only on the embedded runtime. With the
              <code> camunda</code> profile the app sends to a real SMTP server (<code>SMTP_HOST</code>, e.g. a Mailpit
              container): read the mails there.</p>
          </div>
        ) : (
          <>
            <form class="bo-toolbar" aria-label="Filter the mails" onSubmit={(e) => { e.preventDefault(); setApplied(to.trim()); }}>
              <div class="field wide">
                <label for="mail-to">Recipient</label>
                <input id="mail-to" type="email" list="mail-recipients" placeholder="e.g. ana.garcia@example.com" value={to}
                  onInput={(e) => setTo(e.currentTarget.value)} autocomplete="off" />
                <datalist id="mail-recipients">{recipients.map((r) => <option key={r} value={r} />)}</datalist>
              </div>
              <div class="field">
                <label for="mail-max">Show at most</label>
                <select id="mail-max" value={max} onChange={(e) => setMax(e.currentTarget.value)}>
                  {['20', '50', '100', '200', '500'].map((n) => <option key={n} value={n}>{n} mails</option>)}
                </select>
              </div>
              <div class="actions">
                <button type="submit">Filter</button>
                {applied && <button type="button" class="secondary" onClick={() => { setTo(''); setApplied(''); }}>Show all</button>}
              </div>
            </form>
            <p class="bo-live" aria-live="polite" data-testid="mail-count">
              {cleared && <>Mailbox emptied at {cleared.toLocaleTimeString()}. </>}
              {data && <>{data.length} mail{data.length === 1 ? '' : 's'}{applied && <> to {applied}</>}.</>}
            </p>
            <ProblemBox error={error} onRetry={reload} />
            {loading && !data && <Loading label="Reading the mailbox…" />}
            {data && data.length === 0 && <Empty>{applied ? `No mail to ${applied}.` : 'The mailbox is empty.'}</Empty>}
            {data && data.length > 0 && (
              <ul class="bo-mails" aria-label="Caught mails">
                {data.map((m, i) => <Mail key={mailKey(m, i)} mail={m} index={i} />)}
              </ul>
            )}
          </>
        )}
      </RequireRole>
    </Page>
  );
}

export const routes = [{ path: '/mail', component: Mailbox }];
export const nav = [{ href: '#/mail', label: 'Mail', roles: ROLES }];
