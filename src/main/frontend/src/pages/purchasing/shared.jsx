// What the purchasing pages share: roles, and where the people's steps are done (the task inbox).
import { hasRole } from '../../ui.jsx';
import { words } from '../backoffice/common.jsx';

/** Who reads purchase orders and transfers (ops reads every GET; warehouse staff only their warehouses'). */
export const READ_ROLES = ['purchasing', 'warehouse', 'warehouse-supervisor', 'ops'];
export const POLICY_ROLES = ['purchasing', 'ops'];

/** Approvals (purchasing) and receipts (warehouse staff) are tasks in the inbox; the pages here only read. */
export function InboxNote({ me, po }) {
  const purchasing = hasRole(me, 'purchasing');
  const warehouse = hasRole(me, 'warehouse', 'warehouse-supervisor');
  if (po) {
    if (po.status === 'AWAITING_APPROVAL') {
      return (
        <div class="notice" role="note" data-testid="po-next-step">
          <strong>Waiting for approval by purchasing</strong> (above the approval threshold): the task “Approve purchase order”
          is in the {purchasing ? <a href="#/inbox">inbox</a> : 'purchasing team’s inbox'}.
        </div>
      );
    }
    if (['SENT', 'CONFIRMED', 'PARTIALLY_CONFIRMED', 'PARTIALLY_RECEIVED'].includes(po.status)) {
      return (
        <div class="notice" role="note" data-testid="po-next-step">
          {po.status === 'SENT' ? <><strong>Sent to the supplier</strong>, waiting for its answer. </> : <strong>Goods expected. </strong>}
          The staff of {words(po.warehouseId)} count each delivery in the task “Receive goods against purchase order”
          {warehouse ? <> in the <a href="#/inbox">inbox</a>.</> : ' in their inbox.'}
        </div>
      );
    }
    return null;
  }
  return (
    <p class="muted">
      Approvals (purchasing) and goods receipts (warehouse staff) are tasks in the {purchasing || warehouse ? <a href="#/inbox">task inbox</a> : 'task inbox'};
      these pages show where each purchase order stands.
    </p>
  );
}
