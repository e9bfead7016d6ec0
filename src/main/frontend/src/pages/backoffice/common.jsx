// Building blocks of the back-office pages (ops, KPIs, mail, campaigns, purchasing): section tabs, a fetch for text
// bodies (BPMN XML), a two-step confirmation, field errors of a 400 next to their inputs, number formats.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { Busy } from '../../ui.jsx';
import './backoffice.css';

/** Links to the sections of a feature, the current one marked (aria-current). */
export function Tabs({ label, items, current }) {
  return (
    <nav class="bo-tabs" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href} aria-current={i.href === current ? 'page' : undefined}>
              {i.label}{i.count !== undefined && i.count !== null && <span class="bo-count">{i.count}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A GET whose body is text (e.g. BPMN XML) with the browser session; errors as ApiError from the problem (JSON) body.
 */
export async function getText(path, { signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin', signal,
      headers: { Accept: 'text/xml, application/xml, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' },
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  if (!response.ok) {
    let problem;
    try { problem = JSON.parse(text); } catch { problem = { detail: text.slice(0, 300) }; }
    throw new ApiError(response.status, problem);
  }
  return text;
}

/**
 * A destructive action behind a second click: the first button asks, the question offers "yes" (runs `onConfirm`,
 * with progress) and "no".
 */
export function Confirm({ label, question, yes, no = 'Keep', onConfirm, danger = true, testId, onError, small }) {
  const size = small ? ' small' : '';
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class={(danger ? 'danger' : '') + size} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <div class="bo-confirm" role="group" aria-label={label}>
      <span role="status">{question}</span>
      <Busy class={(danger ? 'danger' : '') + size} onError={onError}
        onClick={async () => { await onConfirm(); setAsking(false); }}>{yes}</Busy>
      <button type="button" class={'secondary' + size} onClick={() => setAsking(false)}>{no}</button>
    </div>
  );
}

/** The messages of a 400's field errors for one field (also `field[0]`, `field.x`). */
export function fieldErrors(error, field) {
  if (!error || !error.errors) return [];
  return error.errors.filter((e) => e.field === field || e.field?.startsWith(field + '[') || e.field?.startsWith(field + '.'))
    .map((e) => e.message);
}

/** The error text under an input (referenced by the input's aria-describedby). */
export function FieldError({ id, messages }) {
  if (!messages || messages.length === 0) return null;
  return <p class="field-error" id={id} data-testid={id}>{messages.join('; ')}</p>;
}

const nf = {};
export function num(value, digits = 0) {
  if (value === null || value === undefined || value === '') return '–';
  nf[digits] ||= new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return nf[digits].format(Number(value));
}

/** A fraction (0.9312) as a percentage (93.1 %); no base → –. */
export function pct(fraction, digits = 1) {
  if (fraction === null || fraction === undefined) return '–';
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits }).format(Number(fraction));
}

/** Hours as the figure reads best: minutes below an hour, days above two days. */
export function hours(h) {
  if (h === null || h === undefined) return '–';
  const v = Number(h);
  if (v < 1) return `${num(v * 60, 0)} min`;
  if (v >= 48) return `${num(v / 24, 1)} days`;
  return `${num(v, 1)} h`;
}

/** An enum constant as words: AT_RISK → At risk. */
export function words(constant) {
  if (!constant) return '–';
  const s = String(constant).replaceAll('_', ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Demo warehouses (db/demo): the KPI filter's choices; ids as the API takes them. */
export const WAREHOUSES = [
  { id: 'madrid', label: 'Madrid' },
  { id: 'warsaw', label: 'Warsaw' },
  { id: 'sofia', label: 'Sofia' },
];
