import { describe, expect, it } from 'vitest';
import type { ChatCompletionResponse } from '@mistralai/mistralai/models/components';
import { fromSdkResponse, mistralToolCallId, toSdkMessages } from './wire.js';

const response = (message: Record<string, unknown>) =>
  ({ id: 'x', object: 'chat.completion', model: 'm', created: 0, usage: {}, choices: [{ index: 0, finishReason: 'stop', message }] }) as unknown as ChatCompletionResponse;

describe('Mistral wire mapping', () => {
  it('joins text chunks and drops thinking chunks from the words', () => {
    const res = response({ role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: 'Namaste, ' }, { type: 'text', text: 'welcome!' }] });
    expect(fromSdkResponse(res)).toEqual({ content: 'Namaste, welcome!', toolCalls: [] });
  });

  it('keeps argument text as sent, serialises object arguments, and names calls without an id', () => {
    const res = response({
      role: 'assistant',
      content: '',
      toolCalls: [
        { id: 'abcDEF123', function: { name: 'search_products', arguments: '{"query": "nath' } },
        { id: 'null', function: { name: 'store_info', arguments: { topic: 'hours' } } },
      ],
    });
    expect(fromSdkResponse(res)).toEqual({
      content: null,
      toolCalls: [
        { id: 'abcDEF123', name: 'search_products', arguments: '{"query": "nath' },
        { id: 'call00001', name: 'store_info', arguments: '{"topic":"hours"}' },
      ],
    });
  });

  it('maps any id to a stable 9-character one, keeping valid ids', () => {
    expect(mistralToolCallId('abcDEF123')).toBe('abcDEF123');
    const a = mistralToolCallId('offline-call-1');
    expect(a).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(mistralToolCallId('offline-call-1')).toBe(a);
    const ids = new Set(Array.from({ length: 500 }, (_, i) => mistralToolCallId(`call_${i}`)));
    expect(ids.size).toBe(500);
    const [call, answer] = toSdkMessages([
      { role: 'assistant', content: null, toolCalls: [{ id: 'call_7', name: 'store_info', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'call_7', name: 'store_info', content: '{}' },
    ]);
    expect((call as { toolCalls: { id: string }[] }).toolCalls[0]?.id).toBe((answer as { toolCallId: string }).toolCallId);
  });
});
