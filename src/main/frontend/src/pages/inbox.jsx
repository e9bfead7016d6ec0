// Staff inbox: tasks of the user's roles and warehouses, filters, claim, the task's Camunda form (form-js viewer).
// Pick tasks open in the handheld pick view (pages/pick.jsx) instead of their form.
import './inbox.css';
import { Inbox } from './inbox/InboxPage.jsx';
import { TaskPage } from './inbox/TaskPage.jsx';
import { STAFF_ROLES } from './inbox/tasks.js';

export { Inbox, TaskPage };

export const routes = [
  { path: '/inbox', component: Inbox },
  { path: '/tasks/:taskKey', component: TaskPage },
];
export const nav = [{ href: '#/inbox', label: 'Inbox', roles: STAFF_ROLES }];
