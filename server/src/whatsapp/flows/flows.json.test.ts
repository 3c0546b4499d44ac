import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_SERVICES } from './booking-flow.js';
import { readFlowDefinitions, validateFlowJson } from './definitions.js';

const RESOURCES = join(import.meta.dirname, '../../../../resources');

describe('the shipped Flow JSON', () => {
  const defs = readFlowDefinitions(RESOURCES);

  it('both Flows pass the structural checks', () => {
    expect(defs.map((d) => d.name)).toEqual(['book_appointment', 'feedback']);
    for (const d of defs) expect(validateFlowJson(d.json), d.name).toEqual([]);
  });

  it('book appointment: DATE → TIME → SERVICE on the data endpoint, each step a data_exchange', () => {
    const json = defs[0]!.json as { data_api_version: string; routing_model: Record<string, string[]>; screens: { id: string; terminal?: boolean; data: Record<string, { __example__: unknown }> }[] };
    expect(json.data_api_version).toBe('3.0');
    expect(json.routing_model).toEqual({ DATE: ['TIME'], TIME: ['SERVICE'], SERVICE: [] });
    expect(json.screens.map((s) => [s.id, s.terminal ?? false])).toEqual([['DATE', false], ['TIME', false], ['SERVICE', true]]);
    // the service example lists exactly the ids the endpoint serves and appointments store
    expect(json.screens[2]!.data.services!.__example__).toEqual(FLOW_SERVICES.map((s) => ({ ...s })));
    expect(JSON.stringify(json)).not.toContain('"complete"');
  });

  it('feedback: one terminal screen, a 1–5 rating and a comment, completed without an endpoint', () => {
    const json = defs[1]!.json;
    expect(json.data_api_version).toBeUndefined();
    const text = JSON.stringify(json);
    expect(text).toContain('"name":"complete"');
    expect(text).toContain('"rating":"${form.rating}"');
    expect(text).toContain('"comment":"${form.comment}"');
  });

  it('the checker catches what Meta would refuse', () => {
    const bad = {
      version: '7.0',
      data_api_version: '3.0',
      routing_model: { A: ['NOPE'] },
      screens: [
        { id: 'A', layout: { type: 'SingleColumnLayout', children: [{ type: 'Bogus' }, { type: 'TextBody', text: '${data.missing}' }, { type: 'Footer', label: 'Go', 'on-click-action': { name: 'complete', payload: { x: '${form.y}' } } }] } },
      ],
    };
    expect(validateFlowJson(bad)).toEqual(
      expect.arrayContaining([
        'A: unknown component "Bogus"',
        'A: ${data.missing} is not declared in the screen\'s data',
        'A: ${form.y} is not a field on this screen',
        'A: only a terminal screen can complete the Flow',
        'at least one screen must be terminal',
        'routing_model.A: unknown screen "NOPE"',
      ]),
    );
  });
});
