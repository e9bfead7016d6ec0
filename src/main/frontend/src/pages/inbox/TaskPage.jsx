// A task (#/tasks/:taskKey): its context (order, due date, groups, assignee) and its Camunda form rendered by form-js
// with the task's variables. Completing validates the form (form-js), claims an unassigned task for the user first
// (as Tasklist does), then completes it with the form's values; the server checks them again (400 names the fields).
import { useRef, useState } from 'preact/hooks';
import { navigate } from '../../router.js';
import { Busy, dateTime, Loading, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../../ui.jsx';
import { CamundaForm, errorCount, focusFirstError, submitForm, submittable } from './CamundaForm.jsx';
import {
  canUnclaim, canWork, claim, complete, groupLabel, INBOX_ROLES, isOverdue, isPickTask, processLabel, setFlash, unclaim,
} from './tasks.js';

export function TaskPage({ taskKey }) {
  const { data, error, loading, reload } = useApi(`/api/tasks/${encodeURIComponent(taskKey)}`, null, [taskKey]);
  const title = data?.task?.name || 'Task';
  return (
    <Page title={title} actions={<a class="button secondary" href="#/inbox">Back to the inbox</a>}>
      <RequireRole roles={INBOX_ROLES}>
        {loading && !data && <Loading label="Loading the task…" />}
        {error && <ProblemBox error={error} onRetry={reload} />}
        {data && <TaskBody key={taskKey} details={data} reload={reload} />}
      </RequireRole>
    </Page>
  );
}

function TaskBody({ details, reload }) {
  const me = useMe();
  const { task, form: schema, variables = {} } = details;
  // the form is built once from the variables first loaded: a reload (after a claim) keeps what was typed
  const [initial] = useState(() => ({ schema, variables }));
  const formRef = useRef(null);
  const formBox = useRef(null);
  const working = useRef(false);
  const [busy, setBusy] = useState('');
  const [problem, setProblem] = useState(null);
  const [note, setNote] = useState('');
  const [formReady, setFormReady] = useState(!schema);

  const open = task.state === 'CREATED';
  const mine = task.assignee === me.username;
  const othersTask = !!task.assignee && !mine;
  const mayComplete = open && canWork(me) && !othersTask;
  const orderId = variables.orderId || task.businessKey;
  const orderNumber = variables.orderNumber;

  const completeWith = async (data) => {
    if (working.current || !mayComplete) return;
    working.current = true;
    setProblem(null);
    try {
      if (!task.assignee) {
        setBusy('Claiming the task for you…');
        await claim(task.key);
      }
      setBusy('Completing the task…');
      await complete(task.key, schema ? submittable(schema, data) : {});
      setFlash(`Completed “${task.name}”${orderNumber ? ` for order ${orderNumber}` : ''}.`);
      navigate('/inbox');
    } catch (e) {
      setProblem(e);
      setBusy('');
      reload();
    } finally {
      working.current = false;
    }
  };

  const onFormSubmit = ({ data, errors }) => {
    const n = errorCount(errors);
    if (n > 0) {
      setNote(`Please correct ${n} field${n === 1 ? '' : 's'} marked below.`);
      setTimeout(() => focusFirstError(formBox.current), 0);
      return;
    }
    setNote('');
    completeWith(data);
  };

  const onComplete = () => {
    if (!schema) completeWith({});
    else submitForm(formRef);
  };

  return (
    <div class="task-page">
      <section class="panel task-context" aria-labelledby="task-context-h">
        <h2 id="task-context-h" class="visually-hidden">About this task</h2>
        <dl class="task-facts">
          {orderId && (
            <div><dt>Order</dt><dd><a href={`#/orders/${encodeURIComponent(orderId)}`} data-testid="task-order-link">{orderNumber || orderId}</a></dd></div>
          )}
          {variables.shipmentNo != null && <div><dt>Parcel</dt><dd>{variables.shipmentNo}{variables.warehouseCode ? ` · ${variables.warehouseCode}` : ''}</dd></div>}
          <div><dt>Process</dt><dd>{processLabel(task.bpmnProcessId)}</dd></div>
          <div>
            <dt>Due</dt>
            <dd>{task.dueDate ? dateTime(task.dueDate) : '–'}{isOverdue(task) && <> <span class="badge badge-bad">Overdue</span></>}</dd>
          </div>
          <div><dt>Candidate groups</dt><dd>{(task.candidateGroups || []).map(groupLabel).join(', ') || '–'}</dd></div>
          <div><dt>Assignee</dt><dd data-testid="task-assignee">{task.assignee ? (mine ? `You (${me.username})` : task.assignee) : 'Unassigned'}</dd></div>
          <div><dt>Created</dt><dd>{dateTime(task.createdAt)}</dd></div>
          <div><dt>State</dt><dd><StatusBadge status={task.state} /></dd></div>
        </dl>
        {open && canWork(me) && (
          <div class="task-claim">
            {!task.assignee && <Busy class="secondary" onClick={async () => { setProblem(null); await claim(task.key); await reload(); }} onError={setProblem}>Claim</Busy>}
            {canUnclaim(me, task) && <Busy class="secondary" onClick={async () => { setProblem(null); await unclaim(task.key); await reload(); }} onError={setProblem}>Unclaim</Busy>}
          </div>
        )}
      </section>

      {!open && (
        <div class="notice" role="note">
          <p>This task is {String(task.state).toLowerCase()}{task.completedBy ? ` (by ${task.completedBy}${task.completedAt ? `, ${dateTime(task.completedAt)}` : ''})` : ''}. Nothing more to do here.</p>
        </div>
      )}
      {open && isPickTask(task) && (
        <div class="notice" role="note">
          <p>Pick tasks are worked on the handheld: scan every unit on its pick list.</p>
          <a class="button big" href={`#/pick/${task.key}`}>Open the handheld pick view</a>
        </div>
      )}
      {open && othersTask && (
        <div class="notice" role="note"><p>{task.assignee} has claimed this task; only they can complete it{me.roles.includes('warehouse-supervisor') ? ' (you can give it back with Unclaim)' : ''}.</p></div>
      )}
      {open && !canWork(me) && <div class="notice" role="note"><p>You can read this task; your role does not complete tasks.</p></div>}

      {open && (
        <section class="panel task-form" aria-labelledby="task-form-h" ref={formBox}>
          <h2 id="task-form-h">{schema ? 'Form' : 'Complete'}</h2>
          {initial.schema
            ? <CamundaForm schema={initial.schema} data={initial.variables} readOnly={!mayComplete || !!busy}
                label={task.name} formRef={formRef} onSubmit={onFormSubmit} onReady={() => setFormReady(true)}
                onChange={({ errors }) => { if (note && errorCount(errors) === 0) setNote(''); }} />
            : <p class="muted">This task has no form: completing it records that it is done.</p>}
          {note && <p class="field-error" role="alert">{note}</p>}
          <ProblemBox error={problem} />
          <div class="task-submit">
            <button type="button" class="big" onClick={onComplete} disabled={!mayComplete || !!busy || !formReady} aria-busy={busy ? 'true' : 'false'}>
              {busy && <span class="spinner" aria-hidden="true" />}
              {task.assignee ? 'Complete task' : 'Claim and complete'}
            </button>
            <span role="status" aria-live="polite" class="muted">{busy}</span>
          </div>
        </section>
      )}
    </div>
  );
}
