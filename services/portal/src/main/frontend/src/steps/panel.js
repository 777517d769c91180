// The "Langkah persetujuan" panel of the editor page (markup and texts: templates/admin-alur-editor.html): a list of
// the diagram's steps (keyboard users choose there what others click on the diagram), then insert / remove / swap.
import { ROLE_NAMES, defaultStepName, roleOf } from './plan.js';
import { canInsertBefore, stepTools } from './tools.js';

const isStep = (e) => !e.labelTarget && e.type !== 'label' && (/Task$/.test(e.type) || e.type === 'bpmn:CallActivity');

/** @param t the page's texts: t(name, value) */
export function stepPanel(modeler, t) {
  const tools = stepTools(modeler);
  const byId = (id) => document.getElementById(id);
  const pick = byId('langkah-pilih');
  if (!pick) {
    return tools;
  }
  const role = byId('langkah-peran');
  const name = byId('langkah-nama');
  const insert = byId('langkah-sisipkan');
  const remove = byId('langkah-hapus');
  const swap = byId('langkah-tukar');
  const undo = byId('langkah-urungkan');
  const chosen = byId('langkah-terpilih');
  const status = byId('langkah-status');
  const days = byId('langkah-hari');
  const deadline = byId('tenggat-hari');
  const deadlineNow = byId('tenggat-sekarang');
  const setDeadline = byId('tenggat-ubah');
  const registry = modeler.get('elementRegistry');
  const selection = modeler.get('selection');
  const canvas = modeler.get('canvas');
  const commandStack = modeler.get('commandStack');

  const label = (e) => (e.businessObject && e.businessObject.name) || e.id;
  let nameEdited = false;
  const prefill = () => {
    if (!nameEdited) {
      name.value = defaultStepName(role.value);
    }
  };
  role.addEventListener('change', prefill);
  name.addEventListener('input', () => { nameEdited = name.value.trim() !== ''; });
  prefill();

  const current = () => {
    const selected = selection.get();
    return selected.length === 1 && isStep(selected[0]) ? selected[0] : null;
  };

  function say(message, tone) {
    status.textContent = message;
    status.className = 'alert ' + (tone || 'tone-done');
    status.hidden = false;
  }

  /** The steps in reading order (left to right, then top to bottom), as options of the list. */
  function refreshList() {
    const keep = pick.value;
    const steps = registry.filter(isStep).sort((a, b) => a.x - b.x || a.y - b.y);
    const none = document.createElement('option');
    none.value = '';
    none.textContent = t('tChoose');
    pick.replaceChildren(none, ...steps.map((e) => {
      const option = document.createElement('option');
      option.value = e.id;
      option.textContent = label(e);
      return option;
    }));
    pick.value = registry.get(keep) ? keep : '';
  }

  function update() {
    const element = current();
    pick.value = element ? element.id : '';
    insert.disabled = !canInsertBefore(element);
    // the step is worked out once per update: it walks the step's decision and revision loop
    const step = tools.stepAt(element);
    remove.disabled = !step;
    swap.disabled = !(step && tools.stepAt(step.next));
    if (undo) {
      undo.disabled = !commandStack.canUndo();
    }
    if (deadline && setDeadline) {
      // a user task with a DesaFlow deadline: its own working days, or its role's setting (empty)
      const own = tools.deadlineOf(element);
      deadline.disabled = setDeadline.disabled = own === undefined;
      if (document.activeElement !== deadline) {
        deadline.value = own ? String(own) : '';
      }
      deadlineNow.textContent = own === undefined ? '' : own ? t('tDeadlineOwn', String(own)) : t('tDeadlineRole');
    }
    const role = step && roleOf(element.businessObject);
    // who decides at an approval step, in words: a role, or a decision table's choice (${kasiRole}, ${signerRole})
    chosen.textContent = !element ? t('tNothing') : step
      ? t('tSelectedStep', label(element)).replace('{1}', ROLE_NAMES[role] || t('tByTable'))
      : t('tSelected', label(element));
  }

  function act(run) {
    try {
      const result = run();
      selection.select(result);
      canvas.scrollToElement(result);
    } catch (failure) {
      say(failure.message, 'tone-refused');
    }
  }

  pick.addEventListener('change', () => {
    const element = registry.get(pick.value);
    selection.select(element || null);
    if (element) {
      canvas.scrollToElement(element);
    }
  });
  insert.addEventListener('click', () => act(() => {
    const before = label(current());
    const task = tools.insertBefore(current(), { role: role.value, name: name.value, days: days && days.value });
    say(t('tInserted', label(task)).replace('{1}', before));
    return task;
  }));
  remove.addEventListener('click', () => act(() => {
    const removed = label(current());
    const next = tools.remove(current());
    say(t('tRemoved', removed));
    return next;
  }));
  swap.addEventListener('click', () => act(() => {
    const moved = tools.swapWithNext(current());
    say(t('tSwapped', label(moved)));
    return moved;
  }));

  if (setDeadline) {
    setDeadline.addEventListener('click', () => act(() => {
      const task = tools.setDeadline(current(), deadline.value);
      say(t('tDeadlineSet', label(task)));
      return task;
    }));
  }

  if (undo) {
    // Ctrl+Z only reaches the diagram when it has the focus; a button is there for everyone
    undo.addEventListener('click', () => {
      commandStack.undo();
      say(t('tUndone'));
    });
  }

  modeler.on('selection.changed', update);
  modeler.on('import.done', () => { refreshList(); update(); });
  modeler.on('commandStack.changed', () => { refreshList(); update(); });
  refreshList();
  update();
  return tools;
}
