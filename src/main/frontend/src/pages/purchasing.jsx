// Purchasing: purchase orders, transfers between warehouses, reorder policies (read-only: approvals and goods receipts
// are tasks in the inbox).
//   #/purchasing             purchase orders (purchasing and ops: all; warehouse staff: their warehouses')
//   #/purchasing/:poId       one purchase order: lines, the supplier's answer, receipts and discrepancies, history
//   #/purchasing/transfers   stock transfers between warehouses
//   #/purchasing/policies    reorder policies (purchasing, ops)
import { useState } from 'preact/hooks';
import { date, dateTime, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../ui.jsx';
import { num, Tabs, words } from './backoffice/common.jsx';
import { PurchaseOrderDetail } from './purchasing/detail.jsx';
import { InboxNote, POLICY_ROLES, READ_ROLES } from './purchasing/shared.jsx';

const PO_STATUSES = ['DRAFT', 'AWAITING_APPROVAL', 'SENT', 'CONFIRMED', 'PARTIALLY_CONFIRMED', 'REJECTED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'];

export function PurchasingTabs({ current }) {
  const me = useMe();
  const items = [{ href: '#/purchasing', label: 'Purchase orders' }, { href: '#/purchasing/transfers', label: 'Transfers' }];
  if (hasRole(me, ...POLICY_ROLES)) items.push({ href: '#/purchasing/policies', label: 'Reorder policies' });
  return <Tabs label="Purchasing" items={items} current={current} />;
}

function lineSummary(po) {
  const lines = po.lines || [];
  if (lines.length === 0) return '–';
  const first = `${lines[0].sku} × ${lines[0].orderedQuantity}`;
  return lines.length > 1 ? `${first} + ${lines.length - 1} more` : first;
}

export function PurchaseOrders() {
  const me = useMe();
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useApi(hasRole(me, ...READ_ROLES) ? '/api/purchase-orders' : null,
    { status, limit: 200 }, [], 15000);
  return (
    <Page title="Purchasing" wide>
      <RequireRole roles={READ_ROLES}>
        <PurchasingTabs current="#/purchasing" />
        <InboxNote me={me} />
        <form class="bo-toolbar" aria-label="Filter purchase orders" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="po-status">Status</label>
            <select id="po-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">All</option>
              {PO_STATUSES.map((s) => <option key={s} value={s}>{words(s)}</option>)}
            </select>
          </div>
        </form>
        {loading && !data && <Loading label="Loading the purchase orders…" />}
        <ProblemBox error={error} onRetry={reload} />
        {data && data.length === 0 && <Empty>{status ? `No purchase order is ${words(status).toLowerCase()}.` : 'No purchase orders yet: they are created when stock falls below a reorder point.'}</Empty>}
        {data && data.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table bo-stack" data-testid="purchase-orders">
              <caption class="bo-sr-only">Purchase orders, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Purchase order</th><th scope="col">Lines</th><th scope="col">Supplier</th><th scope="col">Warehouse</th>
                  <th scope="col">Status</th><th scope="col" class="num">Value</th><th scope="col">Expected</th>
                </tr>
              </thead>
              <tbody>
                {data.map((po) => (
                  <tr key={po.id}>
                    <td class="bo-nowrap"><a href={`#/purchasing/${po.id}`}>{po.number}</a><div class="muted bo-small">{date(po.createdAt)}</div></td>
                    <td data-label="Lines">{lineSummary(po)}</td>
                    <td data-label="Supplier">{po.supplierName || po.supplierId}</td>
                    <td data-label="Warehouse">{words(po.warehouseId)}</td>
                    <td data-label="Status"><StatusBadge status={po.status} /></td>
                    <td data-label="Value" class="num">{money(po.value, po.currency)}</td>
                    <td data-label="Expected" class="bo-nowrap">{date(po.expectedDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RequireRole>
    </Page>
  );
}

export function Transfers() {
  const me = useMe();
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useApi(hasRole(me, ...READ_ROLES) ? '/api/transfers' : null, { status, limit: 200 }, [], 15000);
  return (
    <Page title="Transfers" wide>
      <RequireRole roles={READ_ROLES}>
        <PurchasingTabs current="#/purchasing/transfers" />
        <p class="muted">Stock sent from a warehouse with spare units to one below its reorder point. The receiving warehouse counts
          them in its inbox task “Receive transfer”.</p>
        <form class="bo-toolbar" aria-label="Filter transfers" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="transfer-status">Status</label>
            <select id="transfer-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">All</option>
              <option value="IN_TRANSIT">In transit</option>
              <option value="RECEIVED">Received</option>
            </select>
          </div>
        </form>
        {loading && !data && <Loading label="Loading the transfers…" />}
        <ProblemBox error={error} onRetry={reload} />
        {data && data.length === 0 && <Empty>No transfers.</Empty>}
        {data && data.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table bo-stack" data-testid="transfers">
              <caption class="bo-sr-only">Transfers, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Transfer</th><th scope="col">SKU</th><th scope="col">From → to</th><th scope="col" class="num">Sent</th>
                  <th scope="col">Status</th><th scope="col" class="num">Received</th><th scope="col" class="num">Damaged</th>
                  <th scope="col" class="num">Accepted</th><th scope="col">Discrepancies</th>
                </tr>
              </thead>
              <tbody>
                {data.map((t) => (
                  <tr key={t.id}>
                    <td class="bo-nowrap">{t.number}<div class="muted bo-small">{date(t.createdAt)}</div></td>
                    <td data-label="SKU"><code>{t.sku}</code></td>
                    <td data-label="From → to" class="bo-nowrap">{words(t.fromWarehouseId)} → {words(t.toWarehouseId)}</td>
                    <td data-label="Sent" class="num">{num(t.quantity)}</td>
                    <td data-label="Status"><StatusBadge status={t.status} />{t.receivedAt && <div class="muted bo-small">{dateTime(t.receivedAt)}{t.receivedBy && ` by ${t.receivedBy}`}</div>}</td>
                    <td data-label="Received" class="num">{num(t.receivedQuantity)}</td>
                    <td data-label="Damaged" class="num">{num(t.damagedQuantity)}</td>
                    <td data-label="Accepted" class="num">{num(t.acceptedQuantity)}</td>
                    <td data-label="Discrepancies">{(t.discrepancies || []).map((d) => <span key={d} class="badge badge-bad">{d}</span>)}
                      {t.notes && <div class="muted bo-small">{t.notes}</div>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RequireRole>
    </Page>
  );
}

export function Policies() {
  const me = useMe();
  const [filter, setFilter] = useState('');
  const { data, error, loading, reload } = useApi(hasRole(me, ...POLICY_ROLES) ? '/api/reorder-policies' : null);
  const f = filter.trim().toLowerCase();
  const shown = (data || []).filter((p) => !f || `${p.sku} ${p.warehouseId} ${p.supplierName || ''}`.toLowerCase().includes(f));
  return (
    <Page title="Reorder policies" wide>
      <RequireRole roles={POLICY_ROLES}>
        <PurchasingTabs current="#/purchasing/policies" />
        <p class="muted">Below its reorder point a SKU is replenished in that warehouse: by a transfer from a warehouse with spare
          stock, or a purchase order to the supplier (the order quantity, or the days of cover at the recent daily sales).</p>
        <div class="bo-toolbar">
          <div class="field">
            <label for="policy-filter">Find</label>
            <input id="policy-filter" type="search" placeholder="SKU, warehouse or supplier" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </div>
        </div>
        {loading && !data && <Loading label="Loading the reorder policies…" />}
        <ProblemBox error={error} onRetry={reload} />
        {data && shown.length === 0 && <Empty>No policy matches.</Empty>}
        {shown.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table" data-testid="reorder-policies">
              <caption class="bo-sr-only">Reorder policies per SKU and warehouse</caption>
              <thead>
                <tr>
                  <th scope="col">SKU</th><th scope="col">Warehouse</th><th scope="col" class="num">Reorder point</th>
                  <th scope="col" class="num">Order quantity</th><th scope="col" class="num">Days of cover</th><th scope="col" class="num">Daily sales</th>
                  <th scope="col">Supplier</th><th scope="col" class="num">Unit cost</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.sku}@${p.warehouseId}`}>
                    <td><code>{p.sku}</code></td>
                    <td>{words(p.warehouseId)}</td>
                    <td class="num">{num(p.reorderPoint)}</td>
                    <td class="num">{num(p.orderQuantity)}</td>
                    <td class="num">{p.coverDays === undefined ? '–' : num(p.coverDays)}</td>
                    <td class="num">{p.dailySales === undefined ? '–' : num(p.dailySales, 2)}</td>
                    <td>{p.supplierName || p.supplierId}</td>
                    <td class="num">{money(p.unitCost, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RequireRole>
    </Page>
  );
}

export const routes = [
  { path: '/purchasing', component: PurchaseOrders },
  { path: '/purchasing/transfers', component: Transfers },
  { path: '/purchasing/policies', component: Policies },
  { path: '/purchasing/:poId', component: PurchaseOrderDetail },
];
export const nav = [{ href: '#/purchasing', label: 'Purchasing', roles: ['purchasing', 'warehouse', 'warehouse-supervisor'] }];
