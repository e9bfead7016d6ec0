// One purchase order: facts, the supplier's answer, its lines, the receipts with their discrepancies, its history.
import { date, dateTime, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../../ui.jsx';
import { num, words } from '../backoffice/common.jsx';
import { InboxNote, READ_ROLES } from './shared.jsx';

function SupplierAnswer({ po }) {
  if (po.status === 'REJECTED') {
    return <div class="problem" role="status" data-testid="supplier-answer"><strong>Rejected by the supplier</strong>
      {po.rejectionReason && <>: {po.rejectionReason}</>}</div>;
  }
  if (po.confirmedAt) {
    const partly = po.status === 'PARTIALLY_CONFIRMED' || (po.lines || []).some((l) => l.confirmedQuantity !== undefined && l.confirmedQuantity < l.orderedQuantity);
    return (
      <p data-testid="supplier-answer">
        <span class={`badge ${partly ? 'badge-wait' : 'badge-good'}`}>{partly ? 'Partly confirmed' : 'Confirmed'}</span>{' '}
        on {dateTime(po.confirmedAt)}{po.expectedDate && <>, delivery expected {date(po.expectedDate)}</>}.
        {partly && ' Fewer units than ordered (see the confirmed column).'}
      </p>
    );
  }
  if (po.sentAt) return <p data-testid="supplier-answer">Sent on {dateTime(po.sentAt)}; no answer from the supplier yet.</p>;
  return <p class="muted" data-testid="supplier-answer">Not sent to the supplier yet.</p>;
}

function Receipt({ r }) {
  const issues = (r.lines || []).some((l) => (l.discrepancies || []).length > 0);
  return (
    <section class="panel" aria-labelledby={`receipt-${r.receiptNo}`}>
      <h3 id={`receipt-${r.receiptNo}`}>Receipt {r.receiptNo} {issues ? <span class="badge badge-bad">discrepancies</span> : <span class="badge badge-good">as expected</span>}</h3>
      <p class="muted bo-small">
        {dateTime(r.receivedAt)}{r.receivedBy && <> · counted by {r.receivedBy}</>}
        {(r.deliveryNote || r.deliveryReference) && <> · delivery note <code>{r.deliveryNote || r.deliveryReference}</code></>}
      </p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
        <table class="bo-table">
          <thead>
            <tr>
              <th scope="col">SKU</th><th scope="col" class="num">Received</th><th scope="col" class="num">Damaged</th>
              <th scope="col" class="num">Accepted</th><th scope="col">Bin</th><th scope="col">Lots / serials</th><th scope="col">Discrepancies</th>
            </tr>
          </thead>
          <tbody>
            {(r.lines || []).map((l) => (
              <tr key={`${l.poLineNo}-${l.sku}`}>
                <td><code>{l.sku}</code></td>
                <td class="num">{num(l.receivedQuantity)}</td>
                <td class="num">{num(l.damagedQuantity)}</td>
                <td class="num">{num(l.acceptedQuantity)}</td>
                <td>{l.binLocation || '–'}</td>
                <td class="bo-break bo-small">{(l.lotOrSerials || []).join(', ') || '–'}</td>
                <td>{(l.discrepancies || []).length === 0 ? '–' : l.discrepancies.map((d) => <span key={d} class="badge badge-bad">{d}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PurchaseOrderDetail({ poId }) {
  const me = useMe();
  const { data: po, error, loading, reload } = useApi(hasRole(me, ...READ_ROLES) ? `/api/purchase-orders/${encodeURIComponent(poId)}` : null,
    null, [poId], 10000);
  return (
    <Page title={po ? `Purchase order ${po.number}` : 'Purchase order'} wide
      actions={<a class="button secondary small" href="#/purchasing">All purchase orders</a>}>
      <RequireRole roles={READ_ROLES}>
        {loading && !po && <Loading label="Loading the purchase order…" />}
        <ProblemBox error={error} onRetry={reload} />
        {po && (
          <>
            <p><StatusBadge status={po.status} /></p>
            <InboxNote me={me} po={po} />
            <dl class="bo-facts">
              <div><dt>Supplier</dt><dd>{po.supplierName || po.supplierId}</dd></div>
              <div><dt>Warehouse</dt><dd>{words(po.warehouseId)}</dd></div>
              <div><dt>Value</dt><dd>{money(po.value, po.currency)}</dd></div>
              <div><dt>Expected</dt><dd>{date(po.expectedDate)}</dd></div>
              <div><dt>Created</dt><dd>{dateTime(po.createdAt)}</dd></div>
              {po.approvedBy && <div><dt>Approved by</dt><dd>{po.approvedBy}</dd></div>}
              {po.decisionNote && <div><dt>Decision note</dt><dd>{po.decisionNote}</dd></div>}
              {po.closedAt && <div><dt>Closed</dt><dd>{dateTime(po.closedAt)}</dd></div>}
            </dl>

            <h2>Supplier's answer</h2>
            <SupplierAnswer po={po} />

            <h2>Lines</h2>
            <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
              <table class="bo-table" data-testid="po-lines">
                <thead>
                  <tr>
                    <th scope="col">SKU</th><th scope="col" class="num">Ordered</th><th scope="col" class="num">Confirmed</th>
                    <th scope="col" class="num">Received</th><th scope="col" class="num">Damaged</th><th scope="col" class="num">Accepted</th>
                    <th scope="col" class="num">Open</th><th scope="col" class="num">Unit cost</th>
                  </tr>
                </thead>
                <tbody>
                  {(po.lines || []).map((l) => (
                    <tr key={l.lineNo}>
                      <td><code>{l.sku}</code></td>
                      <td class="num">{num(l.orderedQuantity)}</td>
                      <td class="num">{l.confirmedQuantity === undefined ? '–' : num(l.confirmedQuantity)}</td>
                      <td class="num">{num(l.receivedQuantity)}</td>
                      <td class="num">{num(l.damagedQuantity)}</td>
                      <td class="num">{num(l.acceptedQuantity)}</td>
                      <td class="num">{l.openQuantity > 0 ? <strong>{num(l.openQuantity)}</strong> : num(l.openQuantity)}</td>
                      <td class="num">{money(l.unitCost, po.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h2>Receipts</h2>
            {(po.receipts || []).length === 0 ? <Empty>No delivery counted yet.</Empty> : po.receipts.map((r) => <Receipt key={r.receiptNo} r={r} />)}

            <h2>History</h2>
            {(po.history || []).length === 0 ? <Empty>Nothing recorded yet.</Empty> : (
              <ol class="bo-history">
                {po.history.map((h, i) => (
                  <li key={i}><span class="muted bo-nowrap">{dateTime(h.occurredAt)}</span> <strong>{words(h.step)}</strong>{h.detail && <> — {h.detail}</>}</li>
                ))}
              </ol>
            )}
          </>
        )}
      </RequireRole>
    </Page>
  );
}
