// Staff tasks as the pages need them: which page works on a task, ordering, overdue, and the inbox's one-shot
// confirmation after a completion (the task page sets it, the inbox shows it once).
import { post } from '../../api.js';

/** The roles that are candidate groups of staff tasks (README "Rules"); ops reads every task, changes none. */
export const TASK_GROUPS = ['warehouse', 'customer-service', 'finance', 'purchasing', 'marketing-manager'];
export const STAFF_ROLES = [...TASK_GROUPS, 'warehouse-supervisor'];
export const INBOX_ROLES = [...STAFF_ROLES, 'ops'];

const GROUP_LABELS = {
  warehouse: 'Warehouse', 'customer-service': 'Customer service', finance: 'Finance', purchasing: 'Purchasing',
  'marketing-manager': 'Marketing managers',
};
export const groupLabel = (g) => GROUP_LABELS[g] || g;

const PROCESS_LABELS = {
  'order-fulfillment': 'Order fulfilment', payment: 'Payment', 'payment-settlement': 'Payment settlement',
  replenishment: 'Replenishment', return: 'Return', campaign: 'Campaign',
};
export const processLabel = (id) => PROCESS_LABELS[id] || (id ? id.replaceAll('-', ' ') : '–');

/** The pick task of a parcel (element UserTask_PickOrder, form pick-order): worked on the handheld pick view. */
export function isPickTask(task) {
  return task?.elementId === 'UserTask_PickOrder' || task?.formId === 'pick-order';
}

/** Where a task is worked on: the handheld view for picks, the Camunda form for everything else. */
export function taskHref(task) {
  return isPickTask(task) ? `#/pick/${task.key}` : `#/tasks/${task.key}`;
}

export function isOverdue(task, now = Date.now()) {
  return !!task?.dueDate && task.state !== 'COMPLETED' && new Date(task.dueDate).getTime() < now;
}

const time = (iso) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);

/** By due date (tasks without one last), then by creation, then key. */
export function byDueThenCreated(a, b) {
  return time(a.dueDate) - time(b.dueDate) || time(a.createdAt) - time(b.createdAt) || String(a.key).localeCompare(String(b.key));
}

export const claim = (key) => post(`/api/tasks/${key}/claim`);
export const unclaim = (key) => post(`/api/tasks/${key}/unclaim`);
export const complete = (key, variables) => post(`/api/tasks/${key}/complete`, { variables });

/** The user may change the task (claim, complete): a staff role; ops only reads. */
export function canWork(me) {
  return !!me && me.roles.some((r) => STAFF_ROLES.includes(r));
}

/** Whether the user may give the task back: their own, or (warehouse supervisor) anyone's. */
export function canUnclaim(me, task) {
  return !!task.assignee && canWork(me) && (task.assignee === me.username || me.roles.includes('warehouse-supervisor'));
}

let flash = null;
/** A confirmation for the inbox to show once (e.g. after completing a task). */
export function setFlash(message) { flash = message; }
export function takeFlash() { const m = flash; flash = null; return m; }
