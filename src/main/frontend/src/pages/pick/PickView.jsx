// The handheld pick view (#/pick/:taskKey): the parcel's pick list in walking order (by bin), one scan input that
// keeps the focus for a barcode scanner (it types the code, then Enter) and doubles as manual entry, each accepted
// unit counted on its line, a refused scan shown with the API's message, and "Complete pick" once every unit is in.
// Serialized products take two scans: the item's barcode (its SKU), then its serial number.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post } from '../../api.js';
import { Loading, Page, ProblemBox, RequireRole, useMe } from '../../ui.jsx';
import { canWork, claim, complete, setFlash } from '../inbox/tasks.js';

const PICK_ROLES = ['warehouse', 'warehouse-supervisor', 'ops'];

export function PickPage({ taskKey }) {
  return (
    <Page title="Pick parcel" actions={<a class="button secondary" href="#/inbox">Inbox</a>}>
      <RequireRole roles={PICK_ROLES}>
        <PickBody key={taskKey} taskKey={taskKey} />
      </RequireRole>
    </Page>
  );
}

const vibrate = (pattern) => { try { navigator.vibrate?.(pattern); } catch { /* not on this device */ } };
const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function PickBody({ taskKey }) {
  const me = useMe();
  const base = `/api/tasks/${encodeURIComponent(taskKey)}`;
  const [task, setTask] = useState(null);
  const [list, setList] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(null); // the serialized line whose serial number is expected next
  const [problem, setProblem] = useState(null);
  const [errorSeq, setErrorSeq] = useState(0); // a new alert element for each refusal: read out even when it repeats
  const [status, setStatus] = useState('');
  const [lastSku, setLastSku] = useState(null);
  const [scanning, setScanning] = useState(0);
  const [keyboard, setKeyboard] = useState(false);
  const [notes, setNotes] = useState('');
  const [completing, setCompleting] = useState(false);
  const [done, setDone] = useState(null);
  const input = useRef(null);
  const completeButton = useRef(null);
  const listRef = useRef(null);
  const pendingRef = useRef(null);
  const taskRef = useRef(null);
  const queue = useRef(Promise.resolve());
  listRef.current = list;
  pendingRef.current = pending;
  taskRef.current = task;

  const focusScan = () => { if (input.current && !input.current.disabled) input.current.focus({ preventScroll: true }); };

  const load = async () => {
    try {
      const [details, pickList] = await Promise.all([get(base), get(`${base}/pick-list`)]);
      setTask(details.task);
      setList(pickList);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  };
  useEffect(() => { load(); }, [base]);

  const open = task?.state === 'CREATED';
  const othersTask = !!task?.assignee && task.assignee !== me.username;
  const mayWork = open && canWork(me) && !othersTask && !done;
  const mayScan = mayWork && !list?.complete;

  // focus the scan input once the list is there (after the page moved the focus to its heading), and bring it back
  // when a scanner types while nothing else that takes text has the focus
  useEffect(() => { if (list && mayScan) setTimeout(focusScan, 0); }, [!!list, mayScan]);
  useEffect(() => { if (mayWork && list?.complete) completeButton.current?.focus(); }, [mayWork, !!list?.complete]);
  useEffect(() => {
    if (!mayScan) return undefined;
    const onKey = (e) => {
      const el = document.activeElement;
      if (typing(el) || e.ctrlKey || e.metaKey || e.altKey) return;
      // Enter and Space on a button or link are the user's: they activate it
      if ((e.key === 'Enter' || e.key === ' ') && el?.matches?.('a[href], button, summary')) return;
      if (e.key.length === 1 || e.key === 'Enter') focusScan();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [mayScan]);
  const onBlur = (e) => {
    // a click on empty space gives the focus back to the scan input; a button, link or text field keeps it
    if (!e.relatedTarget) setTimeout(() => { if (!document.activeElement || document.activeElement === document.body) focusScan(); }, 0);
  };

  const ensureClaimed = async () => {
    const t = taskRef.current;
    if (t && !t.assignee) {
      const claimed = await claim(t.key);
      setTask(claimed);
      taskRef.current = claimed;
    }
  };

  const send = async (scan) => {
    await ensureClaimed();
    const before = listRef.current;
    const after = await post(`${base}/scans`, scan);
    setList(after);
    listRef.current = after;
    const line = after.lines.find((l) => l.sku === scan.barcode);
    const was = before?.lines.find((l) => l.sku === scan.barcode);
    const counted = line && was && line.scannedQuantity > was.scannedQuantity;
    setLastSku({ sku: scan.barcode, at: Date.now() });
    setProblem(null);
    vibrate(40);
    const left = after.unitsToScan === 0 ? 'Every unit is scanned: complete the pick.'
      : `${after.unitsToScan} unit${after.unitsToScan === 1 ? '' : 's'} left.`;
    setStatus(`${counted ? 'Scanned' : 'Already scanned'} ${line?.productName || scan.barcode}${scan.serialNumber ? ` (serial ${scan.serialNumber})` : ''}: `
      + `${line?.scannedQuantity} of ${line?.quantity}${line && line.scannedQuantity >= line.quantity ? ', line complete' : ''}. ${left}`);
  };

  const refuse = (err) => {
    setProblem(err);
    setErrorSeq((n) => n + 1);
    setStatus('');
    vibrate([120, 60, 120]);
  };

  const process = async (raw) => {
    const scanned = raw.trim();
    if (!scanned || !listRef.current) return;
    const lines = listRef.current.lines;
    const expecting = pendingRef.current;
    try {
      if (expecting && !lines.some((l) => l.sku === scanned)) {
        try {
          await send({ barcode: expecting.sku, serialNumber: scanned });
          setPending(null);
          pendingRef.current = null;
        } catch (e) {
          refuse(e); // keeps waiting for a serial number: scan the one on the item in hand
        }
        return;
      }
      if (expecting) { setPending(null); pendingRef.current = null; }
      const line = lines.find((l) => l.sku === scanned);
      if (line?.serialized) {
        if (line.scannedQuantity >= line.quantity) {
          refuse(new ApiError(409, { title: 'Too many', detail: `All ${line.quantity} unit(s) of ${line.sku} on this pick list are already scanned` }));
          return;
        }
        setProblem(null);
        setPending(line);
        pendingRef.current = line;
        setStatus(`${line.productName}: now scan its serial number.`);
        return;
      }
      await send({ barcode: scanned });
    } catch (e) {
      refuse(e);
    }
  };

  const onScan = (e) => {
    e.preventDefault();
    const value = code;
    setCode('');
    if (!value.trim()) { focusScan(); return; }
    setScanning((n) => n + 1);
    // scans are sent one after another in the order they were read, even when the scanner is faster than the server
    queue.current = queue.current.then(() => process(value)).finally(() => {
      setScanning((n) => n - 1);
      focusScan();
    });
  };

  const cancelSerial = () => { setPending(null); setStatus('Serial number scan cancelled.'); focusScan(); };

  const completePick = async () => {
    setCompleting(true);
    setProblem(null);
    try {
      await ensureClaimed();
      const variables = { allLinesPicked: true };
      if (notes.trim()) variables.pickNotes = notes.trim();
      const completed = await complete(task.key, variables);
      setTask(completed);
      const message = `Pick of order ${list.orderNumber}, parcel ${list.shipmentNo} completed: it goes to packing.`;
      setDone(message);
      setFlash(message);
      setStatus(message);
      vibrate([40, 40, 40]);
    } catch (e) {
      refuse(e);
      load();
    } finally {
      setCompleting(false);
    }
  };

  if (loadError) return <ProblemBox error={loadError} onRetry={load} />;
  if (!list || !task) return <Loading label="Loading the pick list…" />;

  const total = list.lines.reduce((n, l) => n + l.quantity, 0);
  const scannedUnits = total - list.unitsToScan;
  const next = list.lines.find((l) => l.scannedQuantity < l.quantity);
  const recent = lastSku?.sku;

  return (
    <div class="pick">
      <p class="pick-summary">
        Order <a href={`#/orders/${encodeURIComponent(list.orderId)}`}><strong>{list.orderNumber}</strong></a>
        {' · '}parcel {list.shipmentNo}{' · '}<span class="pick-warehouse">{list.warehouseId}</span>
        {task.assignee && <> · {task.assignee === me.username ? 'claimed by you' : `claimed by ${task.assignee}`}</>}
      </p>

      {done ? (
        <div class="pick-done success" data-testid="pick-done">
          <p class="pick-done-title">✓ Pick complete</p>
          <p>{done}</p>
          <a class="button big" href="#/inbox">Back to the inbox</a>
        </div>
      ) : !open ? (
        <div class="notice" role="note"><p>This pick task is {String(task.state).toLowerCase()}{task.completedBy ? ` (by ${task.completedBy})` : ''}: it takes no more scans.</p></div>
      ) : othersTask ? (
        <div class="notice" role="note"><p>{task.assignee} is picking this parcel. Only they can scan and complete it; a supervisor can give it back in the inbox.</p></div>
      ) : !canWork(me) ? (
        <div class="notice" role="note"><p>You can follow this pick; your role does not scan.</p></div>
      ) : null}

      {mayScan && (
        <form class={'pick-scan' + (pending ? ' expecting-serial' : '')} onSubmit={onScan} autocomplete="off">
          <label for="pick-scan-input">
            {pending ? <>Scan the <strong>serial number</strong> of {pending.productName}</> : 'Scan barcode'}
          </label>
          <div class="pick-scan-row">
            <input id="pick-scan-input" ref={input} value={code} onInput={(e) => setCode(e.currentTarget.value)} onBlur={onBlur}
              autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck={false} enterkeyhint="go"
              inputmode={keyboard ? 'text' : 'none'} aria-describedby="pick-scan-hint" data-testid="scan-input" />
            <button type="submit" class="pick-scan-ok">OK</button>
          </div>
          <p id="pick-scan-hint" class="pick-hint">
            {pending ? `${pending.sku} is serialized: the serial number is the second barcode on the item.`
              : 'Scan the item or bin label, or type its code and press OK.'}
            {scanning > 0 && <span class="spinner" aria-hidden="true" />}
          </p>
          <div class="pick-scan-tools">
            <button type="button" class="secondary" aria-pressed={keyboard ? 'true' : 'false'}
              onClick={() => { setKeyboard(!keyboard); setTimeout(focusScan, 0); }}>
              {keyboard ? 'Hide keyboard' : 'Type a code'}
            </button>
            {pending && <button type="button" class="secondary" onClick={cancelSerial}>Cancel serial scan</button>}
          </div>
        </form>
      )}

      <div class="pick-feedback">
        <p class={'pick-status' + (done ? ' visually-hidden' : '')} role="status" aria-live="polite" data-testid="pick-status">{problem ? '' : status}</p>
        {problem && (
          <div class="pick-error" data-testid="pick-error" key={errorSeq}>
            <ProblemBox error={problem} />
          </div>
        )}
      </div>

      {mayWork && list.complete && (
        <div class="pick-complete">
          <label for="pick-notes">Notes for the packer (optional)</label>
          <textarea id="pick-notes" rows={2} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          <button type="button" ref={completeButton} class="big pick-complete-button" onClick={completePick} disabled={completing} aria-busy={completing ? 'true' : 'false'}>
            {completing && <span class="spinner" aria-hidden="true" />}Complete pick
          </button>
        </div>
      )}
      <div class="pick-progress">
        <label for="pick-progress-bar">{list.unitsToScan === 0 ? `All ${total} units scanned` : `${scannedUnits} of ${total} units scanned`}</label>
        <progress id="pick-progress-bar" max={total} value={scannedUnits} />
      </div>

      <h2 class="visually-hidden">Pick list, in walking order</h2>
      <ol class="pick-lines">
        {list.lines.map((l) => {
          const complete = l.scannedQuantity >= l.quantity;
          const cls = ['pick-line', complete ? 'done' : '', next === l && !done ? 'next' : '', recent === l.sku ? 'just' : '',
            pending?.sku === l.sku ? 'expecting' : ''].filter(Boolean).join(' ');
          return (
            <li key={`${l.sku}-${l.scannedQuantity}`} class={cls} data-testid={`pick-line-${l.sku}`}>
              <div class="pick-bin"><span class="pick-label">Bin</span>{l.binLocation || '–'}</div>
              <div class="pick-what">
                <strong class="pick-product">{l.productName}</strong>
                <span class="pick-sku">{l.sku}</span>
                {l.serialized && <span class="badge">Serial no. needed</span>}
                {next === l && !done && <span class="badge badge-wait">Next</span>}
              </div>
              <div class="pick-count" data-testid={`pick-count-${l.sku}`}>
                <span class="visually-hidden">Scanned </span>
                <b>{l.scannedQuantity}</b><span aria-hidden="true"> / </span><span class="visually-hidden"> of </span>{l.quantity}
                {complete && <span class="pick-check" aria-label="complete">✓</span>}
              </div>
              {l.serialNumbers?.length > 0 && (
                <ul class="pick-serials" aria-label="Serial numbers scanned">
                  {l.serialNumbers.map((s) => <li key={s}>{s}</li>)}
                </ul>
              )}
            </li>
          );
        })}
      </ol>

    </div>
  );
}
