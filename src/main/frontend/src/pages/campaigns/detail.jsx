// One campaign: what it offers to whom, where its approval stands, its results; marketing may cancel it while it waits
// for approval or runs (POST /api/campaigns/{id}/cancellation).
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { currentQuery } from '../../router.js';
import { date, dateTime, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../../ui.jsx';
import { Confirm, num, pct, words } from '../backoffice/common.jsx';
import { audience, productLabel, READ_ROLES, useCatalogue, WRITE_ROLES } from './shared.jsx';

function StatusNote({ c, me }) {
  switch (c.status) {
    case 'DRAFT':
    case 'AWAITING_APPROVAL':
      return (
        <div class="notice" role="status" data-testid="campaign-approval">
          <p><strong>Awaiting approval by a marketing manager in the inbox.</strong> A manager other than its author
            ({c.createdBy}) approves or rejects it there; it runs as soon as it is approved.</p>
          {hasRole(me, 'marketing-manager') && me.username !== c.createdBy && <p><a href="#/inbox">Open the inbox</a></p>}
        </div>
      );
    case 'RUNNING':
      return (
        <div class="success" role="status">
          Running: approved by {c.approvedBy || '–'} {c.decidedAt && <>on {dateTime(c.decidedAt)}</>}. Every selected customer
          who consented to marketing gets one offer by mail, valid until {dateTime(c.validUntil)}. The results are recorded
          when the campaign ends.
        </div>
      );
    case 'REJECTED':
      return <div class="problem" role="status">Rejected by {c.approvedBy || '–'} {c.decidedAt && <>on {dateTime(c.decidedAt)}</>}.</div>;
    case 'CANCELLED':
      return <div class="notice" role="status">Cancelled: its open offers expired; the results below are final.</div>;
    case 'FINISHED':
      return <div class="notice" role="status">Finished on {dateTime(c.validUntil)}: the results below are final.</div>;
    default:
      return null;
  }
}

export function CampaignDetail({ campaignId }) {
  const me = useMe();
  const { data, error, loading, reload } = useApi(hasRole(me, ...READ_ROLES) ? `/api/campaigns/${encodeURIComponent(campaignId)}` : null,
    null, [campaignId], 5000);
  const { bySku, products } = useCatalogue();
  const [cancelError, setCancelError] = useState(null);
  const [justCreated] = useState(() => currentQuery().get('created') === '1');
  const c = data;
  const currency = (c?.products?.length && bySku[c.products[0]]?.currency) || products[0]?.currency || 'EUR';
  const canCancel = c && hasRole(me, ...WRITE_ROLES) && ['DRAFT', 'AWAITING_APPROVAL', 'RUNNING'].includes(c.status);
  const cancel = async () => {
    setCancelError(null);
    await post(`/api/campaigns/${encodeURIComponent(campaignId)}/cancellation`);
    await reload();
  };

  return (
    <Page title={c ? c.name : 'Campaign'} wide actions={<a class="button secondary small" href="#/campaigns">All campaigns</a>}>
      <RequireRole roles={READ_ROLES}>
        {justCreated && c && <p class="success" role="status" data-testid="campaign-created">Campaign “{c.name}” submitted.</p>}
        {loading && !data && <Loading label="Loading the campaign…" />}
        <ProblemBox error={error} onRetry={reload} />
        {c && (
          <>
            <p><StatusBadge status={c.status} /> <span class="muted">defined by {c.createdBy} on {dateTime(c.createdAt)}</span></p>
            <StatusNote c={c} me={me} />
            {c.note && <p><strong>Manager's note:</strong> {c.note}</p>}

            <h2>Offer</h2>
            <dl class="bo-facts">
              <div><dt>Audience</dt><dd>{audience(c)}</dd></div>
              <div><dt>Discount</dt><dd>{c.discountPercent} %</dd></div>
              <div><dt>Valid until</dt><dd>{dateTime(c.validUntil)}</dd></div>
              <div><dt>Customers selected</dt><dd>{c.audienceSize === undefined ? 'counted at approval' : num(c.audienceSize)}</dd></div>
            </dl>
            <h3>Products</h3>
            <ul>
              {(c.products || []).map((sku) => {
                const p = bySku[sku];
                return (
                  <li key={sku}>{productLabel(p, sku)} <span class="muted">{sku}</span>
                    {p && <> — {money(p.price, p.currency)} → <strong>{money((Number(p.price) * (100 - c.discountPercent)) / 100, p.currency)}</strong></>}
                  </li>
                );
              })}
            </ul>

            <h2>Results</h2>
            {c.offersSent === undefined && c.offersAccepted === undefined && c.revenue === undefined
              ? <p class="muted">Recorded when the campaign ends (validity over, or cancelled).</p>
              : (
                <ul class="bo-tiles" data-testid="campaign-results">
                  <li><span class="label">Offers sent</span><span class="value">{num(c.offersSent)}</span></li>
                  <li><span class="label">Accepted</span><span class="value">{num(c.offersAccepted)}</span>
                    {c.offersSent > 0 && <span class="muted bo-small">{pct(c.offersAccepted / c.offersSent)} of the offers</span>}</li>
                  <li><span class="label">Revenue</span><span class="value">{money(c.revenue, currency)}</span>
                    <span class="muted bo-small">orders not cancelled or expired</span></li>
                </ul>
              )}
            {c.processInstanceKey && <p class="muted bo-small">Process instance <code>{c.processInstanceKey}</code>; valid until {date(c.validUntil)}.</p>}

            {canCancel && (
              <div class="bo-form-actions">
                <Confirm label="Cancel the campaign" question="Stop this campaign? Its open offers expire." yes="Yes, cancel it"
                  no="Keep it" onConfirm={cancel} onError={setCancelError} testId="cancel-campaign" />
              </div>
            )}
            <ProblemBox error={cancelError} />
          </>
        )}
      </RequireRole>
    </Page>
  );
}
