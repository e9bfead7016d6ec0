// Public parcel tracking: anyone with the tracking number sees the carrier, status, ETA and the courier's events.
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../../router.js';
import { date, dateTime, Loading, Page, ProblemBox, useApi } from '../../ui.jsx';
import { courierWords, parcelStatusWords } from '../shop/words.js';

function TrackForm({ initial = '' }) {
  const [value, setValue] = useState(initial);
  const submit = (e) => {
    e.preventDefault();
    const n = value.trim().toUpperCase().replace(/\s+/g, '');
    if (n) navigate(`/track/${encodeURIComponent(n)}`);
  };
  return (
    <form class="track-form" role="search" aria-label="Track a parcel" onSubmit={submit}>
      <div>
        <label for="tracking-number">Tracking number</label>
        <input id="tracking-number" value={value} onInput={(e) => setValue(e.currentTarget.value)}
          placeholder="e.g. SX643681112ES" autoComplete="off" autoCapitalize="characters" spellCheck={false}
          aria-describedby="tracking-hint" required maxLength={40} />
        <p class="hint muted" id="tracking-hint">It is in the e-mail that tells you your parcel is on its way.</p>
      </div>
      <div class="filter-button"><button type="submit">Track</button></div>
    </form>
  );
}

export function TrackPage() {
  return (
    <Page title="Track a parcel">
      <TrackForm />
    </Page>
  );
}

const FINAL = ['DELIVERED', 'RETURNED', 'CANCELLED', 'CLOSED', 'RECEIVED'];

export function TrackResultPage({ trackingNumber }) {
  const [poll, setPoll] = useState(30000);
  const r = useApi(`/api/tracking/${encodeURIComponent(trackingNumber)}`, null, [trackingNumber], poll);
  const p = r.data;
  useEffect(() => setPoll(r.error?.status === 404 || FINAL.includes(p?.status) ? 0 : 30000), [p?.status, r.error?.status]);
  const notFound = r.error?.status === 404;
  const events = [...(p?.events || [])].reverse();
  return (
    <Page title="Track a parcel">
      <TrackForm initial={trackingNumber} key={trackingNumber} />
      {r.loading && !p && <Loading label="Looking up the parcel…" />}
      {notFound && (
        <div class="problem" role="alert" data-testid="tracking-not-found">
          <strong class="problem-title">No parcel found</strong>
          <p class="problem-detail">
            There is no parcel with tracking number <strong>{trackingNumber}</strong>. Check the number in your
            shipping e-mail: a parcel appears here once the courier has been booked for it.
          </p>
        </div>
      )}
      {r.error && !notFound && !p && <ProblemBox error={r.error} onRetry={r.reload} />}
      {p && (
        <section class="panel tracked" aria-labelledby="parcel-h" data-testid="tracking-result">
          <h2 id="parcel-h">Parcel {p.trackingNumber}</h2>
          <p class="tracked-status"><span class={'badge ' + (p.status === 'DELIVERED' ? 'badge-good' : 'badge-wait')}>
            {parcelStatusWords(p.status)}</span>
            {p.carrier && <span class="muted"> · carried by {p.carrier}</span>}</p>
          {p.estimatedDelivery && !FINAL.includes(p.status) && (
            <p><strong>Expected delivery:</strong> {date(p.estimatedDelivery)}</p>
          )}
          {events.length === 0 ? (
            <p class="muted">No news from the courier yet: the parcel is booked and waits to be collected.</p>
          ) : (
            <ol class="timeline" reversed>
              {events.map((e, i) => (
                <li key={i}>
                  <time class="when" dateTime={e.occurredAt}>{dateTime(e.occurredAt)}</time>
                  <span class="what">{courierWords(e.type)}</span>
                  {e.location && <span class="detail muted">{e.location}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Page>
  );
}
