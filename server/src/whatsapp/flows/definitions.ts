import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Flows shipped in resources/flows/, in the order the settings screen shows them. */
export const SHIPPED_FLOWS = [
  { name: 'book_appointment', title: 'Book appointment' },
  { name: 'feedback', title: 'Feedback' },
] as const;

/** Components the shipped Flows may use (Meta's Flow JSON component types). */
export const KNOWN_COMPONENTS = new Set([
  'TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText', 'TextInput', 'TextArea', 'DatePicker', 'CalendarPicker', 'Dropdown',
  'RadioButtonsGroup', 'CheckboxGroup', 'ChipsSelector', 'OptIn', 'Footer', 'EmbeddedLink', 'Image', 'If', 'Switch', 'NavigationList', 'Form',
]);
const ACTIONS = new Set(['data_exchange', 'navigate', 'complete', 'update_data', 'open_url']);
const SCREEN_ID = /^[A-Z][A-Z_]*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every component of a layout, nested ones included. */
function components(children: unknown, out: Obj[] = []): Obj[] {
  if (!Array.isArray(children)) return out;
  for (const c of children) {
    if (!isObj(c)) continue;
    out.push(c);
    for (const k of ['children', 'then', 'else']) components(c[k], out);
  }
  return out;
}

/** `${data.x}` and `${form.x}` references anywhere inside a value. */
function refs(value: unknown, kind: 'data' | 'form', out = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(new RegExp(String.raw`\$\{${kind}\.([A-Za-z0-9_]+)\}`, 'g'))) out.add(m[1] as string);
  else if (Array.isArray(value)) value.forEach((v) => refs(v, kind, out));
  else if (isObj(value)) Object.values(value).forEach((v) => refs(v, kind, out));
  return out;
}

/**
 * The structural rules Meta's Flow builder checks that matter for our two Flows: a version, unique
 * screen ids, a terminal screen with a Footer, known components, actions Meta knows, every
 * `${data.x}` declared in the screen's data, every `${form.x}` a field on that screen, and — for an
 * endpoint Flow — data_api_version 3.0 with a routing model whose screens all exist. Problems, or [].
 */
export function validateFlowJson(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(json)) return ['A Flow JSON is an object'];
  if (typeof json.version !== 'string' || !/^\d+\.\d+$/.test(json.version)) problems.push('version must be a string like "7.0"');
  const screens = Array.isArray(json.screens) ? json.screens.filter(isObj) : [];
  if (!screens.length) problems.push('screens must list at least one screen');
  const ids = screens.map((s) => String(s.id));
  const idSet = new Set(ids);
  if (idSet.size !== ids.length) problems.push('screen ids must be unique');
  let exchanges = false;
  for (const s of screens) {
    const id = String(s.id);
    if (!SCREEN_ID.test(id) || id === 'SUCCESS') problems.push(`screen id "${id}" must be upper case letters and _ (and not SUCCESS)`);
    const layout = isObj(s.layout) ? s.layout : null;
    if (layout?.type !== 'SingleColumnLayout') problems.push(`${id}: layout.type must be SingleColumnLayout`);
    const all = components(layout?.children);
    for (const c of all) if (!KNOWN_COMPONENTS.has(String(c.type))) problems.push(`${id}: unknown component "${String(c.type)}"`);
    const declared = new Set(Object.keys(isObj(s.data) ? s.data : {}));
    for (const [k, v] of Object.entries(isObj(s.data) ? s.data : {})) if (!isObj(v) || !('type' in v) || !('__example__' in v)) problems.push(`${id}: data.${k} needs a type and an __example__`);
    for (const r of refs(layout, 'data')) if (!declared.has(r)) problems.push(`${id}: \${data.${r}} is not declared in the screen's data`);
    const names = new Set(all.map((c) => c.name).filter((n): n is string => typeof n === 'string'));
    for (const r of refs(layout, 'form')) if (!names.has(r)) problems.push(`${id}: \${form.${r}} is not a field on this screen`);
    const footers = all.filter((c) => c.type === 'Footer');
    if (footers.length > 1) problems.push(`${id}: at most one Footer`);
    for (const c of all) {
      const action = c['on-click-action'];
      if (action === undefined) continue;
      const name = isObj(action) ? String(action.name) : '';
      if (!ACTIONS.has(name)) problems.push(`${id}: unknown action "${name}"`);
      if (name === 'data_exchange') exchanges = true;
      if (name === 'complete' && s.terminal !== true) problems.push(`${id}: only a terminal screen can complete the Flow`);
      if (name === 'navigate' && isObj(action) && isObj(action.next) && !idSet.has(String(action.next.name))) problems.push(`${id}: navigates to unknown screen "${String(action.next.name)}"`);
    }
    if (s.terminal === true && !footers.length) problems.push(`${id}: a terminal screen needs a Footer`);
  }
  if (!screens.some((s) => s.terminal === true)) problems.push('at least one screen must be terminal');
  if (exchanges || json.data_api_version !== undefined || json.routing_model !== undefined) {
    if (json.data_api_version !== '3.0') problems.push('an endpoint Flow needs data_api_version "3.0"');
    const routing = isObj(json.routing_model) ? json.routing_model : null;
    if (!routing) problems.push('an endpoint Flow needs a routing_model');
    for (const [from, to] of Object.entries(routing ?? {})) {
      if (!idSet.has(from)) problems.push(`routing_model: unknown screen "${from}"`);
      if (!Array.isArray(to)) problems.push(`routing_model.${from} must be a list`);
      else for (const t of to) if (!idSet.has(String(t))) problems.push(`routing_model.${from}: unknown screen "${String(t)}"`);
    }
    for (const id of ids) if (routing && !(id in routing)) problems.push(`routing_model: screen "${id}" is missing`);
  }
  return problems;
}

export interface FlowDefinition {
  name: (typeof SHIPPED_FLOWS)[number]['name'];
  title: string;
  usesEndpoint: boolean;
  json: Record<string, unknown>;
}

/** The shipped Flow JSON files, read from resources/flows/ (for the settings screen's download). */
export function readFlowDefinitions(resourcesDir: string): FlowDefinition[] {
  return SHIPPED_FLOWS.map((f) => {
    const json = JSON.parse(readFileSync(join(resourcesDir, 'flows', `${f.name}.json`), 'utf8')) as Record<string, unknown>;
    return { ...f, usesEndpoint: json.data_api_version !== undefined, json };
  });
}
