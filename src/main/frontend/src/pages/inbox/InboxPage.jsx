// The staff inbox (#/inbox): the open tasks the signed-in user may see (the server limits them to the user's roles and
// warehouses), filtered by candidate group, assignment and text, by due date then creation, refreshed every 15 s.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Busy, dateTime, Empty, Loading, Page, ProblemBox, RequireRole, useApi, useMe } from '../../ui.jsx';
import {
  byDueThenCreated, canUnclaim, canWork, claim, groupLabel, INBOX_ROLES, isOverdue, isPickTask, processLabel,
  TASK_GROUPS, takeFlash, taskHref, unclaim,
} from './tasks.js';

const POLL_MS = 15000;
/** The filters survive a visit to a task and back (not a reload). */
let remembered = { group: '', assignment: 'all', text: '' };

export function Inbox() {
  return (
    <Page title="Inbox" wide>
      <RequireRole roles={INBOX_ROLES}>
        <InboxBody />
      </RequireRole>
    </Page>
  );
}

function InboxBody() {
  const me = useMe();
  const [filters, setFilters] = useState(remembered);
  const [flash] = useState(() => takeFlash());
  const [actionError, setActionError] = useState(null);
  const [status, setStatus] = useState('');
  const [updatedAt, setUpdatedAt] = useState(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => { remembered = filters; }, [filters]);

  const groups = TASK_GROUPS.filter((g) => me.roles.includes(g)
    || (g === 'warehouse' && me.roles.includes('warehouse-supervisor')));
  const query = {
    candidateGroup: filters.group || undefined,
    assignee: filters.assignment === 'mine' ? me.username : undefined,
    limit: 1000,
  };
  const { data, error, loading, reload } = useApi('/api/tasks', query, [], POLL_MS);
  useEffect(() => {
    if (data) { setUpdatedAt(new Date()); setNow(Date.now()); }
  }, [data]);

  const text = filters.text.trim().toLowerCase();
  const tasks = useMemo(() => (data || [])
    .filter((t) => filters.assignment !== 'unassigned' || !t.assignee)
    .filter((t) => !text || [t.name, t.businessKey, t.bpmnProcessId, processLabel(t.bpmnProcessId), t.elementId, String(t.key)]
      .some((v) => v && String(v).toLowerCase().includes(text)))
    .slice().sort(byDueThenCreated), [data, filters.assignment, text]);

  const set = (k) => (e) => setFilters({ ...filters, [k]: e.currentTarget.value });
  const act = (fn, task, verb) => async () => {
    setActionError(null);
    await fn(task.key);
    setStatus(`${verb} “${task.name}”.`);
    await reload();
  };
  const onActionError = (task, verb) => (err) => {
    setActionError({ err, what: `Could not ${verb} “${task.name}”` });
    reload();
  };
  const overdueCount = tasks.filter((t) => isOverdue(t, now)).length;

  return (
    <>
      {flash && <div class="success" role="status" data-testid="inbox-flash">{flash}</div>}
      <form class="inbox-filters panel" onSubmit={(e) => e.preventDefault()} aria-label="Filter tasks">
        <div>
          <label for="inbox-group">Candidate group</label>
          <select id="inbox-group" value={filters.group} onChange={set('group')}>
            <option value="">All my groups</option>
            {groups.map((g) => <option key={g} value={g}>{groupLabel(g)}</option>)}
          </select>
        </div>
        <fieldset class="inbox-assignment">
          <legend>Assignee</legend>
          {[['all', 'All'], ['mine', 'Assigned to me'], ['unassigned', 'Unassigned']].map(([v, l]) => (
            <label key={v} class="chip">
              <input type="radio" name="inbox-assignment" value={v} checked={filters.assignment === v}
                onChange={set('assignment')} />
              {l}
            </label>
          ))}
        </fieldset>
        <div class="inbox-search">
          <label for="inbox-text">Search</label>
          <input id="inbox-text" type="search" placeholder="Task name, order or business key" value={filters.text}
            onInput={set('text')} />
        </div>
      </form>

      <div class="inbox-bar">
        <p class="muted" aria-live="polite" data-testid="inbox-count">
          {data ? `${tasks.length} task${tasks.length === 1 ? '' : 's'}` : ''}
          {overdueCount > 0 && <> · <strong class="overdue-text">{overdueCount} overdue</strong></>}
        </p>
        <p class="muted inbox-updated">
          {loading && <span class="spinner" aria-hidden="true" />}
          <span data-testid="inbox-updated">{updatedAt ? `Updated ${updatedAt.toLocaleTimeString()}` : 'Loading…'}</span>
          {' · refreshes every 15 s '}
          <button type="button" class="secondary small" onClick={() => { setActionError(null); setStatus(''); reload(); }}>Refresh</button>
        </p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
      {actionError && (
        <div class="action-error">
          <p class="muted">{actionError.what}:</p>
          <ProblemBox error={actionError.err} />
        </div>
      )}
      {error && <ProblemBox error={error} onRetry={() => reload()} />}
      {!data && loading && <Loading label="Loading tasks…" />}
      {data && tasks.length === 0 && (
        <Empty>{data.length === 0 ? 'No open tasks for you right now.' : 'No task matches these filters.'}</Empty>
      )}
      {tasks.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table class="inbox-table">
            <caption class="visually-hidden">Open tasks, by due date</caption>
            <thead>
              <tr>
                <th scope="col">Task</th><th scope="col">Process</th><th scope="col">Order / business key</th>
                <th scope="col">Group</th><th scope="col">Assignee</th><th scope="col">Due</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => {
                const overdue = isOverdue(t, now);
                const mine = t.assignee === me.username;
                return (
                  <tr key={t.key} class={overdue ? 'overdue' : ''} data-testid={`task-${t.key}`}>
                    <td data-label="Task">
                      <a href={taskHref(t)} class="task-name">{t.name}</a>
                      {isPickTask(t) && <span class="badge">Handheld</span>}
                    </td>
                    <td data-label="Process">{processLabel(t.bpmnProcessId)}</td>
                    <td data-label="Order">
                      {t.businessKey ? <a href={`#/orders/${encodeURIComponent(t.businessKey)}`} class="mono">{t.businessKey}</a> : '–'}
                    </td>
                    <td data-label="Group">{(t.candidateGroups || []).map(groupLabel).join(', ') || '–'}</td>
                    <td data-label="Assignee">{t.assignee ? (mine ? <strong>You</strong> : t.assignee) : <span class="muted">Unassigned</span>}</td>
                    <td data-label="Due">
                      {t.dueDate ? <time datetime={t.dueDate}>{dateTime(t.dueDate)}</time> : <span class="muted">–</span>}
                      {overdue && <span class="badge badge-bad">Overdue</span>}
                    </td>
                    <td class="inbox-actions">
                      <a class="button small" href={taskHref(t)}>{isPickTask(t) ? 'Pick' : 'Open'}<span class="visually-hidden"> {t.name}</span></a>
                      {!t.assignee && canWork(me) && (
                        <Busy class="secondary small" onClick={act(claim, t, 'Claimed')} onError={onActionError(t, 'claim')}>
                          Claim<span class="visually-hidden"> {t.name}</span>
                        </Busy>
                      )}
                      {canUnclaim(me, t) && (
                        <Busy class="secondary small" onClick={act(unclaim, t, 'Gave back')} onError={onActionError(t, 'unclaim')}>
                          Unclaim<span class="visually-hidden"> {t.name}</span>
                        </Busy>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
