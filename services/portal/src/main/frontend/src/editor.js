// The approval-chain editor of /admin/alur/{key}: bpmn-js modeler, Camunda 7 properties panel, bpmnlint overlays.
// It talks only to the portal (same origin); the portal relays to the approval service as the signed-in official.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'virtual:bpmnlint-config';
import { stepPanel } from './steps/panel.js';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './editor.css';

const PROBLEM_MARKER = 'alur-bermasalah';

function byId(id) {
  return document.getElementById(id);
}

/** Text from the page (Indonesian or English, rendered by the portal): {0} is replaced by the value. */
function text(root, name, value) {
  const template = root.dataset[name] || name;
  return value === undefined ? template : template.replace('{0}', value);
}

/**
 * The portal's CSRF token for the script's posts, as its forms carry one: from the editor's data-csrf /
 * data-csrf-header (rendered from Spring Security's _csrf), or from <meta name="_csrf"> tags; none without security.
 */
function csrfHeaders(root) {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const token = root.dataset.csrf || meta('_csrf');
  const header = root.dataset.csrfHeader || meta('_csrf_header') || 'X-CSRF-TOKEN';
  return token ? { [header]: token } : {};
}

async function start() {
  const root = byId('alur-editor');
  if (!root) {
    return;
  }
  const status = byId('alur-status');
  const list = byId('alur-masalah');

  const modeler = new BpmnModeler({
    container: byId('alur-kanvas'),
    propertiesPanel: { parent: byId('alur-properti') },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      lintModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  window.desaflowEditor = modeler; // for the browser check and for curious administrators' consoles
  // the approval-step tools (insert / remove / swap a complete step) and their panel; texts from the panel's data-t-*
  const steps = byId('alur-langkah') || root;
  window.desaflowSteps = stepPanel(modeler, (name, value) => text(steps, name, value));

  let dirty = false;
  modeler.on('commandStack.changed', () => { dirty = true; });
  window.addEventListener('beforeunload', event => {
    if (dirty) {
      event.preventDefault();
    }
  });

  function say(message, tone) {
    status.textContent = message;
    status.className = 'alert ' + (tone || 'tone-info');
    status.hidden = false;
  }

  function clearProblems() {
    const canvas = modeler.get('canvas');
    modeler.get('elementRegistry').forEach(element => canvas.removeMarker(element, PROBLEM_MARKER));
    list.replaceChildren();
  }

  /** Lists the service's problems and marks their elements on the diagram; a click selects the element. */
  function showProblems(problems) {
    clearProblems();
    const registry = modeler.get('elementRegistry');
    const canvas = modeler.get('canvas');
    for (const problem of problems) {
      const item = document.createElement('li');
      const element = problem.elementId ? registry.get(problem.elementId) : null;
      if (element) {
        canvas.addMarker(element, PROBLEM_MARKER);
        const jump = document.createElement('button');
        jump.type = 'button';
        jump.className = 'link';
        jump.textContent = (element.businessObject && element.businessObject.name) || problem.elementId;
        jump.addEventListener('click', () => {
          modeler.get('selection').select(element);
          canvas.scrollToElement(element);
        });
        item.append(jump, ': ');
      } else if (problem.elementId) {
        item.append(problem.elementId + ': ');
      }
      item.append(problem.message || problem.rule || '');
      if (problem.rule) {
        const rule = document.createElement('span');
        rule.className = 'hint';
        rule.textContent = ' (' + problem.rule + ')';
        item.append(rule);
      }
      list.append(item);
    }
  }

  async function send(url, xml) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/xml', Accept: 'application/json' }, csrfHeaders(root)),
      body: xml
    });
    let body = {};
    try {
      body = await response.json();
    } catch (notJson) {
      body = {};
    }
    return { status: response.status, body };
  }

  try {
    const response = await fetch(root.dataset.xml, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    await modeler.importXML(await response.text());
    modeler.get('canvas').zoom('fit-viewport');
    root.dataset.ready = 'true';
  } catch (failure) {
    say(text(root, 'tLoadFailed'), 'tone-refused');
    return;
  }

  byId('alur-periksa').addEventListener('click', async () => {
    say(text(root, 'tChecking'));
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const { status: code, body } = await send(root.dataset.check, xml);
      const problems = Array.isArray(body.problems) ? body.problems : [];
      showProblems(problems);
      if (code >= 400 && !problems.length) {
        say(body.detail || text(root, 'tFailed'), 'tone-refused');
      } else if (problems.length) {
        say(text(root, 'tProblems', problems.length), 'tone-action');
      } else {
        say(text(root, 'tNoProblems'), 'tone-done');
      }
    } catch (failure) {
      say(text(root, 'tFailed'), 'tone-refused');
    }
  });

  byId('alur-terapkan').addEventListener('click', async () => {
    const scope = document.querySelector('input[name="cakupan"]:checked');
    if (!window.confirm(text(root, scope && scope.value === 'semua' ? 'tConfirmAll' : 'tConfirmVillage'))) {
      return;
    }
    say(text(root, 'tDeploying'));
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const url = root.dataset.deploy + '?cakupan=' + encodeURIComponent(scope ? scope.value : 'desa');
      const { status: code, body } = await send(url, xml);
      const problems = Array.isArray(body.problems) ? body.problems : [];
      showProblems(problems);
      if (code === 201) {
        dirty = false;
        say(text(root, 'tDeployed', body.version), 'tone-done');
      } else if (problems.length) {
        say(text(root, 'tRefused', problems.length), 'tone-refused');
      } else {
        say(body.detail || body.title || text(root, 'tFailed'), 'tone-refused');
      }
    } catch (failure) {
      say(text(root, 'tFailed'), 'tone-refused');
    }
  });
}

start();
